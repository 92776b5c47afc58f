"""People drawn on every card (avatars, person chips and level labels), and the home
page's nudge to complete one's profile.

The card components are tags rather than {% include %}d templates because a feed page
draws them hundreds of times, and a Python function is several times cheaper than an
include.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.core.cache import caches
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import SafeString

from agora.core.caching import RELEASE
from agora.core.links import link
from agora.people.models import LEVEL_CSS, Level, User
from agora.people.queries import missing_from_profile

register = template.Library()

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


def _and(parts: list[str]) -> str:
    """The parts as a phrase: "a photo, your department and your skills"."""
    return f"{', '.join(parts[:-1])} and {parts[-1]}" if len(parts) > 1 else "".join(parts)


@register.simple_tag
def profile_nudge(person: User) -> SafeString:
    """A card asking ``person`` to add what their profile lacks; nothing once it is complete.

    Kept in the ``fragments`` cache under the person's ``profile_version``, which every
    action that changes a profile bumps: the home page's side column costs no query."""
    key = f"nudge:{RELEASE}:{person.pk}:{person.profile_version}"
    cache = caches["fragments"]
    html: str | None = cache.get(key)
    if html is None:
        context = {"person": person, "missing": _and(missing_from_profile(person))}
        html = render_to_string("people/_profile_nudge.html", context)
        cache.set(key, html)
    return SafeString(html)
