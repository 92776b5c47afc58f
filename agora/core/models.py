"""Organisation policy that administrators change while Agora runs (STYLE habit 10)."""

from __future__ import annotations

from django.db import models


class SiteSetting(models.Model):
    """One policy value, keyed by name; ``agora.core.policy`` knows each key's type and default."""

    key = models.CharField(max_length=100, unique=True)
    value = models.JSONField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["key"]

    def __str__(self) -> str:
        return self.key


class PeriodicRun(models.Model):
    """When a periodic job last started. Workers claim a run with a conditional UPDATE, so
    however many workers are running, each job starts once per interval."""

    name = models.CharField(max_length=100, primary_key=True)
    last_started_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.name
