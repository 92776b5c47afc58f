"""Each server process's one reader of the event log for its live streams.

The hub is a thread, started with the first stream. When woken (``core.wakeup``) or at
the latest every ``AGORA_EVENT_POLL_SECONDS``, it reads the events after the last one it
handed out, asks who may hear each of them now (``audience.hearers``: one or two queries
per batch, whatever the number of streams), and offers each event to the streams of
those people. A stream's queue is bounded: a client that stops reading fills it and is
dropped (its browser reconnects and replays what it missed), and nobody else waits for
it. Every couple of seconds the hub also closes the streams of people who were
deactivated.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.db import close_old_connections, connection

from agora.core import eventlog, wakeup
from agora.core.models import Event
from agora.people.models import User
from agora.realtime.audience import hearers

logger = logging.getLogger("agora.realtime")

BATCH = 500
ACTIVE_CHECK_SECONDS = 2.0

Message = tuple[int, str]  # (event id, the SSE text)


def sse(event: Event) -> str:
    """One event as server-sent-event text: its id, then its type, its space and the ids
    it is about (never content). Every event is a plain message, so a browser's one
    ``onmessage`` gets them all."""
    body = {"type": event.type, "space": event.space_id, "data": event.data}
    return f"id: {event.pk}\ndata: {json.dumps(body)}\n\n"


@dataclass(eq=False)
class Stream:
    """One connected browser: its person and its bounded queue, read by the stream's
    view on its event loop (``None`` in the queue ends the stream)."""

    user_id: int
    loop: asyncio.AbstractEventLoop
    queue: asyncio.Queue[Message | None] = field(default_factory=lambda: asyncio.Queue(0))
    closed: bool = False
    reason: str = ""

    def offer(self, message: Message) -> None:
        """Queue ``message`` (on the stream's loop); a full queue drops the stream."""
        if self.closed:
            return
        if self.queue.full():
            self.close("too slow")
            return
        self.queue.put_nowait(message)

    def close(self, reason: str) -> None:
        """End the stream (on its loop): what is queued is dropped."""
        if self.closed:
            return
        self.closed, self.reason = True, reason
        while not self.queue.empty():
            self.queue.get_nowait()
        self.queue.put_nowait(None)


class Hub:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._streams: set[Stream] = set()
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self.last_id = 0

    def attach(self, stream: Stream) -> int:
        """Start sending new events to ``stream``; returns the id after which they start
        (earlier ones are the stream's to replay). Starts the hub on first use."""
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self.last_id = eventlog.latest_id()
                self._stop.clear()
                self._thread = threading.Thread(target=self._run, name="agora-live", daemon=True)
                self._thread.start()
            self._streams.add(stream)
            return self.last_id

    def detach(self, stream: Stream) -> None:
        with self._lock:
            self._streams.discard(stream)

    def streams(self) -> list[Stream]:
        with self._lock:
            return list(self._streams)

    def stop(self) -> None:
        self._stop.set()
        wakeup.ring()

    def _run(self) -> None:
        try:
            self._loop()
        finally:
            connection.close()

    def _loop(self) -> None:
        checked = time.monotonic()
        while not self._stop.is_set():
            seen = wakeup.generation()
            read = 0
            try:
                close_old_connections()
                read = self.deliver_new()
                if time.monotonic() - checked >= ACTIVE_CHECK_SECONDS:
                    checked = time.monotonic()
                    self.close_inactive()
            except Exception:  # a failed round must not end the hub; retried next time
                logger.exception("live events could not be delivered")
            if read < BATCH:
                wakeup.wait(seen, float(settings.AGORA_EVENT_POLL_SECONDS))

    def deliver_new(self) -> int:
        """Offer the events after ``last_id`` to the streams that may hear them."""
        events = eventlog.read_after(self.last_id, BATCH)
        if not events:
            return 0
        with self._lock:  # a stream attaching now waits: it gets these or replays them
            streams = list(self._streams)
            heard = hearers(events, {s.user_id for s in streams}) if streams else {}
            for event in events:
                message = (event.pk, sse(event))
                for stream in streams:
                    if stream.user_id in heard.get(event.pk, ()):
                        stream.loop.call_soon_threadsafe(stream.offer, message)
            self.last_id = events[-1].pk
        return len(events)

    def close_inactive(self) -> None:
        """Close the streams of people deactivated since they connected."""
        streams = self.streams()
        if not streams:
            return
        gone = set(
            User.objects.filter(pk__in={s.user_id for s in streams}, is_active=False).values_list(
                "pk", flat=True
            )
        )
        for stream in streams:
            if stream.user_id in gone:
                stream.loop.call_soon_threadsafe(stream.close, "deactivated")


hub = Hub()
