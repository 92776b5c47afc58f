"""Whole-database comparisons for tests that must prove nothing was written."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib.sessions.models import Session

# Every stored row, table by table (the many-to-many tables included).
Snapshot = dict[str, list[tuple[Any, ...]]]


def snapshot() -> Snapshot:
    """Every row of every model's table, except sessions (signing a test client in, or a
    flash message, writes one), in primary-key order."""
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values_list())
        for model in apps.get_models(include_auto_created=True)
        if model is not Session
    }


def changes(before: Snapshot, after: Snapshot) -> list[str]:
    """The tables whose rows differ, for an assertion message."""
    return [label for label in before if before[label] != after.get(label)]
