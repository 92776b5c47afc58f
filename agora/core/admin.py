from typing import Any

from django import forms
from django.contrib import admin

from agora.core import policy
from agora.core.models import SiteSetting


class SiteSettingForm(forms.ModelForm[SiteSetting]):
    class Meta:
        model = SiteSetting
        fields = ["key", "value"]
        widgets = {"key": forms.Select(choices=[(k, k) for k in sorted(policy.KNOBS)])}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        key, value = data.get("key"), data.get("value")
        if key is not None:
            try:
                data["value"] = policy.coerce(key, value)
            except ValueError as exc:
                self.add_error("value", str(exc))
        return data


@admin.register(SiteSetting)
class SiteSettingAdmin(admin.ModelAdmin[SiteSetting]):
    form = SiteSettingForm
    list_display = ["key", "value", "meaning", "updated_at"]

    @admin.display(description="Meaning")
    def meaning(self, obj: SiteSetting) -> str:
        knob = policy.KNOBS.get(obj.key)
        return f"{knob.help} (default {knob.default})" if knob else "Unknown setting"
