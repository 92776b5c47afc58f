"""The wake-up: how the processes that read the event log learn that it has grown.

The log is the truth; this is only a hint to read it now rather than at the next poll.
``ring()`` runs after an event's transaction commits. It always wakes the readers of its
own process (the embedded default needs nothing else), and with ``AGORA_REDIS_URL`` set
it also publishes on a Redis channel that every process subscribes to. If Redis is away,
the publish is dropped with a warning: the writer never fails, and the readers find the
events at their next poll, a second or two later.

Readers wait with ``wait(seen, timeout)``: it returns as soon as anything rang after the
generation ``seen``, or after ``timeout`` seconds.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from django.conf import settings

logger = logging.getLogger("agora.wakeup")

CHANNEL = "agora:events"
RECONNECT_SECONDS = 1.0

_bell = threading.Condition()
_generation = 0
_lock = threading.Lock()
_publisher: tuple[str, Any] | None = None
_subscriber: tuple[str, threading.Thread] | None = None


def redis_url() -> str | None:
    url: str | None = getattr(settings, "AGORA_REDIS_URL", None)
    return url or None


def generation() -> int:
    """How many times this process has been woken (compare with ``wait``)."""
    with _bell:
        return _generation


def _ring_here() -> None:
    global _generation
    with _bell:
        _generation += 1
        _bell.notify_all()


def ring() -> None:
    """Wake every reader: in this process at once, in the others through Redis."""
    _ring_here()
    url = redis_url()
    if url is None:
        return
    try:
        _client(url).publish(CHANNEL, b"1")
    except Exception as exc:
        logger.warning("could not publish the event wake-up (%s); readers will poll", exc)


def wait(seen: int, timeout: float) -> int:
    """Block until something rings after generation ``seen`` or ``timeout`` passes;
    returns the generation now."""
    _listen()
    with _bell:
        _bell.wait_for(lambda: _generation != seen, timeout)
        return _generation


def _client(url: str) -> Any:
    global _publisher
    with _lock:
        if _publisher is None or _publisher[0] != url:
            import redis

            client = redis.Redis.from_url(url, socket_timeout=1, socket_connect_timeout=1)
            _publisher = (url, client)
        return _publisher[1]


def _listen() -> None:
    """Start this process's Redis subscriber once (nothing without Redis)."""
    global _subscriber
    url = redis_url()
    if url is None:
        return
    with _lock:
        if _subscriber is not None and _subscriber[0] == url and _subscriber[1].is_alive():
            return
        thread = threading.Thread(target=_subscribe, args=(url,), name="agora-wakeup", daemon=True)
        _subscriber = (url, thread)
        thread.start()


def _subscribe(url: str) -> None:
    """Ring here for every wake-up published in any process, until the setting names
    another server (then that one's subscriber takes over)."""
    import redis

    while redis_url() == url:
        try:
            client = redis.Redis.from_url(url, socket_connect_timeout=1, health_check_interval=10)
            pubsub = client.pubsub(ignore_subscribe_messages=True)  # type: ignore[no-untyped-call]
            pubsub.subscribe(CHANNEL)
            _ring_here()  # anything published while we were away: read the log now
            while redis_url() == url:
                message = pubsub.get_message(timeout=1.0)
                if message is not None and message.get("type") == "message":
                    _ring_here()
        except Exception as exc:
            logger.warning("event wake-up subscription lost (%s); retrying", exc)
            time.sleep(RECONNECT_SECONDS)
