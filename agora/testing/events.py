"""Tests and the event log: what an action logged, and running its consumers inline.

``logged()`` is this project's ``verify_action`` (Zulip's): the events an action wrote to
the log, read back from the table, as (type, data, space_id, user_ids) tuples to compare
with exactly what a test expects. ``deliver()`` runs every consumer (notifications …)
over the log, as the worker does after each commit.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.test import TestCase

from agora.core import eventlog
from agora.core.models import Event

Logged = tuple[str, dict[str, Any], int | None, list[int] | None]


@contextmanager
def logged() -> Iterator[list[Logged]]:
    """The events appended to the log inside the block, oldest first."""
    before = eventlog.latest_id()
    found: list[Logged] = []
    yield found
    found += [
        (e.type, e.data, e.space_id, e.user_ids)
        for e in Event.objects.filter(id__gt=before).order_by("id")
    ]


def deliver() -> int:
    """Run every consumer of the log to its end (as the worker does), and what they do
    once their batch has committed (the email consumer sends then); returns the events
    read. Inside a test's transaction nothing commits, so those run at the block's end."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return eventlog.run_consumers()
