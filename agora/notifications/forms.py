"""The notification settings form: how each kind arrives, the digest, and each space."""

from __future__ import annotations

from functools import cache
from typing import Any
from zoneinfo import available_timezones

from django import forms
from django.conf import settings

from agora.notifications import preferences
from agora.notifications.models import (
    Delivery,
    DigestSchedule,
    Frequency,
    NotificationKind,
    SpaceLevel,
    Weekday,
)
from agora.spaces.models import Space

# What each choice is called beside its kind (shorter than the choices' own labels).
DELIVERY_LABELS = [
    (Delivery.EMAIL, "App and email at once"),
    (Delivery.DIGEST, "App and digest"),
    (Delivery.APP, "App only"),
    (Delivery.OFF, "Off"),
]
HOURS = [(h, f"{h:02d}:00") for h in range(24)]


@cache
def zone_choices() -> list[tuple[str, str]]:
    return [("", f"The company's ({settings.TIME_ZONE.replace('_', ' ')})")] + [
        (name, name.replace("_", " ")) for name in sorted(available_timezones())
    ]


class SettingsForm(forms.Form):
    frequency = forms.ChoiceField(choices=Frequency.choices, label="Send me a digest")
    weekday = forms.TypedChoiceField(
        choices=Weekday.choices, coerce=int, label="On (weekly)", required=False
    )
    hour = forms.TypedChoiceField(choices=HOURS, coerce=int, label="At")
    time_zone = forms.ChoiceField(choices=(), required=False, label="Time zone")

    def __init__(
        self,
        *args: Any,
        kinds: dict[str, str],
        schedule: DigestSchedule,
        spaces: list[Space],
        levels: dict[int, str],
        **kwargs: Any,
    ) -> None:
        initial = {
            "frequency": schedule.frequency,
            "weekday": schedule.weekday,
            "hour": schedule.hour,
            "time_zone": schedule.time_zone,
        }
        initial.update({f"kind_{k}": v for k, v in kinds.items()})
        initial.update({f"space_{s.pk}": levels.get(s.pk, SpaceLevel.ALL) for s in spaces})
        kwargs["initial"] = initial
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = zone_choices()  # type: ignore[attr-defined]
        for kind in preferences.CHOOSABLE:
            self.fields[f"kind_{kind}"] = forms.ChoiceField(
                choices=DELIVERY_LABELS, label=NotificationKind(kind).label
            )
        self.spaces = spaces
        for space in spaces:
            self.fields[f"space_{space.pk}"] = forms.ChoiceField(
                choices=SpaceLevel.choices, label=space.name
            )

    def kind_fields(self) -> list[forms.BoundField]:
        return [self[f"kind_{k}"] for k in preferences.CHOOSABLE]

    def space_fields(self) -> list[forms.BoundField]:
        return [self[f"space_{s.pk}"] for s in self.spaces]

    def deliveries(self) -> dict[str, str]:
        return {k: self.cleaned_data[f"kind_{k}"] for k in preferences.CHOOSABLE}

    def space_levels(self) -> dict[int, str]:
        return {s.pk: self.cleaned_data[f"space_{s.pk}"] for s in self.spaces}
