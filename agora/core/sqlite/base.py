"""SQLite with writers that queue instead of polling.

SQLite allows one writer at a time. Django's sqlite3 backend (with IMMEDIATE
transactions) makes a second writer wait in SQLite's busy handler, which sleeps in growing
steps (up to 100 ms) and retries: under a burst of writes, requests sleep long after the
lock is free, and the slowest wait seconds. Here a writer first takes a lock that blocks
in the kernel until it is free: a thread lock inside the process, then ``flock`` on a
lock file beside the database for the other processes. Whoever holds it begins, writes and
commits at once; the others wake the moment it is released. Reads never take the lock.
"""

from __future__ import annotations

import fcntl
import os
import threading
from pathlib import Path
from typing import Any

from django.db.backends.sqlite3 import base

_locks: dict[str, tuple[threading.Lock, int]] = {}
_registry = threading.Lock()


def _writer_lock(database: str) -> tuple[threading.Lock, int]:
    """The process's thread lock and lock-file descriptor for one database file."""
    with _registry:
        if database not in _locks:
            path = Path(f"{database}.writer-lock")
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
            _locks[database] = (threading.Lock(), fd)
        return _locks[database]


# django-stubs leaves out the private hooks overridden below, hence the ignores.
class DatabaseWrapper(base.DatabaseWrapper):
    """Django's SQLite backend, with transactions serialised by a blocking lock."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._holds_writer_lock = False

    def _queue(self) -> bool:
        name = str(self.settings_dict["NAME"])
        return not self.is_in_memory_db() and name != ""

    def _acquire(self) -> None:
        thread_lock, fd = _writer_lock(str(self.settings_dict["NAME"]))
        thread_lock.acquire()
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except BaseException:
            thread_lock.release()
            raise
        self._holds_writer_lock = True

    def _release(self) -> None:
        if not self._holds_writer_lock:
            return
        self._holds_writer_lock = False
        thread_lock, fd = _writer_lock(str(self.settings_dict["NAME"]))
        fcntl.flock(fd, fcntl.LOCK_UN)
        thread_lock.release()

    def _start_transaction_under_autocommit(self) -> None:
        if self._queue():
            self._acquire()
        try:
            super()._start_transaction_under_autocommit()  # type: ignore[misc]
        except BaseException:
            self._release()
            raise

    def _commit(self) -> None:
        try:
            super()._commit()  # type: ignore[misc]
        finally:
            self._release()

    def _rollback(self) -> None:
        try:
            super()._rollback()  # type: ignore[misc]
        finally:
            self._release()

    def _close(self) -> None:
        try:
            super()._close()  # type: ignore[misc]
        finally:
            self._release()
