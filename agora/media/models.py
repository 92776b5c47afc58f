"""Stored files (images, videos, documents) and the upload policy they were checked against."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from agora.core.links import link
from agora.media.detect import DOCUMENT, IMAGE, KNOWN, VIDEO


def attachment_upload_to(instance: Attachment, filename: str) -> str:
    now = timezone.now()
    return f"attachments/{now:%Y/%m}/{filename}"


class AttachmentKind(models.TextChoices):
    IMAGE = "image", "Image"
    VIDEO = "video", "Video"
    DOCUMENT = "document", "Document"


class AttachmentStatus(models.TextChoices):
    READY = "ready", "Ready"
    PROCESSING = "processing", "Processing"
    FAILED = "failed", "Failed"


class Attachment(models.Model):
    """A stored file: an image, a video or a document that someone uploaded.

    Which post or comment it belongs to (and so who may see it) is ``posts.FileLink``.
    Images are stored re-encoded without metadata, with a preview. Videos are stored as
    uploaded, then a background task replaces them with a copy without metadata and makes
    a poster; until then they are ``processing`` and not served. Documents are stored as
    uploaded and always downloaded, never shown in the browser.
    """

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(
        max_length=10, choices=AttachmentKind.choices, default=AttachmentKind.IMAGE
    )
    status = models.CharField(
        max_length=10, choices=AttachmentStatus.choices, default=AttachmentStatus.READY
    )
    file = models.FileField(upload_to=attachment_upload_to, max_length=255)
    preview = models.FileField(upload_to=attachment_upload_to, max_length=255, blank=True)
    poster = models.FileField(upload_to=attachment_upload_to, max_length=255, blank=True)
    captions = models.FileField(upload_to=attachment_upload_to, max_length=255, blank=True)
    content_type = models.CharField(max_length=100)
    original_name = models.CharField(max_length=255, blank=True)
    alt_text = models.CharField(max_length=500, blank=True)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    duration = models.FloatField(null=True, blank=True, help_text="Seconds, for videos")
    byte_size = models.PositiveBigIntegerField()
    position = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    # When a worker claimed a processing video (a conditional UPDATE), so that two workers
    # never process it together and a worker that died can be replaced after a while.
    claimed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position", "id"]
        indexes = [
            models.Index(fields=["uploaded_by", "created_at"], name="attachment_uploader_day"),
        ]

    def __str__(self) -> str:
        return self.original_name or f"Attachment {self.pk}"

    def get_absolute_url(self) -> str:
        return link("posts:attachment", self.pk)

    @property
    def is_image(self) -> bool:
        return self.kind == AttachmentKind.IMAGE

    @property
    def is_video(self) -> bool:
        return self.kind == AttachmentKind.VIDEO

    @property
    def is_document(self) -> bool:
        return self.kind == AttachmentKind.DOCUMENT

    @property
    def is_ready(self) -> bool:
        return self.status == AttachmentStatus.READY

    @property
    def type_label(self) -> str:
        """What kind of file this is, for people: "PDF", "Word", "MP4"."""
        return KNOWN.get(self.kind, {}).get(self.content_type, self.content_type)


MB = 1024 * 1024


def all_images() -> list[str]:
    return sorted(KNOWN[IMAGE])


def all_videos() -> list[str]:
    return sorted(KNOWN[VIDEO])


def all_documents() -> list[str]:
    return sorted(KNOWN[DOCUMENT])


class UploadPolicy(models.Model):
    """The company's rules for uploads, edited by administrators; one row (pk=1).

    Every upload reads the current row, so an edit takes effect at once. The upload
    pipeline (this app) reads it; administrators edit it in the moderation app's screens.
    """

    image_types = models.JSONField(default=all_images, help_text="Allowed image types.")
    video_types = models.JSONField(default=all_videos, help_text="Allowed video types.")
    document_types = models.JSONField(default=all_documents, help_text="Allowed document types.")
    image_max_bytes = models.PositiveBigIntegerField(default=16 * MB)
    video_max_bytes = models.PositiveBigIntegerField(default=500 * MB)
    document_max_bytes = models.PositiveBigIntegerField(default=50 * MB)
    image_max_pixels = models.PositiveBigIntegerField(
        default=40_000_000, help_text="Largest image, in pixels (width × height)."
    )
    video_max_seconds = models.PositiveIntegerField(default=20 * 60)
    video_max_width = models.PositiveIntegerField(default=3840)
    video_max_height = models.PositiveIntegerField(default=2160)
    daily_bytes_per_person = models.PositiveBigIntegerField(
        default=2048 * MB, help_text="Most bytes one person may upload in a day."
    )
    files_per_post = models.PositiveSmallIntegerField(default=10)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "upload policy"
        verbose_name_plural = "upload policy"
        constraints = [models.CheckConstraint(condition=models.Q(pk=1), name="one_upload_policy")]

    def __str__(self) -> str:
        return "Upload policy"

    @classmethod
    def current(cls) -> UploadPolicy:
        """The policy in force now: the saved row, or the defaults until an administrator
        saves one (reading never writes)."""
        return cls.objects.filter(pk=1).first() or cls(pk=1)

    def allowed(self, category: str) -> list[str]:
        types: list[str] = {
            IMAGE: self.image_types,
            VIDEO: self.video_types,
            DOCUMENT: self.document_types,
        }[category]
        return types

    def max_bytes(self, category: str) -> int:
        return {
            IMAGE: self.image_max_bytes,
            VIDEO: self.video_max_bytes,
            DOCUMENT: self.document_max_bytes,
        }[category]
