"""``GET /events/`` from the outside: a real ASGI request through Django's middleware,
read as a browser's EventSource would. Who hears what is decided when it is sent."""

from __future__ import annotations

import asyncio
import functools
import json
import threading
from datetime import timedelta
from typing import Any

import pytest
from asgiref.sync import sync_to_async
from django.db import connections
from django.test import AsyncClient, Client
from django.utils import timezone

from agora.core import eventlog
from agora.core.models import Event
from agora.people.actions import do_update_account
from agora.posts import actions as posts
from agora.realtime.hub import hub
from agora.spaces.actions import do_remove_member
from agora.spaces.models import Membership

pytestmark = pytest.mark.django_db(transaction=True)


class Reader:
    """An open stream, parsed into (id, type, data) as EventSource does."""

    def __init__(self, response) -> None:
        self.response = response
        self.chunks = response.streaming_content.__aiter__()
        self.buffer = ""
        self.comments: list[str] = []
        self.ended = False

    async def next(self, timeout: float = 5.0) -> tuple[int | None, str, dict[str, Any]] | None:
        """The next event, or None once the stream ended."""
        while True:
            if "\n\n" in self.buffer:
                block, self.buffer = self.buffer.split("\n\n", 1)
                fields: dict[str, str] = {}
                for line in block.split("\n"):
                    if line.startswith(":"):
                        self.comments.append(line)
                        continue
                    name, _, value = line.partition(": ")
                    fields[name] = value
                if "data" in fields:
                    event_id = int(fields["id"]) if "id" in fields else None
                    body = json.loads(fields["data"])
                    return event_id, body["type"], body.get("data", {})
                continue
            try:
                chunk = await asyncio.wait_for(self.chunks.__anext__(), timeout)
            except StopAsyncIteration:
                self.ended = True
                return None
            self.buffer += chunk.decode() if isinstance(chunk, bytes) else chunk

    async def until(self, wanted, timeout: float = 5.0):
        """Events up to and including the first for which ``wanted`` holds."""
        seen = []
        loop = asyncio.get_running_loop()
        ends = loop.time() + timeout
        while (left := ends - loop.time()) > 0:
            event = await self.next(left)
            if event is None:
                break
            seen.append(event)
            if wanted(event):
                return seen
        pytest.fail(f"not heard within {timeout} s; heard {seen}")

    async def close(self) -> None:
        await self.chunks.aclose()


async def open_stream(user, **headers) -> Reader:
    client = AsyncClient()
    await client.aforce_login(user)
    response = await client.get("/events/", headers=headers)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/event-stream"
    reader = Reader(response)
    # The stream is attached once its body starts, as a browser starts reading at once.
    first = await asyncio.wait_for(reader.chunks.__anext__(), 5)
    reader.buffer += first.decode() if isinstance(first, bytes) else first
    return reader


def post_created(post_id):
    return lambda e: e[1] == "post.created" and e[2]["post"] == post_id


async def write(author, space, body):
    return await sync_to_async(posts.do_create_post)(author, space=space, body=body)


def in_own_loop(test):
    """Run an async test on an event loop of its own, in a thread of its own (the browser
    tests' Playwright keeps a loop running in the main thread), then stop the hub and let
    the database connections its thread used go, so the test database can be dropped."""

    @functools.wraps(test)
    def run(*args, **kwargs):
        async def body():
            try:
                await test(*args, **kwargs)
            finally:
                await sync_to_async(connections.close_all)()

        failure: list[BaseException] = []

        def thread():
            try:
                asyncio.run(body())
            except BaseException as exc:
                failure.append(exc)

        worker = threading.Thread(target=thread)
        worker.start()
        worker.join(60)
        hub.stop()
        if hub._thread is not None:
            hub._thread.join(5)
        assert not worker.is_alive(), "the test did not finish within 60 s"
        if failure:
            raise failure[0]

    return run


@in_own_loop
async def test_members_hear_a_private_spaces_posts_and_outsiders_do_not(cast):
    member = await open_stream(cast.salesperson)
    outsider = await open_stream(cast.outsider)
    try:
        private = await write(cast.engineer, cast.private_space, "For members")
        company = await write(cast.engineer, None, "For everyone")
        heard = await member.until(post_created(company.pk))
        assert [e[2]["post"] for e in heard if e[1] == "post.created"] == [private.pk, company.pk]
        assert heard[0][0] is not None  # every event has an id
        theirs = await outsider.until(post_created(company.pk))
        assert private.pk not in [e[2].get("post") for e in theirs]
    finally:
        await member.close()
        await outsider.close()


