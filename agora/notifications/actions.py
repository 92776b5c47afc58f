"""Writing notifications: the consumer of the event log that creates them, and reading
them (in-app for now; email and push follow from the same rows).

Actions never notify anyone themselves: they log events (``agora.core.events``), and
``deliver`` (the ``notifications`` consumer, run by the worker after each commit) asks
the rules (``agora.notifications.rules``) whom each event tells.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.utils import timezone

from agora.core.models import Event
from agora.notifications.models import Notification
from agora.notifications.queries import visible
from agora.notifications.rules import Notice, notices_for
from agora.people.models import User
from agora.posts.models import Post
from agora.spaces.models import Membership
from agora.spaces.visibility import readable_to_all


def deliver(events: Sequence[Event]) -> int:
    """Write the notifications ``events`` call for (the log's ``notifications``
    consumer); returns how many. Each is dated when its event happened, and written only
    for people who may read its post now: a mention of someone outside a private space
    tells them nothing."""
    rows: list[Notification] = []
    for event in events:
        notices = _readers_only(notices_for(event))
        rows += [
            Notification(
                user_id=n.user_id,
                kind=n.kind,
                actor_id=n.actor_id,
                post_id=n.post_id,
                answer_id=n.answer_id,
                comment_id=n.comment_id,
                text=n.text[:300],
                event_id=event.pk,
                created_at=event.created_at,
            )
            for n in notices
        ]
    # Written once per person and event (a unique constraint): a batch read twice (a
    # consumer that crashed after writing) adds nothing.
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def _readers_only(notices: list[Notice]) -> list[Notice]:
    post_ids = {n.post_id for n in notices if n.post_id is not None}
    if not post_ids:
        return notices
    posts = {p.pk: p for p in Post.objects.filter(pk__in=post_ids).select_related("space")}
    closed = {p.space_id for p in posts.values() if not readable_to_all(p.space)}
    members = (
        set(
            Membership.objects.filter(
                space_id__in=closed, user_id__in={n.user_id for n in notices}
            ).values_list("space_id", "user_id")
        )
        if closed
        else set()
    )
    kept = []
    for n in notices:
        post = posts.get(n.post_id) if n.post_id is not None else None
        if n.post_id is not None and (post is None or post.deleted_at is not None):
            continue
        if (
            post is not None
            and post.space_id in closed
            and (post.space_id, n.user_id) not in members
        ):
            continue
        kept.append(n)
    return kept


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
