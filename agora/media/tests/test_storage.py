"""Storage going wrong (a full disk) and files nothing uses (the orphan sweep)."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest
from django.core.files.storage import FileSystemStorage
from django.urls import reverse

from agora.core.models import SiteSetting
from agora.core.schedule import JOBS, run_due
from agora.media.models import Attachment
from agora.media.tasks import sweep_orphaned_files
from agora.media.uploads import FULL_DISK
from agora.posts.models import Post
from agora.testing.media import files_in, pdf_bytes, png, upload

pytestmark = pytest.mark.django_db


class FullDiskStorage(FileSystemStorage):
    """Writes fail as on a full disk: the file is created, then its bytes do not fit."""

    def _save(self, name: str, content: Any) -> str:
        path = Path(self.path(name))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch()
        with open("/dev/full", "wb") as disk:
            for chunk in content.chunks():
                disk.write(chunk)
                disk.flush()  # ENOSPC
        return name


@pytest.fixture
def full_disk(settings, media_root):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": f"{__name__}.FullDiskStorage",
            "OPTIONS": {"location": media_root},
        },
    }
    return media_root


@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "plain form"])
def test_a_full_disk_refuses_files_clearly_and_keeps_text_posting_working(
    cast, client_for, full_disk, htmx
):
    before = files_in(full_disk)
    client = client_for("engineer")
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = client.post(
        reverse("posts:create"),
        {"body": "With files", "files": [upload("a.png", png()), upload("b.pdf", pdf_bytes())]},
        **headers,
    )
    assert response.status_code == 507
    assert FULL_DISK in response.content.decode().replace("&#x27;", "'")
    if htmx:  # shown in the composer (base.html lets htmx swap a 507 like a 4xx)
        assert response["HX-Retarget"] == "#composer-error"
    assert not Post.objects.filter(body="With files").exists()
    assert files_in(full_disk) == before  # not even the empty files the disk took

    response = client.post(reverse("posts:create"), {"body": "Just words"}, **headers)
    assert response.status_code in (200, 302)
    assert Post.objects.filter(body="Just words").exists()


def _age(path: Path, hours: float) -> Path:
    then = time.time() - hours * 3600
    os.utime(path, (then, then))
    return path


def _orphan(root: Path, name: str, hours: float) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"left behind")
    return _age(path, hours)


def test_the_sweep_removes_old_files_nothing_uses(cast, media_root):
    old_orphans = [
        _orphan(media_root, "attachments/2024/01/gone.jpg", 72),
        _orphan(media_root, "attachments/2024/01/gone-preview.jpg", 72),
        _orphan(media_root, "avatars/1-oldphoto.png", 50),
    ]
    recent = _orphan(media_root, "attachments/2026/01/uploading.mp4", 2)
    in_use = files_in(media_root / "attachments")
    in_use = [p for p in in_use if p not in old_orphans and p != recent]
    assert len(in_use) == 6  # the cast's images and previews
    for path in in_use:
        _age(path, 1000)
    photo = _orphan(media_root, "avatars/1-current.png", 500)
    cast.engineer.avatar = "avatars/1-current.png"
    cast.engineer.save(update_fields=["avatar"])

    assert sweep_orphaned_files.call() == 3
    assert not any(p.exists() for p in old_orphans)
    assert all(p.exists() for p in [*in_use, recent, photo])
    assert Attachment.objects.count() == 3


def test_the_grace_period_is_a_site_setting(cast, media_root):
    orphan = _orphan(media_root, "attachments/2025/05/draft.pdf", 5)
    assert sweep_orphaned_files.call() == 0
    SiteSetting.objects.create(key="media.orphan_grace_hours", value=4)
    assert sweep_orphaned_files.call() == 1
    assert not orphan.exists()


def test_the_sweep_is_a_periodic_job_the_worker_starts(cast, media_root):
    assert any(job.task == "agora.media.tasks.sweep_orphaned_files" for job in JOBS)
    orphan = _orphan(media_root, "attachments/2024/02/stale.png", 100)
    assert "sweep-orphaned-files" in run_due()  # run inline by the tests' task backend
    assert not orphan.exists()
