"""Spaces drawn on cards: the visibility icon and the space chip."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from agora.core.icons import icon_html

register = template.Library()

# CSS class, tooltip, Lucide icon, and what a screen reader says before the space's name.
VISIBILITY_ICONS = {
    "secret": ("vis-secret", "Secret space", "eye-off", "Secret:"),
    "private": ("vis-private", "Private space", "lock", "Private:"),
    "open": ("vis-open", "Open space", "hash", "Open:"),
}


@register.simple_tag
def visibility_icon(visibility: str) -> SafeString:
    css, title, icon, spoken = VISIBILITY_ICONS.get(visibility, VISIBILITY_ICONS["open"])
    return format_html(
        '<span class="vis {}" title="{}">{}<span class="visually-hidden">{}</span></span>',
        css,
        title,
        icon_html(icon),
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
