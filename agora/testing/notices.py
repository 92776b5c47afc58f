"""Notifications written directly, for tests that need some without the events that
cause them (the product writes them only through ``notifications.actions.deliver``)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.utils import timezone

from agora.notifications.models import Notification
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
