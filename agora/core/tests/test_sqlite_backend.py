"""SQLite writers queue on a blocking lock instead of polling SQLite's busy handler."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest
from django.db import connection, transaction

from agora.people.models import Department

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "sqlite", reason="the queued-writer backend is SQLite's"
    ),
]


def write_in_thread(slug: str) -> tuple[threading.Thread, threading.Event]:
    done = threading.Event()

    def work() -> None:
        with transaction.atomic():
            Department.objects.create(name=slug.title(), slug=slug)
        connection.close()
        done.set()

    thread = threading.Thread(target=work)
    thread.start()
    return thread, done


HOLDER = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)
fcntl.flock(fd, fcntl.LOCK_EX)
print("locked", flush=True)
time.sleep(1.0)
"""


def test_a_writer_waits_while_another_process_holds_the_lock():
    lock_path = f"{connection.settings_dict['NAME']}.writer-lock"
    # Another process holding the lock, as `agora serve`'s other worker would.
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, lock_path], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        thread, done = write_in_thread("queued")
        assert not done.wait(timeout=0.4), "the writer did not wait for the other process"
        assert done.wait(timeout=5), "the writer never got the lock"
        thread.join()
    finally:
        holder.wait(timeout=5)
    assert Department.objects.filter(slug="queued").exists()


def test_it_releases_the_lock_when_a_transaction_fails():
    def failing_write() -> None:
        with transaction.atomic():
            Department.objects.create(name="Doomed", slug="doomed")
            raise ZeroDivisionError

    with pytest.raises(ZeroDivisionError):
        failing_write()
    thread, done = write_in_thread("next")
    assert done.wait(timeout=5), "the writer lock stayed held after a rollback"
    thread.join()
    assert not Department.objects.filter(slug="doomed").exists()
    assert Department.objects.filter(slug="next").exists()


def test_it_keeps_reads_outside_the_queue():
    read_done = threading.Event()

    def reader() -> None:
        Department.objects.count()
        connection.close()
        read_done.set()

    with transaction.atomic():
        Department.objects.create(name="Held", slug="held")
        thread = threading.Thread(target=reader)
        thread.start()
        # A read does not wait for the writer holding the lock.
        assert read_done.wait(timeout=5)
    thread.join()
