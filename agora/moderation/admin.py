from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from agora.media.detect import DOCUMENT, IMAGE, KNOWN, VIDEO
from agora.moderation.models import UploadPolicy


def _choices(category: str) -> list[tuple[str, str]]:
    return [(mime, f"{label} ({mime})") for mime, label in KNOWN[category].items()]


class UploadPolicyForm(forms.ModelForm[UploadPolicy]):
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


@admin.register(UploadPolicy)
class UploadPolicyAdmin(admin.ModelAdmin[UploadPolicy]):
    form = UploadPolicyForm
    readonly_fields = ["updated_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return not UploadPolicy.objects.exists()

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
