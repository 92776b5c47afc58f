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
