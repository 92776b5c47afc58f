"""The demo's video space: recorded talks that play, with captions, and get comments; and
where the demo was built without ffmpeg, talks that say their recording is to come, until
``agora demo`` runs again with ffmpeg installed."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from agora.demo.company import seed_demo
from agora.demo.content import DOMAIN
from agora.demo.videos import TALKS
from agora.media.models import Attachment, AttachmentKind, AttachmentStatus
from agora.people.models import User
from agora.posts.models import Post, PostRevision
from agora.spaces.models import Kind, Space
from agora.testing.media import require_ffmpeg

pytestmark = pytest.mark.django_db


def talks_page() -> str:
    sam = Client()
    sam.force_login(User.objects.get(email=f"sam@{DOMAIN}"))
    return sam.get(Space.objects.get(name="Tech Talks").get_absolute_url()).content.decode()


def videos() -> list[Attachment]:
    return list(
        Attachment.objects.filter(
            link__post__space__name="Tech Talks", kind=AttachmentKind.VIDEO
        ).select_related("link__post")
    )


def test_the_demo_has_a_video_space_whose_talks_play_with_captions(
    django_capture_on_commit_callbacks,
):
    require_ffmpeg()
    with django_capture_on_commit_callbacks(execute=True):  # the worker's video task
        result = seed_demo()
    assert (result.recordings.added, result.recordings.missing) == (0, 0)
    space = Space.objects.get(name="Tech Talks")
    assert space.kind == Kind.VIDEO
    talks = videos()
    assert len(talks) == len(TALKS)
    for talk in talks:
        assert talk.status == AttachmentStatus.READY
        assert talk.poster and talk.captions
        assert 8 <= (talk.duration or 0) <= 10
        assert talk.link.post.comment_count >= 2
        assert "Captions included" in talk.link.post.body

    first = min(talks, key=lambda t: t.link.post.created_at)
    sam = Client()
    sam.force_login(User.objects.get(email=f"sam@{DOMAIN}"))
    page = sam.get(first.link.post.get_absolute_url()).content.decode()
    # The post page shows the video first, then the text and the comments.
    assert page.index("<video") < page.index('class="prose')
    assert '<track kind="captions"' in page
    assert talks_page().count("<video") == len(TALKS)
    served = sam.get(reverse("posts:attachment_captions", args=[first.pk]))
    assert served.status_code == 200
    captions = b"".join(served.streaming_content).decode()  # type: ignore[attr-defined]
    assert captions.startswith("WEBVTT")
    assert any(talk.slides[0][0] in captions for talk in TALKS)


def test_without_ffmpeg_the_talks_say_their_recording_will_follow(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # no ffprobe, no ffmpeg
    out = StringIO()
    call_command("demo", stdout=out)
    assert videos() == []
    posts = Post.objects.filter(space__name="Tech Talks").order_by("created_at")
    assert [p.body for p in posts] == [t.pending for t in sorted(TALKS, key=lambda t: -t.days_ago)]
    page = talks_page()
    assert page.count("The recording will") == len(TALKS)
    assert "Captions included" not in page and "Recording of" not in page
    assert f"{len(TALKS)} Tech Talks have no recording: ffmpeg is not installed" in out.getvalue()


def test_running_the_demo_again_once_ffmpeg_is_there_adds_the_recordings(
    monkeypatch, tmp_path, django_capture_on_commit_callbacks
):
    require_ffmpeg()
    with monkeypatch.context() as without:
        without.setenv("PATH", str(tmp_path))
        seed_demo()
    commented = {p.pk: p.comment_count for p in Post.objects.filter(space__name="Tech Talks")}
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("demo", stdout=out)
    assert f"Added the recordings of {len(TALKS)} Tech Talks" in out.getvalue()
    talks = videos()
    assert len(talks) == len(TALKS)
    assert all(t.status == AttachmentStatus.READY and t.captions for t in talks)
    for talk in talks:
        post = talk.link.post
        # Each author edited their post to say the recording is up; the earlier words
        # are kept in its history, and nothing else changed.
        assert post.edited_at is not None and "Captions included" in post.body
        assert PostRevision.objects.get(post=post).body.count("The recording will") == 1
        assert post.comment_count == commented[post.pk]
    assert talks_page().count("<video") == len(TALKS)
    # A third run has nothing left to add.
    again = seed_demo()
    assert (again.created, again.recordings.added, again.recordings.missing) == (False, 0, 0)
    assert len(videos()) == len(TALKS)
