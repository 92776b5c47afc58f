from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.shortcuts import redirect

from agora.media import units
from agora.media.actions import save_upload_policy
from agora.media.detect import DOCUMENT, IMAGE, KNOWN, VIDEO
from agora.media.models import UploadPolicy


def _choices(category: str) -> list[tuple[str, str]]:
    return [(mime, f"{label} ({mime})") for mime, label in KNOWN[category].items()]


BYTE_FIELDS = {
    "image_max_bytes": "Largest image, in bytes.",
    "video_max_bytes": "Largest video, in bytes.",
    "document_max_bytes": "Largest document, in bytes.",
    "daily_bytes_per_person": "Most bytes one person may upload in a day (all files together).",
}


class UploadPolicyForm(forms.ModelForm[UploadPolicy]):
    """Types as checkbox lists (only types Agora can handle safely are offered), sizes in
    bytes with their value in MB alongside."""

    image_types = forms.MultipleChoiceField(
        choices=_choices(IMAGE), widget=forms.CheckboxSelectMultiple, required=False
    )
    video_types = forms.MultipleChoiceField(
        choices=_choices(VIDEO), widget=forms.CheckboxSelectMultiple, required=False
    )
    document_types = forms.MultipleChoiceField(
        choices=_choices(DOCUMENT), widget=forms.CheckboxSelectMultiple, required=False
    )

    class Meta:
        model = UploadPolicy
        exclude: list[str] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        policy = self.instance
        for name, meaning in BYTE_FIELDS.items():
            now = int(getattr(policy, name) or 0)
            self.fields[name].help_text = (
                f"{meaning} Now {units.size(now)}; 1 MB = {units.MB:,} bytes, "
                f"1 GB = {units.GB:,} bytes."
            )
        self.fields["image_max_pixels"].help_text = (
            f"Largest image, in pixels (width × height): now "
            f"{policy.image_max_pixels / 1_000_000:g} megapixels. Checked before decoding."
        )
        self.fields[
            "video_max_seconds"
        ].help_text = f"Longest video, in seconds: now {units.duration(policy.video_max_seconds)}."
        self.fields["video_max_width"].help_text = "Widest video, in pixels (either orientation)."
        self.fields["video_max_height"].help_text = "Tallest video, in pixels (either orientation)."
        self.fields["files_per_post"].help_text = "Most files on one post, comment or question."


@admin.register(UploadPolicy)
class UploadPolicyAdmin(admin.ModelAdmin[UploadPolicy]):
    """One row, read by every upload: a saved change applies to the next one."""

    form = UploadPolicyForm
    readonly_fields = ["updated_at"]
    fieldsets = [
        ("Allowed types", {"fields": ["image_types", "video_types", "document_types"]}),
        (
            "Sizes",
            {
                "fields": [
                    "image_max_bytes",
                    "image_max_pixels",
                    "video_max_bytes",
                    "video_max_seconds",
                    "video_max_width",
                    "video_max_height",
                    "document_max_bytes",
                ]
            },
        ),
        ("Volume", {"fields": ["files_per_post", "daily_bytes_per_person", "updated_at"]}),
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # there is one policy, always editable at pk 1

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_object(
        self, request: HttpRequest, object_id: str, from_field: str | None = None
    ) -> UploadPolicy | None:
        # The policy in force: the saved row, or the defaults until the first save.
        return UploadPolicy.current() if str(object_id) == "1" else None

    def save_model(self, request: HttpRequest, obj: UploadPolicy, form: Any, change: bool) -> None:
        save_upload_policy(obj)

    def changelist_view(self, request: HttpRequest, extra_context: Any = None) -> Any:
        # One policy: the list would show a single row, so go straight to it.
        return redirect("admin:media_uploadpolicy_change", 1)
