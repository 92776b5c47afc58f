"""Writing, editing and deleting posts and comments, as people see it."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from agora.media.uploads import Upload, check_uploads
from agora.posts import actions
from agora.posts.models import Comment, Mention, Post, PostRevision
from agora.testing.media import png, upload
from agora.testing.pages import without_csrf

pytestmark = pytest.mark.django_db


def test_it_posts_without_a_reload_and_returns_the_new_card(cast, client_for):
    client = client_for("salesperson")
    response = client.post(
        reverse("posts:create"),
        {"body": "Can someone explain the **Atlas** pricing? @ada-engineer #pricing", "space": ""},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    post = Post.objects.latest("id")
    html = response.content.decode()
    assert f'id="post-{post.pk}"' in html
    assert "<strong>Atlas</strong>" in html
    assert f'href="{cast.engineer.get_absolute_url()}"' in html
    assert 'href="/tags/pricing/"' in html
    assert post.space is None
    assert list(Mention.objects.filter(post=post).values_list("user", flat=True)) == [
        cast.engineer.pk
    ]


def test_it_posts_as_a_plain_form_and_redirects_to_the_post(cast, client_for):
    response = client_for("engineer").post(
        reverse("posts:create"), {"body": "Release 2.0 is out", "space": cast.open_space.slug}
    )
    post = Post.objects.latest("id")
    assert response.status_code == 302
    assert response["Location"] == post.get_absolute_url()
    assert post.space == cast.open_space
    cast.open_space.refresh_from_db()
    assert cast.open_space.post_count == 2


def test_it_refuses_posting_in_a_space_one_has_not_joined(cast, client_for):
    response = client_for("outsider").post(
        reverse("posts:create"),
        {"body": "Hi from outside", "space": cast.open_space.slug},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 403
    assert "Join Open Space to post in it" in response.content.decode()
    assert response["HX-Retarget"] == "#composer-error"
    assert not Post.objects.filter(body="Hi from outside").exists()
    feed = client_for("engineer").get(cast.open_space.get_absolute_url()).content.decode()
    assert "Hi from outside" not in feed


def test_it_answers_404_when_posting_into_a_secret_space_from_outside(cast, client_for):
    client = client_for("salesperson")
    response = client.post(
        reverse("posts:create"), {"body": "Hi from sales", "space": cast.secret_space.slug}
    )
    missing = client.post(reverse("posts:create"), {"body": "Hi", "space": "no-such-space"})
    assert response.status_code == missing.status_code == 404
    assert without_csrf(response.content) == without_csrf(missing.content)
    assert not Post.objects.filter(body="Hi from sales").exists()
    cast.secret_space.refresh_from_db()
    assert cast.secret_space.post_count == 1


@pytest.mark.parametrize(
    ("body", "message"),
    [("   ", "Write something"), ("x" * 32_001, "the limit is 32,000")],
    ids=["empty", "too long"],
)
def test_it_refuses_empty_and_oversized_posts_with_a_reason(cast, client_for, body, message):
    before = Post.objects.count()
    response = client_for("engineer").post(
        reverse("posts:create"), {"body": body}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Post.objects.count() == before


def test_it_limits_the_number_of_people_mentioned(cast, client_for, settings):
    settings.AGORA_MAX_MENTIONS = 2
    body = "@ada-engineer @sam-sales @maya-moderator"
    response = client_for("outsider").post(
        reverse("posts:create"), {"body": body}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 400
    assert "at most 2 people" in response.content.decode()
    assert not Post.objects.filter(body=body).exists()
    assert not Mention.objects.exists()


def test_it_keeps_the_previous_version_when_the_author_edits(cast, client_for):
    client = client_for("engineer")
    post = cast.company_post
    response = client.post(reverse("posts:edit", args=[post.pk]), {"body": "Hello again #hi"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.body == "Hello again #hi"
    assert post.edited_at is not None
    assert list(post.tags.values_list("name", flat=True)) == ["hi"]
    revision = PostRevision.objects.get(post=post)
    assert revision.body == "Hello, company! #welcome"
    history = client.get(reverse("posts:history", args=[post.pk])).content.decode()
    assert "Hello, company! #welcome" in history and "Hello again #hi" in history
    assert "edited" in client.get(post.get_absolute_url()).content.decode()


def test_it_adds_files_to_a_post_when_its_author_edits_it_with_some(cast, client_for):
    # The demo adds a talk's recording this way once the server can process video.
    post = cast.company_post
    photo = check_uploads(cast.engineer, [Upload(upload("board.png", png(), "image/png"))])
    actions.do_edit_post(post, editor=cast.engineer, body=post.body, attachments=photo)
    post.refresh_from_db()
    assert post.edited_at is not None
    assert [link.attachment.original_name for link in post.file_links.all()] == ["board.png"]
    page = client_for("salesperson").get(post.get_absolute_url()).content.decode()
    assert "<img" in page and "edited" in page


def test_it_lets_only_the_author_edit(cast, client_for):
    post = cast.open_post
    for persona in ("salesperson", "moderator"):
        response = client_for(persona).post(
            reverse("posts:edit", args=[post.pk]), {"body": "vandalised"}
        )
        assert response.status_code == 403
    post.refresh_from_db()
    assert "vandalised" not in post.body


def test_it_lets_authors_and_moderators_delete_but_not_others(cast, client_for):
    post = cast.open_post
    response = client_for("salesperson").post(reverse("posts:delete", args=[post.pk]))
    assert response.status_code == 403
    post.refresh_from_db()
    assert post.deleted_at is None

    response = client_for("moderator").post(
        reverse("posts:delete", args=[post.pk]), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert "Post deleted" in response["HX-Trigger"]
    post.refresh_from_db()
    assert post.deleted_by == cast.moderator
    assert client_for("engineer").get(post.get_absolute_url()).status_code == 404
    cast.open_space.refresh_from_db()
    assert cast.open_space.post_count == 0


def test_it_lets_a_space_moderator_delete_without_being_a_site_moderator(cast, client_for):
    from agora.spaces.actions import do_set_role

    membership = cast.open_space.memberships.get(user=cast.salesperson)
    do_set_role("owner", membership, "moderator")
    client = client_for("salesperson")
    response = client.post(reverse("posts:delete", args=[cast.open_post.pk]))
    assert response.status_code == 302
    assert response["Location"] == cast.open_space.get_absolute_url()
    cast.open_post.refresh_from_db()
    assert cast.open_post.deleted_by == cast.salesperson
    assert client_for("outsider").get(cast.open_post.get_absolute_url()).status_code == 404
    feed = client.get(cast.open_space.get_absolute_url()).content.decode()
    assert f'id="post-{cast.open_post.pk}"' not in feed
    # ... but not in a space where they are only a member.
    response = client.post(reverse("posts:delete", args=[cast.private_post.pk]))
    assert response.status_code == 403
    cast.private_post.refresh_from_db()
    assert cast.private_post.deleted_at is None
    assert client.get(cast.private_post.get_absolute_url()).status_code == 200


def test_it_shows_menus_only_to_those_who_may_use_them(cast, client_for):
    url = cast.open_post.get_absolute_url()
    edit_url = reverse("posts:edit", args=[cast.open_post.pk])
    delete_url = reverse("posts:delete", args=[cast.open_post.pk])
    author = client_for("engineer").get(url).content.decode()
    assert edit_url in author and delete_url in author
    moderator = client_for("moderator").get(url).content.decode()
    assert edit_url not in moderator and delete_url in moderator
    reader = client_for("outsider").get(url).content.decode()
    assert edit_url not in reader and delete_url not in reader


def test_it_adds_comments_and_one_level_of_replies(cast, client_for):
    client = client_for("salesperson")
    post = cast.open_post
    url = reverse("posts:comments", args=[post.pk])
    response = client.post(url, {"body": "Great news, @ada-engineer"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    top = Comment.objects.get(post=post)
    assert f'id="comment-{top.pk}"' in response.content.decode()
    reply = client_for("engineer").post(
        url, {"body": "Thanks!", "parent": top.pk}, HTTP_HX_REQUEST="true"
    )
    assert reply.status_code == 200
    second = Comment.objects.latest("id")
    assert second.parent == top
    deeper = client.post(url, {"body": "Nested?", "parent": second.pk}, HTTP_HX_REQUEST="true")
    assert deeper.status_code == 200
    assert Comment.objects.latest("id").parent == top  # flattened into the same thread
    post.refresh_from_db()
    assert post.comment_count == 3
    page = client.get(post.get_absolute_url()).content.decode()
    assert page.index("Great news") < page.index("Thanks!") < page.index("Nested?")
    assert Mention.objects.filter(comment=top, user=cast.engineer).exists()


def test_it_sends_the_new_comment_count_out_of_band_with_the_comment(cast, client_for):
    client = client_for("salesperson")
    post = cast.open_post
    url = reverse("posts:comments", args=[post.pk])
    count = f'<span id="comment-count-{post.pk}" hx-swap-oob="true">'
    first = client.post(url, {"body": "First!"}, HTTP_HX_REQUEST="true").content.decode()
    assert f"{count}1 comment</span>" in first
    top = Comment.objects.get(post=post)
    reply = client.post(url, {"body": "Me too", "parent": top.pk}, HTTP_HX_REQUEST="true")
    assert f"{count}2 comments</span>" in reply.content.decode()  # replies count too
    # The elements it replaces: on the feed card, on the post's page, on a question's page.
    card = client.get(cast.open_space.get_absolute_url()).content.decode()
    assert f'<span id="comment-count-{post.pk}">2 comments</span>' in card
    page = client.get(post.get_absolute_url()).content.decode()
    assert f'<span id="comment-count-{post.pk}">2 comments</span>' in page
    # A plain form post is redirected as before, with no fragment.
    plain = client.post(url, {"body": "No JavaScript here"})
    assert plain.status_code == 302


def test_it_refuses_an_empty_comment_without_losing_anything(cast, client_for):
    response = client_for("salesperson").post(
        reverse("posts:comments", args=[cast.open_post.pk]), {"body": " "}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 400
    assert "Write something" in response.content.decode()
    assert not Comment.objects.exists()


def test_it_keeps_replies_when_their_comment_is_deleted(cast, client_for):
    top = actions.check_add_comment(cast.salesperson, cast.open_post.pk, "Question?")
    actions.check_add_comment(cast.engineer, cast.open_post.pk, "Answer.", parent_id=top.pk)
    response = client_for("salesperson").post(reverse("posts:delete_comment", args=[top.pk]))
    assert response.status_code == 302
    page = client_for("outsider").get(cast.open_post.get_absolute_url()).content.decode()
    assert "This comment was deleted." in page
    assert "Answer." in page and "Question?" not in page
    cast.open_post.refresh_from_db()
    assert cast.open_post.comment_count == 1


def test_it_lets_only_authors_and_moderators_delete_comments(cast, client_for):
    comment = actions.check_add_comment(cast.salesperson, cast.open_post.pk, "Mine")
    assert (
        client_for("outsider").post(reverse("posts:delete_comment", args=[comment.pk])).status_code
        == 403
    )
    assert (
        client_for("moderator")
        .post(reverse("posts:delete_comment", args=[comment.pk]), HTTP_HX_REQUEST="true")
        .status_code
        == 200
    )
    comment.refresh_from_db()
    assert comment.deleted_by == cast.moderator


def test_it_loads_more_posts_with_a_cursor(cast, client_for, settings):
    settings.AGORA_FEED_PAGE_SIZE = 3
    for i in range(7):
        actions.check_create_post(cast.salesperson, space=cast.open_space, body=f"Number {i}")
    client = client_for("engineer")
    seen: list[str] = []
    html = client.get(reverse("home")).content.decode()
    while True:
        seen += re.findall(r'<article class="card post[^"]*" id="post-(\d+)"', html)
        if "Load more" not in html:
            break
        start = html.index('hx-get="', html.index('class="load-more"')) + len('hx-get="')
        next_url = html[start : html.index('"', start)].replace("&amp;", "&")
        html = client.get(next_url, HTTP_HX_REQUEST="true").content.decode()
        assert "<html" not in html  # a fragment, not a page
    # the engineer sees their three spaces' posts, the company post and the seven new ones
    assert len(seen) == len(set(seen)) == 11


def test_it_shows_the_company_tab_with_only_company_wide_posts(cast, client_for):
    html = client_for("engineer").get(reverse("home") + "?tab=company").content.decode()
    assert f'id="post-{cast.company_post.pk}"' in html
    assert f'id="post-{cast.open_post.pk}"' not in html
