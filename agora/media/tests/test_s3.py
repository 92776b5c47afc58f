"""Uploads on S3-compatible object storage (django-storages), as configured by
``AGORA_MEDIA_BUCKET`` and friends: stored, processed, served with ranges and permission
checks, and swept, through the same views and tasks as on disk.

The S3 API is served over HTTP by moto's standalone server, a local S3-compatible
endpoint, since no cloud account is reachable from the test machine.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from django.urls import reverse
from moto.server import ThreadedMotoServer

from agora.media.models import Attachment, AttachmentStatus
from agora.media.tasks import sweep_orphaned_files
from agora.testing.media import make_video, pdf_bytes, png, upload

pytestmark = pytest.mark.django_db

BUCKET = "agora-media"
KEYS = {"aws_access_key_id": "test", "aws_secret_access_key": "test"}


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(endpoint: str, settings: Any) -> Any:
    """A fresh bucket, and Agora's storage pointed at it exactly as settings.py does."""
    s3 = boto3.resource("s3", endpoint_url=endpoint, region_name="us-east-1", **KEYS)
    store = s3.Bucket(BUCKET)
    if store.creation_date is not None:
        store.objects.all().delete()
    else:
        store.create()
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": endpoint,
                "region_name": "us-east-1",
                "access_key": KEYS["aws_access_key_id"],
                "secret_key": KEYS["aws_secret_access_key"],
                "location": "",
                "default_acl": None,
                "querystring_auth": True,
                "file_overwrite": False,
            },
        },
    }
    return store


def _keys(bucket: Any) -> set[str]:
    return {o.key for o in bucket.objects.all()}


def _content(response: Any) -> bytes:
    return b"".join(response.streaming_content)


def test_files_are_stored_processed_and_served_from_the_bucket(
    cast, client_for, bucket, tmp_path, django_capture_on_commit_callbacks
):
    clip = make_video(tmp_path / "demo.webm")
    pdf = pdf_bytes()
    files = [
        upload("photo.png", png(64, 48)),
        upload("plan.pdf", pdf),
        upload("demo.webm", clip.read_bytes(), "video/webm"),
    ]
    with django_capture_on_commit_callbacks(execute=True):  # the worker's video task
        response = client_for("engineer").post(
            reverse("posts:create"),
            {"body": "On object storage", "space": cast.private_space.slug, "files": files},
            HTTP_HX_REQUEST="true",
        )
    assert response.status_code == 200, response.content.decode()
    image, document, video = (
        Attachment.objects.filter(link__post__body="On object storage").order_by("pk").all()
    )
    assert video.status == AttachmentStatus.READY
    stored = _keys(bucket)
    for name in (image.file.name, image.preview.name, document.file.name, video.file.name,
                 video.poster.name):  # fmt: skip
        assert name in stored
    assert not any(key.endswith(".upload") for key in stored)  # the raw upload is gone

    member = client_for("salesperson")
    served = member.get(reverse("posts:attachment", args=[document.pk]))
    assert served.status_code == 200
    assert _content(served) == pdf
    assert served["Content-Disposition"].startswith("attachment")
    whole = _content(member.get(reverse("posts:attachment", args=[video.pk])))
    assert len(whole) == video.byte_size
    part = member.get(reverse("posts:attachment", args=[video.pk]), HTTP_RANGE="bytes=100-199")
    assert part.status_code == 206
    assert part["Content-Range"] == f"bytes 100-199/{video.byte_size}"
    assert _content(part) == whole[100:200]

    outsider = client_for("outsider")
    for item in (image, document, video):
        assert outsider.get(reverse("posts:attachment", args=[item.pk])).status_code == 404


def test_the_sweep_keeps_named_and_recent_files_in_the_bucket(cast, client_for, bucket):
    response = client_for("engineer").post(
        reverse("posts:create"),
        {"body": "Kept", "files": [upload("photo.png", png())]},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    bucket.put_object(Key="attachments/2026/11/stray.bin", Body=b"left by a crash")
    before = _keys(bucket)
    assert sweep_orphaned_files.call() == 0  # the stray file is inside its grace period
    assert _keys(bucket) == before
