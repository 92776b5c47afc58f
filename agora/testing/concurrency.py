"""Running actions truly at the same moment, for race tests."""

from __future__ import annotations

import threading
from collections.abc import Callable

from django.db import connection


def run_together(workers: list[Callable[[], object]]) -> None:
    """Start every worker at the same moment, each on its own database connection."""
    barrier = threading.Barrier(len(workers))
    failures: list[BaseException] = []

    def run(work: Callable[[], object]) -> None:
        try:
            barrier.wait()
            work()
        except BaseException as exc:  # collected and re-raised in the main thread
            failures.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(w,)) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures, failures
