"""The reaction bar: one form, one button per kind, drawn the same in pages and fragments."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from agora.core.templatetags.agora import abbrev
from agora.posts.models import REACTION_EMOJI, ReactionKind

register = template.Library()


def reaction_bar_html(target: Any, mine: set[str], url: str, csrf_token: str) -> SafeString:
    """Buttons say the state they would set (``set=thumbs_up:1``), so repeats are harmless."""
    buttons = []
    for kind in ReactionKind:
        count = int(getattr(target, f"{kind.value}_count", 0))
        pressed = kind.value in mine
        spoken = f"{kind.label}{f', {count}' if count else ''}{' (yours)' if pressed else ''}"
        buttons.append(
            (
                "reaction reaction-mine" if pressed else "reaction",
                f"{kind.value}:{0 if pressed else 1}",
                "true" if pressed else "false",
                kind.label,
                kind.value,
                REACTION_EMOJI[kind],
                format_html('<span class="reaction-count">{}</span>', abbrev(count))
                if count
                else "",
                spoken,
            )
        )
    return format_html(
        '<form class="reactions" method="post" action="{}" hx-post="{}" hx-target="this" '
        'hx-swap="outerHTML" role="group" aria-label="Reactions">'
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">{}</form>',
        url,
        url,
        csrf_token,
        format_html_join(
            "",
            '<button type="submit" class="{}" name="set" value="{}" aria-pressed="{}" '
            'title="{}" data-kind="{}"><span aria-hidden="true">{}</span>{}'
            '<span class="visually-hidden">{}</span></button>',
            buttons,
        ),
    )


@register.simple_tag(takes_context=True)
def reaction_bar(context: dict[str, Any], target: Any, mine: set[str], url: str) -> SafeString:
    return reaction_bar_html(target, mine, url, str(context.get("csrf_token", "")))
