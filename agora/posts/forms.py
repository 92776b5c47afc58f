"""Forms for writing posts and comments."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from agora.core.forms import MultipleFileField
from agora.media.detect import KNOWN
from agora.media.uploads import Upload

ALT_TEXT_MAX = 500
_ALT_TEXT_KEY = re.compile(r"^alt_text_(\d{1,3})$")
# What the file picker offers; the upload policy decides on the server, from the bytes.
ACCEPT = ",".join([mime for types in KNOWN.values() for mime in types] + [".vtt"])


class AttachmentsForm(forms.Form):
    """The files part of every composer (posts, comments, questions).

    ``files`` holds the files (``images``, the composer's earlier name, is still read);
    ``alt_text_<n>`` describes the n-th file (counting from 0, in the order sent), and
    ``alt_text`` every file without its own; ``captions`` is a WebVTT file for the video.
    """

    # ``files`` is added in __init__: a class attribute of that name would hide (for type
    # checkers) the form's own ``files``, the uploaded files it was given.
    images = MultipleFileField(label="Add images")
    alt_text = forms.CharField(
        label="Image description (for people using screen readers)",
        required=False,
        max_length=ALT_TEXT_MAX,
    )
    captions = forms.FileField(label="Captions (WebVTT)", required=False, allow_empty_file=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["files"] = MultipleFileField(label="Attach files")
        self.order_fields(self.field_order)
        self.fields["files"].widget.attrs["accept"] = ACCEPT
        self.fields["images"].widget.attrs["accept"] = ",".join(KNOWN["image"])
        self.fields["captions"].widget.attrs["accept"] = ".vtt,text/vtt"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for key, value in self.data.items():
            if _ALT_TEXT_KEY.match(key) and len(str(value)) > ALT_TEXT_MAX:
                raise forms.ValidationError(
                    f"A file description may be at most {ALT_TEXT_MAX} characters long."
                )
        return cleaned

    def uploads(self) -> list[Upload]:
        """The files, each with its description (only after ``is_valid()``)."""
        data = self.cleaned_data
        chosen: list[UploadedFile] = [*data.get("files", []), *data.get("images", [])]
        fallback = data.get("alt_text", "")
        return [
            Upload(file=f, alt_text=str(self.data.get(f"alt_text_{i}") or fallback).strip())
            for i, f in enumerate(chosen)
        ]

    def captions_file(self) -> UploadedFile | None:
        captions = self.cleaned_data.get("captions")
        return captions if isinstance(captions, UploadedFile) else None


class PostForm(AttachmentsForm):
    body = forms.CharField(
        label="Message",
        required=False,
        widget=forms.Textarea(
            attrs={
                "rows": 3,
                "placeholder": "Share an update, ask the company, @mention someone, #tag a topic",
            }
        ),
    )
    space = forms.CharField(label="Post in", required=False)

    field_order = ["body", "space", "files", "alt_text", "captions", "images"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].widget.attrs["maxlength"] = settings.AGORA_POST_MAX_CHARS


class EditPostForm(forms.Form):
    title = forms.CharField(label="Title", required=False, max_length=255)
    body = forms.CharField(
        label="Message", required=False, widget=forms.Textarea(attrs={"rows": 8})
    )


class CommentForm(AttachmentsForm):
    body = forms.CharField(
        label="Comment",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "placeholder": "Write a comment…"}),
    )
    parent = forms.IntegerField(
        required=False, widget=forms.HiddenInput, min_value=1, max_value=10**17
    )

    field_order = ["body", "parent", "files", "alt_text", "captions", "images"]
