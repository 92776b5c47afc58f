"""The hostile and broken files, through the composer as the browser sends them (htmx and a
plain form): each is refused naming the rule it broke, leaving no post, no attachment and
no file behind. (Files that are accepted and neutralised: test_images.py.)"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from agora.media.actions import update_upload_policy
from agora.media.models import MB, Attachment
from agora.posts.models import Post
from agora.testing.media import (
    SCRIPT,
    docx_bytes,
    executable,
    files_in,
    noisy_png,
    png_claiming,
    truncated_jpeg,
    upload,
)

pytestmark = pytest.mark.django_db

CAST_FILES = 6  # the cast's three images and their previews


@dataclass(frozen=True)
class Hostile:
    name: str
    make: Callable[[dict[str, Path]], bytes]
    says: str  # the rule, as the refusal words it
    policy: dict[str, Any] = field(default_factory=dict)


CORPUS = {
    "renamed html": Hostile(
        "cat.png",
        lambda v: b"<!doctype html><html><body>" + SCRIPT + b"</body></html>",
        "cat.png is an HTML page; only images, videos and documents of the allowed types "
        "can be uploaded.",
    ),
    "svg with script": Hostile(
        "logo.png",
        lambda v: b'<svg xmlns="http://www.w3.org/2000/svg">' + SCRIPT + b"</svg>",
        "logo.png is an SVG drawing (which can carry scripts)",
    ),
    "image polyglot": Hostile(
        "meme.gif", lambda v: b"GIF89a/*\x00\x00*/=1;" + SCRIPT, "not an image Agora can read"
    ),
    "pixel bomb": Hostile(
        "bomb.png",
        lambda v: png_claiming(60_000, 60_000),
        "Images over 40 megapixels are not allowed",
    ),
    "truncated jpeg": Hostile("broken.jpg", lambda v: truncated_jpeg(), "damaged"),
    "zero bytes": Hostile("empty.jpg", lambda v: b"", "empty.jpg is empty."),
    "video with an absurd declared size": Hostile(
        "absurd.webm",
        lambda v: v["absurd"].read_bytes(),
        "absurd.webm: videos larger than 3840×2160 are not allowed here (this one is 16000×16000).",
    ),
    "over the byte limit": Hostile(
        "scan.png",
        lambda v: noisy_png(),
        "images larger than 1 MB are not allowed here.",
        {"image_max_bytes": 1 * MB},
    ),
    "unknown document type": Hostile(
        "letter.rtf",
        lambda v: b"{\\rtf1\\ansi Hello}",
        "letter.rtf is a file of type text/rtf",
    ),
    "document type the policy leaves out": Hostile(
        "plan.docx",
        lambda v: docx_bytes(),
        "plan.docx: Word documents are not allowed here (allowed documents: PDF, text, CSV).",
        {"document_types": ["application/pdf", "text/plain", "text/csv"]},
    ),
    "executable": Hostile("setup.pdf", lambda v: executable(), "setup.pdf is a program"),
    "shell script": Hostile(
        "notes.txt", lambda v: b"#!/bin/sh\nrm -rf ~\n", "notes.txt is a script"
    ),
}


@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "plain form"])
@pytest.mark.parametrize("hostile", CORPUS.values(), ids=CORPUS.keys())
def test_it_refuses_the_file_naming_the_rule_and_keeps_nothing(
    cast, client_for, media_root, videos, hostile, htmx
):
    if hostile.policy:
        update_upload_policy(**hostile.policy)
    posts, attachments = Post.objects.count(), Attachment.objects.count()
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = client_for("engineer").post(
        reverse("posts:create"),
        {"body": "Have a look", "files": [upload(hostile.name, hostile.make(videos), "image/png")]},
        **headers,
    )
    assert response.status_code == 400
    text = response.content.decode().replace("&#x27;", "'")
    assert hostile.says in text
    if htmx:
        assert response["HX-Retarget"] == "#composer-error"
    else:
        assert "Have a look" in text  # the page is drawn again with what was typed
    assert (Post.objects.count(), Attachment.objects.count()) == (posts, attachments)
    assert len(files_in(media_root)) == CAST_FILES


def test_one_bad_file_refuses_the_whole_post(cast, client_for, media_root, videos):
    response = client_for("engineer").post(
        reverse("posts:create"),
        {
            "body": "A video and a page",
            "files": [
                upload("clip.webm", videos["webm"].read_bytes()),
                upload("page.pdf", b"<html>" + SCRIPT),
            ],
        },
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 400
    assert "page.pdf is an HTML page" in response.content.decode()
    assert not Post.objects.filter(body="A video and a page").exists()
    assert len(files_in(media_root)) == CAST_FILES
