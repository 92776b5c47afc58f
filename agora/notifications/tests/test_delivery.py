"""Notifications follow from the event log: mentions, replies and comments reach the
people they are about, once, never the person who acted, and never someone who may not
read the post."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from agora.core.models import EventCursor
from agora.notifications.models import Notification, NotificationKind
from agora.posts import actions as posts
from agora.qa import actions as qa
from agora.spaces import actions as spaces
from agora.spaces.models import JoinRequest, Visibility
from agora.testing.events import deliver

pytestmark = pytest.mark.django_db


def told(user, kind=None):
    """(kind, actor, post, answer, comment) of each of ``user``'s notifications, oldest first."""
    rows = Notification.objects.filter(user=user).order_by("created_at", "id")
    if kind is not None:
        rows = rows.filter(kind=kind)
    return [(n.kind, n.actor_id, n.post_id, n.answer_id, n.comment_id) for n in rows]


def test_a_mention_in_a_post_tells_the_person_mentioned(cast):
    post = posts.do_create_post(
        cast.engineer, space=cast.open_space, body=f"Thanks @{cast.salesperson.handle}!"
    )
    assert told(cast.salesperson) == []  # nothing before the consumer has read the log
    deliver()
    assert told(cast.salesperson) == [
        (NotificationKind.MENTION, cast.engineer.pk, post.pk, None, None)
    ]
    assert told(cast.engineer) == []  # never the author


def test_a_mention_reaches_nobody_who_may_not_read_the_post(cast):
    posts.do_create_post(
        cast.engineer,
        space=cast.private_space,
        body=f"Hello @{cast.outsider.handle} and @{cast.salesperson.handle}",
    )
    deliver()
    assert told(cast.outsider) == []  # not a member of the private space
    assert [k for k, *_ in told(cast.salesperson)] == [NotificationKind.MENTION]


def test_comments_tell_the_posts_author_and_replies_the_comments_author(cast):
    post = cast.open_post  # by the engineer
    first = posts.do_add_comment(cast.salesperson, post, "Which release is this?")
    reply = posts.do_add_comment(cast.moderator, post, "The May one.", parent=first)
    own = posts.do_add_comment(cast.engineer, post, "Yes, May.")
    deliver()
    assert told(cast.engineer) == [
        (NotificationKind.COMMENT, cast.salesperson.pk, post.pk, None, first.pk),
        (NotificationKind.COMMENT, cast.moderator.pk, post.pk, None, reply.pk),
    ]  # and nothing for their own comment
    assert told(cast.salesperson) == [
        (NotificationKind.REPLY, cast.moderator.pk, post.pk, None, reply.pk)
    ]
    assert not Notification.objects.filter(comment=own).exists()


def test_one_notification_per_person_and_event_the_mention_first(cast):
    post = cast.open_post
    first = posts.do_add_comment(cast.salesperson, post, "A question.")
    posts.do_add_comment(
        cast.moderator,
        post,
        f"@{cast.salesperson.handle} @{cast.engineer.handle} see this",
        parent=first,
    )
    deliver()
    # The salesperson is replied to and mentioned; the engineer's post is commented on
    # and they are mentioned: each hears once, of the mention.
    assert [k for k, *_ in told(cast.salesperson)] == [NotificationKind.MENTION]
    assert [k for k, *_ in told(cast.engineer)] == [
        NotificationKind.COMMENT,  # the salesperson's first comment
        NotificationKind.MENTION,
    ]


def test_a_mention_in_an_answer_opens_the_answer(cast, client_for):
    question = qa.do_ask(cast.salesperson, space=None, title="Who runs the build farm?", body="?")
    answer = qa.do_answer(cast.engineer, question, f"@{cast.moderator.handle} does.")
    deliver()
    mention = Notification.objects.get(user=cast.moderator, kind=NotificationKind.MENTION)
    assert (mention.post_id, mention.answer_id) == (question.post.pk, answer.post.pk)
    response = client_for("moderator").get(reverse("notifications:open", args=[mention.pk]))
    assert response["Location"].endswith(f"#answer-{answer.post.pk}")
    # The asker hears of the answer itself.
    assert [k for k, *_ in told(cast.salesperson, NotificationKind.NEW_ANSWER)] == [
        NotificationKind.NEW_ANSWER
    ]


