"""``agora worker``: run background tasks and the periodic jobs.

``agora serve`` starts one of these beside the web workers; the scaled deployment runs
``agora worker`` processes on their own (``agora serve --no-worker`` for the web side).
"""

from __future__ import annotations

import threading
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker

from agora.core.eventlog import start_consumers
from agora.core.schedule import start_scheduler


class Command(BaseCommand):
    help = (
        "Run background tasks (video posters, the orphan sweep), the event log's consumers "
        "(notifications) and periodic jobs."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--interval", type=float, default=2.0, help="seconds between polls")
        parser.add_argument(
            "--no-schedule", action="store_true", help="do not start periodic jobs here"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        stop = threading.Event()
        start_consumers(stop)  # notifications and the rest follow the event log
        if not options["no_schedule"]:
            start_scheduler(stop)
        worker = Worker(
            queue_names=["default"],
            interval=options["interval"],
            batch=False,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=get_random_string(12),
            excluded_queue_names=[],
        )
        worker.configure_signals()
        try:
            worker.run()
        finally:
            stop.set()
