"""Who hears an event now: the audience it was logged with, checked against each
person's rights at the moment it is sent (``spaces.visibility.readers_among``), so a
member removed from a space hears nothing more of it at once."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from agora.core.models import Event
from agora.spaces.visibility import readers_among


def hearers(events: Sequence[Event], user_ids: Iterable[int]) -> dict[int, set[int]]:
    """For each event (by id), which of ``user_ids`` may hear it (two queries at most)."""
    people = set(user_ids)
    readers = readers_among({e.space_id for e in events if e.space_id is not None}, people)
    heard: dict[int, set[int]] = {}
    for event in events:
        allowed = set(people)
        if event.space_id is not None:
            space_readers = readers.get(event.space_id)
            if space_readers is not None:
                allowed &= space_readers
        if event.user_ids is not None:
            allowed &= set(event.user_ids)
        heard[event.pk] = allowed
    return heard
