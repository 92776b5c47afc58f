"""Sizes and lengths written the way a refusal message should say them."""

from __future__ import annotations

MB = 1024 * 1024
GB = 1024 * MB


def size(n: int) -> str:
    """Bytes as people read them: "16 MB", "1.5 GB", "900 KB", "12 bytes"."""
    if n >= GB:
        return f"{_short(n / GB)} GB"
    if n >= MB:
        return f"{_short(n / MB)} MB"
    if n >= 1024:
        return f"{_short(n / 1024)} KB"
    return f"{n} byte" if n == 1 else f"{n} bytes"


def duration(seconds: float) -> str:
    """A length: "20 minutes", "1 minute 30 seconds", "45 seconds", "1 hour"."""
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [
        _count(hours, "hour"),
        _count(minutes, "minute"),
        _count(secs, "second"),
    ]
    return " ".join(p for p in parts if p) or "0 seconds"


def _count(n: int, unit: str) -> str:
    if not n:
        return ""
    return f"{n} {unit}" if n == 1 else f"{n} {unit}s"


def _short(value: float) -> str:
    return f"{round(value, 1):g}"
