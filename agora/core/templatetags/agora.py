"""Template helpers used on every page: relative times, abbreviated numbers, cached links,
icons.

People's and spaces' components (avatars, person and space chips) are ``people_tags`` and
``spaces_tags``; all three are template builtins (``settings.TEMPLATES``)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString

from agora.core.icons import icon_html, sprite_html
from agora.core.links import link

register = template.Library()


@register.filter
def abbrev(value: int | None) -> str:
    """1234 → "1.2k", 2_500_000 → "2.5M"."""
    number = int(value or 0)
    for limit, suffix in ((1_000_000_000, "B"), (1_000_000, "M"), (1_000, "k")):
        if abs(number) >= limit:
            text = f"{number / limit:.1f}".rstrip("0").rstrip(".")
            return f"{text}{suffix}"
    return str(number)


def _relative(moment: datetime, now: datetime) -> str:
    delta = now - moment
    seconds = int(delta.total_seconds())
    if seconds < 45:
        return "just now"
    if seconds < 3600:
        return f"{max(1, round(seconds / 60))} min ago"
    if seconds < 86400:
        return f"{seconds // 3600} h ago"
    if delta < timedelta(days=7):
        days = seconds // 86400
        return "yesterday" if days == 1 else f"{days} days ago"
    local = timezone.localtime(moment)
    if local.year == timezone.localtime(now).year:
        return local.strftime("%-d %b")
    return local.strftime("%-d %b %Y")


@register.simple_tag
def timeago(moment: datetime | None) -> SafeString:
    """A ``<time>`` element showing "3 h ago", with the exact time on hover."""
    if moment is None:
        return SafeString("")
    local = timezone.localtime(moment)
    return format_html(
        '<time datetime="{}" title="{}">{}</time>',
        moment.isoformat(),
        local.strftime("%A %-d %B %Y, %H:%M %Z"),
        _relative(moment, timezone.now()),
    )


@register.filter
def get_item(mapping: dict[Any, Any] | None, key: Any) -> Any:
    return (mapping or {}).get(key)


@register.filter
def count_of(obj: Any, kind: str) -> int:
    """The denormalised counter of ``kind`` reactions on a post or comment."""
    return int(getattr(obj, f"{kind}_count", 0))


@register.filter
def urlfor(name: str, arg: object) -> str:
    """``{{ "posts:react"|urlfor:post.pk }}``: a cached single-argument ``{% url %}``."""
    return link(name, arg)


@register.simple_tag
def icon(name: str, css: str = "") -> SafeString:
    """``{% icon "bell" %}``: Lucide's icon, inline and hidden from screen readers (say what
    it means in words beside it); see ``agora.core.icons``."""
    return icon_html(name, css)


@register.simple_tag
def icon_sprite() -> SafeString:
    """The shared icons' definitions, once per page (see ``agora.core.icons.SHARED``)."""
    return sprite_html()
