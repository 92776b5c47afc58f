"""Files for upload tests, made by the tests themselves: good ones, broken ones and hostile
ones (nothing is downloaded, nothing is checked in).

Videos are made with ffmpeg. Without it the tests that need one skip with a message;
with ``AGORA_REQUIRE_FFMPEG=1`` (set by CI) they fail instead.
"""

from __future__ import annotations

import io
import os
import shutil
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

# What a phone writes into a video: where it was filmed.
SECRET_PLACE = "+51.5000+000.1000/"


def require_ffmpeg() -> None:
    if shutil.which("ffmpeg") and shutil.which("ffprobe"):
        return
    message = "ffmpeg and ffprobe are needed for video tests: apt-get install ffmpeg"
    if os.environ.get("AGORA_REQUIRE_FFMPEG") == "1":
        pytest.fail(message)
    pytest.skip(message)


def files_in(root: Path) -> list[Path]:
    """Every file stored under ``root`` (a test's media folder)."""
    return sorted(p for p in root.rglob("*") if p.is_file())


def upload(
    name: str, data: bytes, content_type: str = "application/octet-stream"
) -> SimpleUploadedFile:
    """A file as the browser sends it; the claimed type is never believed."""
    return SimpleUploadedFile(name, data, content_type=content_type)


# --- Images ---------------------------------------------------------------------------------


def png(width: int = 40, height: int = 30, color: str = "teal") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), color).save(out, "PNG")
    return out.getvalue()


def image_bytes(fmt: str, width: int = 48, height: int = 32) -> bytes:
    """A small image in any format Pillow writes (HEIF through pillow-heif)."""
    out = io.BytesIO()
    Image.new("RGB", (width, height), "purple").save(out, fmt)
    return out.getvalue()


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


def noisy_png(side: int = 1200) -> bytes:
    """A PNG that does not compress: well over 1 MB."""
    out = io.BytesIO()
    Image.effect_noise((side, side), 100).convert("RGB").save(out, "PNG")
    return out.getvalue()


SCRIPT = b"<script>alert(document.cookie)</script>"


def gif_polyglot() -> bytes:
    """A real GIF with a web page after its end: browsers sniffing it would find HTML."""
    out = io.BytesIO()
    Image.new("P", (16, 16), 3).save(out, "GIF")
    return out.getvalue() + b"<html><body>" + SCRIPT + b"</body></html>"


# --- Documents ------------------------------------------------------------------------------


def pdf_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (60, 80), "white").save(out, "PDF")
    return out.getvalue()


def docx_bytes(text: str = "Quarterly plan") -> bytes:
    """The smallest Word document libmagic recognises as one."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as docx:
        docx.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        docx.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>',
        )
        docx.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            f'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p>'
            "</w:body></w:document>",
        )
    return out.getvalue()


def executable() -> bytes:
    """A Linux program (the running Python's own interpreter, first 64 KB)."""
    with open(os.path.realpath(sys.executable), "rb") as handle:
        return handle.read(65536)


# --- Videos ---------------------------------------------------------------------------------

VIDEO_CODECS = {
    # WebM: VP9 and Opus; MP4: H.264 and AAC (with the index at the end, as cameras write).
    "webm": ["-c:v", "libvpx-vp9", "-b:v", "150k", "-deadline", "realtime", "-c:a", "libopus"],
    "mp4": ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"],
    "mov": ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"],
}


def make_video(
    path: Path,
    *,
    seconds: float = 2,
    size: str = "320x240",
    codecs: list[str] | None = None,
    audio: bool = True,
) -> Path:
    """A short test-pattern video with a tone, tagged with the place it was "filmed"."""
    require_ffmpeg()
    fmt = path.suffix.lstrip(".")
    args = codecs if codecs is not None else VIDEO_CODECS[fmt]
    sources = ["-f", "lavfi", "-i", f"testsrc=size={size}:rate=25:duration={seconds}"]
    if audio:
        sources += ["-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}"]
    else:
        args = [a for i, a in enumerate(args) if a != "-c:a" and (i == 0 or args[i - 1] != "-c:a")]
    subprocess.run(
        [
            "ffmpeg", "-v", "error", "-nostdin", "-y", *sources, *args,
            "-metadata", f"location={SECRET_PLACE}", "-metadata", "title=Filmed by SpyCam",
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )  # fmt: skip
    return path


def absurd_video(path: Path, side: int = 16_000) -> Path:
    """A tiny VP8 WebM whose container and frame headers both claim ``side``×``side``.

    ffprobe reports the declared size (the frames cannot be decoded at it), so only the
    resolution rule stands between this file and a decoder asked for 256 megapixels.
    """
    source = make_video(
        path.with_name("absurd-source.webm"),
        size="320x256",
        codecs=["-c:v", "libvpx", "-b:v", "100k"],
        audio=False,
    )
    data = bytearray(source.read_bytes())
    # Matroska PixelWidth (0xB0) and PixelHeight (0xBA), two-byte values.
    container = b"\xb0\x82\x01\x40\xba\x82\x01\x00"
    at = data.find(container)
    assert at >= 0, "PixelWidth/PixelHeight not found"
    data[at : at + 8] = (
        b"\xb0\x82" + side.to_bytes(2, "big") + b"\xba\x82" + side.to_bytes(2, "big")
    )
    # The VP8 key frame: start code, then width and height (14 bits each, little-endian).
    frame = data.find(b"\x9d\x01\x2a\x40\x01\x00\x01")
    assert frame >= 0, "VP8 key frame not found"
    data[frame + 3 : frame + 7] = side.to_bytes(2, "little") + side.to_bytes(2, "little")
    path.write_bytes(bytes(data))
    return path


def ffprobe_tags(path: Path) -> str:
    """Every tag ffprobe sees in a file (format and streams), as text."""
    result = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format_tags:stream_tags", "-of", "json",
         str(path)],
        check=True,
        capture_output=True,
        timeout=30,
    )  # fmt: skip
    return result.stdout.decode()


VTT = b"WEBVTT\n\n00:00.000 --> 00:01.500\nHello from the test pattern\n"


# --- Files on disk, for the browser's file picker -------------------------------------------


def webm_clip(path: Path, *, seconds: float = 2, size: str = "320x240") -> Path:
    """A short VP9/Opus WebM test pattern at ``path`` (plays in Chromium)."""
    return make_video(path, seconds=seconds, size=size)


def png_file(path: Path, *, width: int = 640, height: int = 480, color: str = "teal") -> Path:
    path.write_bytes(png(width, height, color))
    return path


def pdf_file(path: Path) -> Path:
    path.write_bytes(pdf_bytes())
    return path


def captions_file(path: Path) -> Path:
    path.write_bytes(VTT)
    return path
