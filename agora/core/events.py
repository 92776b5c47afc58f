"""Domain events: how an action tells the apps above its own what it did.

An app never imports the apps above it (the import contracts in ``pyproject.toml`` say
so), so when an action in a lower app has consequences in a higher one (a thumbs-up in
``posts`` earns reputation; a new post is indexed by ``search``), the action emits a typed
event and the higher app subscribes to that type in its ``AppConfig.ready``. Event types
are frozen dataclasses defined in the emitting app's ``events.py``.

Handlers run at once, in the order they subscribed, inside the emitting action's
transaction: what they write commits or rolls back with the change, and an exception in a
handler fails the action. The event log (live updates, notifications by email, webhooks)
will store the same events for the consumers that run after the commit.

Tests see exactly what an action emitted with ``capture()``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

E = TypeVar("E")

_handlers: dict[type, list[Callable[[Any], None]]] = defaultdict(list)
_captures: list[list[object]] = []


def subscribe(event_type: type[E], handler: Callable[[E], None]) -> None:
    """Call ``handler(event)`` for every event of ``event_type`` (idempotent)."""
    if handler not in _handlers[event_type]:
        _handlers[event_type].append(handler)


def emit(event: object) -> None:
    """Hand ``event`` to its subscribers now (call it inside the action's transaction)."""
    for captured in _captures:
        captured.append(event)
    for handler in list(_handlers[type(event)]):
        handler(event)


def subscribers(event_type: type) -> list[Callable[[Any], None]]:
    return list(_handlers[event_type])


@contextmanager
def capture() -> Iterator[list[object]]:
    """The events emitted inside the block, in order (subscribers still run)."""
    captured: list[object] = []
    _captures.append(captured)
    try:
        yield captured
    finally:
        _captures.remove(captured)
