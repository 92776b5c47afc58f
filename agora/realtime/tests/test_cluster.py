"""The scaled shape on loopback: two ``agora serve`` processes and an ``agora worker``
sharing one database and one Redis, used over HTTP as browsers use them.

A mention made through one server reaches a stream held on the other; with Redis stopped
posting still succeeds and every event still arrives (at the next poll); a browser that
reconnects to the other server with ``Last-Event-ID`` is sent only what came after; posts
written at once through both servers reach streams on both. Each event is heard once, in
id order.

On PostgreSQL the processes share a database of their own on the test run's cluster; on
SQLite they share one file, as ``agora serve`` and its worker always do.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from itertools import pairwise

import pytest
import redis

from agora.core.wakeup import CHANNEL
from agora.testing.fixtures import embedded_env, free_port, wait_until_up
from agora.testing.live import EventStream, Heard, Processes, Visitor, shared_database, sign_in
from agora.testing.redis import RedisServer

ADA, BRUNO = "ada@example.com", "bruno@example.com"
PEOPLE = f"""
import json
from agora.people.actions import create_user
from agora.testing.live import PASSWORD
from django.db import connection
people = [create_user(email, display_name=name, handle=handle, password=PASSWORD)
          for email, name, handle in [({ADA!r}, "Ada", "ada"), ({BRUNO!r}, "Bruno", "bruno")]]
print(json.dumps({{"ids": {{p.email: p.pk for p in people}}, "database": connection.vendor}}))
"""


@dataclass
class Cluster:
    ports: tuple[int, int]
    redis: RedisServer
    processes: Processes
    ids: dict[str, int]  # each person's id, by email

    def base(self, server: int) -> str:
        return f"http://127.0.0.1:{self.ports[server - 1]}"

    def sign_in(self, email: str, *, on: int) -> Visitor:
        return sign_in(self.base(on), email)

    def stream(self, visitor: Visitor, *, on: int, last_event_id: int | None = None) -> EventStream:
        """``visitor``'s live stream on server ``on`` (a session works on either)."""
        stream = EventStream(self.ports[on - 1], visitor.cookie, last_event_id=last_event_id)
        stream.wait_attached()
        return stream

    def post(self, author: Visitor, body: str) -> int:
        """Write a company-wide post with the feed's composer, as htmx sends it; its id
        (from the card the answer draws)."""
        status, card = author.submit("/", "/posts/create/", {"body": body, "space": ""}, htmx=True)
        found = re.search(r'id="post-(\d+)"', card)
        assert status == 200 and found, f"posting answered {status} {card[:300]}\n{self.logs()}"
        return int(found[1])

    def post_without_script(self, author: Visitor, body: str) -> None:
        """Write a company-wide post with the composer's own page, as a browser without
        JavaScript sends it (it is redirected back to the page)."""
        status, where = author.submit("/posts/new/", "/posts/create/", {"body": body, "space": ""})
        assert status == 302, f"posting answered {status} {where[:300]}\n{self.logs()}"

    def post_ids(self, bodies: list[str]) -> list[int]:
        """The ids of the posts with these bodies, read from the database (in that order)."""
        found = json.loads(
            self.processes.run(
                "shell", "-v", "0", "-c",
                "import json\n"
                "from agora.posts.models import Post\n"
                f"bodies = {bodies!r}\n"
                "rows = dict(Post.objects.filter(body__in=bodies).values_list('body', 'pk'))\n"
                "print(json.dumps([rows.get(b) for b in bodies]))",
            )
        )  # fmt: skip
        assert None not in found, f"posts missing: {found}"
        return [int(i) for i in found]

    def listeners(self) -> int:
        """How many processes (and tests) are subscribed to the wake-up channel now."""
        client = redis.Redis.from_url(self.redis.url, socket_timeout=2)
        try:
            counts: list[tuple[bytes, int]] = client.pubsub_numsub(CHANNEL)  # type: ignore[assignment]
            return dict(counts)[CHANNEL.encode()]
        finally:
            client.close()

    def logs(self) -> str:
        return self.processes.logs()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    """The processes, started once for the module: Redis, a migrated database with Ada and
    Bruno in it, two servers and a worker; all stopped (and the database dropped) after."""
    folder = tmp_path_factory.mktemp("cluster")
    server = RedisServer(folder)  # skips (or fails, in CI) without redis-server
    with shared_database(folder) as database:
        env = {
            **embedded_env(folder),
            **database,
            "AGORA_REDIS_URL": server.url,
            "AGORA_EVENT_POLL_SECONDS": "1",
        }
        processes = Processes(folder, env)
        try:
            server.start()
            processes.run("migrate", "--no-input", "-v", "0")
            made = json.loads(processes.run("shell", "-v", "0", "-c", PEOPLE))
            expected = "postgresql" if "AGORA_DATABASE_URL" in database else "sqlite"
            assert made["database"] == expected  # the tier of this run, not a fallback
            one = free_port()
            two = next(p for p in iter(free_port, None) if p != one)
            for name, port in (("server-1", one), ("server-2", two)):
                processes.start(name, "serve", "--port", str(port), "--workers", "1", "--no-worker")
            processes.start("worker", "worker")
            for port in (one, two):
                try:
                    wait_until_up(port)
                except AssertionError:
                    raise AssertionError(processes.logs()) from None
            yield Cluster((one, two), server, processes, made["ids"])
        finally:
            processes.stop_all()
            server.stop()


def posts(heard: list[Heard]) -> list[int]:
    return [e.data["post"] for e in heard if e.type == "post.created"]


