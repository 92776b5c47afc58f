"""The administrators' screen for site settings: every knob listed with its meaning."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin

from agora.core import policy
from agora.core.models import SiteSetting


def _choices() -> list[tuple[str, str]]:
    return [
        (key, f"{key} — {knob.help} (default {knob.default})")
        for key, knob in sorted(policy.KNOBS.items())
    ]


class SiteSettingForm(forms.ModelForm[SiteSetting]):
    """Only known settings, each value checked against its knob's type before saving."""

    key = forms.ChoiceField(
        choices=_choices,
        help_text="Each setting takes effect at once, without a restart.",
    )

    class Meta:
        model = SiteSetting
        fields = ["key", "value"]
        help_texts = {
            "value": "A whole number (10), a decimal number (1.5) or true/false, as the "
            "setting's description says.",
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        key, value = data.get("key"), data.get("value")
        if key is not None and "value" in data:
            try:
                data["value"] = policy.coerce(key, value)
            except ValueError as exc:
                self.add_error("value", str(exc))
        return data


@admin.register(SiteSetting)
class SiteSettingAdmin(admin.ModelAdmin[SiteSetting]):
    form = SiteSettingForm
    list_display = ["key", "value", "meaning", "updated_at"]
    search_fields = ["key"]

    @admin.display(description="Meaning")
    def meaning(self, obj: SiteSetting) -> str:
        knob = policy.KNOBS.get(obj.key)
        return f"{knob.help} (default {knob.default})" if knob else "Unknown setting (ignored)"
