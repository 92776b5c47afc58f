"""Image uploads: decoded under a pixel cap, re-encoded, metadata removed.

Nothing the uploader sent is stored as-is. The file is identified by Pillow from its bytes
(never by its name or the browser's claim), its declared dimensions are checked before any
pixel is decoded (so a small file claiming huge dimensions is refused cheaply), EXIF
orientation is applied, and the pixels are written into a fresh file with no EXIF, GPS,
XMP or comments. A preview no wider than ``PREVIEW_WIDTH`` is made for feeds.

Lossless images (PNG, GIF, lossless WebP: screenshots, diagrams) stay lossless: they are
stored as PNG with the pixels they came with. Photos (JPEG, HEIC, AVIF, lossy WebP) are
stored as JPEG, or PNG when they have transparency; animated GIFs stay GIF. A lossless
image's preview is PNG or JPEG, whichever is smaller.
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
# JPEG (photos), PNG (lossless images, transparency) or GIF (animation).
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
# Formats whose pixels are exactly what the author made (WebP is either; see _webp_lossless).
LOSSLESS_FORMATS = {"PNG", "GIF"}
# Modes a PNG stores as they are; anything else becomes RGB or RGBA.
PNG_MODES = {"1", "L", "LA", "P", "RGB", "RGBA", "I", "I;16"}
JPEG_QUALITY = 85


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


def _webp_lossless(data: bytes) -> bool:
    """Whether a WebP file's (first) image is lossless: a ``VP8L`` chunk, not ``VP8 ``.

    Pillow does not say; the RIFF chunks do (``VP8X`` and ``ALPH`` come first in extended
    files, an animation's frames carry their own image chunk after a 16-byte header).
    """
    pos = 12  # after "RIFF", the size, "WEBP"
    while pos + 8 <= len(data):
        fourcc, size = data[pos : pos + 4], int.from_bytes(data[pos + 4 : pos + 8], "little")
        if fourcc == b"VP8L":
            return True
        if fourcc == b"VP8 ":
            return False
        pos += 8 + 16 if fourcc == b"ANMF" else 8 + size + (size & 1)
    return False


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA")


def _png(image: Image.Image) -> bytes:
    if image.mode not in PNG_MODES:
        image = image.convert("RGBA" if _has_alpha(image) else "RGB")
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def _jpeg(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.convert("RGB").save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return out.getvalue()


def _encode(image: Image.Image, *, lossless: bool) -> tuple[bytes, str, str]:
    """A still image as PNG (lossless sources, transparency) or JPEG (photos)."""
    if lossless or _has_alpha(image):
        return _png(image), "image/png", "png"
    return _jpeg(image), "image/jpeg", "jpg"


def _fresh_copy(image: Image.Image) -> Image.Image:
    """The same pixels in a new image that carries no metadata at all."""
    clean = image.copy()
    clean.info = {}
    return clean


def _shrink(image: Image.Image, box: tuple[int, int]) -> Image.Image:
    """A copy that fits ``box``; palette and bilevel images are resized as RGB, since
    Pillow resizes those by dropping pixels."""
    small = image.convert("RGB") if image.mode in ("P", "1") else image.copy()
    small.thumbnail(box, Image.Resampling.LANCZOS)
    return small


def _preview(image: Image.Image, stored: bytes | None, *, lossless: bool) -> bytes:
    """The feed's copy of ``image``, at most ``PREVIEW_WIDTH`` wide: the stored file itself
    (``stored``; None for an animation) when that is small enough. A lossless image's
    preview is PNG or JPEG, whichever is smaller (the file itself keeps PNG)."""
    if image.width > PREVIEW_WIDTH:
        image, stored = _shrink(image, (PREVIEW_WIDTH, PREVIEW_WIDTH * 4)), None
    if _has_alpha(image):
        return stored or _png(image)
    if not lossless:
        return stored or _jpeg(image)
    return min(stored or _png(image), _jpeg(image), key=len)


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
        lossless = image.format in LOSSLESS_FORMATS or (
            image.format == "WEBP" and _webp_lossless(data)
        )
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
                if "transparency" in image.info and not _has_alpha(image):
                    # A transparent colour or palette entry, named in the metadata about
                    # to be dropped: made an alpha channel first, so it stays transparent.
                    image = image.convert("RGBA")
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
            raise ImageRejected("This image file is damaged and cannot be read.") from None
        if animated:
            out = io.BytesIO()
            # Frames keep their timing; the comment Pillow would copy over is emptied.
            image.save(out, "GIF", save_all=True, optimize=False, comment=b"")
            content, content_type, ext = out.getvalue(), "image/gif", "gif"
            first = _fresh_copy(image.convert("RGBA"))
        else:
            image = _fresh_copy(image)
            if max(image.size) > MAX_SIDE:
                image = _shrink(image, (MAX_SIDE, MAX_SIDE))
            content, content_type, ext = _encode(image, lossless=lossless)
            first = image
        preview = _preview(first, content if not animated else None, lossless=lossless)
        final_width, final_height = image.size if not animated else (width, height)
    return ProcessedImage(
        content=content,
        preview=preview,
        content_type=content_type,
        extension=ext,
        width=final_width,
        height=final_height,
    )
