"""Image uploads: decoded under a pixel cap, re-encoded, metadata removed.

Nothing the uploader sent is stored as-is. The file is identified by Pillow from its bytes
(never by its name or the browser's claim), its declared dimensions are checked before any
pixel is decoded (so a small file claiming huge dimensions is refused cheaply), EXIF
orientation is applied, and the pixels are written into a fresh file with no EXIF, GPS,
XMP or comments. A preview no wider than ``PREVIEW_WIDTH`` is made for feeds.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from typing import IO

from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "GIF": "GIF", "WEBP": "WebP"}
PREVIEW_WIDTH = 1200
MAX_SIDE = 4096


class ImageRejected(ValueError):
    """The upload is not an image Agora accepts; the message says why, for the uploader."""


@dataclass(frozen=True)
class ProcessedImage:
    content: bytes
    preview: bytes
    content_type: str
    extension: str
    width: int
    height: int


def _encode(image: Image.Image, *, animated: bool) -> tuple[bytes, str, str]:
    out = io.BytesIO()
    if animated:
        image.save(out, "GIF", save_all=True, optimize=False)
        return out.getvalue(), "image/gif", "gif"
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        image = image.convert("RGBA")
        image.save(out, "PNG", optimize=True)
        return out.getvalue(), "image/png", "png"
    image = image.convert("RGB")
    image.save(out, "JPEG", quality=85, optimize=True, progressive=True)
    return out.getvalue(), "image/jpeg", "jpg"


def _fresh_copy(image: Image.Image) -> Image.Image:
    """The same pixels in a new image that carries no metadata at all."""
    clean = image.copy()
    clean.info = {}
    return clean


def process_image(stream: IO[bytes], *, max_bytes: int, max_pixels: int) -> ProcessedImage:
    """Validate and re-encode one uploaded image, or raise ``ImageRejected``."""
    data = stream.read(max_bytes + 1)
    if not data:
        raise ImageRejected("The file is empty.")
    if len(data) > max_bytes:
        raise ImageRejected(f"Images larger than {max_bytes // (1024 * 1024)} MB are not allowed.")
    with warnings.catch_warnings():
        # Pillow's own bomb check warns; our explicit cap below is the rule.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            image: Image.Image = Image.open(io.BytesIO(data))
        except Image.DecompressionBombError:
            raise ImageRejected(
                f"Images over {max_pixels / 1_000_000:g} megapixels are not allowed."
            ) from None
        except UnidentifiedImageError:
            raise ImageRejected(
                "This file is not an image Agora can read (JPEG, PNG, GIF or WebP)."
            ) from None
        except (OSError, ValueError, SyntaxError):
            raise ImageRejected("This image file is damaged and cannot be read.") from None
        if image.format not in ALLOWED_FORMATS:
            allowed = ", ".join(ALLOWED_FORMATS.values())
            raise ImageRejected(f"{image.format or 'This'} images are not allowed; use {allowed}.")
        width, height = image.size
        if width < 1 or height < 1:
            raise ImageRejected("This image has no pixels.")
        if width * height > max_pixels:
            raise ImageRejected(
                f"Images over {max_pixels / 1_000_000:g} megapixels are not allowed "
                f"(this one is {width}×{height})."
            )
        animated = image.format == "GIF" and getattr(image, "n_frames", 1) > 1
        try:
            image.load()
            if not animated:
                image = ImageOps.exif_transpose(image) or image
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
            raise ImageRejected("This image file is damaged and cannot be read.") from None
        if animated:
            content, content_type, ext = _encode(image, animated=True)
            first = _fresh_copy(image.convert("RGBA"))
        else:
            image = _fresh_copy(image)
            if max(image.size) > MAX_SIDE:
                image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
            content, content_type, ext = _encode(image, animated=False)
            first = image
        preview_image = first.copy()
        if preview_image.width > PREVIEW_WIDTH:
            preview_image.thumbnail((PREVIEW_WIDTH, PREVIEW_WIDTH * 4), Image.Resampling.LANCZOS)
        preview, _, _ = _encode(preview_image, animated=False)
        final_width, final_height = image.size if not animated else (width, height)
    return ProcessedImage(
        content=content,
        preview=preview,
        content_type=content_type,
        extension=ext,
        width=final_width,
        height=final_height,
    )
