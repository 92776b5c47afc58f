"""Cards' shared HTML comes from the cache, and every change a reader would notice shows
at once: the key is made of versions the actions bump, never of time."""

from __future__ import annotations

import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agora.core import events
from agora.media.events import AttachmentsChanged
from agora.people.actions import do_update_profile
from agora.posts import actions
from agora.posts.models import FileLink, Post
from agora.spaces.actions import do_update_space

pytestmark = pytest.mark.django_db


def cached_parts() -> list[str]:
    """Every piece of card HTML the cache holds now (LocMem: its own store)."""
    cache = caches["fragments"]
    store = cache._cache  # type: ignore[attr-defined]
    return ["".join(cache.get(key.split(":", 2)[-1])) for key in list(store)]


def unmasked(page: str) -> str:
    """The page without its CSRF tokens (masked afresh for every response)."""
    return re.sub(r'(csrfmiddlewaretoken" value=|X-CSRFToken": )"[^"]*"', "TOKEN", page)


def test_a_second_view_draws_the_card_from_the_cache_without_its_files_query(cast, client_for):
    client = client_for("salesperson")
    url = cast.open_post.get_absolute_url()
    with CaptureQueriesContext(connection) as cold:
        first = client.get(url).content.decode()
    with CaptureQueriesContext(connection) as warm:
        second = client.get(url).content.decode()
    assert unmasked(second) == unmasked(first)  # the same page
    image = cast.open_post.files.get()
    preview = reverse("posts:attachment_preview", args=[image.pk])
    assert f'<img src="{preview}"' in first  # the post's image is drawn, both times
    files = [q for q in cold.captured_queries if "posts_filelink" in q["sql"]]
    assert files, "the cold view fetched the post's files"
    assert not [q for q in warm.captured_queries if "posts_filelink" in q["sql"]]
    assert len(warm.captured_queries) == len(cold.captured_queries) - 1


def test_cached_html_holds_nothing_of_one_viewer(cast, client_for):
    post = cast.open_post
    actions.do_add_reaction(cast.salesperson, post, "thumbs_up")
    sam = client_for("salesperson").get(reverse("home")).content.decode()
    ada = client_for("engineer").get(reverse("home")).content.decode()
    parts = cached_parts()
    assert parts, "the feed cached its cards"
    joined = "".join(parts)
    assert "csrfmiddlewaretoken" not in joined
    assert "<time" not in joined  # relative times are drawn per request
    assert "reaction-mine" not in joined and "Post actions" not in joined
    # Sam's thumbs-up is pressed for Sam only; Ada, the author, has the post's menu.
    card = f'id="post-{post.pk}"'
    sam_card = sam[sam.index(card) :].split("</article>")[0]
    ada_card = ada[ada.index(card) :].split("</article>")[0]
    assert "reaction-mine" in sam_card and "reaction-mine" not in ada_card
    assert "Post actions" in ada_card and "Post actions" not in sam_card


def test_an_edit_shows_on_the_next_view(cast, client_for):
    client = client_for("salesperson")
    post = cast.open_post
    assert "News from the open space" in client.get(reverse("home")).content.decode()
    actions.do_edit_post(post, editor=cast.engineer, body="Rewritten for the launch #launch")
    page = client.get(reverse("home")).content.decode()
    assert "Rewritten for the launch" in page
    assert "News from the open space" not in page


def test_a_new_name_shows_on_every_card_of_its_author(cast, client_for):
    client = client_for("salesperson")
    assert "Ada Engineer" in client.get(reverse("home")).content.decode()
    do_update_profile(cast.engineer, skills=[], display_name="Ada Lovelace")
    page = client.get(reverse("home")).content.decode()
    assert "Ada Lovelace" in page
    assert "Ada Engineer" not in page


def test_a_renamed_space_shows_on_its_cards(cast, client_for):
    client = client_for("salesperson")
    space = cast.open_space
    client.get(reverse("home"))
    do_update_space(
        space, name="Launch Room", description=space.description, kind=space.kind,
        visibility=space.visibility,
    )  # fmt: skip
    page = client.get(reverse("home")).content.decode()
    assert "Launch Room" in page


def test_a_file_that_changes_bumps_its_posts_card(cast):
    post = cast.open_post
    link = FileLink.objects.get(post=post)
    before = Post.objects.get(pk=post.pk).version
    events.emit(AttachmentsChanged((link.attachment_id,)))
    assert Post.objects.get(pk=post.pk).version == before + 1
    assert Post.objects.get(pk=cast.private_post.pk).version == 0  # others untouched
