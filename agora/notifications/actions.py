"""Creating and reading notifications (in-app for now; live and email delivery come later)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.utils import timezone

from agora.notifications.models import Notification
from agora.notifications.queries import visible
from agora.people.models import User
from agora.posts.models import Post


def notify(
    user_ids: Iterable[int],
    kind: str,
    *,
    actor: User | None = None,
    post: Post | None = None,
    post_id: int | None = None,
    answer: Post | None = None,
    text: str = "",
    at: datetime | None = None,
) -> int:
    """Tell each person in ``user_ids`` (never the actor themself) of what happened at
    ``at`` (now by default). Returns how many."""
    recipients = {uid for uid in user_ids if actor is None or uid != actor.pk}
    now = at or timezone.now()
    Notification.objects.bulk_create(
        [
            Notification(
                user_id=uid,
                kind=kind,
                actor=actor,
                post_id=post.pk if post is not None else post_id,
                answer_id=answer.pk if answer is not None else None,
                text=text[:300],
                created_at=now,
            )
            for uid in sorted(recipients)
        ]
    )
    return len(recipients)


def mark_read(user: User, notification_ids: Iterable[int]) -> int:
    """Mark the person's notifications with these ids read (others' ids are ignored)."""
    return Notification.objects.filter(
        user=user, pk__in=list(notification_ids), read_at__isnull=True
    ).update(read_at=timezone.now())


def mark_all_read(user: User) -> int:
    """Mark read what the person may see, and say how many: counting notifications about
    posts they can no longer read would tell a removed member that a secret space is
    still busy. The others stay unread and stay hidden (the bell never counts them)."""
    return Notification.objects.filter(
        pk__in=visible(user).filter(read_at__isnull=True).values("pk")
    ).update(read_at=timezone.now())
