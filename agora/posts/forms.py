"""Forms for writing posts and comments."""

from __future__ import annotations

from django import forms
from django.conf import settings

from agora.core.forms import MultipleFileField


class PostForm(forms.Form):
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
    images = MultipleFileField(label="Add images")
    alt_text = forms.CharField(
        label="Image description (for people using screen readers)",
        required=False,
        max_length=500,
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["body"].widget.attrs["maxlength"] = settings.AGORA_POST_MAX_CHARS
        self.fields["images"].widget.attrs["accept"] = "image/jpeg,image/png,image/gif,image/webp"


class EditPostForm(forms.Form):
    title = forms.CharField(label="Title", required=False, max_length=255)
    body = forms.CharField(
        label="Message", required=False, widget=forms.Textarea(attrs={"rows": 8})
    )


class CommentForm(forms.Form):
    body = forms.CharField(
        label="Comment",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "placeholder": "Write a comment…"}),
    )
    parent = forms.IntegerField(
        required=False, widget=forms.HiddenInput, min_value=1, max_value=10**17
    )
