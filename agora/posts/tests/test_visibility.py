"""The visibility matrix: persona × space visibility × surface, allowed or 404.

A private space is listed (its page explains how to join) but its posts are not readable
by non-members; a secret space answers 404 to non-members everywhere, like a missing one.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from agora.media.models import Attachment
from agora.posts import actions
from agora.posts.models import Post
from agora.spaces.models import Visibility
from agora.testing.pages import without_csrf
from agora.testing.personas import PERSONAS, Cast

# Who may read posts in each kind of space (the cast's memberships).
READERS = {
    Visibility.OPEN: {"engineer", "salesperson", "moderator", "outsider"},
    Visibility.PRIVATE: {"engineer", "salesperson", "moderator"},
    Visibility.SECRET: {"engineer", "moderator"},
}
MATRIX = [(p, v) for p in PERSONAS for v in Visibility]

pytestmark = pytest.mark.django_db


def _case(persona: str, visibility: Visibility) -> str:
    return f"{persona}-{visibility.value}"


@pytest.fixture
def setup(
    cast: Cast, client_for: Callable[[str], Client]
) -> Callable[[str, Visibility], tuple[Client, Post, bool]]:
    def make(persona: str, visibility: Visibility) -> tuple[Client, Post, bool]:
        return client_for(persona), cast.post_in(visibility), persona in READERS[visibility]

    return make


@pytest.mark.parametrize(("persona", "visibility"), MATRIX, ids=[_case(*c) for c in MATRIX])
def test_it_shows_the_post_page_only_to_readers(setup, persona, visibility) -> None:
    client, post, allowed = setup(persona, visibility)
    response = client.get(post.get_absolute_url())
    assert response.status_code == (200 if allowed else 404)
    assert (post.body.split("#")[0].strip() in response.content.decode()) is allowed


@pytest.mark.parametrize(("persona", "visibility"), MATRIX, ids=[_case(*c) for c in MATRIX])
def test_it_lists_the_post_in_the_home_feed_only_for_readers(
    setup, cast, persona, visibility
) -> None:
    client, post, allowed = setup(persona, visibility)
    # The outsider follows the engineer so that followed authors' posts are in play too.
    client.post(reverse("people:follow", args=[cast.engineer.handle]), {"on": "1"})
    html = client.get(reverse("home")).content.decode()
    assert (f'id="post-{post.pk}"' in html) is allowed


@pytest.mark.parametrize(("persona", "visibility"), MATRIX, ids=[_case(*c) for c in MATRIX])
def test_it_lists_the_post_on_the_authors_profile_only_for_readers(
    setup, cast, persona, visibility
) -> None:
    client, post, allowed = setup(persona, visibility)
    response = client.get(cast.engineer.get_absolute_url())
    assert response.status_code == 200
    assert (f'id="post-{post.pk}"' in response.content.decode()) is allowed


@pytest.mark.parametrize(("persona", "visibility"), MATRIX, ids=[_case(*c) for c in MATRIX])
def test_it_shows_the_space_page_feed_only_to_readers(setup, cast, persona, visibility) -> None:
    client, post, allowed = setup(persona, visibility)
    space = cast.space(visibility)
    response = client.get(space.get_absolute_url())
    if visibility == Visibility.SECRET and not allowed:
        assert response.status_code == 404
        assert space.name not in response.content.decode()
        return
    assert response.status_code == 200
    html = response.content.decode()
    assert (f'id="post-{post.pk}"' in html) is allowed
    if not allowed:
        assert "Ask to join" in html


@pytest.mark.parametrize(("persona", "visibility"), MATRIX, ids=[_case(*c) for c in MATRIX])
def test_it_lists_the_space_in_the_directory_unless_secret_to_outsiders(
    setup, cast, persona, visibility
) -> None:
    client, _post, allowed = setup(persona, visibility)
    space = cast.space(visibility)
    html = client.get(reverse("spaces:directory")).content.decode()
    listed = visibility != Visibility.SECRET or allowed
    assert (space.get_absolute_url() in html) is listed


@pytest.mark.parametrize(("persona", "visibility"), MATRIX, ids=[_case(*c) for c in MATRIX])
def test_it_accepts_comments_and_reactions_only_from_readers(setup, persona, visibility) -> None:
    client, post, allowed = setup(persona, visibility)
    status = 200 if allowed else 404
    comment = client.post(
        reverse("posts:comments", args=[post.pk]), {"body": "Me too"}, HTTP_HX_REQUEST="true"
    )
    assert comment.status_code == status
    react = client.post(
        reverse("posts:react", args=[post.pk]),
        {"kind": "thumbs_up", "on": "1"},
        HTTP_HX_REQUEST="true",
    )
    assert react.status_code == status
    thread = client.get(reverse("posts:comments", args=[post.pk]), HTTP_HX_REQUEST="true")
    assert thread.status_code == status
    post.refresh_from_db()
    assert post.thumbs_up_count == (1 if allowed else 0)
    assert post.comment_count == (1 if allowed else 0)


@pytest.mark.parametrize(("persona", "visibility"), MATRIX, ids=[_case(*c) for c in MATRIX])
def test_it_serves_images_only_to_readers(setup, persona, visibility) -> None:
    client, post, allowed = setup(persona, visibility)
    attachment = Attachment.objects.get(link__post=post)
    for name in ("posts:attachment", "posts:attachment_preview"):
        response = client.get(reverse(name, args=[attachment.pk]))
        assert response.status_code == (200 if allowed else 404)
        if allowed:
            assert response["Content-Type"].startswith("image/")
            assert response["X-Content-Type-Options"] == "nosniff"
            assert b"".join(response.streaming_content)


@pytest.mark.parametrize(("persona", "visibility"), MATRIX, ids=[_case(*c) for c in MATRIX])
def test_it_hides_history_edit_and_delete_from_non_readers(setup, persona, visibility) -> None:
    client, post, allowed = setup(persona, visibility)
    assert client.get(reverse("posts:history", args=[post.pk])).status_code == (
        200 if allowed else 404
    )
    if not allowed:
        assert client.get(reverse("posts:edit", args=[post.pk])).status_code == 404
        assert client.post(reverse("posts:delete", args=[post.pk])).status_code == 404
        post.refresh_from_db()
        assert post.deleted_at is None


@pytest.mark.parametrize(("persona", "visibility"), MATRIX, ids=[_case(*c) for c in MATRIX])
def test_it_shows_a_tag_page_only_to_readers_of_a_post_with_it(
    setup, cast, persona, visibility
) -> None:
    client, post, allowed = setup(persona, visibility)
    tag = post.tags.get()  # used on this post only
    response = client.get(reverse("posts:tag", args=[tag.name]))
    if allowed:
        assert response.status_code == 200
        assert f'id="post-{post.pk}"' in response.content.decode()
    else:  # exactly like a tag used nowhere: which tags a space uses is no one else's
        missing = client.get(reverse("posts:tag", args=["nosuchtag"]))
        assert response.status_code == missing.status_code == 404
        assert without_csrf(response.content).replace(tag.name.encode(), b"") == without_csrf(
            missing.content
        ).replace(b"nosuchtag", b"")


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_answers_a_secret_space_exactly_like_a_missing_one(cast, client_for, persona) -> None:
    client = client_for(persona)
    allowed = persona in READERS[Visibility.SECRET]
    slug = cast.secret_space.slug
    for name in ("posts:space", "spaces:members", "spaces:edit"):
        secret = client.get(reverse(name, args=[slug]))
        missing = client.get(reverse(name, args=["no-such-space"]))
        assert missing.status_code == 404
        if not allowed:
            assert secret.status_code == 404
            assert without_csrf(secret.content) == without_csrf(missing.content)
    if not allowed:
        join = client.post(reverse("spaces:join", args=[slug]))
        assert join.status_code == 404


def test_it_shows_company_wide_posts_to_everyone(cast, client_for) -> None:
    for persona in PERSONAS:
        response = client_for(persona).get(cast.company_post.get_absolute_url())
        assert response.status_code == 200


def test_it_redirects_anonymous_visitors_to_sign_in(cast) -> None:
    client = Client()
    for url in (
        reverse("home"),
        cast.open_post.get_absolute_url(),
        cast.open_space.get_absolute_url(),
        reverse("people:directory"),
        reverse("posts:attachment", args=[Attachment.objects.get(link__post=cast.open_post).pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_it_stops_showing_a_private_space_the_moment_a_member_is_removed(cast, client_for) -> None:
    sales = client_for("salesperson")
    post_url = cast.private_post.get_absolute_url()
    assert sales.get(post_url).status_code == 200
    owner = client_for("engineer")
    response = owner.post(
        reverse("spaces:remove", args=[cast.private_space.slug, cast.salesperson.pk])
    )
    assert response.status_code == 302
    assert sales.get(post_url).status_code == 404


@pytest.mark.parametrize(("persona", "visibility"), MATRIX, ids=[_case(*c) for c in MATRIX])
def test_it_guards_comment_endpoints_like_their_post(setup, cast, persona, visibility):
    client, post, allowed = setup(persona, visibility)
    comment = actions.check_add_comment(cast.engineer, post.pk, "A comment by the author")
    react = client.post(
        reverse("posts:react_comment", args=[comment.pk]),
        {"kind": "helpful", "on": "1"},
        HTTP_HX_REQUEST="true",
    )
    assert react.status_code == (200 if allowed else 404)
    comment.refresh_from_db()
    assert comment.helpful_count == (1 if allowed else 0)
    delete = client.post(reverse("posts:delete_comment", args=[comment.pk]))
    may_delete = allowed and persona in ("moderator", "engineer")  # a moderator, the author
    assert delete.status_code == (302 if may_delete else 403 if allowed else 404)
    comment.refresh_from_db()
    assert (comment.deleted_at is not None) is may_delete


@pytest.mark.parametrize(("persona", "visibility"), MATRIX, ids=[_case(*c) for c in MATRIX])
def test_it_shows_the_member_list_only_to_readers(setup, cast, persona, visibility):
    client, _post, allowed = setup(persona, visibility)
    response = client.get(reverse("spaces:members", args=[cast.space(visibility).slug]))
    hidden = 404 if visibility == Visibility.SECRET else 403
    assert response.status_code == (200 if allowed else hidden)
    assert (cast.engineer.display_name in response.content.decode()) is allowed
