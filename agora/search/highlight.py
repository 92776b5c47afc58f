"""Excerpts for search results, with the searched words marked."""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from agora.core.markdown import to_plain_text

WIDTH = 220


def _pattern(words: list[str]) -> re.Pattern[str]:
    # Words match at word starts, the way the index matched them (the last one as a prefix).
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\w*", re.IGNORECASE)


def marked(text: str, words: list[str]) -> SafeString:
    """``text`` escaped, with the searched words marked."""
    if not words:
        return SafeString(escape(text))
    marked_text = _pattern(words).sub(lambda m: f"\0{m.group(0)}\1", text)
    html = escape(marked_text).replace("\0", "<mark>").replace("\1", "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped above; only <mark> added


def excerpt(body_html: str, words: list[str]) -> SafeString:
    """About ``WIDTH`` characters of the post around the first searched word, words marked."""
    text = " ".join(to_plain_text(body_html).split())
    if not words:
        return SafeString(escape(text[:WIDTH]))
    pattern = _pattern(words)
    first = pattern.search(text)
    start = max(0, (first.start() if first else 0) - WIDTH // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    window = text[start : start + WIDTH]
    marked = pattern.sub(lambda m: f"\0{m.group(0)}\1", window)
    html = escape(marked).replace("\0", "<mark>").replace("\1", "</mark>")
    prefix = "…" if start else ""
    suffix = "…" if start + WIDTH < len(text) else ""
    return mark_safe(f"{prefix}{html}{suffix}")  # noqa: S308 - escaped above; only <mark> added
