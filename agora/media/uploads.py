"""Uploads under the company's upload policy: refused before anything is stored, or stored
with their rows.

``check_uploads`` reads ``UploadPolicy.current()`` for every batch (so an administrator's
edit applies to the next upload), decides each file's type from its bytes (libmagic, never
its name or the browser's claim), and then does the expensive part: images are decoded
under the pixel cap and re-encoded without metadata, videos are probed by ffprobe from a
file on disk. A refusal is an ``ActionError`` naming the file and the rule it broke.

``storing`` writes the checked files through Django's storage API (streamed: a video is
never read into memory) before the caller opens its transaction, and deletes them again
if the block fails, so a refused or failed post leaves no file behind. The rows are made
by ``agora.media.actions.create_attachments`` inside the caller's transaction; videos get
theirs in ``processing`` and are finished by ``agora.media.tasks.process_video`` once the
row is committed.
"""

from __future__ import annotations

import errno
import secrets
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Sum
from django.utils import timezone

from agora.core.errors import ActionError
from agora.core.nul import refuse_nul
from agora.media import units
from agora.media.detect import (
    DOCUMENT,
    IMAGE,
    KNOWN,
    VIDEO,
    Sniffed,
    download_name,
    extension_for,
    sniff,
)
from agora.media.images import PILLOW_FORMATS, ImageRejected, ProcessedImage, process_image
from agora.media.models import Attachment, UploadPolicy
from agora.media.video import VideoInfo, VideoRejected, probe

CAPTIONS_MAX_BYTES = 1024 * 1024
NOUNS = {IMAGE: "images", VIDEO: "videos", DOCUMENT: "documents"}
ONLY_ALLOWED = "only images, videos and documents of the allowed types can be uploaded"
FULL_DISK = (
    "The server has no room for new files right now, so nothing was sent. Send it "
    "without files, or try again later."
)
FULL_DISK_ERRORS = {errno.ENOSPC, errno.EDQUOT}
SPOOL_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Upload:
    """A file a person is attaching (with its description), before it has been checked."""

    file: UploadedFile
    alt_text: str = ""


@dataclass(frozen=True)
class Checked:
    """An upload the policy allows, ready to store: a re-encoded image, or a probed video
    or a document still in the uploaded file."""

    kind: str  # IMAGE, VIDEO or DOCUMENT
    name: str  # for people and downloads; its extension matches the type
    content_type: str
    alt_text: str = ""
    upload: UploadedFile | None = None  # videos and documents, stored as they came
    image: ProcessedImage | None = None
    probed: VideoInfo | None = None
    captions: bytes | None = None  # WebVTT, with the first video

    @property
    def byte_size(self) -> int:
        if self.image is not None:
            return len(self.image.content)
        assert self.upload is not None
        return int(self.upload.size or 0)


def _refuse(message: str, status: int = 400) -> ActionError:
    return ActionError(message, status=status, field="files")


