"""The demo's video space: recorded talks that play, with captions, and get comments."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from agora.demo.company import seed_demo
from agora.demo.content import DOMAIN
from agora.demo.videos import TALKS
from agora.media.models import Attachment, AttachmentKind, AttachmentStatus
from agora.people.models import User
from agora.spaces.models import Kind, Space
from agora.testing.media import require_ffmpeg

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_video_space_whose_talks_play_with_captions(
    django_capture_on_commit_callbacks,
):
    require_ffmpeg()
    with django_capture_on_commit_callbacks(execute=True):  # the worker's video task
        seed_demo()
    space = Space.objects.get(name="Tech Talks")
    assert space.kind == Kind.VIDEO
    talks = Attachment.objects.filter(link__post__space=space, kind=AttachmentKind.VIDEO)
    assert talks.count() == len(TALKS)
    for talk in talks.select_related("link__post"):
        assert talk.status == AttachmentStatus.READY
        assert talk.poster and talk.captions
        assert 8 <= (talk.duration or 0) <= 10
        assert talk.link.post.comment_count >= 2

    sam = Client()
    sam.force_login(User.objects.get(email=f"sam@{DOMAIN}"))
    first = talks.order_by("link__post__created_at").first()
    assert first is not None
    page = sam.get(first.link.post.get_absolute_url()).content.decode()
    # The post page shows the video first, then the text and the comments.
    assert page.index("<video") < page.index('class="prose')
    assert '<track kind="captions"' in page
    feed = sam.get(space.get_absolute_url()).content.decode()
    assert feed.count("<video") == len(TALKS)
    served = sam.get(reverse("posts:attachment_captions", args=[first.pk]))
    assert served.status_code == 200
    captions = b"".join(served.streaming_content).decode()  # type: ignore[attr-defined]
    assert captions.startswith("WEBVTT")
    assert any(talk.slides[0][0] in captions for talk in TALKS)
