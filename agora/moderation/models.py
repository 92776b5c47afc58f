"""The upload policy: what may be uploaded, how big, how long, how much a day."""

from __future__ import annotations

from django.db import models

from agora.media.detect import DOCUMENT, IMAGE, KNOWN, VIDEO

MB = 1024 * 1024


def all_images() -> list[str]:
    return sorted(KNOWN[IMAGE])


def all_videos() -> list[str]:
    return sorted(KNOWN[VIDEO])


def all_documents() -> list[str]:
    return sorted(KNOWN[DOCUMENT])


class UploadPolicy(models.Model):
    """The company's rules for uploads, edited by administrators; one row (pk=1).

    Every upload reads the current row, so an edit takes effect at once.
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
        """The policy in force now (created with the defaults the first time)."""
        policy, _ = cls.objects.get_or_create(pk=1)
        return policy

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
