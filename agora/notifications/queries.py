"""Reading notifications: only those whose post the person may still see."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from agora.notifications.models import Notification
from agora.people.models import User
from agora.posts.models import Post


def visible(user: User) -> QuerySet[Notification]:
    """The person's notifications about things they may see now (a removed member stops
    seeing notifications about a private space at once)."""
    return Notification.objects.filter(user=user).filter(
        Q(post__isnull=True) | Q(post__in=Post.objects.visible_to(user).values("pk"))
    )


def unread_count(user: User) -> int:
    return visible(user).filter(read_at__isnull=True).count()


def recent(user: User, limit: int = 50) -> list[Notification]:
    return list(
        visible(user)
        .select_related("actor", "post", "post__question", "answer")
        .order_by("-created_at", "-id")[:limit]
    )
