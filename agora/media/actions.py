"""Every write about stored files: the rows of files just written (``uploads.storing``),
and the upload policy an administrator saves.

Which post or comment a file belongs to is recorded by the app that owns it
(``posts.actions`` links its files); this app only knows the files themselves.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction

from agora.media.detect import VIDEO
from agora.media.models import Attachment, AttachmentStatus, UploadPolicy
from agora.media.uploads import Batch, Written


def create_attachments(batch: Batch, *, uploaded_by: AbstractBaseUser) -> list[Attachment]:
    """The rows of a batch's files, in its order, inside the caller's transaction; each
    video is queued for processing once that transaction commits."""
    rows = [_row(uploaded_by, w, position) for position, w in enumerate(batch.written)]
    for row in rows:
        if row.status == AttachmentStatus.PROCESSING:
            # robust: a queue that cannot be reached must not fail a committed post;
            # the periodic ``resume_videos`` queues the video again.
            transaction.on_commit(partial(_process_later, row.pk), robust=True)
    return rows


def _process_later(attachment_id: int) -> None:
    from agora.media.tasks import process_video  # tasks imports the upload pipeline

    process_video.enqueue(attachment_id)


def _row(uploaded_by: AbstractBaseUser, written: Written, position: int) -> Attachment:
    item = written.item
    fields: dict[str, Any] = {}
    if item.image is not None:
        fields.update(width=item.image.width, height=item.image.height)
    if item.probed is not None:
        fields.update(
            width=item.probed.width, height=item.probed.height, duration=item.probed.duration
        )
    return Attachment.objects.create(
        uploaded_by_id=uploaded_by.pk,
        kind=item.kind,
        status=AttachmentStatus.PROCESSING if item.kind == VIDEO else AttachmentStatus.READY,
        file=written.file,
        preview=written.preview,
        captions=written.captions,
        content_type=item.content_type,
        original_name=item.name[:255],
        alt_text=item.alt_text,
        byte_size=item.byte_size,
        position=position,
        **fields,
    )


def save_upload_policy(policy: UploadPolicy) -> None:
    """Save the policy an administrator edited (the one row, pk 1): the next upload reads it."""
    policy.pk = 1
    policy.save()


def update_upload_policy(**changes: Any) -> UploadPolicy:
    """Change some of the policy's rules (the defaults fill in the rest the first time)."""
    policy = UploadPolicy.current()
    for name, value in changes.items():
        setattr(policy, name, value)
    save_upload_policy(policy)
    return policy
