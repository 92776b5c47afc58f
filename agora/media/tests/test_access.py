"""Every file URL answers exactly as its post does: 200 for people who may read the post,
404 (never 403) for everyone else, and 404 once the post is deleted."""

from __future__ import annotations

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from agora.media.models import Attachment
from agora.media.uploads import Upload, check_uploads
from agora.posts import actions
from agora.posts.models import Post
from agora.spaces.models import Visibility
from agora.testing.media import VTT, jpeg_with_gps, pdf_bytes, upload
from agora.testing.personas import PERSONAS

pytestmark = pytest.mark.django_db

READERS = {
    Visibility.OPEN: {"engineer", "salesperson", "moderator", "outsider"},
    Visibility.PRIVATE: {"engineer", "salesperson", "moderator"},
    Visibility.SECRET: {"engineer", "moderator"},
}
MATRIX = [(p, v) for p in PERSONAS for v in Visibility]


@pytest.fixture
def media_post(cast, videos, django_capture_on_commit_callbacks):
    def make(visibility: Visibility) -> Post:
        checked = check_uploads(
            cast.engineer,
            [
                Upload(upload("photo.jpg", jpeg_with_gps()), alt_text="A photo"),
                Upload(upload("clip.webm", videos["webm"].read_bytes())),
                Upload(upload("plan.pdf", pdf_bytes())),
            ],
            captions=SimpleUploadedFile("clip.vtt", VTT),
        )
        with django_capture_on_commit_callbacks(execute=True):
            return actions.do_create_post(
                cast.engineer, space=cast.space(visibility), body="Media", attachments=checked
            )

    return make


def urls(post: Post) -> dict[str, str]:
    image, video, document = (post.files.get(kind=k) for k in ("image", "video", "document"))
    return {
        "image": reverse("posts:attachment", args=[image.pk]),
        "preview": reverse("posts:attachment_preview", args=[image.pk]),
        "video": reverse("posts:attachment", args=[video.pk]),
        "poster": reverse("posts:attachment_poster", args=[video.pk]),
        "captions": reverse("posts:attachment_captions", args=[video.pk]),
        "document": reverse("posts:attachment", args=[document.pk]),
    }


@pytest.mark.parametrize(
    ("persona", "visibility"), MATRIX, ids=[f"{p}-{v.value}" for p, v in MATRIX]
)
def test_every_file_url_answers_like_its_post(client_for, media_post, persona, visibility):
    post = media_post(visibility)
    client = client_for(persona)
    expected = 200 if persona in READERS[visibility] else 404
    answers = {kind: client.get(url).status_code for kind, url in urls(post).items()}
    assert answers == dict.fromkeys(answers, expected)


def test_files_of_a_deleted_post_are_gone_for_everyone(client_for, media_post, cast):
    post = media_post(Visibility.OPEN)
    addresses = urls(post)
    actions.check_delete_post(cast.engineer, post.pk)
    for persona in PERSONAS:
        client = client_for(persona)
        assert {client.get(url).status_code for url in addresses.values()} == {404}


def test_a_file_whose_stored_copy_is_missing_is_a_404(client_for, cast):
    attachment = Attachment.objects.get(link__post=cast.open_post)
    default_storage.delete(attachment.file.name)
    response = client_for("engineer").get(reverse("posts:attachment", args=[attachment.pk]))
    assert response.status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(client, media_post):
    post = media_post(Visibility.OPEN)
    for url in urls(post).values():
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
