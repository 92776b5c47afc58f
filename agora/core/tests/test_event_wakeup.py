"""The event log across real commits and threads: the worker's consumers wake when a
change commits, Redis carries the wake-up between processes, a lost Redis only delays
events, and ids grow in commit order however writers interleave."""

from __future__ import annotations

import threading
import time

import pytest
import redis
from django.db import close_old_connections, connection, transaction

from agora.core import eventlog, wakeup
from agora.core.events import Entry
from agora.core.models import Event
from agora.notifications.models import Notification, NotificationKind
from agora.posts import actions as posts
from agora.testing.events import deliver

pytestmark = pytest.mark.django_db(transaction=True)


def _until(condition, seconds: float = 5.0) -> float:
    """Seconds until ``condition()`` held (fails after ``seconds``)."""
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > seconds:
            pytest.fail(f"not within {seconds} s")
        time.sleep(0.02)
    return time.monotonic() - start


def test_the_workers_consumers_wake_when_a_change_commits(cast):
    deliver()  # what the cast's own events call for
    stop = threading.Event()
    thread = eventlog.start_consumers(stop, poll=30)  # polling alone would take 30 s
    try:
        time.sleep(0.2)  # the thread is waiting now
        posts.do_create_post(cast.engineer, space=None, body=f"Ping @{cast.salesperson.handle}")
        took = _until(
            lambda: Notification.objects.filter(
                user=cast.salesperson, kind=NotificationKind.MENTION
            ).exists()
        )
        assert took < 3
    finally:
        stop.set()
        wakeup.ring()
        thread.join(5)


def test_redis_carries_the_wake_up_between_processes(settings, redis_url):
    settings.AGORA_REDIS_URL = redis_url
    seen = wakeup.generation()
    woke = threading.Event()

    def reader() -> None:
        wakeup.wait(seen, timeout=0.1)  # subscribes
        now = wakeup.generation()
        wakeup.wait(now, timeout=10)
        woke.set()

    thread = threading.Thread(target=reader)
    thread.start()
    other = redis.Redis.from_url(redis_url)
    # As another process would after its commit: publish on the channel.
    deadline = time.monotonic() + 5
    while not woke.is_set() and time.monotonic() < deadline:
        other.publish(wakeup.CHANNEL, b"1")
        woke.wait(0.2)
    thread.join(5)
    assert woke.is_set()


def test_a_commit_publishes_its_wake_up_on_redis(cast, settings, redis_url):
    settings.AGORA_REDIS_URL = redis_url
    listener = redis.Redis.from_url(redis_url).pubsub(ignore_subscribe_messages=True)
    listener.subscribe(wakeup.CHANNEL)
    listener.get_message(timeout=1)
    posts.do_create_post(cast.engineer, space=None, body="Hello")
    message = listener.get_message(timeout=3)
    assert message is not None and message["data"] == b"1"


def test_without_redis_writes_succeed_and_events_still_arrive(cast, settings, caplog):
    settings.AGORA_REDIS_URL = "redis://127.0.0.1:9/0"  # nothing listens there
    post = posts.do_create_post(cast.engineer, space=None, body=f"Hi @{cast.salesperson.handle}")
    assert Event.objects.filter(type="post.created", data__post=post.pk).exists()
    assert "could not publish the event wake-up" in caplog.text
    deliver()  # the next poll
    assert Notification.objects.filter(user=cast.salesperson, post=post).exists()


def test_ids_grow_in_commit_order_however_writers_interleave(cast):
    """The first writer appends, then holds its transaction open; the second appends
    and commits meanwhile. A reader that saw the second's event must already see the
    first's: the second waits until the first commits (SQLite's single writer; the
    advisory lock on PostgreSQL), so its id is the larger one."""
    from agora.core.actions import append_event

    appended = threading.Event()
    order: list[str] = []

    def first() -> None:
        try:
            with transaction.atomic():
                append_event("test.first", Entry(data={}))
                appended.set()
                time.sleep(0.5)
                order.append("first commits")
        finally:
            close_old_connections()
            connection.close()

    def second() -> None:
        try:
            appended.wait(5)
            with transaction.atomic():
                append_event("test.second", Entry(data={}))
            order.append("second commits")
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    ids = dict(Event.objects.filter(type__startswith="test.").values_list("type", "id"))
    assert order == ["first commits", "second commits"]
    assert ids["test.first"] < ids["test.second"]
