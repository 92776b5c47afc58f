"""Every write the glue owns: the event log and its consumers' cursors, claiming a
periodic job's run, and the site settings an administrator saves."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.db import connection, transaction
from django.db.models import Max, Q
from django.utils import timezone

from agora.core import policy, wakeup
from agora.core.models import Event, EventCursor, PeriodicRun, SiteSetting

if TYPE_CHECKING:
    from agora.core.events import Entry

# The cursor that says how far the log was pruned (not a consumer's).
PRUNED = "(pruned)"


def append_event(name: str, entry: Entry) -> None:
    """Append one event to the log inside the caller's transaction, and wake the
    consumers once it commits (``agora.core.wakeup``; they also poll, so a lost wake-up
    only delays them).

    Ids grow in commit order: SQLite has one writer at a time, and on PostgreSQL every
    write transaction takes the log's advisory lock before its first write
    (``agora.core.ordering``).
    """
    at = entry.at or timezone.now()
    users = list(entry.user_ids) if entry.user_ids is not None else None
    fields = {"type": name, "created_at": at, "space_id": entry.space_id, "user_ids": users}
    if connection.in_atomic_block:
        Event.objects.create(data=entry.data, **fields)
    else:  # a transaction of its own, so PostgreSQL's ordering lock covers it
        with transaction.atomic():
            Event.objects.create(data=entry.data, **fields)
    transaction.on_commit(wakeup.ring)


def start_cursor(name: str) -> int:
    """A consumer's position in the log (created at 0 the first time: it reads the log
    from its start)."""
    cursor, _ = EventCursor.objects.get_or_create(name=name)
    return cursor.last_id


def advance_cursor(name: str, *, from_id: int, to_id: int) -> bool:
    """Move a consumer's cursor from ``from_id`` to ``to_id`` (inside the transaction that
    did the batch's work). False if another process moved it first: the caller rolls
    its batch back, since that process did the same work."""
    moved = EventCursor.objects.filter(name=name, last_id=from_id).update(
        last_id=to_id, updated_at=timezone.now()
    )
    return moved == 1


def prune_events(before: datetime, *, up_to: int) -> int:
    """Forget events older than ``before`` with ids up to ``up_to`` (what every consumer
    has read); the log keeps ``AGORA_EVENT_LOG_DAYS``."""
    old = Event.objects.filter(created_at__lt=before, id__lte=up_to)
    newest = old.aggregate(m=Max("id"))["m"]
    if newest is None:
        return 0
    # Remember how far the log has forgotten: a browser that last heard an earlier event
    # cannot be replayed what it missed, and is told to refresh.
    EventCursor.objects.get_or_create(name=PRUNED)
    EventCursor.objects.filter(name=PRUNED, last_id__lt=newest).update(
        last_id=newest, updated_at=timezone.now()
    )
    deleted, _ = old.delete()
    return deleted


def claim_periodic_run(name: str, *, every: timedelta, now: datetime) -> bool:
    """Whether this worker won the right to start the job ``name`` now.

    The row is created once (a concurrent creator makes the insert a no-op), then the
    claim is one conditional UPDATE: however many workers run it at the same moment, the
    database lets exactly one of them move ``last_started_at`` forward.
    """
    PeriodicRun.objects.get_or_create(name=name)
    due = Q(last_started_at__isnull=True) | Q(last_started_at__lte=now - every)
    return PeriodicRun.objects.filter(due, name=name).update(last_started_at=now) == 1


def save_site_setting(setting: SiteSetting) -> SiteSetting:
    """Save an administrator's value for a knob (the admin's form has checked its type);
    the next read of the policy sees it."""
    setting.value = policy.coerce(setting.key, setting.value)
    setting.save()
    return setting


def set_site_setting(key: str, value: Any) -> SiteSetting:
    """Set one knob to ``value`` (checked against its type; ``ValueError`` if it does not
    fit, ``policy.UnknownSetting`` for a key that names no knob)."""
    setting = SiteSetting.objects.filter(key=key).first() or SiteSetting(key=key)
    setting.value = value
    return save_site_setting(setting)


def delete_site_setting(setting: SiteSetting) -> None:
    """Forget a saved value: the knob's default applies again from the next read."""
    SiteSetting.objects.filter(pk=setting.pk).delete()
