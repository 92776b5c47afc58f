"""A space where only its owners and moderators start posts (an announcements space): its
page shows them the composer and everyone else a notice, a forged post from anyone else is
refused with 403 and writes nothing, and comments and reactions stay open to every reader.
"""

from __future__ import annotations

import html

import pytest
from django.urls import reverse

from agora.people import actions as people_actions
from agora.posts.models import Comment, Post, Reaction
from agora.spaces import actions as space_actions
from agora.spaces.models import Posting
from agora.testing.database import changes, snapshot

pytestmark = pytest.mark.django_db

COMPOSER = 'class="card composer"'
NOTICE = "Only owners and moderators start posts here; everyone can comment and react."
VISITOR = "as a visitor"
PERSONAS = ("owner", "space_moderator", "member", "outsider", "site_moderator")


@pytest.fixture
def people(cast):
    """The cast by the part they play, and a site moderator who joined the open and private
    spaces as an ordinary member (moderating content is not speaking for a space)."""
    site_moderator = people_actions.create_user(
        "sid@example.com", display_name="Sid Sitemod", is_moderator=True
    )
    space_actions.do_join(site_moderator, cast.open_space)
    space_actions.do_add_member(cast.private_space, site_moderator)
    return {
        "owner": cast.engineer,
        "space_moderator": cast.moderator,
        "member": cast.salesperson,
        "outsider": cast.outsider,
        "site_moderator": site_moderator,
    }


def managers_only(cast, visibility: str):
    """The cast's space of that visibility, switched by its owner to managers-only posting."""
    space = cast.space(visibility)
    space_actions.check_update_space(
        cast.engineer,
        space.slug,
        name=space.name,
        description=space.description,
        kind=space.kind,
        visibility=space.visibility,
        posting=Posting.MANAGERS,
    )
    space.refresh_from_db()
    return space


# Who may start a post there: the owner and the space moderator. The rest may not; the
# outsider is told to join (the open space) or is not shown it at all (the private one).
STARTS = {"owner", "space_moderator"}


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_shows_the_composer_only_to_owners_and_moderators(
    cast, people, client_for, persona
) -> None:
    space = managers_only(cast, "open")

    page = client_for(people[persona]).get(space.get_absolute_url()).content.decode()

    if persona in STARTS:
        assert COMPOSER in page
        assert NOTICE not in page
    else:
        assert COMPOSER not in page
        assert NOTICE in page
        assert VISITOR not in page
    # Every reader still sees the posts, with their comment and reaction controls.
    assert f'id="post-{cast.open_post.pk}"' in page
    assert reverse("posts:react", args=[cast.open_post.pk]) in page


def test_it_shows_the_composer_to_every_member_of_an_ordinary_space(cast, people, client_for):
    for persona in ("member", "site_moderator"):
        page = client_for(people[persona]).get(cast.open_space.get_absolute_url()).content
        assert COMPOSER in page.decode()
        assert NOTICE not in page.decode()


@pytest.mark.parametrize("htmx", [False, True])
@pytest.mark.parametrize("visibility", ["open", "private"])
@pytest.mark.parametrize("persona", PERSONAS)
def test_it_refuses_a_forged_post_from_anyone_but_its_managers(
    cast, people, client_for, persona, visibility, htmx
) -> None:
    space = managers_only(cast, visibility)
    client = client_for(people[persona])
    extra = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    everything = snapshot()

    response = client.post(
        reverse("posts:create"), {"body": "Office closed on Friday", "space": space.slug}, **extra
    )

    if persona in STARTS:
        assert response.status_code == (200 if htmx else 302)
        post = Post.objects.get(body="Office closed on Friday")
        assert (post.space, post.author) == (space, people[persona])
        space.refresh_from_db()
        assert space.post_count == 2
        return
    assert response.status_code == 403
    page = html.unescape(response.content.decode())
    if persona == "outsider":
        assert f"Join {space.name} to post in it." in page
    else:
        assert (
            f"Only the owners and moderators of {space.name} start posts there; "
            "you can comment and react." in page
        )
    if htmx:
        assert response["HX-Retarget"] == "#composer-error"
    assert changes(everything, snapshot()) == []


@pytest.mark.parametrize("persona", ["member", "site_moderator"])
def test_it_lets_every_member_comment_and_react(cast, people, client_for, persona) -> None:
    space = managers_only(cast, "private")
    client = client_for(people[persona])
    post = cast.private_post

    commented = client.post(reverse("posts:comments", args=[post.pk]), {"body": "Thanks!"})
    reacted = client.post(reverse("posts:react", args=[post.pk]), {"kind": "celebrate", "on": "1"})

    assert commented.status_code == reacted.status_code == 302
    assert Comment.objects.filter(post=post, author=people[persona], body="Thanks!").exists()
    assert Reaction.objects.filter(post=post, user=people[persona], kind="celebrate").exists()
    assert space.posting == Posting.MANAGERS


def test_it_offers_only_spaces_one_may_start_posts_in_from_the_home_composer(
    cast, client_for
) -> None:
    managers_only(cast, "open")
    sam = client_for("salesperson")
    ada = client_for("engineer")

    for url in (reverse("home"), reverse("posts:compose")):
        sams = sam.get(url).content.decode()
        assert f'<option value="{cast.open_space.slug}"' not in sams
        assert f'<option value="{cast.private_space.slug}"' in sams
        assert f'<option value="{cast.open_space.slug}"' in ada.get(url).content.decode()


def test_it_tells_members_of_an_empty_announcements_space_who_posts_there(cast, client_for):
    space = space_actions.check_create_space(
        cast.engineer, name="News", kind="community", visibility="open", posting="managers"
    )
    space_actions.check_join(cast.salesperson, space.slug)

    sams = client_for("salesperson").get(space.get_absolute_url()).content.decode()
    adas = client_for("engineer").get(space.get_absolute_url()).content.decode()

    assert "Its owners and moderators have not posted anything yet." in sams
    assert "Start the conversation" not in sams
    assert "Start the conversation" in adas
