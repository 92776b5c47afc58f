"""Search reads: posts (scoped by visibility), people and spaces."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.safestring import SafeString

from agora.core.pagination import Page
from agora.people.models import User
from agora.posts.models import Post
from agora.search import backends
from agora.search.highlight import excerpt, marked
from agora.spaces.models import Space
from agora.spaces.viewer import Viewer


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
    """Posts the viewer may read whose text matches ``text``, newest first.

    One query: the index match joined with the visibility rule, stopping at ``size + 1``
    rows (the extra one says whether there is a next page, which starts below the last
    id shown).
    """
    before = parse_cursor(cursor)
    words = backends.terms(text)
    # ``parent``: an answer's hit names its question.
    visible = Post.objects.visible_to(viewer.user).select_related(
        "author", "author__department", "space", "parent"
    )
    found = list(backends.matching(visible, words, before=before)[: size + 1])
    items = found[:size]
    return Page(
        items=[
            Hit(post=p, excerpt=excerpt(p.body_html, words), title=marked(p.title, words))
            for p in items
        ],
        next_cursor=str(items[-1].pk) if len(found) > size else None,
    )


def _has_skill_like(word: str) -> Exists:
    return Exists(
        User.skills.through.objects.filter(user_id=OuterRef("pk"), skill__name__icontains=word)
    )


def people(text: str, limit: int = 5) -> QuerySet[User]:
    """Active people whose name, handle, job title or skills match every word.

    One query. A word may match any skill, so each word is an ``EXISTS`` on the person's
    skills rather than a join: joins would multiply the rows by the skills matched, once
    per word, and need a DISTINCT over the product.
    """
    found = User.objects.filter(is_active=True)
    for word in backends.terms(text):
        found = found.filter(
            Q(display_name__icontains=word)
            | Q(handle__icontains=word)
            | Q(job_title__icontains=word)
            | _has_skill_like(word)
        )
    return found.select_related("department").order_by("display_name", "pk")[:limit]


def spaces(viewer: Viewer, text: str, limit: int = 5) -> QuerySet[Space]:
    """Spaces the viewer may know exist whose name or description match every word.

    One query, with two comparisons per word (at most ``backends.MAX_TERMS`` words).
    """
    found = Space.objects.visible_to(viewer.user)
    for word in backends.terms(text):
        found = found.filter(Q(name__icontains=word) | Q(description__icontains=word))
    return found.order_by("-member_count", "name")[:limit]
