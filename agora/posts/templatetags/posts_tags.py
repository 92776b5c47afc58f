"""The reaction bar (one form, one button per kind, drawn the same in pages and fragments)
and the helpers that draw attachments."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django import template
from django.utils.safestring import SafeString

from agora.media.models import Attachment, AttachmentKind
from agora.posts.cards import card_html, comment_count, reaction_bar_html
from agora.posts.models import Comment, Post

register = template.Library()


@register.simple_tag(takes_context=True)
def reaction_bar(context: dict[str, Any], target: Any, mine: set[str], url: str) -> SafeString:
    return reaction_bar_html(target, mine, url, str(context.get("csrf_token", "")))


@register.simple_tag(name="comment_count")
def comment_count_tag(post: Post, zero: str = "No comments yet", oob: bool = False) -> SafeString:
    return SafeString(comment_count(post, zero, oob=oob))


# --- Attachments ----------------------------------------------------------------------------


@dataclass
class Media:
    """A post's or a comment's attachments, by how they are drawn."""

    images: list[Attachment] = field(default_factory=list)
    videos: list[Attachment] = field(default_factory=list)
    documents: list[Attachment] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.images or self.videos or self.documents)


def _grouped(attachments: Iterable[Attachment]) -> Media:
    media = Media()
    for a in attachments:
        if a.kind == AttachmentKind.VIDEO:
            media.videos.append(a)
        elif a.kind == AttachmentKind.DOCUMENT:
            media.documents.append(a)
        else:
            media.images.append(a)
    return media


@register.filter
def post_media(post: Post) -> Media:
    """The post's own attachments (not those of its comments), by kind, in their order.

    Reads the prefetched links when the query made them (``cards.ATTACHMENTS``: feeds
    do), else one query."""
    links = post.file_links.all()
    if "file_links" not in getattr(post, "_prefetched_objects_cache", {}):
        links = links.filter(comment__isnull=True).select_related("attachment")
        links = links.order_by("attachment__position", "attachment_id")
    return _grouped(link.attachment for link in links if link.comment_id is None)


@register.filter
def comment_media(comment: Comment) -> Media:
    """A comment's attachments, by kind, when the query that fetched the comments
    prefetched them (``queries.COMMENT_ATTACHMENTS``): the filter never queries, so a
    thread of a hundred comments costs nothing more."""
    cache: dict[str, Any] = getattr(comment, "_prefetched_objects_cache", {})
    return _grouped(link.attachment for link in cache.get("file_links", ()))


def _hms(seconds: float) -> tuple[int, int, int]:
    """Whole hours, minutes and seconds in a length, rounded to the nearest second."""
    hours, rest = divmod(max(0, round(seconds)), 3600)
    minutes, secs = divmod(rest, 60)
    return hours, minutes, secs


@register.filter
def duration(seconds: float | None) -> str:
    """102.4 → "1:42"; 3725 → "1:02:05"."""
    if seconds is None:
        return ""
    hours, minutes, secs = _hms(seconds)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


@register.filter
def duration_iso(seconds: float | None) -> str:
    """The same length for ``<time datetime>``: 102.4 → "PT1M42S"."""
    if seconds is None:
        return ""
    hours, minutes, secs = _hms(seconds)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") + f"{secs}S"


@dataclass(frozen=True)
class FileType:
    short: str  # drawn on the icon
    label: str  # said in words next to it
    tone: str  # CSS class of the icon's colour


_WORD = FileType("DOC", "Word document", "doc-word")
_EXCEL = FileType("XLS", "Excel spreadsheet", "doc-excel")
_POWERPOINT = FileType("PPT", "PowerPoint presentation", "doc-slides")
FILE_TYPES = {
    "application/pdf": FileType("PDF", "PDF document", "doc-pdf"),
    "text/plain": FileType("TXT", "Text file", "doc-text"),
    "text/csv": FileType("CSV", "CSV table", "doc-excel"),
    "application/msword": _WORD,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": _WORD,
    "application/vnd.ms-excel": _EXCEL,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": _EXCEL,
    "application/vnd.ms-powerpoint": _POWERPOINT,
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": _POWERPOINT,
    "application/vnd.oasis.opendocument.text": FileType("ODT", "OpenDocument text", "doc-word"),
    "application/vnd.oasis.opendocument.spreadsheet": FileType(
        "ODS", "OpenDocument spreadsheet", "doc-excel"
    ),
    "application/vnd.oasis.opendocument.presentation": FileType(
        "ODP", "OpenDocument presentation", "doc-slides"
    ),
}


@register.filter
def file_type(attachment: Attachment) -> FileType:
    """How a document's type is shown: "PDF" on a red icon, "PDF document" in words."""
    known = FILE_TYPES.get(attachment.content_type)
    if known is not None:
        return known
    name = attachment.original_name
    ext = name.rsplit(".", 1)[-1].upper()[:4] if "." in name else ""
    return FileType(ext or "FILE", f"{ext} file" if ext else "File", "doc-other")


# Types a <source type> may name; for others (QuickTime) the browser sniffs the file, since
# Chromium plays most .mov files but answers canPlayType("video/quicktime") with "".
SOURCE_TYPES = {"video/mp4", "video/webm"}


@register.filter
def source_type(attachment: Attachment) -> str:
    return attachment.content_type if attachment.content_type in SOURCE_TYPES else ""


@register.simple_tag(takes_context=True)
def post_card(context: dict[str, Any], card: Any) -> SafeString:
    """A post's card (``agora.posts.cards.card_html``); ``fresh`` and ``expanded`` come
    from the page (a card just written; a post's own page)."""
    return card_html(
        card,
        str(context.get("csrf_token", "")),
        fresh=bool(context.get("fresh")),
        expanded=bool(context.get("expanded")),
    )
