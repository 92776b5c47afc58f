"""What people choose to hear: per kind (email at once, digest, app only, off), per space
(everything, mentions only, muted), on the settings page; and reaction milestones."""

from __future__ import annotations

import pytest

from agora.notifications import actions, preferences
from agora.notifications.models import (
    Delivery,
    DigestSchedule,
    EmailState,
    Notification,
    NotificationKind,
    SpaceLevel,
)
from agora.people import actions as people
from agora.posts import actions as posts
from agora.testing.events import deliver

pytestmark = pytest.mark.django_db


def kinds_told(user):
    return list(
        Notification.objects.filter(user=user)
        .order_by("created_at", "id")
        .values_list("kind", flat=True)
    )


def test_the_defaults_email_mentions_and_replies_and_keep_the_rest_for_the_digest(cast):
    chosen = preferences.kind_choices(cast.engineer)
    assert chosen[NotificationKind.MENTION] == Delivery.EMAIL
    assert chosen[NotificationKind.REPLY] == Delivery.EMAIL
    assert chosen[NotificationKind.COMMENT] == Delivery.DIGEST
    assert chosen[NotificationKind.BADGE] == Delivery.DIGEST


def test_a_kind_switched_off_writes_nothing_and_app_only_sends_no_email(cast, mailoutbox):
    actions.set_kind_deliveries(
        cast.salesperson,
        {NotificationKind.MENTION: Delivery.OFF, NotificationKind.REPLY: Delivery.APP},
    )
    posts.do_create_post(
        cast.engineer, space=cast.open_space, body=f"@{cast.salesperson.handle} hi"
    )
    mine = posts.do_add_comment(cast.salesperson, cast.open_post, "First!")
    posts.do_add_comment(cast.engineer, cast.open_post, "Thanks", parent=mine)
    deliver()
    assert kinds_told(cast.salesperson) == [NotificationKind.REPLY]
    assert Notification.objects.get(user=cast.salesperson).email == EmailState.NONE
    assert mailoutbox == []


def test_a_muted_space_tells_nothing_and_mentions_only_tells_mentions(cast):
    actions.set_space_level(cast.engineer, cast.open_space.pk, SpaceLevel.MUTED)
    posts.do_add_comment(cast.salesperson, cast.open_post, "Muted comment")
    posts.do_create_post(
        cast.salesperson, space=cast.open_space, body=f"@{cast.engineer.handle} muted"
    )
    deliver()
    assert kinds_told(cast.engineer) == []
    actions.set_space_level(cast.engineer, cast.open_space.pk, SpaceLevel.MENTIONS)
    posts.do_add_comment(cast.salesperson, cast.open_post, "Another comment")
    posts.do_create_post(
        cast.salesperson, space=cast.open_space, body=f"@{cast.engineer.handle} hi"
    )
    deliver()
    assert kinds_told(cast.engineer) == [NotificationKind.MENTION]
    # Other spaces are not affected.
    posts.do_add_comment(cast.salesperson, cast.private_post, "In the private space")
    deliver()
    assert kinds_told(cast.engineer) == [NotificationKind.MENTION, NotificationKind.COMMENT]
    actions.set_space_level(cast.engineer, cast.open_space.pk, SpaceLevel.ALL)
    assert preferences.space_levels(cast.engineer) == {}  # "everything" keeps no row


def test_the_settings_page_shows_and_saves_every_choice(cast, client_for):
    client = client_for("salesperson")
    page = client.get("/notifications/settings/")
    assert page.status_code == 200
    assert "Mentioned" in page.text and "Comment on your post" in page.text
    assert cast.open_space.name in page.text and cast.private_space.name in page.text
    assert cast.secret_space.name not in page.text  # not his
    form = {
        f"kind_{k}": preferences.kind_choices(cast.salesperson)[k] for k in preferences.CHOOSABLE
    }
    form |= {
        "kind_comment": Delivery.EMAIL,
        "kind_badge": Delivery.OFF,
        "frequency": "daily",
        "hour": "7",
        "weekday": "0",
        "time_zone": "Asia/Tokyo",
        f"space_{cast.open_space.pk}": SpaceLevel.MUTED,
        f"space_{cast.private_space.pk}": SpaceLevel.ALL,
    }
    saved = client.post("/notifications/settings/", form)
    assert saved.status_code == 302
    chosen = preferences.kind_choices(cast.salesperson)
    assert chosen["comment"] == Delivery.EMAIL and chosen["badge"] == Delivery.OFF
    schedule = DigestSchedule.objects.get(user=cast.salesperson)
    assert (schedule.frequency, schedule.hour, schedule.time_zone) == ("daily", 7, "Asia/Tokyo")
    assert preferences.space_levels(cast.salesperson) == {cast.open_space.pk: SpaceLevel.MUTED}
    again = client.get("/notifications/settings/")
    assert 'value="Asia/Tokyo" selected' in again.text


