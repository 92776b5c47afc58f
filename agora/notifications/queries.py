"""Reading notifications: only those whose post (and answer) the person may still see."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from agora.notifications.models import Notification
from agora.people.models import User
from agora.spaces.visibility import visible_through


def visible(user: User) -> QuerySet[Notification]:
    """The person's notifications about things they may see now: a member removed from a
    private or secret space stops seeing (and counting) notifications about its posts at
    once, and a deleted post or answer takes its notifications with it."""
    return Notification.objects.filter(user=user).filter(
        Q(post__isnull=True) | visible_through(user),
        Q(answer__isnull=True) | Q(answer__deleted_at__isnull=True),
    )


def unread_count(user: User) -> int:
    """What the bell shows (one query)."""
    return visible(user).filter(read_at__isnull=True).count()


def recent(user: User, limit: int = 50) -> list[Notification]:
    """The newest notifications with what their sentences need (one query)."""
    return list(
        visible(user)
        .select_related("actor", "post", "answer", "user")
        .order_by("-created_at", "-id")[:limit]
    )


def target_url(notification: Notification) -> str:
    """Where opening ``notification`` leads: the comment, the answer or the post it is
    about, or (a badge or level earned without a post) its person's profile."""
    if notification.answer is not None:
        base = notification.answer.get_absolute_url()
    elif notification.post is not None:
        base = notification.post.get_absolute_url()
    else:
        return notification.user.get_absolute_url()
    if notification.comment_id is not None:
        return f"{base.split('#')[0]}#comment-{notification.comment_id}"
    return base
