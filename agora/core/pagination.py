"""Keyset pagination over ``(created_at, id)`` (or another timestamp), newest first.

Offsets grow slower with every page and skip or repeat rows when new posts arrive; a keyset
cursor names the last row shown, so "load more" costs the same on page 1 and page 1,000.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

from django.db import models

T = TypeVar("T")
M = TypeVar("M", bound=models.Model)


class BadCursor(ValueError):
    """A cursor that was not made by ``encode_cursor``."""


def encode_cursor(created_at: datetime, pk: int) -> str:
    raw = f"{created_at.isoformat()}|{pk}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, int]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        stamp, pk = base64.urlsafe_b64decode(padded.encode()).decode().split("|")
        created_at = datetime.fromisoformat(stamp)
        number = int(pk)
        if created_at.tzinfo is None or not 0 < number < 2**63:
            raise ValueError("naive time or id out of range")
        return created_at, number
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise BadCursor("This page link is not valid; go back to the start of the list.") from None


@dataclass
class Page(Generic[T]):
    items: list[T]
    next_cursor: str | None


def keyset_page(
    queryset: models.QuerySet[M], cursor: str | None, size: int, *, field: str = "created_at"
) -> Page[M]:
    """One page of ``queryset``, newest ``field`` first (then highest id), after ``cursor``.

    ``field`` is the timestamp the list is ordered by: ``created_at`` for feeds, or another
    (a question list follows ``last_activity_at``).
    """
    if cursor:
        moment, pk = decode_cursor(cursor)
        queryset = queryset.filter(
            models.Q(**{f"{field}__lt": moment}) | models.Q(**{field: moment, "pk__lt": pk})
        )
    rows = list(queryset.order_by(f"-{field}", "-pk")[: size + 1])
    items = rows[:size]
    next_cursor = None
    if len(rows) > size:
        last = items[-1]
        next_cursor = encode_cursor(getattr(last, field), last.pk)
    return Page(items=items, next_cursor=next_cursor)
