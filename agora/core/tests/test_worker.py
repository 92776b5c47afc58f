"""The background worker: `agora serve` runs one that processes queued work, and periodic
jobs start once per interval however many workers race for them."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from agora.core.schedule import JOBS, run_due
from agora.testing.concurrency import run_together
from agora.testing.fixtures import free_port
from agora.testing.media import make_video

AGORA = [sys.executable, "-m", "agora.cli"]

QUEUE_A_VIDEO = """
import os
from django.core.files.uploadedfile import SimpleUploadedFile
from agora.media.uploads import Upload
from agora.people.actions import create_user
from agora.posts.actions import check_create_post

ada = create_user("ada@example.com", display_name="Ada")
with open(os.environ["AGORA_TEST_VIDEO"], "rb") as handle:
    clip = SimpleUploadedFile("clip.webm", handle.read())
post = check_create_post(ada, space=None, body="A clip", uploads=[Upload(clip)])
print(post.files.get().pk)
"""


def _env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ, AGORA_DATA_DIR=str(data_dir), **extra)
    for name in ("AGORA_DATABASE_URL", "DJANGO_SETTINGS_MODULE", "AGORA_RUN_WORKER"):
        env.pop(name, None)  # the embedded default is what `agora serve` runs
    return env


def _video_row(data_dir: Path, pk: int) -> tuple[str, str]:
    with closing(sqlite3.connect(data_dir / "agora.sqlite3", timeout=10)) as db:
        row = db.execute(
            "SELECT status, poster FROM media_attachment WHERE id = ?", (pk,)
        ).fetchone()
    return str(row[0]), str(row[1])


def test_agora_serve_runs_a_worker_that_processes_a_queued_video(tmp_path):
    data = tmp_path / "data"
    video = make_video(tmp_path / "clip.webm")
    subprocess.run([*AGORA, "migrate", "-v", "0"], env=_env(data), check=True, timeout=120)
    queued = subprocess.run(
        [*AGORA, "shell", "-c", QUEUE_A_VIDEO],
        env=_env(data, AGORA_TEST_VIDEO=str(video)),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    pk = int(queued.stdout.strip().splitlines()[-1])
    assert _video_row(data, pk)[0] == "processing"

    server = subprocess.Popen(
        [*AGORA, "serve", "--port", str(free_port()), "--workers", "1"],
        env=_env(data),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 90
        status, poster = _video_row(data, pk)
        while status == "processing" and time.monotonic() < deadline:
            time.sleep(0.5)
            status, poster = _video_row(data, pk)
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    assert status == "ready", errors
    assert (data / "media" / poster).read_bytes()[:3] == b"\xff\xd8\xff"  # a JPEG


@pytest.mark.django_db(transaction=True)
def test_each_periodic_job_starts_once_per_interval_with_workers_racing(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # queue only
    now = timezone.now()
    started: list[str] = []
    run_together([lambda: started.extend(run_due(now)) for _ in range(2)])
    assert Counter(started) == Counter(job.name for job in JOBS)
    queued = Counter(DBTaskResult.objects.values_list("task_path", flat=True))
    assert queued == Counter(job.task for job in JOBS)

    # Nothing is due a minute later; after an hour the hourly jobs are, once again.
    assert run_due(now + timedelta(minutes=1)) == []
    later: list[str] = []
    run_together([lambda: later.extend(run_due(now + timedelta(hours=1))) for _ in range(2)])
    assert sorted(later) == sorted(j.name for j in JOBS if j.every <= timedelta(hours=1))
