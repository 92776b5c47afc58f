"""Real videos made by ffmpeg: uploaded, probed, processed (clean copy and poster) by the
task, and served with range requests so that seeking works."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from PIL import Image

from agora.media.actions import update_upload_policy
from agora.media.models import Attachment, AttachmentStatus
from agora.media.tasks import process_video, resume_videos
from agora.media.uploads import Upload, check_uploads
from agora.posts import actions
from agora.posts.models import Post
from agora.spaces.actions import do_create_space
from agora.spaces.models import Visibility
from agora.testing.media import SECRET_PLACE, VTT, ffprobe_tags, files_in, make_video, upload

pytestmark = pytest.mark.django_db

CAST_FILES = 6


def post_video(client, path: Path, *, body: str = "Our new test pattern", **extra):
    return client.post(
        reverse("posts:create"),
        {"body": body, "files": [upload(path.name, path.read_bytes(), "video/mp4")], **extra},
        HTTP_HX_REQUEST="true",
    )


def content(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.fixture
def ready_video(cast, client_for, videos, django_capture_on_commit_callbacks) -> Attachment:
    with django_capture_on_commit_callbacks(execute=True):
        response = post_video(client_for("engineer"), videos["webm"])
    assert response.status_code == 200, response.content.decode()
    return Attachment.objects.get(kind="video")


@pytest.mark.parametrize(
    ("source", "content_type"),
    [("webm", "video/webm"), ("mp4", "video/mp4"), ("mov", "video/mp4")],
)
def test_it_probes_cleans_and_posters_an_uploaded_video(
    cast, client_for, videos, media_root, django_capture_on_commit_callbacks, source, content_type
):
    assert SECRET_PLACE in ffprobe_tags(videos[source])  # the camera said where it was
    client = client_for("engineer")
    with django_capture_on_commit_callbacks(execute=True):
        response = post_video(client, videos[source])
    assert response.status_code == 200, response.content.decode()

    video = Attachment.objects.select_related("link__post").get(kind="video")
    assert video.status == AttachmentStatus.READY
    assert video.content_type == content_type
    assert (video.width, video.height) == (320, 240)
    assert video.duration == pytest.approx(2, abs=0.1)
    assert video.original_name.endswith(".mp4" if content_type == "video/mp4" else ".webm")
    stored = Path(default_storage.path(video.file.name))
    assert video.byte_size == stored.stat().st_size
    tags = ffprobe_tags(stored)
    assert SECRET_PLACE not in tags
    assert "SpyCam" not in tags
    poster = Image.open(io.BytesIO(content(client.get(video_url("poster", video)))))
    assert (poster.format, poster.size) == ("JPEG", (320, 240))
    # The upload itself is gone: the clean copy and the poster took its place.
    assert len(files_in(media_root)) == CAST_FILES + 2


def video_url(variant: str, video: Attachment) -> str:
    name = "posts:attachment" if variant == "file" else f"posts:attachment_{variant}"
    return reverse(name, args=[video.pk])


def test_it_serves_the_video_inline_with_safe_headers(client_for, ready_video):
    response = client_for("salesperson").get(video_url("file", ready_video))
    assert response.status_code == 200
    assert response["Content-Type"] == "video/webm"
    assert response["Accept-Ranges"] == "bytes"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["Content-Disposition"].startswith("inline")
    assert int(response["Content-Length"]) == ready_video.byte_size


def test_it_answers_range_requests_so_that_seeking_works(client_for, ready_video):
    client = client_for("salesperson")
    url = video_url("file", ready_video)
    whole = content(client.get(url))
    size = len(whole)

    first = client.get(url, HTTP_RANGE="bytes=0-99")
    assert first.status_code == 206
    assert first["Content-Range"] == f"bytes 0-99/{size}"
    assert first["Content-Length"] == "100"
    assert content(first) == whole[:100]

    rest = client.get(url, HTTP_RANGE="bytes=1000-")
    assert rest.status_code == 206
    assert rest["Content-Range"] == f"bytes 1000-{size - 1}/{size}"
    assert content(rest) == whole[1000:]

    tail = client.get(url, HTTP_RANGE="bytes=-500")
    assert tail.status_code == 206
    assert tail["Content-Range"] == f"bytes {size - 500}-{size - 1}/{size}"
    assert content(tail) == whole[-500:]

    beyond = client.get(url, HTTP_RANGE=f"bytes={size}-")
    assert beyond.status_code == 416
    assert beyond["Content-Range"] == f"bytes */{size}"


def test_it_serves_nothing_until_the_video_is_processed(cast, client_for, videos, media_root):
    client = client_for("engineer")
    response = post_video(client, videos["mp4"])  # committed, but the task has not run
    assert response.status_code == 200
    video = Attachment.objects.select_related("link__post").get(kind="video")
    assert video.status == AttachmentStatus.PROCESSING
    assert (video.width, video.height) == (320, 240)  # probed at upload
    for variant in ("file", "poster"):
        assert client.get(video_url(variant, video)).status_code == 404

    assert process_video.call(video.pk) == "ready"
    assert client.get(video_url("file", video)).status_code == 200
    # Run again (a duplicate or a restarted task): nothing to do, nothing changes.
    before = files_in(media_root)
    assert process_video.call(video.pk) == "skipped"
    assert files_in(media_root) == before


def test_a_video_that_cannot_be_processed_fails_without_leaving_files(
    cast, client_for, videos, media_root
):
    post_video(client_for("engineer"), videos["mp4"])
    video = Attachment.objects.select_related("link__post").get(kind="video")
    with default_storage.open(video.file.name, "wb") as damaged:
        damaged.write(b"\x00" * 4096)  # the stored upload went bad before the worker ran
    before = files_in(media_root)
    assert process_video.call(video.pk) == "failed"
    video.refresh_from_db()
    assert video.status == AttachmentStatus.FAILED
    assert files_in(media_root) == before  # no clean copy, no poster
    assert client_for("engineer").get(video_url("file", video)).status_code == 404


def test_the_worker_processes_a_queued_video(
    cast, client_for, videos, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    # The test's database lives in one transaction, which the worker's periodic clean-up of
    # connections would end.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    with django_capture_on_commit_callbacks(execute=True):
        post_video(client_for("engineer"), videos["webm"])
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "agora.media.tasks.process_video"
    assert Attachment.objects.get(kind="video").status == AttachmentStatus.PROCESSING

    # What `agora worker` runs, in batch mode: every queued task, then it stops.
    db_worker.Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=get_random_string(12),
        excluded_queue_names=[],
    ).run()

    video = Attachment.objects.select_related("link__post").get(kind="video")
    assert video.status == AttachmentStatus.READY
    assert default_storage.exists(video.poster.name)
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL"


def test_it_refuses_videos_longer_than_the_policy_allows(cast, client_for, videos, media_root):
    update_upload_policy(video_max_seconds=1)
    response = post_video(client_for("engineer"), videos["webm"])
    assert response.status_code == 400
    assert (
        "test-pattern.webm: videos longer than 1 second are not allowed here "
        "(this one is 2 seconds)." in response.content.decode()
    )
    assert len(files_in(media_root)) == CAST_FILES


def test_it_refuses_a_video_codec_browsers_cannot_play(cast, client_for, tmp_path, media_root):
    mpeg2 = make_video(tmp_path / "old.mp4", codecs=["-c:v", "mpeg2video"], audio=False)
    response = post_video(client_for("engineer"), mpeg2)
    assert response.status_code == 400
    assert "old.mp4: Videos encoded as mpeg2video cannot be played here." in (
        response.content.decode()
    )
    assert len(files_in(media_root)) == CAST_FILES


def test_it_accepts_captions_with_a_video_and_serves_them_as_webvtt(
    cast, client_for, videos, django_capture_on_commit_callbacks
):
    client = client_for("engineer")
    captions = SimpleUploadedFile("subtitles.vtt", VTT, content_type="text/plain")
    with django_capture_on_commit_callbacks(execute=True):
        response = post_video(client, videos["webm"], captions=captions)
    assert response.status_code == 200
    video = Attachment.objects.select_related("link__post").get(kind="video")
    served = client_for("salesperson").get(video_url("captions", video))
    assert served.status_code == 200
    assert served["Content-Type"] == "text/vtt; charset=utf-8"
    assert served["Content-Disposition"].startswith("inline")
    assert content(served) == VTT


@pytest.mark.parametrize(
    ("captions", "says"),
    [
        (b"1\n00:00:00,000 --> 00:00:01,000\nSubRip\n", "captions must be a WebVTT file"),
        (b"WEBVTTX\n", "captions must be a WebVTT file"),
        (b"WEBVTT\n" + b"\xff\xfe" * 10, "captions must be a WebVTT file"),
        (b"WEBVTT\n\n" + b"x" * (1024 * 1024), "Captions larger than 1 MB are not allowed."),
    ],
    ids=["srt", "not quite webvtt", "not utf-8", "too large"],
)
def test_it_refuses_captions_that_are_not_webvtt(
    cast, client_for, videos, media_root, captions, says
):
    vtt = SimpleUploadedFile("subtitles.vtt", captions)
    response = post_video(client_for("engineer"), videos["webm"], captions=vtt)
    assert response.status_code == 400
    assert says in response.content.decode()
    assert not Attachment.objects.filter(kind="video").exists()
    assert len(files_in(media_root)) == CAST_FILES


def test_it_refuses_captions_without_a_video(cast, client_for, media_root):
    response = client_for("engineer").post(
        reverse("posts:create"),
        {"body": "Just captions", "captions": SimpleUploadedFile("a.vtt", VTT)},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 400
    assert "Captions go with a video" in response.content.decode()
    assert not Post.objects.filter(body="Just captions").exists()


class NoWholeReads(TemporaryUploadedFile):
    """A large upload (Django spools those to a temporary file) that fails the test if
    anything reads it whole."""

    def __init__(self, name: str, data: bytes) -> None:
        super().__init__(name, "video/webm", len(data), None)
        self.spool = self.file
        assert self.spool is not None
        self.spool.write(data)
        self.spool.seek(0)

    def read(self, size: int | None = -1) -> bytes:
        assert size is not None and 0 <= size <= 1024 * 1024, f"read({size})"
        assert self.spool is not None
        return bytes(self.spool.read(size))


def test_it_never_reads_a_whole_video_into_memory(
    cast, videos, media_root, django_capture_on_commit_callbacks
):
    video = NoWholeReads("clip.webm", videos["webm"].read_bytes())
    checked = check_uploads(cast.engineer, [Upload(video)])
    with django_capture_on_commit_callbacks(execute=True):
        post = actions.do_create_post(
            cast.engineer, space=None, body="Streamed", attachments=checked
        )
    assert post.files.get().status == AttachmentStatus.READY
    video.close()  # as the request does; storage moved the temporary file into place


def test_the_upload_is_checked_again_by_the_worker(cast, client_for, videos, media_root):
    """The task probes what storage holds, never what the upload claimed."""
    post_video(client_for("engineer"), videos["mp4"])
    video = Attachment.objects.select_related("link__post").get(kind="video")
    with default_storage.open(video.file.name, "wb") as swapped:
        swapped.write(b"<html>" + b"x" * 100)
    assert process_video.call(video.pk) == "failed"
    video.refresh_from_db()
    assert video.status == AttachmentStatus.FAILED


def test_lost_videos_are_queued_again_and_very_old_ones_given_up(cast, client_for, videos):
    client = client_for("engineer")
    post_video(client, videos["webm"], body="Lost")  # its task never ran
    post_video(client, videos["mp4"], body="Ancient")
    lost, ancient = (Attachment.objects.get(link__post__body=b) for b in ("Lost", "Ancient"))
    now = timezone.now()
    Attachment.objects.filter(pk=lost.pk).update(created_at=now - timedelta(minutes=30))
    Attachment.objects.filter(pk=ancient.pk).update(created_at=now - timedelta(days=2))

    assert resume_videos.call() == {"queued": 1, "failed": 1}  # run inline in tests
    lost.refresh_from_db()
    ancient.refresh_from_db()
    assert (lost.status, ancient.status) == (AttachmentStatus.READY, AttachmentStatus.FAILED)


def test_a_claim_held_by_a_live_worker_is_respected(cast, client_for, videos):
    post_video(client_for("engineer"), videos["webm"])
    video = Attachment.objects.select_related("link__post").get(kind="video")
    Attachment.objects.filter(pk=video.pk).update(claimed_at=timezone.now())
    assert process_video.call(video.pk) == "skipped"
    assert resume_videos.call() == {"queued": 0, "failed": 0}
    # A claim older than the stale limit belonged to a worker that died: taken over.
    Attachment.objects.filter(pk=video.pk).update(claimed_at=timezone.now() - timedelta(hours=2))
    assert process_video.call(video.pk) == "ready"


def test_a_video_space_shows_its_videos_and_takes_comments_like_any_space(
    cast, client_for, videos, django_capture_on_commit_callbacks
):
    space = do_create_space(
        cast.engineer, name="Product Demos", kind="video", visibility=Visibility.OPEN
    )
    assert space.get_kind_display() == "Video"
    client = client_for("engineer")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("posts:create"),
            {
                "body": "Ten-minute tour of the new editor",
                "space": space.slug,
                "files": [upload("tour.mp4", videos["mp4"].read_bytes())],
            },
        )
    assert response.status_code == 302
    video = Attachment.objects.select_related("link__post").get(kind="video")
    outsider = client_for("outsider")  # open space: anyone reads and comments
    page = outsider.get(video.link.post.get_absolute_url()).content.decode()
    assert video_url("file", video) in page
    assert video_url("poster", video) in page
    response = outsider.post(
        reverse("posts:comments", args=[video.link.post_id]), {"body": "The part at 2:10 is great"}
    )
    assert response.status_code == 302
    assert video.link.post.comments.get().body == "The part at 2:10 is great"


def test_a_server_without_ffmpeg_refuses_videos_clearly_and_keeps_nothing(
    client_for, videos, media_root, monkeypatch, tmp_path
):
    monkeypatch.setenv("PATH", str(tmp_path))  # no ffprobe, no ffmpeg
    response = post_video(client_for("engineer"), videos["webm"])
    assert response.status_code == 400
    assert "administrator has to install ffmpeg" in response.content.decode().replace("&#x27;", "'")
    assert not Post.objects.filter(body="Our new test pattern").exists()
    assert not Attachment.objects.filter(kind="video").exists()
    assert len(files_in(media_root)) == CAST_FILES
