"""Background work the glue owns, run by the worker."""

from __future__ import annotations

from django_tasks import task

from agora.core import eventlog


@task()
def prune_event_log() -> int:
    """Daily: forget events older than ``AGORA_EVENT_LOG_DAYS`` that every consumer read."""
    return eventlog.prune()
