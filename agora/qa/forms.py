"""Forms for asking and answering. They only read the request; the actions validate."""

from __future__ import annotations

from django import forms
from django.conf import settings

from agora.posts.actions import TITLE_MAX
from agora.posts.forms import AttachmentsForm


class AskForm(AttachmentsForm):
    title = forms.CharField(
        label="Your question",
        required=False,
        help_text="One sentence, as you would ask a colleague.",
        widget=forms.TextInput(
            attrs={"maxlength": TITLE_MAX, "placeholder": "How do I…? Does Atlas support…?"}
        ),
    )
    body = forms.CharField(
        label="Details",
        required=False,
        help_text="What you tried, what you expect, links. Markdown and @mentions work.",
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    tags = forms.CharField(
        label="Tags",
        required=False,
        help_text="Up to 8, separated by commas or spaces (for example: pricing, atlas). "
        "Colleagues who know these topics are asked to answer.",
        widget=forms.TextInput(attrs={"maxlength": 500, "autocomplete": "off"}),
    )
    space = forms.CharField(label="Ask in", required=False)

    field_order = ["title", "body", "tags", "space", "files", "alt_text", "captions", "images"]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].widget.attrs["maxlength"] = settings.AGORA_POST_MAX_CHARS
        for name in ("title", "body", "tags"):
            self.fields[name].widget.attrs["aria-describedby"] = f"id_{name}-help"


class AnswerForm(forms.Form):
    body = forms.CharField(label="Your answer", required=False, widget=forms.Textarea)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["body"].widget.attrs["maxlength"] = settings.AGORA_POST_MAX_CHARS


class TagsForm(forms.Form):
    tags = forms.CharField(label="Tags", required=False, max_length=500)


class DuplicateForm(forms.Form):
    original = forms.CharField(label="Original question", required=False, max_length=500)
