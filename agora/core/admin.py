"""The administrators' screen for site settings (every knob listed with its meaning), and
what every admin screen that writes through actions shares."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect

from agora.core import actions, policy
from agora.core.errors import ActionError
from agora.core.models import SiteSetting


class ShowsRefusals:
    """For a ``ModelAdmin`` whose saves call actions. Their forms check what they can
    beforehand; an ``ActionError`` raised while saving all the same (another administrator
    changed the row a moment before) leaves the whole save rolled back, since Django's
    admin saves inside one transaction, and is shown on the page instead of a 500."""

    def changeform_view(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            # mypy cannot see the ModelAdmin this mixin always comes before.
            response: HttpResponse = super().changeform_view(request, *args, **kwargs)  # type: ignore[misc]
        except ActionError as exc:
            messages.error(request, exc.message)
            return HttpResponseRedirect(request.get_full_path())
        return response


def acting_admin(request: HttpRequest) -> AbstractBaseUser:
    """The administrator making the change (the admin only serves signed-in staff)."""
    user = request.user
    assert isinstance(user, AbstractBaseUser)
    return user


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
    """Saving and deleting go through ``core.actions`` like every other write."""

    form = SiteSettingForm
    list_display = ["key", "value", "meaning", "updated_at"]
    search_fields = ["key"]

    @admin.display(description="Meaning")
    def meaning(self, obj: SiteSetting) -> str:
        knob = policy.KNOBS.get(obj.key)
        return f"{knob.help} (default {knob.default})" if knob else "Unknown setting (ignored)"

    def save_model(
        self, request: HttpRequest, obj: SiteSetting, form: forms.Form, change: bool
    ) -> None:
        actions.save_site_setting(obj)

    def delete_model(self, request: HttpRequest, obj: SiteSetting) -> None:
        actions.delete_site_setting(obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[SiteSetting]) -> None:
        for setting in queryset:
            actions.delete_site_setting(setting)