def test_a_bad_settings_form_says_what_is_wrong_and_saves_nothing(cast, client_for):
    client = client_for("salesperson")
    response = client.post(
        "/notifications/settings/",
        {"frequency": "hourly", "hour": "25", "time_zone": "Mars/Olympus", "kind_mention": "off"},
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.text
    assert preferences.kind_choices(cast.salesperson)["mention"] == Delivery.EMAIL
    assert not DigestSchedule.objects.filter(user=cast.salesperson).exists()


def test_reactions_tell_the_author_at_milestones_only_and_once_each(cast):
    fans = [
        people.create_user(f"fan{n}@example.com", display_name=f"Fan {n}", password="x" * 12)
        for n in range(5)
    ]
    post = cast.company_post  # by the engineer, readable by everyone
    posts.do_add_reaction(fans[0], post, "thumbs_up")
    posts.do_add_reaction(fans[0], post, "celebrate")  # the same person again: still one
    deliver()
    assert list(
        Notification.objects.filter(
            user=cast.engineer, kind=NotificationKind.REACTIONS
        ).values_list("count", "actor_id")
    ) == [(1, fans[0].pk)]
    posts.do_remove_reaction(fans[0], post, "thumbs_up")
    posts.do_remove_reaction(fans[0], post, "celebrate")
    posts.do_add_reaction(fans[0], post, "thumbs_up")  # back to one: told already
    for fan in fans[1:4]:
        posts.do_add_reaction(fan, post, "helpful")
    deliver()
    assert (
        Notification.objects.filter(user=cast.engineer, kind=NotificationKind.REACTIONS).count()
        == 1
    )
    posts.do_add_reaction(fans[4], post, "insightful")  # the fifth person
    deliver()
    counts = Notification.objects.filter(user=cast.engineer, kind=NotificationKind.REACTIONS)
    assert sorted(counts.values_list("count", flat=True)) == [1, 5]


def test_the_notifications_page_says_how_many_reacted(cast, client_for):
    fans = [
        people.create_user(f"fan{n}@example.com", display_name=f"Fan {n}", password="x" * 12)
        for n in range(5)
    ]
    for fan in fans:
        posts.do_add_reaction(fan, cast.company_post, "thumbs_up")
        deliver()
    page = client_for("engineer").get("/notifications/")
    assert "<strong>Fan 4</strong> and 4 others reacted to your post" in page.text
    assert "<strong>Fan 0</strong> reacted to your post" in page.text


def test_the_notifications_page_filters_by_kind_and_by_unread(cast, client_for):
    posts.do_create_post(
        cast.salesperson, space=cast.open_space, body=f"@{cast.engineer.handle} look"
    )
    posts.do_add_comment(cast.salesperson, cast.open_post, "A comment on Ada's post")
    deliver()
    client = client_for("engineer")
    mentions = client.get("/notifications/?kind=mentions")
    assert "mentioned you in" in mentions.text and "commented on your post" not in mentions.text
    replies = client.get("/notifications/?kind=replies")
    assert "commented on your post" in replies.text and "mentioned you in" not in replies.text
    mention = Notification.objects.get(user=cast.engineer, kind=NotificationKind.MENTION)
    client.get(f"/notifications/{mention.pk}/")  # opened: read
    unread = client.get("/notifications/?show=unread")
    assert "commented on your post" in unread.text and "mentioned you in" not in unread.text
    nothing = client.get("/notifications/?kind=recognition")
    assert "Nothing here" in nothing.text
    assert client.get("/notifications/?kind=bogus&show=x").status_code == 200  # all of them
