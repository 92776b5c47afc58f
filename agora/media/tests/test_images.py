"""Uploaded images: refused with a reason, or re-encoded without metadata. Nothing half-stored."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import ExifTags, Image

from agora.posts.models import Attachment, Post

pytestmark = pytest.mark.django_db


def jpeg_with_gps(width: int = 64, height: int = 32, orientation: int = 1) -> bytes:
    image = Image.new("RGB", (width, height), "orange")
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "SpyCam"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (51.0, 30.0, 12.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    data = out.getvalue()
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(ExifTags.IFD.GPSInfo), "fixture has GPS"
    return data


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims enormous dimensions (a pixel bomb)."""
    out = io.BytesIO()
    Image.new("L", (8, 8)).save(out, "PNG")
    data = bytearray(out.getvalue())
    ihdr = struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr) & 0xFFFFFFFF)
    return bytes(data)


def truncated_jpeg() -> bytes:
    out = io.BytesIO()
    Image.effect_noise((400, 400), 64).convert("RGB").save(out, "JPEG", quality=95)
    data = out.getvalue()
    return data[: len(data) // 2]


def files_in(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def post_with(client, name: str, data: bytes, body: str = "Look at this"):
    upload = SimpleUploadedFile(name, data, content_type="image/png")
    return client.post(
        reverse("posts:create"),
        {"body": body, "space": "", "images": [upload]},
        HTTP_HX_REQUEST="true",
    )


REFUSED = {
    "renamed html": ("cat.png", b"<!doctype html><script>alert(1)</script>", "not an image"),
    "svg with script": (
        "logo.png",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        "not an image",
    ),
    "zero bytes": ("empty.jpg", b"", "empty"),
    "pixel bomb": ("bomb.png", png_claiming(60_000, 60_000), "megapixels"),
    "truncated jpeg": ("broken.jpg", truncated_jpeg(), "damaged"),
    "html polyglot after gif header": (
        "poly.gif",
        b"GIF89a/*\x00\x00*/=1;<script>alert(1)</script>",
        "",
    ),
    "bmp not allowed": ("old.png", None, "not allowed"),
}


@pytest.mark.parametrize(("name", "data", "reason"), REFUSED.values(), ids=REFUSED.keys())
def test_it_refuses_bad_files_and_leaves_nothing_behind(client_for, media_root, name, data, reason):
    if data is None:
        out = io.BytesIO()
        Image.new("RGB", (10, 10)).save(out, "BMP")
        data = out.getvalue()
    client = client_for("engineer")
    posts_before = Post.objects.count()
    response = post_with(client, name, data)
    assert response.status_code == 400
    text = response.content.decode()
    assert name in text
    assert reason.lower() in text.lower()
    assert Post.objects.count() == posts_before
    assert Attachment.objects.count() == 3  # only the cast's own images
    assert len(files_in(media_root)) == 6  # the cast's three images and their previews


def test_it_refuses_files_over_the_byte_limit(client_for, settings, media_root):
    settings.AGORA_IMAGE_MAX_BYTES = 1024 * 1024
    big = io.BytesIO()
    Image.effect_noise((1200, 1200), 100).convert("RGB").save(big, "PNG")
    assert len(big.getvalue()) > settings.AGORA_IMAGE_MAX_BYTES
    response = post_with(client_for("engineer"), "huge.png", big.getvalue())
    assert response.status_code == 400
    assert "larger than 1 MB" in response.content.decode()
    assert len(files_in(media_root)) == 6


def test_it_strips_gps_and_all_exif_from_the_served_image(client_for, cast):
    client = client_for("engineer")
    response = post_with(client, "holiday.jpg", jpeg_with_gps())
    assert response.status_code == 200
    attachment = Attachment.objects.latest("id")
    for name in ("posts:attachment", "posts:attachment_preview"):
        served = client.get(reverse(name, args=[attachment.pk]))
        data = b"".join(served.streaming_content)
        image = Image.open(io.BytesIO(data))
        assert dict(image.getexif()) == {}
        assert b"SpyCam" not in data
        assert b"Exif" not in data[:200]


def test_it_applies_orientation_before_removing_it(client_for):
    client = client_for("engineer")
    # Orientation 6 means "rotate 90° clockwise to display": 64×32 stored becomes 32×64.
    response = post_with(client, "portrait.jpg", jpeg_with_gps(64, 32, orientation=6))
    assert response.status_code == 200
    attachment = Attachment.objects.latest("id")
    assert (attachment.width, attachment.height) == (32, 64)


def test_it_keeps_the_text_when_an_image_is_refused_without_htmx(client_for):
    client = client_for("engineer")
    upload = SimpleUploadedFile("cat.png", b"not an image at all")
    response = client.post(
        reverse("posts:create"), {"body": "My carefully written post", "images": [upload]}
    )
    assert response.status_code == 400
    assert "My carefully written post" in response.content.decode()
