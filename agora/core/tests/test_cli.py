"""The ``agora`` command: serving, and refusing to serve an unmigrated database."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from agora.testing.fixtures import embedded_env, free_port, wait_until_up

AGORA = [sys.executable, "-m", "agora.cli"]


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("served")
    subprocess.run([*AGORA, "migrate", "-v", "0"], env=embedded_env(data), check=True)
    return data


def test_it_refuses_to_serve_a_database_that_is_not_migrated(tmp_path):
    result = subprocess.run(
        [*AGORA, "serve", "--port", str(free_port())],
        env=embedded_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "agora migrate" in result.stderr


def test_it_rejects_a_bad_port(tmp_path):
    result = subprocess.run(
        [*AGORA, "serve", "--port", "70000"],
        env=embedded_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "--port" in result.stderr


def test_it_serves_and_stops_promptly_on_sigterm(migrated, tmp_path):
    port = free_port()
    server = subprocess.Popen(
        [*AGORA, "serve", "--port", str(port), "--workers", "1"],
        env=embedded_env(migrated),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        body = None
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                    body = json.loads(r.read())
                    break
            except OSError:
                time.sleep(0.2)
        assert body == {"ok": True}
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
            assert "/accounts/login/" in r.url
        server.send_signal(signal.SIGTERM)
        started = time.monotonic()
        server.wait(timeout=15)
        assert time.monotonic() - started < 10
        output = server.stdout.read() if server.stdout else ""
        assert f"http://127.0.0.1:{port}/" in output
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


def test_it_stops_every_process_when_ctrl_c_reaches_the_whole_group(migrated):
    """Ctrl+C in a terminal (or `make run`) signals the server and all its workers at once."""
    port = free_port()
    server = subprocess.Popen(
        [*AGORA, "serve", "--port", str(port), "--workers", "2"],
        env=embedded_env(migrated),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_until_up(port)
        os.killpg(server.pid, signal.SIGINT)
        server.wait(timeout=15)
        time.sleep(0.5)
        survivors = subprocess.run(
            ["pgrep", "-g", str(server.pid)], capture_output=True, text=True, check=False
        ).stdout.split()
        assert survivors == []
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGKILL)


def test_the_console_script_is_installed():
    assert shutil.which("agora", path=str(Path(sys.executable).parent))


def test_it_creates_an_administrator_once(migrated):
    result = subprocess.run(
        [
            *AGORA,
            "createadmin",
            "--email",
            "Boss@Example.com",
            "--name",
            "The Boss",
            "--password",
            "a-long-enough-passphrase",
        ],
        env=embedded_env(migrated),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "boss@example.com created" in result.stdout
    again = subprocess.run(
        [*AGORA, "createadmin", "--email", "boss@example.com", "--password", "another-passphrase"],
        env=embedded_env(migrated),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert again.returncode != 0
    assert "already an account" in again.stderr


@pytest.mark.parametrize("interface", ["wsgi", "dispatch", "asgi"])
def test_every_serving_mode_serves_pages_and_reads_form_posts(migrated, interface):
    port = free_port()
    server = subprocess.Popen(
        [*AGORA, "serve", "--port", str(port), "--workers", "1", "--interface", interface],
        env=embedded_env(migrated),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_until_up(port)
        base = f"http://127.0.0.1:{port}"
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        with opener.open(f"{base}/accounts/login/", timeout=5) as r:
            page = r.read().decode()
        token = page.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
        form = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token, "login": "nobody@example.com", "password": "wrong"}
        ).encode()
        request = urllib.request.Request(
            f"{base}/accounts/login/", data=form, headers={"Referer": f"{base}/accounts/login/"}
        )
        # A wrong password re-displays the form with an error: the POST body was read.
        try:
            with opener.open(request, timeout=5) as r:
                status, body = r.status, r.read().decode()
        except urllib.error.HTTPError as exc:
            status, body = exc.code, exc.read().decode()
        assert status in (200, 400), body[:500]
        assert "not correct" in body
    finally:
        server.terminate()
        server.wait(timeout=15)
