"""What a file really is, decided from its bytes by libmagic — never from its name or the
browser's claim — and which category of the upload policy it falls in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import IO

import magic

SNIFF_BYTES = 8192

IMAGE, VIDEO, DOCUMENT = "image", "video", "document"

# Every type Agora knows how to handle safely, by category. The upload policy chooses
# which of these a company allows.
KNOWN: dict[str, dict[str, str]] = {
    IMAGE: {
        "image/jpeg": "JPEG",
        "image/png": "PNG",
        "image/gif": "GIF",
        "image/webp": "WebP",
        "image/heic": "HEIC",
        "image/heif": "HEIF",
        "image/avif": "AVIF",
    },
    VIDEO: {
        "video/mp4": "MP4",
        "video/webm": "WebM",
        "video/quicktime": "MOV",
    },
    DOCUMENT: {
        "application/pdf": "PDF",
        "text/plain": "text",
        "text/csv": "CSV",
        "application/msword": "Word",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
        "application/vnd.ms-excel": "Excel",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel",
        "application/vnd.ms-powerpoint": "PowerPoint",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PowerPoint",
        "application/vnd.oasis.opendocument.text": "OpenDocument text",
        "application/vnd.oasis.opendocument.spreadsheet": "OpenDocument spreadsheet",
        "application/vnd.oasis.opendocument.presentation": "OpenDocument presentation",
    },
}
# libmagic's names for a few of the above.
ALIASES = {
    "video/x-matroska": "video/webm",
    "audio/webm": "video/webm",
    "application/csv": "text/csv",
    "image/heic-sequence": "image/heic",
    "image/heif-sequence": "image/heif",
}
# Files that could run in a browser: never accepted, whatever a policy says.
DANGEROUS = {
    "text/html",
    "image/svg+xml",
    "application/xhtml+xml",
    "application/javascript",
    "text/javascript",
    "application/x-httpd-php",
    "text/x-shellscript",
    "application/x-executable",
    "application/x-sharedlib",
    "application/x-dosexec",
}
# What a refusal calls a dangerous type, so that the uploader understands.
DANGEROUS_NAMES = {
    "text/html": "an HTML page",
    "application/xhtml+xml": "an HTML page",
    "image/svg+xml": "an SVG drawing (which can carry scripts)",
    "application/javascript": "a script",
    "text/javascript": "a script",
    "application/x-httpd-php": "a script",
    "text/x-shellscript": "a script",
    "application/x-executable": "a program",
    "application/x-sharedlib": "a program",
    "application/x-dosexec": "a program",
}
# The file name extensions each type may keep; a download whose name says otherwise gets
# the first one appended, so a text file named "notes.html" is saved as "notes.html.txt".
EXTENSIONS: dict[str, tuple[str, ...]] = {
    "image/jpeg": ("jpg", "jpeg"),
    "image/png": ("png",),
    "image/gif": ("gif",),
    "image/webp": ("webp",),
    "image/heic": ("heic",),
    "image/heif": ("heif", "heic"),
    "image/avif": ("avif",),
    "video/mp4": ("mp4", "m4v"),
    "video/webm": ("webm", "mkv"),
    "video/quicktime": ("mov", "qt"),
    "application/pdf": ("pdf",),
    "text/plain": ("txt", "text", "md", "log"),
    "text/csv": ("csv",),
    "application/msword": ("doc",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ("docx",),
    "application/vnd.ms-excel": ("xls",),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ("xlsx",),
    "application/vnd.ms-powerpoint": ("ppt",),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": ("pptx",),
    "application/vnd.oasis.opendocument.text": ("odt",),
    "application/vnd.oasis.opendocument.spreadsheet": ("ods",),
    "application/vnd.oasis.opendocument.presentation": ("odp",),
}


@dataclass(frozen=True)
class Sniffed:
    mime: str
    category: str | None  # None: not a type Agora handles
    label: str

    @property
    def extension(self) -> str:
        return extension_for(self.mime)

    def describe(self) -> str:
        """What the file is, for a refusal: "an HTML page", "a file of type …"."""
        return DANGEROUS_NAMES.get(self.mime, f"a file of type {self.mime}")


def sniff(stream: IO[bytes], name: str = "") -> Sniffed:
    """Identify ``stream`` from its first bytes; the stream is left at its start."""
    head = stream.read(SNIFF_BYTES)
    stream.seek(0)
    mime = magic.from_buffer(head, mime=True) if head else "application/x-empty"
    mime = ALIASES.get(mime, mime)
    if mime == "text/plain" and name.lower().endswith(".csv"):
        # libmagic calls most CSV plain text; the name may refine text, never more.
        mime = "text/csv"
    if mime in DANGEROUS:
        return Sniffed(mime, None, mime)
    for category, types in KNOWN.items():
        if mime in types:
            return Sniffed(mime, category, types[mime])
    return Sniffed(mime, None, mime)


def extension_for(mime: str) -> str:
    """The extension a stored file of type ``mime`` is given."""
    return EXTENSIONS.get(mime, ("bin",))[0]


def download_name(name: str, mime: str) -> str:
    """``name`` with an extension that matches ``mime`` (appended when it does not)."""
    allowed = EXTENSIONS.get(mime, ())
    stem, dot, ext = name.rpartition(".")
    if allowed and not (dot and stem and ext.lower() in allowed):
        return f"{name}.{allowed[0]}"
    return name
