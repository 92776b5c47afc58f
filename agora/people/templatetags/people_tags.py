"""The home page's nudge to complete one's profile."""

from __future__ import annotations

from typing import Any

from django import template

from agora.people.models import User
from agora.people.queries import missing_from_profile

register = template.Library()


def _and(parts: list[str]) -> str:
    """The parts as a phrase: "a photo, your department and your skills"."""
    return f"{', '.join(parts[:-1])} and {parts[-1]}" if len(parts) > 1 else "".join(parts)


@register.inclusion_tag("people/_profile_nudge.html")
def profile_nudge(person: User) -> dict[str, Any]:
    """A card asking ``person`` to add what their profile lacks; nothing once it is complete."""
    return {"person": person, "missing": _and(missing_from_profile(person))}
