"""Search reads: posts (scoped by visibility), people and spaces."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from agora.core.pagination import Page
from agora.core.viewer import Viewer
from agora.people.models import User
from agora.posts.models import Post
from agora.posts.queries import PostCard, page_of
from agora.search import backends
from agora.spaces.models import Space


def posts(viewer: Viewer, text: str, *, cursor: str | None, size: int) -> Page[PostCard]:
    """Posts the viewer may read whose body matches ``text``, newest first."""
    matches = Post.objects.visible_to(viewer.user).filter(backends.matching(text))
    return page_of(viewer, matches, cursor, size)


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
