"""Leaders' privileges (edit tags, mark duplicates, pin), enforced on the server."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from agora.posts import actions as posts
from agora.posts.models import Post
from agora.qa.models import Question
from agora.qa.tests.conftest import make_leader
from agora.testing.pages import without_csrf

pytestmark = pytest.mark.django_db


def _tags(question: Question) -> set[str]:
    return set(question.post.tags.values_list("name", flat=True))


def test_a_non_leader_gets_403_for_every_privilege(cast, client_for, ask):
    question = ask("open", tags="db")
    original = ask("open", title="The original question about passwords")
    client = client_for("salesperson")  # a member of the space, not the asker, not a leader
    page = client.get(question.get_absolute_url()).content.decode()
    assert "Question tools" not in page
    retag = client.post(reverse("qa:retag", args=[question.pk]), {"tags": "spam"})
    assert retag.status_code == 403
    assert "privilege of leaders" in retag.content.decode()
    duplicate = client.post(
        reverse("qa:duplicate", args=[question.pk]), {"original": str(original.pk)}
    )
    assert duplicate.status_code == 403
    pin = client.post(reverse("posts:pin", args=[question.pk]), {"on": "1"})
    assert pin.status_code == 403
    assert "leaders who belong" in pin.content.decode()
    question.refresh_from_db()
    question.post.refresh_from_db()
    assert _tags(question) == {"db"}
    assert question.duplicate_of is None
    assert question.post.pinned_at is None


def test_a_leader_sees_the_tools_and_uses_them(cast, client_for, ask):
    make_leader(cast.salesperson)
    question = ask("open", tags="db")
    original = ask("open", title="The original question about passwords")
    client = client_for("salesperson")
    page = client.get(question.get_absolute_url()).content.decode()
    assert "Question tools (leader privileges)" in page
    for label in ("Tags", "Duplicate of (address or number of the original question)"):
        assert f">{label}</label>" in page
    assert "Pin to the top of Open Space" in page

    retag = client.post(reverse("qa:retag", args=[question.pk]), {"tags": "postgres, #Ops"})
    assert retag.status_code == 302
    assert _tags(question) == {"postgres", "ops"}

    link = f"http://testserver{original.get_absolute_url()}"
    duplicate = client.post(reverse("qa:duplicate", args=[question.pk]), {"original": link})
    assert duplicate.status_code == 302
    question.refresh_from_db()
    assert question.duplicate_of == original
    notice = client_for("outsider").get(question.get_absolute_url()).content.decode()
    assert "This question is a duplicate of" in notice
    assert original.get_absolute_url() in notice

    pin = client.post(reverse("posts:pin", args=[question.pk]), {"on": "1"})
    assert pin.status_code == 302
    question.post.refresh_from_db()
    assert question.post.pinned_by == cast.salesperson

    reopen = client.post(reverse("qa:duplicate", args=[question.pk]), {"original": ""})
    assert reopen.status_code == 302
    question.refresh_from_db()
    assert question.duplicate_of is None


def test_the_asker_may_retag_their_own_question(cast, client_for, ask):
    question = ask("open", by=cast.salesperson, tags="db")
    response = client_for("salesperson").post(
        reverse("qa:retag", args=[question.pk]), {"tags": "database"}
    )
    assert response.status_code == 302
    assert _tags(question) == {"database"}


def test_marking_a_duplicate_refuses_what_the_leader_cannot_read_or_itself(cast, client_for, ask):
    make_leader(cast.salesperson)
    question = ask("open")
    hidden = ask("secret", title="A secret question about the offsite")
    client = client_for("salesperson")
    for typed, message in (
        (str(hidden.pk), "There is no question with that number that you can read."),
        (str(cast.open_post.pk), "There is no question with that number that you can read."),
        (f"#{question.pk}", "A question cannot duplicate itself."),
        ("the other one", "Paste the address of the original question, or its number."),
    ):
        response = client.post(reverse("qa:duplicate", args=[question.pk]), {"original": typed})
        assert response.status_code == 400, typed
        assert message in response.content.decode()
    question.refresh_from_db()
    assert question.duplicate_of is None


def test_the_duplicate_notice_names_the_original_only_to_its_readers(cast, client_for, ask):
    make_leader(cast.moderator)  # a site moderator holds every privilege anyway
    question = ask("open")
    original = ask("private", title="The private original about staging")
    response = client_for("moderator").post(
        reverse("qa:duplicate", args=[question.pk]), {"original": str(original.pk)}
    )
    assert response.status_code == 302
    reader = client_for("salesperson").get(question.get_absolute_url()).content.decode()
    outsider = client_for("outsider").get(question.get_absolute_url()).content.decode()
    assert original.title in reader
    assert original.title not in outsider
    assert "marked as a duplicate of another one" in outsider


def test_a_leader_pins_only_in_spaces_they_belong_to(cast, client_for):
    make_leader(cast.outsider)
    post = cast.open_post
    response = client_for("outsider").post(reverse("posts:pin", args=[post.pk]), {"on": "1"})
    assert response.status_code == 403
    post.refresh_from_db()
    assert post.pinned_at is None
    # A site moderator and the space's owner pin without being leaders.
    for persona in ("moderator", "engineer"):
        client = client_for(persona)
        client.post(reverse("posts:pin", args=[post.pk]), {"on": "0"})
        pinned = client.post(reverse("posts:pin", args=[post.pk]), {"on": "1"})
        assert pinned.status_code == 302
        post.refresh_from_db()
        assert post.pinned_by == cast.persona(persona)
        feed = client_for("outsider").get(cast.open_space.get_absolute_url()).content.decode()
        assert "</svg> Pinned" in feed
    company = client_for("moderator").post(
        reverse("posts:pin", args=[cast.company_post.pk]), {"on": "1"}
    )
    assert company.status_code == 400
    assert "Only posts in a space can be pinned." in company.content.decode()
    cast.company_post.refresh_from_db()
    assert cast.company_post.pinned_at is None


def test_pinning_a_secret_post_from_outside_is_404(cast, client_for):
    make_leader(cast.salesperson)
    client = client_for("salesperson")
    response = client.post(reverse("posts:pin", args=[cast.secret_post.pk]), {"on": "1"})
    missing = client.post(reverse("posts:pin", args=[cast.secret_post.pk + 1000]), {"on": "1"})
    assert response.status_code == missing.status_code == 404
    assert without_csrf(response.content) == without_csrf(missing.content)
    cast.secret_post.refresh_from_db()
    assert cast.secret_post.pinned_at is None


def _feed_ids(html: str) -> list[int]:
    return [int(n) for n in re.findall(r'<article class="card post[^"]*" id="post-(\d+)"', html)]


def test_a_spaces_feed_shows_pinned_posts_first_and_only_once(cast, client_for, settings):
    settings.AGORA_FEED_PAGE_SIZE = 3
    older = cast.open_post
    newer = [
        posts.check_create_post(cast.engineer, space=cast.open_space, body=f"Update {i}")
        for i in range(5)
    ]
    posts.check_pin(cast.engineer, older.pk, pinned=True)
    client = client_for("salesperson")
    html = client.get(cast.open_space.get_absolute_url()).content.decode()
    assert "</svg> Pinned in Open Space" in html
    first_page = _feed_ids(html)
    assert first_page == [older.pk, newer[4].pk, newer[3].pk, newer[2].pk]
    more = re.search(r'hx-get="([^"]+)"', html[html.index('id="load-more"') :])
    assert more is not None
    second = client.get(more.group(1).replace("&amp;", "&"), HTTP_HX_REQUEST="true")
    assert _feed_ids(second.content.decode()) == [newer[1].pk, newer[0].pk]
    # Unpinning puts it back in its place.
    posts.check_pin(cast.engineer, older.pk, pinned=False)
    html = client.get(cast.open_space.get_absolute_url()).content.decode()
    assert _feed_ids(html) == [newer[4].pk, newer[3].pk, newer[2].pk]
    assert Post.objects.filter(pinned_at__isnull=False).count() == 0


def test_the_space_managers_see_pin_in_the_post_menu(cast, client_for):
    owner = client_for("engineer").get(cast.open_space.get_absolute_url()).content.decode()
    member = client_for("salesperson").get(cast.open_space.get_absolute_url()).content.decode()
    assert "Pin to the top of Open Space" in owner
    assert "Pin to the top of Open Space" not in member
    make_leader(cast.salesperson)
    page = client_for("salesperson").get(cast.open_post.get_absolute_url()).content.decode()
    assert "Pin to the top of Open Space" in page
