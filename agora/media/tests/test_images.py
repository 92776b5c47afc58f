"""Uploaded images: refused with a reason, or re-encoded without metadata. Nothing half-stored."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from PIL import ExifTags, Image, ImageDraw, PngImagePlugin

from agora.core.errors import ActionError
from agora.media.actions import update_upload_policy
from agora.media.models import Attachment
from agora.media.uploads import Upload, check_uploads
from agora.posts.models import Post
from agora.testing.media import (
    SCRIPT,
    files_in,
    gif_polyglot,
    image_bytes,
    jpeg_with_gps,
    noisy_png,
    png,
    png_claiming,
    truncated_jpeg,
    upload,
)

pytestmark = pytest.mark.django_db

CAST_FILES = 6  # the cast's three images and their previews


def post_with(client, name: str, data: bytes, body: str = "Look at this", **extra):
    return client.post(
        reverse("posts:create"),
        {"body": body, "space": "", "files": [upload(name, data, "image/png")], **extra},
        HTTP_HX_REQUEST="true",
    )


def served(client, name: str, attachment: Attachment) -> bytes:
    response = client.get(reverse(name, args=[attachment.pk]))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


REFUSED = {
    "pixel bomb": ("bomb.png", png_claiming(60_000, 60_000), "megapixels"),
    "truncated jpeg": ("broken.jpg", truncated_jpeg(), "damaged"),
    "html after a gif header": (
        "poly.gif",
        b"GIF89a/*\x00\x00*/=1;" + SCRIPT,
        "not an image Agora can read",
    ),
    "bmp (not an image type Agora knows)": ("old.png", image_bytes("BMP"), "image/bmp"),
}


@pytest.mark.parametrize(("name", "data", "reason"), REFUSED.values(), ids=REFUSED.keys())
def test_it_refuses_bad_images_and_leaves_nothing_behind(
    cast, client_for, media_root, name, data, reason
):
    posts_before = Post.objects.count()
    response = post_with(client_for("engineer"), name, data)
    assert response.status_code == 400
    text = response.content.decode()
    assert name in text
    assert reason.lower() in text.lower()
    assert Post.objects.count() == posts_before
    assert Attachment.objects.count() == 3  # only the cast's own images
    assert len(files_in(media_root)) == CAST_FILES


def test_it_refuses_images_over_the_policys_byte_cap(cast, client_for, media_root):
    update_upload_policy(image_max_bytes=1024 * 1024)
    big = noisy_png()
    assert len(big) > 1024 * 1024
    response = post_with(client_for("engineer"), "huge.png", big)
    assert response.status_code == 400
    assert "images larger than 1 MB are not allowed here" in response.content.decode()
    assert len(files_in(media_root)) == CAST_FILES


def test_it_refuses_images_over_the_policys_pixel_cap_before_decoding(cast):
    update_upload_policy(image_max_pixels=1_000)
    with pytest.raises(ActionError, match=r"over 0.001 megapixels .*40×30"):
        check_uploads(cast.engineer, [Upload(upload("wide.png", png(40, 30)))])


def test_it_neutralises_a_gif_with_a_web_page_after_it(cast, client_for):
    client = client_for("engineer")
    response = post_with(client, "funny.gif", gif_polyglot())
    assert response.status_code == 200
    attachment = Attachment.objects.latest("id")
    data = served(client, "posts:attachment", attachment)
    assert Image.open(io.BytesIO(data)).format in {"JPEG", "PNG", "GIF"}  # re-encoded
    assert b"<script" not in data
    assert b"<html" not in data


def test_it_strips_gps_and_all_exif_from_the_served_image(cast, client_for):
    client = client_for("engineer")
    response = post_with(client, "holiday.jpg", jpeg_with_gps())
    assert response.status_code == 200
    attachment = Attachment.objects.latest("id")
    for name in ("posts:attachment", "posts:attachment_preview"):
        data = served(client, name, attachment)
        image = Image.open(io.BytesIO(data))
        assert dict(image.getexif()) == {}
        assert b"SpyCam" not in data
        assert b"Exif" not in data[:200]


def test_it_applies_orientation_before_removing_it(cast, client_for):
    client = client_for("engineer")
    # Orientation 6 means "rotate 90° clockwise to display": 64×32 stored becomes 32×64.
    response = post_with(client, "portrait.jpg", jpeg_with_gps(64, 32, orientation=6))
    assert response.status_code == 200
    attachment = Attachment.objects.latest("id")
    assert (attachment.width, attachment.height) == (32, 64)


@pytest.mark.parametrize(
    ("fmt", "name"), [("HEIF", "phone.heic"), ("AVIF", "phone.avif"), ("WEBP", "web.webp")]
)
def test_it_stores_photos_in_phone_and_web_formats_as_jpeg(cast, client_for, fmt, name):
    client = client_for("engineer")
    response = post_with(client, name, image_bytes(fmt))
    assert response.status_code == 200, response.content.decode()
    attachment = Attachment.objects.latest("id")
    assert (attachment.kind, attachment.content_type) == ("image", "image/jpeg")
    assert attachment.original_name == f"{name.rsplit('.', 1)[0]}.jpg"
    assert Image.open(io.BytesIO(served(client, "posts:attachment", attachment))).format == "JPEG"
    response = client.get(reverse("posts:attachment", args=[attachment.pk]))
    assert response["Content-Disposition"].startswith("inline")


def screenshot(**save: object) -> bytes:
    """An opaque PNG like a screenshot: sharp text and flat colours, with the metadata a
    screenshot tool writes (a text chunk, EXIF naming the machine)."""
    image = Image.new("RGB", (320, 200), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 320, 24), fill="#1f6feb")
    for row in range(6):
        draw.text((12, 36 + row * 26), f"def line_{row}(): return {row * 7}  # build", fill="black")
    info = PngImagePlugin.PngInfo()
    info.add_text("Software", "SpyShot 2.0")
    exif = Image.Exif()
    exif[ExifTags.Base.Model] = "SpyBook Pro"
    out = io.BytesIO()
    image.save(out, "PNG", pnginfo=info, exif=exif, **save)
    return out.getvalue()


def pixels(data: bytes) -> bytes:
    return Image.open(io.BytesIO(data)).convert("RGBA").tobytes()


def test_it_keeps_an_opaque_png_screenshot_a_png_with_the_same_pixels(cast, client_for):
    client = client_for("engineer")
    sent = screenshot()
    response = post_with(client, "build-failure.png", sent)
    assert response.status_code == 200
    attachment = Attachment.objects.latest("id")
    assert (attachment.content_type, attachment.original_name) == (
        "image/png",
        "build-failure.png",
    )
    stored = served(client, "posts:attachment", attachment)
    assert stored.startswith(b"\x89PNG\r\n\x1a\n")
    assert pixels(stored) == pixels(sent)  # lossless: not one pixel changed
    assert b"SpyShot" not in stored and b"SpyBook" not in stored  # metadata still stripped
    assert Image.open(io.BytesIO(stored)).info == {}
    preview = served(client, "posts:attachment_preview", attachment)
    assert Image.open(io.BytesIO(preview)).format in {"PNG", "JPEG"}  # whichever is smaller


def lossless_webp() -> bytes:
    out = io.BytesIO()
    Image.open(io.BytesIO(screenshot())).save(out, "WEBP", lossless=True)
    return out.getvalue()


def gif_still() -> bytes:
    out = io.BytesIO()
    Image.open(io.BytesIO(screenshot())).convert("P").save(out, "GIF")
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "make"), [("diagram.webp", lossless_webp), ("diagram.gif", gif_still)]
)
def test_it_stores_other_lossless_images_as_png_with_the_same_pixels(cast, client_for, name, make):
    client = client_for("engineer")
    sent = make()
    assert post_with(client, name, sent).status_code == 200
    attachment = Attachment.objects.latest("id")
    assert (attachment.content_type, attachment.original_name) == ("image/png", "diagram.png")
    stored = served(client, "posts:attachment", attachment)
    assert Image.open(io.BytesIO(stored)).format == "PNG"
    assert pixels(stored) == pixels(sent)


def test_it_applies_a_pngs_orientation_and_keeps_it_lossless(cast, client_for):
    client = client_for("engineer")
    image = Image.new("RGB", (64, 32), "orange")
    image.putpixel((0, 0), (0, 0, 255))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # rotate 90° clockwise to display
    out = io.BytesIO()
    image.save(out, "PNG", exif=exif)
    assert post_with(client, "rotated.png", out.getvalue()).status_code == 200
    attachment = Attachment.objects.latest("id")
    assert (attachment.width, attachment.height) == (32, 64)
    stored = Image.open(io.BytesIO(served(client, "posts:attachment", attachment)))
    assert stored.format == "PNG"
    assert dict(stored.getexif()) == {}
    assert stored.convert("RGB").getpixel((31, 0)) == (0, 0, 255)  # the corner moved


def test_it_keeps_a_transparent_palette_colour_transparent(cast, client_for):
    client = client_for("engineer")
    image = Image.new("P", (16, 16), 1)
    image.putpalette([255, 255, 255, 200, 30, 30] + [0, 0, 0] * 254)
    image.putpixel((0, 0), 0)
    out = io.BytesIO()
    image.save(out, "PNG", transparency=0)
    assert post_with(client, "icon.png", out.getvalue()).status_code == 200
    stored = Image.open(
        io.BytesIO(served(client, "posts:attachment", Attachment.objects.latest("id")))
    )
    assert stored.format == "PNG"
    rgba = stored.convert("RGBA")
    assert rgba.getpixel((0, 0)) == (255, 255, 255, 0)
    assert rgba.getpixel((5, 5)) == (200, 30, 30, 255)


def test_it_removes_the_comment_of_an_animated_gif(cast, client_for):
    client = client_for("engineer")
    frames = [Image.new("RGB", (8, 8), c).convert("P") for c in ("red", "green", "blue")]
    out = io.BytesIO()
    frames[0].save(
        out, "GIF", save_all=True, append_images=frames[1:], duration=100, comment=b"SpyGif"
    )
    assert post_with(client, "wave.gif", out.getvalue()).status_code == 200
    stored = served(client, "posts:attachment", Attachment.objects.latest("id"))
    assert getattr(Image.open(io.BytesIO(stored)), "n_frames", 1) == 3
    assert b"SpyGif" not in stored


def test_it_refuses_an_image_type_the_policy_leaves_out(cast, client_for, media_root):
    update_upload_policy(image_types=["image/jpeg", "image/png"])
    response = post_with(client_for("engineer"), "phone.heic", image_bytes("HEIF"))
    assert response.status_code == 400
    assert "phone.heic: HEIC images are not allowed here (allowed images: JPEG, PNG)." in (
        response.content.decode()
    )
    assert len(files_in(media_root)) == CAST_FILES


def test_each_image_keeps_its_own_description(cast, client_for):
    client = client_for("engineer")
    response = client.post(
        reverse("posts:create"),
        {
            "body": "Two photos",
            "files": [upload("a.png", png()), upload("b.png", png(color="red"))],
            "alt_text_1": "A red square",
            "alt_text": "A teal square",
        },
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    post = Post.objects.get(body="Two photos")
    assert list(post.files.values_list("alt_text", flat=True)) == [
        "A teal square",
        "A red square",
    ]


def test_it_still_reads_the_composers_former_field_name(cast, client_for):
    response = client_for("engineer").post(
        reverse("posts:create"),
        {"body": "Old form", "images": [upload("old.png", png())], "alt_text": "Old"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert Post.objects.get(body="Old form").files.get().alt_text == "Old"


def test_it_keeps_the_text_when_an_image_is_refused_without_htmx(cast, client_for):
    client = client_for("engineer")
    response = client.post(
        reverse("posts:create"),
        {
            "body": "My carefully written post",
            "files": [upload("cat.png", b"<!doctype html>" + SCRIPT)],
        },
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "My carefully written post" in text
    assert "cat.png" in text
