"""Running Agora's own processes in a test and using them as a browser would.

``Visitor`` signs in through the sign-in form and posts forms with the token their page
carries; ``EventStream`` holds ``GET /events/`` open and parses it as EventSource does;
``Processes`` starts ``agora`` commands (each in its own process group, its output in a
log file) and stops every one of them, even when the test failed; ``shared_database``
gives the processes one database of their own, not the test run's.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from typing import Any

AGORA = [sys.executable, "-m", "agora.cli"]
PASSWORD = "a-long-enough-passphrase"


class _KeepRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer to look at (where a form sends the browser), not to follow."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


class Visitor:
    """One browser's cookies on one server: ``base`` is like ``http://127.0.0.1:8000``."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = urllib.request.HTTPCookieProcessor()
        self.opener = urllib.request.build_opener(self.jar, _KeepRedirects)

    def request(
        self,
        path: str,
        form: dict[str, str] | None = None,
        *,
        headers: dict[str, str] | None = None,
        timeout: float = 10,
    ) -> tuple[int, Message, str]:
        """GET ``path`` (or POST ``form`` to it); the status, headers and body, redirects
        and errors included."""
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        url = f"{self.base}{path}"  # always the http:// of a server the test started
        request = urllib.request.Request(url, data=data, headers=headers or {})  # noqa: S310
        try:
            with self.opener.open(request, timeout=timeout) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as answer:
            with answer:
                return answer.code, answer.headers, answer.read().decode()

    def submit(
        self, page: str, action: str, fields: dict[str, str], *, htmx: bool = False
    ) -> tuple[int, str]:
        """Fill in the form on ``page`` and send it to ``action`` with the CSRF token the
        page carries, as the browser does (``htmx``: as htmx does, for a fragment); the
        status and where the answer redirects (or its body)."""
        status, _, body = self.request(page)
        assert status == 200, f"GET {page} answered {status}"
        token = body.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
        headers = {"Referer": f"{self.base}{page}"}
        if htmx:
            headers |= {"HX-Request": "true", "HX-Current-URL": f"{self.base}{page}"}
        form = {"csrfmiddlewaretoken": token, **fields}
        status, answer, body = self.request(action, form, headers=headers)
        return status, answer.get("Location") or body

    @property
    def cookie(self) -> str:
        """The ``Cookie`` header this browser sends."""
        return "; ".join(f"{c.name}={c.value}" for c in self.jar.cookiejar)


def sign_in(base: str, email: str, password: str = PASSWORD) -> Visitor:
    """A browser signed in on ``base`` through the sign-in form."""
    visitor = Visitor(base)
    status, where = visitor.submit(
        "/accounts/login/", "/accounts/login/", {"login": email, "password": password}
    )
    assert status == 302, f"signing in as {email} answered {status}: {where[:500]}"
    return visitor


@dataclass(frozen=True)
class Heard:
    """One event as a browser's ``onmessage`` sees it."""

    id: int
    type: str
    data: dict[str, Any]


