"""The reputation rules, written once: what a credit is worth, how the daily cap takes from
it, what an acceptance grants, how an event moves the running totals, and when a badge is
due. Functions of numbers and site settings (``knobs``, ``core.policy.current()``), with no
database access, so the live actions (one credit at a time, under row locks:
``actions.ledger``, ``actions.badges``) and the bulk path (``actions.batch.record_many``,
which ``agora seed`` calls) apply exactly the same rules. Levels' rules are in ``levels``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.utils import timezone

from agora.reputation.models import EventKind

Knobs = Mapping[str, Any]


# Thumbs-up ---------------------------------------------------------------------------


def earns(giver_id: int, author_id: int) -> bool:
    """Whether a thumbs-up earns its author anything: one's own never does."""
    return giver_id != author_id


def crosses(department_id: int | None, other_id: int | None) -> bool:
    """Whether two people work in different departments (someone without one crosses
    nothing)."""
    return bool(department_id and other_id and department_id != other_id)


def thumbs_up_worth(cross: bool, knobs: Knobs) -> int:
    """What a thumbs-up is worth before the daily cap: more from another department."""
    base = int(knobs["reputation.thumbs_up_points"])
    if cross:
        base = math.floor(base * float(knobs["reputation.cross_department_factor"]) + 0.5)
    return base


def day_of(when: datetime) -> date:
    """The day whose allowance a credit earned at ``when`` takes from (the site's time zone)."""
    return timezone.localdate(when)


def within_cap(points: int, used: int, knobs: Knobs) -> int:
    """What a thumbs-up worth ``points`` earns when ``used`` points of the author's allowance
    for the day are gone (accepted answers are not capped)."""
    return max(0, min(points, int(knobs["reputation.daily_vote_cap"]) - used))


class Allowances:
    """The daily cap met over many thumbs-up in time order: what each person has used of
    each day's allowance, starting from what was used already (``used``, per (person, day))."""

    def __init__(self, knobs: Knobs, used: Mapping[tuple[int, date], int]) -> None:
        self.knobs = knobs
        self.used = dict(used)
        self.taken: set[tuple[int, date]] = set()  # the allowances this one took from

    def take(self, user_id: int, when: datetime, points: int) -> int:
        """Up to ``points`` from the person's allowance for the day of ``when``."""
        if points <= 0:
            return 0
        key = (user_id, day_of(when))
        used = self.used.get(key, 0)
        granted = within_cap(points, used, self.knobs)
        self.used[key] = used + granted
        self.taken.add(key)
        return granted


# Accepted answers and official marks --------------------------------------------------


@dataclass(frozen=True, slots=True)
class Grant:
    """One ledger event an acceptance earns someone."""

    user_id: int
    kind: EventKind
    points: int
    cross: bool
    # Whether it counts in the question's tags: thanking the answerer is reputation, not
    # expertise in the topic.
    tagged: bool


def acceptance_grants(
    *, answerer_id: int, accepter_id: int, asker_id: int, cross: bool, knobs: Knobs
) -> list[Grant]:
    """What accepting an answer earns: its author the accepted points and, when the asker
    accepted it, the asker a few. Accepting one's own answer earns nothing; a moderator
    accepting on the asker's behalf earns nothing either (the points thank the asker for
    closing the loop)."""
    if answerer_id == accepter_id:
        return []
    grants = [
        Grant(
            answerer_id,
            EventKind.ACCEPTED,
            int(knobs["reputation.accepted_answer_points"]),
            cross,
            tagged=True,
        )
    ]
    if accepter_id == asker_id:
        grants.append(
            Grant(
                accepter_id,
                EventKind.ACCEPTING,
                int(knobs["reputation.accepting_points"]),
                False,
                tagged=False,
            )
        )
    return grants


def official_points(knobs: Knobs) -> int:
    """What an answer marked official earns its author."""
    return int(knobs["reputation.official_answer_points"])


# Running totals -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Totals:
    """Points, thumbs-up and accepted answers: a person's, or a person's in one space."""

    total: int = 0
    thumbs_up: int = 0
    accepted: int = 0

    def __add__(self, other: Totals) -> Totals:
        return Totals(
            self.total + other.total,
            self.thumbs_up + other.thumbs_up,
            self.accepted + other.accepted,
        )

    def __neg__(self) -> Totals:
        return Totals(-self.total, -self.thumbs_up, -self.accepted)


ZERO = Totals()


def moves(kind: str, points: int) -> Totals:
    """How an event of ``kind`` worth ``points`` moves its person's totals: every thumbs-up
    counts (capped at zero points too), and an accepted answer until its reversal takes
    it back. A person's tag totals move by ``points`` in each of the event's tags."""
    if kind == EventKind.THUMBS_UP:
        return Totals(points, 1, 0)
    if kind == EventKind.ACCEPTED:
        return Totals(points, 0, 1)
    if kind == EventKind.UNACCEPTED:
        return Totals(points, 0, -1)
    return Totals(points)


# Badges -------------------------------------------------------------------------------

FIRST_QUESTION, FIRST_ANSWER, FIRST_ACCEPTED = "first_question", "first_answer", "first_accepted"
BRIDGE = "bridge_builder"
THUMBS_UP_BADGES = ((50, "great_post"), (25, "good_post"), (10, "nice_post"))
# What builds a bridge: thumbs-up and accepted answers from other departments.
HELP_KINDS = (EventKind.THUMBS_UP, EventKind.ACCEPTED)


def thumbs_up_badges(received: int) -> list[str]:
    """The thumbs-up badges a post or answer with ``received`` thumbs-up has earned its
    author (each colleague counted once, never the author; a taken-back thumbs-up still
    counts, like the credit it earned)."""
    return [code for threshold, code in THUMBS_UP_BADGES if received >= threshold]


def helps(kind: str, cross: bool) -> bool:
    """Whether an event counts towards the bridge badge."""
    return cross and kind in HELP_KINDS


def bridge_helps(knobs: Knobs) -> int:
    """How many helps across departments build the bridge."""
    return int(knobs["badges.cross_department_helps"])


def bridge_built(helped: int, knobs: Knobs) -> bool:
    """Whether ``helped`` standing helps across departments earn the bridge badge
    (withdrawn ones do not count: accepting and withdrawing ten times builds nothing)."""
    return helped >= bridge_helps(knobs)
