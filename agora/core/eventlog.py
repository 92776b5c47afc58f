"""Reading the event log: the durable consumers that run after a change commits.

Actions append events (``agora.core.events``: a type, the ids of what it is about, an
audience) in their own transaction. Everything that follows from a change without being
part of it reads them from here: notifications (and the email, push and digests built
on them), and later live pages, the search index, analytics and webhooks. No action
calls those one by one.

A durable consumer has a name and a cursor (``core.EventCursor``). ``run_consumer``
takes the events after its cursor, oldest first, hands them to the consumer, and moves
the cursor in the same transaction as the consumer's own writes: after a crash it
resumes where its last committed batch ended, so nothing is skipped and nothing is
done twice. Two processes running the same consumer cannot both move the cursor from
the same place: the second rolls its batch back. An event the consumer fails on alone
is logged and passed over, so one bad row cannot stop the log.

The worker runs every consumer (``start_consumers``): at once when woken
(``agora.core.wakeup``), and at least every ``AGORA_EVENT_POLL_SECONDS`` otherwise.
Tests run them inline with ``run_consumers()``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import close_old_connections, transaction
from django.db.models import Max, Min
from django.utils import timezone

from agora.core import actions, wakeup
from agora.core.models import Event, EventCursor

logger = logging.getLogger("agora.eventlog")

BATCH = 200  # events per transaction: short write locks on SQLite


@dataclass(frozen=True)
class Consumer:
    name: str
    handle: Callable[[Sequence[Event]], object]


_consumers: dict[str, Consumer] = {}


def register_consumer(name: str, handle: Callable[[Sequence[Event]], object]) -> None:
    """Run ``handle(events)`` for every batch of new events (apps call it in ``ready``)."""
    _consumers[name] = Consumer(name, handle)


def consumers() -> list[Consumer]:
    return list(_consumers.values())


def latest_id() -> int:
    """The id of the newest event (0 for an empty log)."""
    return Event.objects.aggregate(last=Max("id"))["last"] or 0


def read_after(last_id: int, limit: int = BATCH) -> list[Event]:
    """The events after ``last_id``, oldest first (at most ``limit``)."""
    return list(Event.objects.filter(id__gt=last_id).order_by("id")[:limit])


class _Raced(Exception):
    """Another process moved the cursor first: this batch is rolled back."""


def run_consumer(consumer: Consumer, *, batch: int = BATCH) -> int:
    """Hand one batch of new events to ``consumer``; returns how many it read."""
    cursor = EventCursor.objects.filter(name=consumer.name).values_list("last_id", flat=True)
    start = cursor.first()
    if start is not None and not Event.objects.filter(id__gt=start).exists():
        return 0  # nothing new: no transaction (on SQLite, no write lock)
    try:
        with transaction.atomic():
            start = actions.start_cursor(consumer.name)
            events = read_after(start, batch)
            if not events:
                return 0
            _handle(consumer, events)
            if not actions.advance_cursor(consumer.name, from_id=start, to_id=events[-1].id):
                raise _Raced
    except _Raced:
        return 0
    return len(events)


def _handle(consumer: Consumer, events: list[Event]) -> None:
    try:
        with transaction.atomic():
            consumer.handle(events)
    except Exception:
        if len(events) == 1:
            event = events[0]
            logger.exception("%s passed over event %s (%s)", consumer.name, event.pk, event.type)
            return
        # Find the event it fails on: each of the others is handled on its own.
        for event in events:
            _handle(consumer, [event])


def run_consumers(*, max_batches: int = 10_000) -> int:
    """Run every consumer until it has read the whole log; returns the events read."""
    total = 0
    for consumer in consumers():
        for _ in range(max_batches):
            done = run_consumer(consumer)
            total += done
            if not done:
                break
    return total


def start_consumers(stop: threading.Event, *, poll: float | None = None) -> threading.Thread:
    """A daemon thread running the consumers until ``stop``: at once when woken, and at
    least every ``poll`` seconds (``AGORA_EVENT_POLL_SECONDS``)."""
    every = float(poll if poll is not None else settings.AGORA_EVENT_POLL_SECONDS)

    def loop() -> None:
        while not stop.is_set():
            seen = wakeup.generation()
            try:
                close_old_connections()
                read = run_consumers()
            except Exception:  # a failed round must not end the thread; retried next time
                logger.exception("the event consumers could not run")
                read = 0
            if not read:
                wakeup.wait(seen, every)

    thread = threading.Thread(target=loop, name="agora-consumers", daemon=True)
    thread.start()
    return thread


def prune(now: datetime | None = None) -> int:
    """Forget events older than ``AGORA_EVENT_LOG_DAYS`` that every consumer has read
    (a consumer that was stopped for longer still finds its events)."""
    now = now or timezone.now()
    before = now - timedelta(days=settings.AGORA_EVENT_LOG_DAYS)
    cursors = EventCursor.objects.filter(name__in=list(_consumers))
    if cursors.count() < len(_consumers):
        return 0  # a consumer that never ran has read nothing yet
    read_by_all = cursors.aggregate(m=Min("last_id"))["m"]
    return actions.prune_events(before, up_to=read_by_all if _consumers else latest_id())
