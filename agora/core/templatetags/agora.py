"""Template helpers used on every page: relative times, abbreviated numbers, avatars."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString

from agora.core.links import link
from agora.reputation.models import LEVEL_CSS, Level

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


# --- Components drawn on every card -------------------------------------------------------
# These are tags rather than {% include %}d templates because a feed page draws them
# hundreds of times, and a Python function is several times cheaper than an include.

AVATAR_SIZES = {"sm": 32, "md": 40, "xl": 88}


@register.simple_tag
def avatar(person: Any, size: str = "md") -> SafeString:
    """A person's photo, or their initials on a stable colour (decorative: alt="")."""
    pixels = AVATAR_SIZES.get(size, 40)
    if person.avatar:
        return format_html(
            '<img class="avatar avatar-{}" src="{}" alt="" width="{}" height="{}" loading="lazy">',
            size,
            link("people:avatar", person.handle),
            pixels,
            pixels,
        )
    return format_html(
        '<span class="avatar avatar-{} tone-{}" aria-hidden="true">{}</span>',
        size,
        person.avatar_tone,
        person.initials,
    )


VISIBILITY_ICONS = {
    "secret": ("vis-secret", "Secret space", "◉", "Secret:"),
    "private": ("vis-private", "Private space", "🔒", "Private:"),
    "open": ("vis-open", "Open space", "#", "Open:"),
}


@register.simple_tag
def visibility_icon(visibility: str) -> SafeString:
    css, title, icon, spoken = VISIBILITY_ICONS.get(visibility, VISIBILITY_ICONS["open"])
    return format_html(
        '<span class="vis {}" title="{}"><span aria-hidden="true">{}</span>'
        '<span class="visually-hidden">{}</span></span>',
        css,
        title,
        icon,
        spoken,
    )


@register.simple_tag
def space_chip(space: Any) -> SafeString:
    return format_html(
        '<a class="space-chip" href="{}">{}<span>{}</span></a>',
        space.get_absolute_url(),
        visibility_icon(space.visibility),
        space.name,
    )


# Only the levels worth a label: new members and members keep cards calm.
LABELLED_LEVELS = {level: LEVEL_CSS[level] for level in (Level.CONTRIBUTOR, Level.LEADER)}


@register.simple_tag
def level_label(person: Any) -> SafeString:
    """A small "Contributor" or "Leader" label, drawn only when the person's standing was
    joined into the query that fetched them (``select_related("standing")``): the tag
    never queries, so a list of a hundred people costs nothing more."""
    standing = person._state.fields_cache.get("standing")
    css = LABELLED_LEVELS.get(standing.level) if standing is not None else None
    if css is None:
        return SafeString("")
    return format_html('<span class="level-label {}">{}</span>', css, Level(standing.level).label)


@register.simple_tag
def person_chip(person: Any, size: str = "md", badge: str = "") -> SafeString:
    """Avatar, name (with a level label when known, and an optional ``badge`` such as
    "You"), job title and department, linked to the profile."""
    department = person.department.name if person.department_id else ""
    meta = " · ".join(part for part in (person.job_title, department) if part)
    return format_html(
        '<a class="person-chip" href="{}">{}<span class="person-chip-text">'
        '<span class="person-line"><span class="person-name">{}</span>{}{}</span>{}</span></a>',
        person.get_absolute_url(),
        avatar(person, size),
        person.display_name,
        level_label(person),
        format_html('<span class="badge">{}</span>', badge) if badge else "",
        format_html('<span class="person-meta">{}</span>', meta) if meta else "",
    )


@register.filter
def urlfor(name: str, arg: object) -> str:
    """``{{ "posts:react"|urlfor:post.pk }}``: a cached single-argument ``{% url %}``."""
    return link(name, arg)
