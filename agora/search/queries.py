"""Search reads: posts (scoped by visibility), people and spaces."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils.safestring import SafeString

from agora.core.pagination import Page
from agora.people.models import User
from agora.posts.models import Post
from agora.search import backends
from agora.search.highlight import excerpt, marked
from agora.spaces.models import Space
from agora.spaces.viewer import Viewer

BATCH = 400


class BadCursor(ValueError):
    """A search page link that was not made by this page."""


def parse_cursor(cursor: str | None) -> int | None:
    if not cursor:
        return None
    if not cursor.isdigit() or not 0 < int(cursor) < 2**63:
        raise BadCursor("This page link is not valid; search again.")
    return int(cursor)


@dataclass
class Hit:
    """A matching post as a search result: the post and an excerpt with the words marked."""

    post: Post
    excerpt: SafeString
    title: SafeString


def posts(viewer: Viewer, text: str, *, cursor: str | None, size: int) -> Page[Hit]:
    """Posts the viewer may read whose body matches ``text``, newest first.

    Matches come from the index in batches, newest first, and each batch is filtered
    through ``visible_to``; the next page starts below the last id shown.
    """
    before = parse_cursor(cursor)
    visible = Post.objects.visible_to(viewer.user).select_related(
        "author", "author__department", "space"
    )
    found: list[Post] = []
    while len(found) <= size:
        ids = backends.newest_matches(text, before=before, limit=BATCH)
        if not ids:
            break
        wanted = size + 1 - len(found)
        found += visible.filter(pk__in=ids).order_by("-id")[:wanted]
        if len(ids) < BATCH:
            break
        before = ids[-1]
    items = found[:size]
    words = backends.terms(text)
    return Page(
        items=[
            Hit(post=p, excerpt=excerpt(p.body_html, words), title=marked(p.title, words))
            for p in items
        ],
        next_cursor=str(items[-1].pk) if len(found) > size else None,
    )


def people(text: str, limit: int = 5) -> QuerySet[User]:
    """Active people whose name, handle, job title or skills match every word."""
    found = User.objects.filter(is_active=True)
    for word in backends.terms(text):
        found = found.filter(
            Q(display_name__icontains=word)
            | Q(handle__icontains=word)
            | Q(job_title__icontains=word)
            | Q(skills__name__icontains=word)
        )
    return found.select_related("department").distinct().order_by("display_name")[:limit]


def spaces(viewer: Viewer, text: str, limit: int = 5) -> QuerySet[Space]:
    """Spaces the viewer may know exist whose name or description match every word."""
    found = Space.objects.visible_to(viewer.user)
    for word in backends.terms(text):
        found = found.filter(Q(name__icontains=word) | Q(description__icontains=word))
    return found.order_by("-member_count", "name")[:limit]