@in_own_loop
async def test_a_member_removed_from_a_space_hears_nothing_more_of_it(cast):
    reader = await open_stream(cast.salesperson)
    try:
        first = await write(cast.engineer, cast.private_space, "Before")
        await reader.until(post_created(first.pk))
        membership = await Membership.objects.aget(space=cast.private_space, user=cast.salesperson)
        await sync_to_async(do_remove_member)("owner", membership)
        after = await write(cast.engineer, cast.private_space, "After")
        marker = await write(cast.engineer, None, "Marker")
        heard = await reader.until(post_created(marker.pk))
        assert after.pk not in [e[2].get("post") for e in heard]
    finally:
        await reader.close()


@in_own_loop
async def test_reconnecting_with_last_event_id_replays_what_was_missed_once_in_order(cast):
    first = await write(cast.engineer, cast.open_space, "One")
    seen = await Event.objects.filter(type="post.created", data__post=first.pk).afirst()
    assert seen is not None
    missed = [await write(cast.engineer, cast.open_space, f"Missed {i}") for i in range(3)]
    await write(cast.engineer, cast.secret_space, "Not for Sam")
    reader = await open_stream(cast.salesperson, last_event_id=str(seen.pk))
    try:
        live = await write(cast.engineer, None, "Live")
        heard = await reader.until(post_created(live.pk))
        created = [e[2]["post"] for e in heard if e[1] == "post.created"]
        assert created == [*(p.pk for p in missed), live.pk]
        ids = [e[0] for e in heard]
        assert ids == sorted(ids) and len(ids) == len(set(ids))
    finally:
        await reader.close()


@in_own_loop
async def test_a_browser_away_longer_than_the_log_keeps_is_told_to_refresh(cast, settings):
    settings.AGORA_EVENT_LOG_DAYS = 7
    old = timezone.now() - timedelta(days=8)
    await sync_to_async(posts.do_add_comment)(
        cast.salesperson, cast.open_post, "Old", created_at=old
    )
    gone = await Event.objects.order_by("id").alast()
    assert gone is not None
    await write(cast.engineer, None, "Newer")
    await sync_to_async(eventlog.run_consumers)()
    await sync_to_async(eventlog.prune)()
    reader = await open_stream(cast.salesperson, last_event_id=str(gone.pk - 1))
    try:
        first = await reader.next()
        assert first is not None and first[1] == "refresh"
        assert await reader.next() is None  # and the stream ends
    finally:
        await reader.close()


@in_own_loop
async def test_a_deactivated_persons_stream_closes_within_five_seconds(cast):
    reader = await open_stream(cast.salesperson)
    try:
        marker = await write(cast.engineer, None, "Warm up")
        await reader.until(post_created(marker.pk))
        await sync_to_async(do_update_account)(cast.salesperson, is_active=False)
        loop = asyncio.get_running_loop()
        start = loop.time()
        while await reader.next(timeout=6) is not None:
            pass
        assert reader.ended and loop.time() - start < 5
    finally:
        await reader.close()


@in_own_loop
async def test_a_client_that_stops_reading_is_dropped_and_others_are_not(cast, settings):
    settings.AGORA_LIVE_QUEUE = 3
    stalled = await open_stream(cast.salesperson)
    reading = await open_stream(cast.engineer)
    try:
        counted: list[int] = []

        def sixth(event) -> bool:
            if event[1] == "post.created" and event[2]["author"] == cast.moderator.pk:
                counted.append(event[2]["post"])
            return len(counted) == 6

        listening = asyncio.create_task(reading.until(sixth, timeout=10))
        written = [await write(cast.moderator, None, f"Burst {i}") for i in range(6)]
        await listening
        assert counted == [p.pk for p in written]  # the one reading heard all six
        # The stalled one got what fitted, then its stream ended.
        events = []
        while (event := await stalled.next()) is not None:
            events.append(event)
        assert len(events) <= 3 and stalled.ended
    finally:
        await stalled.close()
        await reading.close()


@in_own_loop
async def test_keep_alive_comments_and_the_stream_ends_after_its_lifetime(cast, settings):
    settings.AGORA_LIVE_KEEPALIVE_SECONDS = 1
    settings.AGORA_LIVE_MAX_SECONDS = 2
    reader = await open_stream(cast.salesperson)
    try:
        assert await reader.next(timeout=5) is None
        assert ": keep-alive" in reader.comments
    finally:
        await reader.close()


def test_under_wsgi_it_tells_the_browser_to_stop_asking(cast):
    client = Client()
    client.force_login(cast.salesperson)
    assert client.get("/events/").status_code == 204
    assert Client().get("/events/").status_code == 302  # visitors are sent to sign in
