"""Writing notifications: the consumer of the event log that creates them, and reading
them (in-app for now; email and push follow from the same rows).

Actions never notify anyone themselves: they log events (``agora.core.events``), and
``deliver`` (the ``notifications`` consumer, run by the worker after each commit) asks
the rules (``agora.notifications.rules``) whom each event tells.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from agora.core.events import emit
from agora.core.models import Event
from agora.notifications import preferences
from agora.notifications.events import NotificationsAdded
from agora.notifications.models import (
    Delivery,
    DigestSchedule,
    EmailState,
    KindPreference,
    Notification,
    NotificationKind,
    SpaceLevel,
    SpacePreference,
)
from agora.notifications.queries import visible
from agora.notifications.rules import Notice, notices_for
from agora.people.models import User
from agora.posts.models import Post
from agora.spaces.visibility import readers_among

# "At once" means at once: a notification whose event is older than this (the worker was
# down, an import, the demo's history) is told in the app and the digest, not by email.
EMAIL_FRESH = timedelta(hours=1)


def deliver(events: Sequence[Event]) -> int:
    """Write the notifications ``events`` call for (the log's ``notifications``
    consumer); returns how many. Each is dated when its event happened, and written only
    for people who may read its post now: a mention of someone outside a private space
    tells them nothing."""
    rows: list[Notification] = []
    space_of_post: dict[int, int | None] = {}
    for event in events:
        notices = _readers_only(notices_for(event), space_of_post)
        fresh = event.created_at >= timezone.now() - EMAIL_FRESH
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
                count=n.count,
                event_id=event.pk,
                created_at=event.created_at,
                email=EmailState.DUE if fresh else EmailState.NONE,
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
    rows = _once_per_milestone(rows)
    rows = _as_chosen(rows, space_of_post)
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    for user_id, count in sorted(Counter(r.user_id for r in rows).items()):
        emit(NotificationsAdded(user_id, count))
    return len(rows)


def _once_per_milestone(rows: list[Notification]) -> list[Notification]:
    """Reactions read in one batch all see the same count: one milestone each."""
    seen: set[tuple[int, int | None, int | None, int]] = set()
    kept = []
    for row in rows:
        if row.kind == NotificationKind.REACTIONS:
            key = (row.user_id, row.post_id, row.answer_id, row.count)
            if key in seen:
                continue
            seen.add(key)
        kept.append(row)
    return kept


def _as_chosen(
    rows: list[Notification], space_of_post: dict[int, int | None]
) -> list[Notification]:
    """``rows`` as their people chose (``agora.notifications.preferences``): none for a
    kind switched off or a muted space (or, for "mentions only", anything but mentions),
    and an email only for the kinds wanted by email at once."""

    def space(row: Notification) -> int | None:
        return space_of_post.get(row.post_id) if row.post_id is not None else row.space_id

    chosen = preferences.choices_of(
        {r.user_id for r in rows}, {s for r in rows if (s := space(r)) is not None}
    )
    kept = []
    for row in rows:
        delivery = chosen.delivery(row.user_id, row.kind)
        if delivery == Delivery.OFF or not chosen.lets_through(row.user_id, row.kind, space(row)):
            continue
        if delivery != Delivery.EMAIL:
            row.email = EmailState.NONE
        kept.append(row)
    return kept


def _readers_only(notices: list[Notice], space_of_post: dict[int, int | None]) -> list[Notice]:
    post_ids = {n.post_id for n in notices if n.post_id is not None}
    if not post_ids:
        return notices
    posts = dict(
        Post.objects.filter(pk__in=post_ids, deleted_at__isnull=True).values_list("pk", "space_id")
    )
    space_of_post.update(posts)
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


# --- Preferences --------------------------------------------------------------------------


def set_kind_deliveries(user: User, deliveries: Mapping[str, str]) -> None:
    """Save how the person hears of each kind in ``deliveries`` (a kind set back to its
    default keeps no row)."""
    with transaction.atomic():
        for kind, delivery in deliveries.items():
            KindPreference.objects.update_or_create(
                user=user, kind=kind, defaults={"delivery": delivery}
            )


def set_space_level(user: User, space_id: int, level: str) -> None:
    """Save what the person hears of one space ("everything" keeps no row)."""
    with transaction.atomic():
        if level == SpaceLevel.ALL:
            SpacePreference.objects.filter(user=user, space_id=space_id).delete()
        else:
            SpacePreference.objects.update_or_create(
                user=user, space_id=space_id, defaults={"level": level}
            )


def set_digest_schedule(
    user: User, *, frequency: str, hour: int, weekday: int, time_zone: str
) -> DigestSchedule:
    """Save when the person gets their digest. Switching it on (or on again) counts from
    now: the first digest tells what happens from here, not months of history."""
    with transaction.atomic():
        schedule, created = DigestSchedule.objects.select_for_update().get_or_create(
            user=user,
            defaults={
                "frequency": frequency,
                "hour": hour,
                "weekday": weekday,
                "time_zone": time_zone,
                "last_sent_at": timezone.now(),
            },
        )
        if not created:
            was_off = schedule.frequency == "off"
            schedule.frequency, schedule.hour = frequency, hour
            schedule.weekday, schedule.time_zone = weekday, time_zone
            fields = ["frequency", "hour", "weekday", "time_zone"]
            if was_off and frequency != "off":
                schedule.last_sent_at = timezone.now()
                fields.append("last_sent_at")
            schedule.save(update_fields=fields)
    return schedule


def save_settings(
    user: User,
    *,
    deliveries: Mapping[str, str],
    levels: Mapping[int, str],
    frequency: str,
    hour: int,
    weekday: int,
    time_zone: str,
) -> None:
    """Everything the settings page saves, at once."""
    with transaction.atomic():
        set_kind_deliveries(user, deliveries)
        for space_id, level in levels.items():
            set_space_level(user, space_id, level)
        set_digest_schedule(
            user, frequency=frequency, hour=hour, weekday=weekday, time_zone=time_zone
        )


def unsubscribe(user: User, kind: str) -> bool:
    """One click in an email: no more emails about ``kind`` (still in the app), or, for
    ``"digest"``, no more digests. False if there was nothing to stop."""
    if kind == DIGEST:
        schedule = preferences.schedule_of(user)
        if schedule.frequency == "off":
            return False
        set_digest_schedule(
            user, frequency="off", hour=schedule.hour, weekday=schedule.weekday,
            time_zone=schedule.time_zone,
        )  # fmt: skip
        return True
    if preferences.kind_choices(user).get(kind) != Delivery.EMAIL:
        return False
    set_kind_deliveries(user, {kind: Delivery.APP})
    return True


DIGEST = "digest"  # what a digest's unsubscribe link stops


# --- Email ----------------------------------------------------------------------------------


def claim_email(notification_id: int, now: datetime) -> bool:
    """Take a due email for sending (only one sender can): at most once, never twice."""
    return bool(
        Notification.objects.filter(pk=notification_id, email=EmailState.DUE).update(
            email=EmailState.SENT, emailed_at=now
        )
    )


def unclaim_email(notification_id: int) -> None:
    """The email could not be sent: due again (the next sweep retries it)."""
    Notification.objects.filter(pk=notification_id, email=EmailState.SENT).update(
        email=EmailState.DUE, emailed_at=None
    )


def settle_email(notification_ids: Iterable[int], state: str) -> int:
    """Due emails that will not be sent (capped, withheld), and why."""
    return Notification.objects.filter(pk__in=list(notification_ids), email=EmailState.DUE).update(
        email=state
    )


def claim_digest(schedule: DigestSchedule, now: datetime) -> bool:
    """Take a person's due digest (only one worker can): moves ``last_sent_at`` on from
    what it was when the digest was found due."""
    if schedule.pk is None:
        _, created = DigestSchedule.objects.get_or_create(
            user_id=schedule.user_id, defaults={"last_sent_at": now}
        )
        return created
    return bool(
        DigestSchedule.objects.filter(pk=schedule.pk, last_sent_at=schedule.last_sent_at).update(
            last_sent_at=now
        )
    )
