"""Domain events: how an action tells the apps above its own what it did.

An app never imports the apps above it (the import contracts in ``pyproject.toml`` say
so), so when an action in a lower app has consequences in a higher one (a thumbs-up in
``posts`` earns reputation; a new post is indexed by ``search``), the action emits a typed
event and the higher app subscribes to that type in its ``AppConfig.ready``. Event types
are frozen dataclasses defined in the emitting app's ``events.py``.

Handlers run at once, in the order they subscribed, inside the emitting action's
transaction: what they write commits or rolls back with the change, and an exception in a
handler fails the action.

An event type that people could notice is also *logged* (``@logged("post.created")``):
``emit`` appends its ``entry()`` (ids and an audience, never content) to the event log in
the same transaction, and the consumers that run after the commit (notifications, live
pages, email) read it from there (``agora.core.eventlog``).

Tests see exactly what an action emitted with ``capture()``, and what it logged in the
``core.Event`` rows it wrote.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol, TypeVar

E = TypeVar("E")
T = TypeVar("T", bound=type)

_handlers: dict[type, list[Callable[[Any], None]]] = defaultdict(list)
_captures: list[list[object]] = []
_logged: dict[type, str] = {}

Ids = int | str | bool | None | list[int]


@dataclass(frozen=True)
class Entry:
    """What the event log keeps of an event: the ids it is about (``data``) and its
    audience. Someone hears of it only if they may read ``space_id`` (None: no space
    limits it, as for company-wide posts) and, when ``user_ids`` is given, is one of them.
    ``at``: when it happened (now, or a past moment for an import or the demo)."""

    data: Mapping[str, Ids] = field(default_factory=dict)
    space_id: int | None = None
    user_ids: tuple[int, ...] | None = None
    at: datetime | None = None


class Loggable(Protocol):
    def entry(self) -> Entry: ...


def logged(name: str) -> Callable[[T], T]:
    """Class decorator: events of this type are appended to the log as ``name``."""

    def register(cls: T) -> T:
        if not callable(getattr(cls, "entry", None)):
            raise TypeError(f"{cls.__name__} is logged, so it needs an entry() method")
        taken = {n: c for c, n in _logged.items()}
        if name in taken and taken[name] is not cls:
            raise ValueError(f"Two event types are logged as {name!r}")
        _logged[cls] = name
        return cls

    return register


def logged_types() -> dict[str, type]:
    """Every logged event type by its log name."""
    return {name: cls for cls, name in _logged.items()}


def subscribe(event_type: type[E], handler: Callable[[E], None]) -> None:
    """Call ``handler(event)`` for every event of ``event_type`` (idempotent)."""
    if handler not in _handlers[event_type]:
        _handlers[event_type].append(handler)


def emit(event: object) -> None:
    """Hand ``event`` to its subscribers now (call it inside the action's transaction)."""
    for captured in _captures:
        captured.append(event)
    name = _logged.get(type(event))
    if name is not None:
        from agora.core.actions import append_event

        loggable: Loggable = event  # type: ignore[assignment]
        append_event(name, loggable.entry())
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