def clean_name(raw: str | None) -> str:
    """The name a person gave a file, without folders or control characters."""
    name = (raw or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip().lstrip(".")
    return name[-200:] or "file"


def check_uploads(
    user: AbstractBaseUser, uploads: Sequence[Upload], *, captions: UploadedFile | None = None
) -> list[Checked]:
    """Every upload checked against the policy in force now, or the first refusal."""
    if not uploads and captions is None:
        return []
    refuse_nul(*(upload.alt_text for upload in uploads), field="files")
    policy = UploadPolicy.current()
    if len(uploads) > policy.files_per_post:
        raise _refuse(
            f"A post may have at most {policy.files_per_post} files; this one has {len(uploads)}."
        )
    # Cheap checks for every file first (type and size), so that nothing is decoded or
    # probed for a batch that breaks a rule anyway.
    kinds = [_classify(policy, upload) for upload in uploads]
    vtt = _read_captions(captions, with_video=any(k.category == VIDEO for k in kinds))
    _check_daily_volume(user, policy, sum(int(u.file.size or 0) for u in uploads))
    checked = [_check_one(policy, u, k) for u, k in zip(uploads, kinds, strict=True)]
    if vtt is not None:
        first = next(i for i, c in enumerate(checked) if c.kind == VIDEO)
        checked[first] = replace(checked[first], captions=vtt)
    return checked


def _classify(policy: UploadPolicy, upload: Upload) -> Sniffed:
    name = clean_name(upload.file.name)
    size = int(upload.file.size or 0)
    if size == 0:
        raise _refuse(f"{name} is empty.")
    upload.file.seek(0)
    found = sniff(upload.file, name)
    if found.category is None:
        raise _refuse(f"{name} is {found.describe()}; {ONLY_ALLOWED}.")
    noun = NOUNS[found.category]
    allowed = policy.allowed(found.category)
    if found.mime not in allowed:
        if not allowed:
            raise _refuse(f"{name}: {noun} are not allowed here.")
        labels = ", ".join(dict.fromkeys(KNOWN[found.category].get(m, m) for m in allowed))
        raise _refuse(
            f"{name}: {found.label} {noun} are not allowed here (allowed {noun}: {labels})."
        )
    limit = policy.max_bytes(found.category)
    if size > limit:
        raise _refuse(
            f"{name} is {units.size(size)}; {noun} larger than {units.size(limit)} "
            "are not allowed here."
        )
    return found


def _read_captions(captions: UploadedFile | None, *, with_video: bool) -> bytes | None:
    if captions is None:
        return None
    if not with_video:
        raise _refuse("Captions go with a video: attach the video too.")
    captions.seek(0)
    data = bytes(captions.read(CAPTIONS_MAX_BYTES + 1))
    if len(data) > CAPTIONS_MAX_BYTES:
        raise _refuse(f"Captions larger than {units.size(CAPTIONS_MAX_BYTES)} are not allowed.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = ""
    if not text.startswith("WEBVTT") or (len(text) > 6 and text[6] not in " \t\r\n"):
        raise _refuse(
            f"{clean_name(captions.name)}: captions must be a WebVTT file (text that starts "
            "with WEBVTT)."
        )
    return text.encode("utf-8")


def _check_daily_volume(user: AbstractBaseUser, policy: UploadPolicy, incoming: int) -> None:
    """Today's uploads (in the site's time zone) plus these stay under the daily volume."""
    midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    used = (
        Attachment.objects.filter(uploaded_by_id=user.pk, created_at__gte=midnight).aggregate(
            total=Sum("byte_size")
        )["total"]
        or 0
    )
    cap = policy.daily_bytes_per_person
    left = max(0, cap - used)
    if incoming > left:
        remaining = f"{units.size(left)} is left" if left else "nothing is left"
        raise _refuse(
            f"You may upload {units.size(cap)} a day and {remaining} for today; these files "
            f"come to {units.size(incoming)}."
        )


def _check_one(policy: UploadPolicy, upload: Upload, kind: Sniffed) -> Checked:
    name = clean_name(upload.file.name)
    alt_text = upload.alt_text.strip()[:500]
    if kind.category == IMAGE:
        formats = {PILLOW_FORMATS[m] for m in policy.image_types if m in PILLOW_FORMATS}
        upload.file.seek(0)
        try:
            image = process_image(
                upload.file,
                max_bytes=policy.image_max_bytes,
                max_pixels=policy.image_max_pixels,
                formats=formats,
            )
        except ImageRejected as exc:
            raise _refuse(f"{name}: {exc}") from None
        stem = name.rsplit(".", 1)[0] if "." in name else name
        return Checked(
            kind=IMAGE,
            name=f"{stem}.{image.extension}",
            content_type=image.content_type,
            alt_text=alt_text,
            image=image,
        )
    checked = Checked(
        kind=kind.category or DOCUMENT,
        name=download_name(name, kind.mime),
        content_type=kind.mime,
        alt_text="",  # descriptions are for images; videos carry captions instead
        upload=upload.file,
    )
    if kind.category == VIDEO:
        return replace(checked, probed=_check_video(policy, upload.file, name, kind))
    return checked


def _check_video(policy: UploadPolicy, upload: UploadedFile, name: str, kind: Sniffed) -> VideoInfo:
    try:
        with on_disk(upload, suffix=f".{kind.extension}") as path:
            info = probe(path)
    except VideoRejected as exc:
        raise _refuse(f"{name}: {exc}") from None
    if info.duration > policy.video_max_seconds:
        raise _refuse(
            f"{name}: videos longer than {units.duration(policy.video_max_seconds)} are not "
            f"allowed here (this one is {units.duration(info.duration)})."
        )
    # Compared side by side whatever the orientation: a portrait phone video is fine.
    sides, caps = (
        sorted((info.width, info.height)),
        sorted((policy.video_max_width, policy.video_max_height)),
    )
    if sides[0] > caps[0] or sides[1] > caps[1]:
        raise _refuse(
            f"{name}: videos larger than {policy.video_max_width}×{policy.video_max_height} "
            f"are not allowed here (this one is {info.width}×{info.height})."
        )
    return info


@contextmanager
def on_disk(upload: UploadedFile, *, suffix: str = "") -> Iterator[Path]:
    """A path to the upload's bytes: its temporary file, or a copy spooled in chunks."""
    if hasattr(upload, "temporary_file_path"):
        yield Path(upload.temporary_file_path())
        return
    try:
        with tempfile.NamedTemporaryFile(prefix="agora-upload-", suffix=suffix) as spool:
            for chunk in upload.chunks(SPOOL_CHUNK):
                spool.write(chunk)
            spool.flush()
            yield Path(spool.name)
    except OSError as exc:
        if exc.errno in FULL_DISK_ERRORS:
            raise _refuse(FULL_DISK, status=507) from exc
        raise


@dataclass(frozen=True)
class Written:
    """One checked upload whose files are in storage."""

    item: Checked
    file: str
    preview: str = ""
    captions: str = ""

    @property
    def names(self) -> list[str]:
        return [n for n in (self.file, self.preview, self.captions) if n]


@dataclass(frozen=True)
class Batch:
    """Files written for one post or comment, waiting for their rows."""

    written: tuple[Written, ...]

    def discard(self) -> None:
        delete_files([name for w in self.written for name in w.names])


@contextmanager
def storing(uploads: Sequence[Checked] | Batch) -> Iterator[Batch]:
    """Write the files now and hand them over; if the block fails they are deleted.

    Open it outside the transaction that creates the rows, so a long write (a video to
    object storage) never holds the database's write lock. A ``Batch`` is passed through:
    whoever wrote it owns its clean-up.
    """
    if isinstance(uploads, Batch):
        yield uploads
        return
    batch = write_files(uploads)
    try:
        yield batch
    except BaseException:
        batch.discard()
        raise


def write_files(uploads: Sequence[Checked]) -> Batch:
    """Every file of ``uploads`` in storage under a fresh random name, or none of them."""
    folder = f"attachments/{timezone.now():%Y/%m}"
    names: list[str] = []
    written: list[Written] = []
    try:
        for item in uploads:
            stem = f"{folder}/{secrets.token_hex(12)}"
            written.append(_write(item, stem, names))
    except BaseException as exc:
        delete_files(names)
        if isinstance(exc, OSError) and exc.errno in FULL_DISK_ERRORS:
            raise _refuse(FULL_DISK, status=507) from exc
        raise
    return Batch(tuple(written))


def _save(name: str, content: Any, names: list[str]) -> str:
    # Noted before writing: a storage that fails half-way may leave a partial file.
    names.append(name)
    saved = default_storage.save(name, content)
    names[-1] = saved
    return saved


def _write(item: Checked, stem: str, names: list[str]) -> Written:
    if item.image is not None:
        image = item.image
        file = _save(f"{stem}.{image.extension}", ContentFile(image.content), names)
        preview_ext = "png" if image.preview.startswith(b"\x89PNG") else "jpg"
        preview = _save(f"{stem}-preview.{preview_ext}", ContentFile(image.preview), names)
        return Written(item, file=file, preview=preview)
    assert item.upload is not None
    file = _save(f"{stem}.{extension_for(item.content_type)}", item.upload, names)
    captions = ""
    if item.captions is not None:
        captions = _save(f"{stem}.vtt", ContentFile(item.captions), names)
    return Written(item, file=file, captions=captions)


def delete_files(names: Sequence[str]) -> None:
    """Delete stored files, carrying on past any that are already gone."""
    for name in names:
        try:
            default_storage.delete(name)
        except OSError:
            continue
