"""Background work on media, run by the worker (inline in tests).

Every task takes ids and is safe to run twice or to restart: a video is claimed with a
conditional UPDATE before it is processed, and its row changes only if the claim still
holds when the work is done.
"""

from __future__ import annotations

import logging
import secrets
import tempfile
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

from django.core.files import File
from django.core.files.storage import default_storage
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from agora.core import events, policy
from agora.media import references, video
from agora.media.events import AttachmentsChanged
from agora.media.models import Attachment, AttachmentKind, AttachmentStatus
from agora.media.uploads import delete_files

logger = logging.getLogger("agora.media")

# A claim older than this belongs to a worker that died: another may take the video over.
STALE_CLAIM = timedelta(hours=1)
# A video still unclaimed this long after its upload lost its queued task (a crash between
# the commit and the enqueue): the resume job queues it again.
LOST_AFTER = timedelta(minutes=10)
# Videos that have not been processed within a day are given up on.
GIVE_UP_AFTER = timedelta(days=1)
FETCH_CHUNK = 1024 * 1024
CHECK_BATCH = 500


@task()
def process_video(attachment_id: int) -> str:
    """Make an uploaded video ready: a copy without metadata, index first, and a poster.

    Returns what happened ("ready", "failed", or "skipped" when another run has it).
    """
    now = timezone.now()
    claimed = (
        Attachment.objects.filter(
            pk=attachment_id, kind=AttachmentKind.VIDEO, status=AttachmentStatus.PROCESSING
        )
        .filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - STALE_CLAIM))
        .update(claimed_at=now)
    )
    if not claimed:
        return "skipped"
    item = Attachment.objects.get(pk=attachment_id)
    mine = Attachment.objects.filter(
        pk=attachment_id, status=AttachmentStatus.PROCESSING, claimed_at=now
    )
    written: list[str] = []
    try:
        with tempfile.TemporaryDirectory(prefix="agora-video-") as work:
            fields = _make_ready(item, Path(work), written)
    except Exception as exc:
        delete_files(written)
        if mine.update(status=AttachmentStatus.FAILED):
            events.emit(AttachmentsChanged((attachment_id,)))
        if isinstance(exc, video.VideoRejected):
            logger.warning("video %s could not be processed: %s", attachment_id, exc)
            return "failed"
        raise
    if not mine.update(status=AttachmentStatus.READY, **fields):
        # Deleted, or taken over by another worker, while this one worked.
        delete_files(written)
        return "skipped"
    events.emit(AttachmentsChanged((attachment_id,)))
    delete_files([item.file.name])
    return "ready"


def _make_ready(item: Attachment, work: Path, written: list[str]) -> dict[str, object]:
    """Fetch, clean, poster and store; returns the row's new values."""
    source = work / f"source{Path(item.file.name).suffix}"
    with default_storage.open(item.file.name, "rb") as stored, source.open("wb") as out:
        for chunk in stored.chunks(FETCH_CHUNK):
            out.write(chunk)
    video.probe(source)  # the stored bytes are checked again, never trusted
    clean, content_type = _clean_copy(source, item.content_type, work)
    info = video.probe(clean)
    poster = work / "poster.jpg"
    try:
        video.poster(clean, poster, info.duration)
    except video.VideoRejected:
        video.poster(clean, poster, 0)  # a frame from the start, then
    if not poster.exists() or poster.stat().st_size == 0:
        raise video.VideoRejected("No frame of this video could be read for its poster.")
    stem = f"attachments/{timezone.now():%Y/%m}/{secrets.token_hex(12)}"
    file_name = _save(f"{stem}{clean.suffix}", clean, written)
    poster_name = _save(f"{stem}-poster.jpg", poster, written)
    name = item.original_name
    if content_type != item.content_type and "." in name:
        name = f"{name.rsplit('.', 1)[0]}{clean.suffix}"
    return {
        "file": file_name,
        "poster": poster_name,
        "content_type": content_type,
        "original_name": name,
        "duration": info.duration,
        "width": info.width,
        "height": info.height,
        "byte_size": clean.stat().st_size,
    }


# The containers a clean copy is tried in, in order. MOV plays in few browsers and the
# same streams in MP4 play everywhere MOV could; Matroska (sniffed as WebM) holding
# H.264 fits MP4 only.
CONTAINERS = {
    "video/webm": ((".webm", "video/webm"), (".mp4", "video/mp4")),
    "video/mp4": ((".mp4", "video/mp4"),),
    "video/quicktime": ((".mp4", "video/mp4"), (".mov", "video/quicktime")),
}


def _clean_copy(source: Path, content_type: str, work: Path) -> tuple[Path, str]:
    failure = video.VideoRejected("This video cannot be stored in a format browsers play.")
    for suffix, target_type in CONTAINERS.get(content_type, ((".mp4", "video/mp4"),)):
        target = work / f"clean{suffix}"
        try:
            video.clean_copy(source, target)
        except video.VideoRejected as exc:
            failure = exc
            continue
        return target, target_type
    raise failure


def _save(name: str, path: Path, written: list[str]) -> str:
    written.append(name)
    with path.open("rb") as handle:
        saved = default_storage.save(name, File(handle))
    written[-1] = saved
    return saved


@task()
def resume_videos() -> dict[str, int]:
    """Periodic: queue again the videos whose task was lost, give up on very old ones."""
    now = timezone.now()
    processing = Attachment.objects.filter(
        kind=AttachmentKind.VIDEO, status=AttachmentStatus.PROCESSING
    )
    failed = tuple(
        processing.filter(created_at__lt=now - GIVE_UP_AFTER).values_list("pk", flat=True)
    )
    given_up = processing.filter(pk__in=failed).update(status=AttachmentStatus.FAILED)
    if failed:
        events.emit(AttachmentsChanged(failed))
    lost = processing.filter(
        Q(claimed_at__isnull=True, created_at__lt=now - LOST_AFTER)
        | Q(claimed_at__lt=now - STALE_CLAIM)
    ).values_list("pk", flat=True)
    queued = 0
    for pk in lost:
        process_video.enqueue(pk)
        queued += 1
    return {"queued": queued, "failed": given_up}


@task()
def sweep_orphaned_files() -> int:
    """Periodic: delete uploaded files that nothing uses once the grace period is over.

    A file is used when a registered row names it (``media.references``: an attachment's
    file, preview, poster or captions; a profile photo). The grace period covers files
    written for a post whose transaction has not committed yet. Returns how many files were removed.
    """
    hours = max(1, int(policy.get("media.orphan_grace_hours")))
    cutoff = timezone.now() - timedelta(hours=hours)
    removed = 0
    for folder in references.folders():
        batch: list[str] = []
        for name in _files_under(folder):
            batch.append(name)
            if len(batch) >= CHECK_BATCH:
                removed += _remove_unused(batch, cutoff)
                batch = []
        removed += _remove_unused(batch, cutoff)
    return removed


def _files_under(folder: str) -> Iterator[str]:
    try:
        folders, files = default_storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in files:
        yield f"{folder}/{name}"
    for sub in folders:
        yield from _files_under(f"{folder}/{sub}")


def _remove_unused(names: list[str], cutoff: datetime) -> int:
    old = [n for n in names if _modified(n) < cutoff]
    if not old:
        return 0
    used = references.used(old)
    unused = [n for n in old if n not in used]
    delete_files(unused)
    if unused:
        logger.info("removed %d orphaned files", len(unused))
    return len(unused)


def _modified(name: str) -> datetime:
    try:
        return default_storage.get_modified_time(name)
    except (FileNotFoundError, OSError):
        return timezone.now()  # gone or unreadable: leave it for the next sweep
