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
from collections.abc import Collection
from dataclasses import dataclass
from typing import IO

from PIL import Image, ImageOps, UnidentifiedImageError

from agora.media import units

# Pillow's name for each image type Agora reads (HEIC through pillow-heif, registered in
# ``MediaConfig.ready``; AVIF is built into Pillow). Whatever comes in, what is stored is
# JPEG, PNG (transparency) or GIF (animation).
PILLOW_FORMATS = {
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "image/gif": "GIF",
    "image/webp": "WEBP",
    "image/heic": "HEIF",
    "image/heif": "HEIF",
    "image/avif": "AVIF",
}
FORMAT_LABELS = {
    "JPEG": "JPEG",
    "PNG": "PNG",
    "GIF": "GIF",
    "WEBP": "WebP",
    "HEIF": "HEIC",
    "AVIF": "AVIF",
}
PREVIEW_WIDTH = 1200
MAX_SIDE = 4096
# An animation's frames are all decoded to re-encode it: their pixels count together.
ANIMATION_PIXEL_FACTOR = 4


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


def process_image(
    stream: IO[bytes],
    *,
    max_bytes: int,
    max_pixels: int,
    formats: Collection[str] | None = None,
) -> ProcessedImage:
    """Validate and re-encode one uploaded image, or raise ``ImageRejected``.

    ``formats`` are the Pillow formats accepted (``PILLOW_FORMATS`` values; all of them
    when None): the bytes must really be one of them, whatever libmagic guessed.
    """
    allowed = set(PILLOW_FORMATS.values()) if formats is None else set(formats)
    data = stream.read(max_bytes + 1)
    if not data:
        raise ImageRejected("The file is empty.")
    if len(data) > max_bytes:
        raise ImageRejected(f"Images larger than {units.size(max_bytes)} are not allowed here.")
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
            names = ", ".join(sorted({FORMAT_LABELS[f] for f in allowed}))
            raise ImageRejected(
                f"This file is not an image Agora can read ({names or 'none are allowed'})."
            ) from None
        except (OSError, ValueError, SyntaxError):
            raise ImageRejected("This image file is damaged and cannot be read.") from None
        if image.format not in allowed:
            label = FORMAT_LABELS.get(image.format or "", image.format or "These")
            names = ", ".join(sorted({FORMAT_LABELS[f] for f in allowed})) or "none"
            raise ImageRejected(f"{label} images are not allowed here (allowed: {names}).")
        width, height = image.size
        if width < 1 or height < 1:
            raise ImageRejected("This image has no pixels.")
        if width * height > max_pixels:
            raise ImageRejected(
                f"Images over {max_pixels / 1_000_000:g} megapixels are not allowed "
                f"(this one is {width}×{height})."
            )
        frames = int(getattr(image, "n_frames", 1)) if image.format == "GIF" else 1
        animated = frames > 1
        if animated and frames * width * height > ANIMATION_PIXEL_FACTOR * max_pixels:
            raise ImageRejected(
                f"Animations over {ANIMATION_PIXEL_FACTOR * max_pixels / 1_000_000:g} "
                f"megapixels in all frames together are not allowed (this one has {frames} "
                f"frames of {width}×{height})."
            )
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