class EventStream:
    """``GET /events/`` held open on ``port``, read in a thread as EventSource reads it."""

    def __init__(self, port: int, cookie: str, *, last_event_id: int | None = None) -> None:
        headers = {"Cookie": cookie, "Accept": "text/event-stream"}
        if last_event_id is not None:
            headers["Last-Event-ID"] = str(last_event_id)
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.connection.request("GET", "/events/", headers=headers)
        self.response = self.connection.getresponse()
        assert self.response.status == 200, f"GET /events/ answered {self.response.status}"
        self.heard: list[Heard] = []
        self.other: list[str] = []  # messages without an id (``refresh``)
        self._changed = threading.Condition()
        self._attached = False
        self._ended = False
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        fields: dict[str, str] = {}
        try:
            while line := self.response.readline().decode():
                line = line.rstrip("\r\n")
                if line.startswith(":"):
                    continue  # a keep-alive comment
                if line:
                    name, _, value = line.partition(":")
                    fields[name] = value.removeprefix(" ")
                    continue
                with self._changed:
                    if "retry" in fields:
                        self._attached = True  # sent once the server has attached it
                    if "data" in fields and "id" in fields:
                        body = json.loads(fields["data"])
                        self.heard.append(Heard(int(fields["id"]), body["type"], body["data"]))
                    elif "data" in fields:
                        self.other.append(fields["data"])
                    self._changed.notify_all()
                fields = {}
        except (OSError, http.client.HTTPException):
            pass  # ended by the server, or by ``close``
        finally:
            with self._changed:
                self._ended = True
                self._changed.notify_all()

    def wait_attached(self, seconds: float = 10) -> None:
        """Until the server has attached the stream: events committed after this reach it."""
        with self._changed:
            if not self._changed.wait_for(lambda: self._attached or self._ended, seconds):
                raise AssertionError(f"the stream was not attached within {seconds} s")

    def wait_for(self, done: Callable[[list[Heard]], bool], seconds: float = 10) -> list[Heard]:
        """What was heard, once ``done(heard)`` holds (fails after ``seconds``)."""
        with self._changed:
            self._changed.wait_for(lambda: done(self.heard) or self._ended, seconds)
            heard = list(self.heard)
        assert done(heard), f"not heard within {seconds} s; heard {heard}"
        return heard

    def close(self) -> None:
        """Hang up, as a browser leaving the page does."""
        sock = self.connection.sock
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)  # the reader sees the end of the stream
        self._thread.join(5)
        self.connection.close()


class Processes:
    """``agora`` commands started by a test, each in a process group of its own (a server
    and the processes it starts), its output in ``folder/<name>.log``."""

    def __init__(self, folder: Path, env: dict[str, str]) -> None:
        self.folder = folder
        self.env = env
        self.started: dict[str, subprocess.Popen[bytes]] = {}

    def run(self, *args: str, timeout: float = 120) -> str:
        """Run an ``agora`` command to its end; its output (it must succeed)."""
        done = subprocess.run(
            [*AGORA, *args], env=self.env, capture_output=True, text=True, timeout=timeout
        )
        assert done.returncode == 0, f"agora {' '.join(args)} failed:\n{done.stderr[-3000:]}"
        return done.stdout

    def start(self, name: str, *args: str) -> None:
        with (self.folder / f"{name}.log").open("ab") as log:
            self.started[name] = subprocess.Popen(
                [*AGORA, *args],
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def logs(self, lines: int = 40) -> str:
        """The end of every process's output, for a failure's message."""
        parts = []
        for name, process in self.started.items():
            text = (self.folder / f"{name}.log").read_text(errors="replace").splitlines()
            state = "running" if process.poll() is None else f"exited {process.returncode}"
            parts.append(f"--- {name} ({state}) ---\n" + "\n".join(text[-lines:]))
        return "\n".join(parts)

    def stop_all(self) -> None:
        """SIGTERM to each, then SIGKILL to the group of any still running after 15 s
        (a server that stops in time has stopped what it started)."""
        for process in self.started.values():
            if process.poll() is None:
                process.terminate()
        deadline = time.monotonic() + 15
        for process in self.started.values():
            try:
                process.wait(timeout=max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)  # not reaped yet: still its group
                process.wait()


@contextmanager
def shared_database(folder: Path) -> Iterator[dict[str, str]]:
    """The variables that give processes one database of their own: on PostgreSQL (the
    test run's ``AGORA_DATABASE_URL``) a new database on the same server, dropped after;
    otherwise an SQLite file in ``folder``."""
    env = {"AGORA_DATA_DIR": str(folder)}
    server = os.environ.get("AGORA_DATABASE_URL")
    if not server:
        yield env
        return
    import psycopg

    name = f"agora_live_{secrets.token_hex(4)}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        url = urllib.parse.urlsplit(server)._replace(path=f"/{name}").geturl()
        yield {**env, "AGORA_DATABASE_URL": url}
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
