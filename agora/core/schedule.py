"""Periodic jobs, started by whichever worker claims them first.

A job is a task (``agora.*.tasks``) enqueued at most once per interval: a worker's
scheduler thread claims a run by moving ``PeriodicRun.last_started_at`` forward with a
conditional UPDATE, which only one worker can win, then enqueues the task.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import close_old_connections
from django.utils import timezone
from django.utils.module_loading import import_string

from agora.core import actions

logger = logging.getLogger("agora.schedule")


@dataclass(frozen=True)
class Job:
    name: str
    task: str  # dotted path of a django-tasks task
    every: timedelta


JOBS = [
    Job("update-levels", "agora.reputation.tasks.update_levels", timedelta(days=1)),
    Job("sweep-orphaned-files", "agora.media.tasks.sweep_orphaned_files", timedelta(hours=1)),
    Job("resume-videos", "agora.media.tasks.resume_videos", timedelta(minutes=15)),
    Job("prune-event-log", "agora.core.tasks.prune_event_log", timedelta(days=1)),
    Job("send-due-email", "agora.notifications.tasks.send_due_email", timedelta(minutes=5)),
    Job("send-digests", "agora.notifications.tasks.send_digests", timedelta(minutes=15)),
]


def claim(job: Job, now: datetime) -> bool:
    """Whether this worker won the right to start ``job`` now (``actions.claim_periodic_run``)."""
    return actions.claim_periodic_run(job.name, every=job.every, now=now)


def run_due(now: datetime | None = None) -> list[str]:
    """Enqueue every job that is due; returns the names started."""
    now = now or timezone.now()
    started = []
    for job in JOBS:
        if claim(job, now):
            task: Any = import_string(job.task)
            task.enqueue()
            started.append(job.name)
    return started


def start_scheduler(stop: threading.Event, *, every: float = 30.0) -> threading.Thread:
    """A daemon thread that checks for due jobs every ``every`` seconds until ``stop``."""

    def loop(wait: Callable[[float], bool] = stop.wait) -> None:
        while not stop.is_set():
            try:
                close_old_connections()
                for name in run_due():
                    logger.info("started periodic job %s", name)
            except Exception:  # a failed check must not end the scheduler; retried next time
                logger.exception("periodic jobs could not be checked")
            wait(every)

    thread = threading.Thread(target=loop, name="agora-scheduler", daemon=True)
    thread.start()
    return thread
