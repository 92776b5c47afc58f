"""The reaction bar, drawn the same way in full pages and in htmx fragments."""

from __future__ import annotations

from typing import Any

from django import template

from agora.posts.models import REACTION_EMOJI, ReactionKind

register = template.Library()


def reaction_items(target: Any, mine: set[str]) -> list[dict[str, Any]]:
    return [
        {
            "kind": kind.value,
            "label": kind.label,
            "emoji": REACTION_EMOJI[kind],
            "count": int(getattr(target, f"{kind.value}_count", 0)),
            "mine": kind.value in mine,
        }
        for kind in ReactionKind
    ]


@register.inclusion_tag("components/_reactions.html", takes_context=True)
def reaction_bar(context: dict[str, Any], target: Any, mine: set[str], url: str) -> dict[str, Any]:
    return {
        "target": target,
        "items": reaction_items(target, mine),
        "url": url,
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
    }
