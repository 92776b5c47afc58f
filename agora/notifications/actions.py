"""Writing notifications: the consumer of the event log that creates them, and reading
them (in-app for now; email and push follow from the same rows).

Actions never notify anyone themselves: they log events (``agora.core.events``), and
``deliver`` (the ``notifications`` consumer, run by the worker after each commit) asks
the rules (``agora.notifications.rules``) whom each event tells.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from django.utils import timezone

from agora.core.events import emit
from agora.core.models import Event
from agora.notifications.events import NotificationsAdded
from agora.notifications.models import Notification
from agora.notifications.queries import visible
from agora.notifications.rules import Notice, notices_for
from agora.people.models import User
from agora.posts.models import Post
from agora.spaces.visibility import readers_among


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
                space_id=n.space_id,
                text=n.text[:300],
                event_id=event.pk,
                created_at=event.created_at,
            )
            for n in notices
        ]
    # Written once per person and event (a unique constraint): a batch read twice (a
    # consumer that crashed after writing) adds nothing, and says nothing again.
    written = set(
        Notification.objects.filter(event_id__in=[e.pk for e in events]).values_list(
            "event_id", "user_id"
        )
    )
    rows = [r for r in rows if (r.event_id, r.user_id) not in written]
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    for user_id, count in sorted(Counter(r.user_id for r in rows).items()):
        emit(NotificationsAdded(user_id, count))
    return len(rows)


def _readers_only(notices: list[Notice]) -> list[Notice]:
    post_ids = {n.post_id for n in notices if n.post_id is not None}
    if not post_ids:
        return notices
    posts = dict(
        Post.objects.filter(pk__in=post_ids, deleted_at__isnull=True).values_list("pk", "space_id")
    )
    readers = readers_among(
        {s for s in posts.values() if s is not None}, {n.user_id for n in notices}
    )
    kept = []
    for n in notices:
        if n.post_id is not None:
            if n.post_id not in posts:
                continue  # deleted since
            space_id = posts[n.post_id]
            allowed = readers.get(space_id) if space_id is not None else None
            if allowed is not None and n.user_id not in allowed:
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