def told(heard: list[Heard]) -> list[tuple[str, object]]:
    """Each event heard as its type and what it is about (a post, or a person)."""
    return [(e.type, e.data.get("post", e.data.get("user"))) for e in heard]


def in_id_order(heard: list[Heard]) -> bool:
    """Strictly increasing ids: in order, and none twice."""
    return all(a.id < b.id for a, b in pairwise(heard))


def wait(condition, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"not within {seconds} s"
        time.sleep(0.05)


def test_a_mention_made_through_one_server_reaches_a_stream_held_on_the_other(cluster):
    ada, bruno = cluster.sign_in(ADA, on=1), cluster.sign_in(BRUNO, on=2)
    rings = redis.Redis.from_url(cluster.redis.url).pubsub(ignore_subscribe_messages=True)
    rings.subscribe(CHANNEL)  # as every process does
    stream = cluster.stream(bruno, on=2)
    try:
        # Server 2's live reader, the worker's consumers and this test listen on Redis.
        wait(lambda: cluster.listeners() >= 3)
        mention = cluster.post(ada, "The draft is ready for review, @bruno")
        stream.wait_for(lambda heard: any(e.type == "notification.created" for e in heard))
        after = cluster.post(ada, "That is all for today")  # anything twice would precede it
        heard = stream.wait_for(lambda heard: after in posts(heard))
        # The wake-ups went through Redis: server 1's after each post, the worker's after
        # the notification.
        woken, deadline = 0, time.monotonic() + 5
        while woken < 3 and time.monotonic() < deadline:
            woken += rings.get_message(timeout=0.1) is not None  # (None: the subscription)
    finally:
        stream.close()
        rings.close()
    assert told(heard) == [
        ("post.created", mention),
        ("notification.created", cluster.ids[BRUNO]),  # written by the worker
        ("post.created", after),
    ], cluster.logs()
    assert in_id_order(heard)
    assert woken >= 3


def test_with_redis_stopped_posting_succeeds_and_every_event_still_arrives(cluster):
    # Signed in first: sign-in's rate limits are kept in Redis.
    ada, bruno = cluster.sign_in(ADA, on=1), cluster.sign_in(BRUNO, on=2)
    stream = cluster.stream(bruno, on=2)
    bodies = [f"Written without Redis, part {n}" for n in range(1, 5)]
    bodies.append("And one for @bruno, without Redis")
    cluster.redis.stop()
    try:
        for body in bodies:
            cluster.post_without_script(ada, body)
        made = cluster.post_ids(bodies)  # every one was written
        # Nobody is woken: the readers find them at their next poll (every second).
        heard = stream.wait_for(
            lambda heard: (
                made[-1] in posts(heard) and any(e.type == "notification.created" for e in heard)
            ),
            seconds=10,
        )
    finally:
        stream.close()
        cluster.redis.start()
    assert sorted(told(heard)) == sorted(
        [*(("post.created", post) for post in made), ("notification.created", cluster.ids[BRUNO])]
    ), cluster.logs()
    assert posts(heard) == made  # in the order they were written
    assert in_id_order(heard)
    # Once Redis is back, server 2 and the worker subscribe again.
    wait(lambda: cluster.listeners() >= 2)


def test_with_redis_stopped_the_feed_composer_and_the_pages_still_answer(cluster):
    ada = cluster.sign_in(ADA, on=1)
    cluster.redis.stop()
    try:
        post = cluster.post(ada, "Drawn without Redis")
        for page in ("/", f"/posts/{post}/", "/people/ada/"):
            status, _, _ = ada.request(page)
            assert status == 200, page
    finally:
        cluster.redis.start()


def test_a_stream_resumed_on_the_other_server_replays_only_what_came_after(cluster):
    ada, bruno = cluster.sign_in(ADA, on=1), cluster.sign_in(BRUNO, on=2)
    stream = cluster.stream(bruno, on=2)
    try:
        seen = [cluster.post(ada, f"Morning notes, part {n}") for n in range(1, 4)]
        heard = stream.wait_for(lambda heard: seen[-1] in posts(heard))
    finally:
        stream.close()  # the connection drops
    assert told(heard) == [("post.created", post) for post in seen]
    away = [cluster.post(ada, f"Written while Bruno was away, part {n}") for n in (1, 2)]
    # The browser reconnects, here to the other server, with the last id it saw.
    resumed = cluster.stream(bruno, on=1, last_event_id=heard[-1].id)
    try:
        back = cluster.post(ada, "Written once Bruno was back")
        replayed = resumed.wait_for(lambda heard: back in posts(heard))
    finally:
        resumed.close()
    assert told(replayed) == [("post.created", post) for post in [*away, back]], cluster.logs()
    assert in_id_order(replayed)
    assert replayed[0].id > heard[-1].id


def test_posts_written_at_once_through_both_servers_reach_both_streams_once(cluster):
    """Writers on two servers commit in some order; each reader, reading after the last
    id it handed out, must still find every event: ids grow in commit order."""
    writers = [cluster.sign_in(ADA, on=1), cluster.sign_in(ADA, on=2)]
    bruno = cluster.sign_in(BRUNO, on=1)
    streams = [cluster.stream(bruno, on=1), cluster.stream(bruno, on=2)]
    made: list[int] = []
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            jobs = [
                pool.submit(cluster.post, writers[n % 2], f"At once, part {n}") for n in range(24)
            ]
            made = [job.result() for job in jobs]
        heard = [s.wait_for(lambda heard: set(made) <= set(posts(heard))) for s in streams]
    finally:
        for stream in streams:
            stream.close()
    for each in heard:
        assert told(each) == [("post.created", post) for post in sorted(made)], cluster.logs()
        assert in_id_order(each)
