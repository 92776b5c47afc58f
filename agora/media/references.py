"""Which stored files are in use. An app that keeps storage names in its rows registers
the field and the folder it stores under (people: profile photos under ``avatars/``),
so the orphan sweep (``tasks.sweep_orphaned_files``) never deletes a file a row names,
without this app knowing the apps above it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models


@dataclass(frozen=True)
class Reference:
    model: type[models.Model]
    field: str


_folders: list[str] = []
_references: list[Reference] = []


def register(model: type[models.Model], fields: Iterable[str], *, folder: str) -> None:
    """Say that ``model.<field>`` holds storage names of files kept under ``folder``.

    Called from an app's ``AppConfig.ready``; registering twice changes nothing.
    """
    if folder not in _folders:
        _folders.append(folder)
    for field in fields:
        reference = Reference(model, field)
        if reference not in _references:
            _references.append(reference)


def folders() -> list[str]:
    return list(_folders)


def used(names: list[str]) -> set[str]:
    """The names among ``names`` that some registered row still names (one query each)."""
    found: set[str] = set()
    for ref in _references:
        manager = ref.model._default_manager
        found.update(
            manager.filter(**{f"{ref.field}__in": names}).values_list(ref.field, flat=True)
        )
    return found
