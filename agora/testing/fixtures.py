"""Fixtures every test module can use (registered by agora/conftest.py)."""

from __future__ import annotations

import os
import socket
import time
import urllib.request
from collections.abc import Callable, Iterator
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session
from django.core.cache import caches
from django.test import Client

from agora.people.models import User
from agora.testing.personas import Cast, make_cast


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    """Hashing with the production hasher's cost would dominate the suite's run time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def media_root(settings: Any, tmp_path: Path) -> Path:
    """Every test stores uploads in its own empty folder."""
    root = tmp_path / "media"
    root.mkdir()
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": root},
        },
    }
    return root


IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def empty_fragment_cache() -> None:
    """Every test starts with no cached card HTML: what one test drew (for rows its
    rollback removed) must not meet the next, and query counts start cold."""
    caches["fragments"].clear()


@pytest.fixture(autouse=True)
def immediate_tasks(settings: Any) -> None:
    """Background tasks run inline, when enqueued, so tests assert on their outcome.

    django-tasks drops its cached backends when ``TASKS`` changes (a setting_changed
    receiver), so tasks enqueued in the test reach this backend. Tests of the worker put
    the database backend back.
    """
    settings.TASKS = IMMEDIATE_TASKS


@pytest.fixture
def cast(db: None) -> Cast:
    return make_cast()


@pytest.fixture
def client_for(cast: Cast) -> Callable[[str | User], Client]:
    """A test client signed in as the named persona (or any user)."""

    def make(who: str | User) -> Client:
        user = cast.persona(who) if isinstance(who, str) else who
        client = Client()
        client.force_login(user)
        return client

    return make


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def embedded_env(data_dir: Path) -> dict[str, str]:
    """The environment of an ``agora`` command run as ``make run`` runs it: the embedded
    default on ``data_dir`` (SQLite, no Redis), whatever this test run points at."""
    env = dict(os.environ, AGORA_DATA_DIR=str(data_dir))
    for name in ("AGORA_DATABASE_URL", "AGORA_REDIS_URL", "DJANGO_SETTINGS_MODULE"):
        env.pop(name, None)
    return env


def wait_until_up(port: int, seconds: float = 30) -> None:
    """Wait for an ``agora serve`` started on ``port`` to answer ``/healthz``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("the server did not start")


class Mailbox:
    """What a real SMTP server (aiosmtpd) received."""

    def __init__(self) -> None:
        self.envelopes: list[Envelope] = []

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    def emails_to(self, address: str) -> list[EmailMessage]:
        """The messages ``address`` received, parsed (headers decoded, parts readable)."""
        found = []
        for envelope in self.envelopes:
            if address in envelope.rcpt_tos:
                message = message_from_bytes(envelope.original_content or b"", policy=default)
                assert isinstance(message, EmailMessage)
                found.append(message)
        return found

    def messages_to(self, address: str) -> list[str]:
        return [
            (e.content or b"").decode("utf-8", "replace")
            if isinstance(e.content, bytes)
            else str(e.content)
            for e in self.envelopes
            if address in e.rcpt_tos
        ]


@pytest.fixture
def smtp_server(settings: Any) -> Iterator[Mailbox]:
    """A real SMTP server on loopback, with Django's SMTP backend pointed at it."""
    mailbox = Mailbox()
    port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    try:
        yield mailbox
    finally:
        controller.stop()