def test_an_edit_tells_only_people_it_mentions_for_the_first_time(cast):
    post = posts.do_create_post(cast.engineer, space=None, body=f"Hi @{cast.salesperson.handle}")
    posts.do_edit_post(
        post,
        editor=cast.engineer,
        body=f"Hi @{cast.salesperson.handle} and @{cast.outsider.handle}",
    )
    posts.do_edit_post(
        post,
        editor=cast.engineer,
        body=f"Hello @{cast.salesperson.handle} and @{cast.outsider.handle}",
    )
    deliver()
    assert len(told(cast.salesperson)) == 1
    assert told(cast.outsider) == [
        (NotificationKind.MENTION, cast.engineer.pk, post.pk, None, None)
    ]


def test_a_comment_notification_opens_the_comment_and_says_what_happened(cast, client_for):
    comment = posts.do_add_comment(cast.salesperson, cast.open_post, "Nice work")
    deliver()
    client = client_for("engineer")
    html = client.get(reverse("notifications:list")).content.decode()
    assert "<strong>Sam Sales</strong> commented on your post" in html
    note = Notification.objects.get(user=cast.engineer)
    response = client.get(reverse("notifications:open", args=[note.pk]))
    assert response["Location"] == f"{cast.open_post.get_absolute_url()}#comment-{comment.pk}"


def test_notifications_are_dated_when_their_event_happened(cast):
    then = timezone.now() - timedelta(days=3)
    posts.do_add_comment(cast.salesperson, cast.company_post, "Welcome!", created_at=then)
    deliver()
    assert Notification.objects.get(user=cast.engineer).created_at == then


def test_reading_the_log_again_writes_nothing_twice(cast):
    posts.do_add_comment(cast.salesperson, cast.open_post, f"@{cast.moderator.handle} look")
    deliver()
    assert deliver() == 0  # the cursor has moved past it
    count = Notification.objects.count()
    assert count == 2  # the mention, and the comment on the engineer's post
    # As if the cursor had not moved (a crash between the two): nothing is written twice.
    EventCursor.objects.filter(name="notifications").update(last_id=0)
    assert deliver() > 0
    assert Notification.objects.count() == count


def test_several_comments_on_one_post_are_one_line_and_opening_it_reads_them_all(cast, client_for):
    for person in (cast.moderator, cast.outsider, cast.salesperson):
        posts.do_add_comment(person, cast.company_post, "Welcome aboard")
    posts.do_add_comment(cast.salesperson, cast.open_post, "And here")
    deliver()
    client = client_for("engineer")
    html = client.get(reverse("notifications:list")).content.decode()
    assert html.count('class="card notification unread"') == 2
    assert "<strong>Sam Sales and 2 others</strong> commented on your post" in html
    assert "<strong>Sam Sales</strong> commented on your post" in html  # the other post
    newest = Notification.objects.filter(user=cast.engineer, post=cast.company_post).first()
    assert newest is not None
    client.get(reverse("notifications:open", args=[newest.pk]))
    unread = Notification.objects.filter(user=cast.engineer, read_at__isnull=True)
    assert [n.post_id for n in unread] == [cast.open_post.pk]


def test_a_request_to_join_tells_the_spaces_managers_and_the_decision_its_person(cast, client_for):
    space = cast.private_space
    spaces.do_join(cast.outsider, space, message="May I?")
    deliver()
    for manager in (cast.engineer, cast.moderator):
        asked = Notification.objects.get(user=manager)
        assert (asked.kind, asked.actor, asked.space) == (
            NotificationKind.JOIN_REQUEST,
            cast.outsider,
            space,
        )
    client = client_for("engineer")
    html = client.get(reverse("notifications:list")).content.decode()
    assert "<strong>Olly Outsider</strong> asked to join" in html
    mine = Notification.objects.get(user=cast.engineer)
    opened = client.get(reverse("notifications:open", args=[mine.pk]))
    assert opened["Location"] == reverse("spaces:members", args=[space.slug])
    request = JoinRequest.objects.get(user=cast.outsider)
    spaces.do_decide_request(cast.engineer, request, approve=True)
    deliver()
    told = Notification.objects.get(user=cast.outsider)
    assert (told.kind, told.actor, told.text) == (
        NotificationKind.JOIN_APPROVED,
        cast.engineer,
        space.name,
    )


def test_a_declined_request_to_a_space_made_secret_since_says_nothing(cast, client_for):
    space = cast.private_space
    spaces.do_join(cast.outsider, space, message="May I?")
    deliver()
    spaces.do_update_space(
        space, name=space.name, description=space.description, kind=space.kind,
        visibility=Visibility.SECRET,
    )  # fmt: skip
    request = JoinRequest.objects.get(user=cast.outsider)
    spaces.do_decide_request(cast.engineer, request, approve=False)
    deliver()
    assert not Notification.objects.filter(user=cast.outsider).exists()
    html = client_for("outsider").get(reverse("notifications:list")).content.decode()
    assert space.name not in html
