"""Every write the glue owns: claiming a periodic job's run, and the site settings an
administrator saves."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.db.models import Q

from agora.core import policy
from agora.core.models import PeriodicRun, SiteSetting


def claim_periodic_run(name: str, *, every: timedelta, now: datetime) -> bool:
    """Whether this worker won the right to start the job ``name`` now.

    The row is created once (a concurrent creator makes the insert a no-op), then the
    claim is one conditional UPDATE: however many workers run it at the same moment, the
    database lets exactly one of them move ``last_started_at`` forward.
    """
    PeriodicRun.objects.get_or_create(name=name)
    due = Q(last_started_at__isnull=True) | Q(last_started_at__lte=now - every)
    return PeriodicRun.objects.filter(due, name=name).update(last_started_at=now) == 1


def save_site_setting(setting: SiteSetting) -> SiteSetting:
    """Save an administrator's value for a knob (the admin's form has checked its type);
    the next read of the policy sees it."""
    setting.value = policy.coerce(setting.key, setting.value)
    setting.save()
    return setting


def set_site_setting(key: str, value: Any) -> SiteSetting:
    """Set one knob to ``value`` (checked against its type; ``ValueError`` if it does not
    fit, ``policy.UnknownSetting`` for a key that names no knob)."""
    setting = SiteSetting.objects.filter(key=key).first() or SiteSetting(key=key)
    setting.value = value
    return save_site_setting(setting)


def delete_site_setting(setting: SiteSetting) -> None:
    """Forget a saved value: the knob's default applies again from the next read."""
    SiteSetting.objects.filter(pk=setting.pk).delete()
