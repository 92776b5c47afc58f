"""Typed access to site settings: every policy knob, its type, default and meaning.

A value an administrator saved in the admin (``SiteSetting``) wins over the default here.
Reads go to the database each time they are asked for (one small query for all keys), so
an edit takes effect at once, with no restart and no cache to invalidate.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from agora.core.models import SiteSetting


@dataclass(frozen=True)
class Knob:
    kind: type
    default: Any
    help: str


KNOBS: dict[str, Knob] = {
    # Reputation (defaults from Stack Overflow for Teams, see REFERENCE.md).
    "reputation.thumbs_up_points": Knob(int, 10, "Points for a thumbs-up on a post or answer."),
    "reputation.cross_department_factor": Knob(
        float, 1.5, "A thumbs-up from another department is worth this many times more (1 = same)."
    ),
    "reputation.accepted_answer_points": Knob(
        int, 15, "Points for the author of an accepted answer."
    ),
    "reputation.accepting_points": Knob(
        int, 2, "Points for accepting an answer to one's question."
    ),
    "reputation.official_answer_points": Knob(int, 10, "Points when an answer is marked official."),
    "reputation.daily_vote_cap": Knob(
        int,
        200,
        "Most points a person can earn from thumbs-up in one day (accepts are not capped).",
    ),
    # Levels, measured over a rolling window.
    "levels.window_days": Knob(int, 90, "Days of activity that count towards a level."),
    "levels.grace_days": Knob(int, 14, "Days below a level's requirements before losing it."),
    "levels.member_reputation": Knob(int, 10, "Reputation in the window to become a member."),
    "levels.member_contributions": Knob(
        int, 3, "Posts, answers and comments in the window to become a member."
    ),
    "levels.contributor_reputation": Knob(int, 100, "Reputation in the window for contributor."),
    "levels.contributor_contributions": Knob(
        int, 10, "Contributions in the window for contributor."
    ),
    "levels.leader_reputation": Knob(int, 400, "Reputation in the window for leader."),
    "levels.leader_contributions": Knob(int, 25, "Contributions in the window for leader."),
    "levels.leader_accepted_answers": Knob(int, 3, "Accepted answers in the window for leader."),
    # Questions.
    "questions.experts_invited": Knob(int, 5, "How many experts are asked to answer a question."),
    "badges.cross_department_helps": Knob(
        int, 10, "Thumbs-up and accepted answers from other departments for the bridge badge."
    ),
    # Notifications (Discourse's limit, see REFERENCE.md).
    "email.daily_cap": Knob(
        int,
        100,
        "Most notification emails one person gets in 24 hours; the rest stay in the app "
        "and the digest.",
    ),
    # Media (Discourse's grace period, see REFERENCE.md). The upload rules themselves are
    # the Upload policy, edited on its own admin page.
    "media.orphan_grace_hours": Knob(
        int,
        48,
        "Hours an uploaded file that no post, comment or profile uses is kept before the "
        "hourly sweep deletes it (at least 1).",
    ),
}


class UnknownSetting(KeyError):
    pass


def coerce(key: str, value: Any) -> Any:
    """``value`` as the knob's type, or ``ValueError`` with a message for the admin form.

    Whole numbers must be whole (``2.5`` is refused, not cut to 2), true/false is not a
    number, and no knob may be negative.
    """
    knob = KNOBS.get(key)
    if knob is None:
        raise UnknownSetting(key)
    if knob.kind is bool:
        if isinstance(value, bool):
            return value
        raise ValueError(f"{key} must be true or false.")
    if isinstance(value, bool):
        raise ValueError(f"{key} must be a number, not true or false.")
    if isinstance(value, str):
        value = value.strip()
    try:
        converted = float(value) if knob.kind is float else _whole(value)
    except (TypeError, ValueError, OverflowError):
        kind = "whole number" if knob.kind is int else "number"
        raise ValueError(f"{key} must be a {kind}.") from None
    if not math.isfinite(converted):
        raise ValueError(f"{key} must be a finite number.")
    if converted < 0:
        raise ValueError(f"{key} cannot be negative.")
    return converted


def _whole(value: Any) -> int:
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(value)
        return int(value)
    return int(value)


def current() -> dict[str, Any]:
    """Every knob's value now: saved settings over defaults (one query)."""
    values = {key: knob.default for key, knob in KNOBS.items()}
    for key, value in SiteSetting.objects.filter(key__in=KNOBS).values_list("key", "value"):
        try:
            values[key] = coerce(key, value)
        except ValueError:
            continue  # a value that no longer fits its knob falls back to the default
    return values


def get(key: str) -> Any:
    return current()[key]
