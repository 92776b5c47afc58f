"""Levels, promoted automatically from activity and reputation over a rolling window.

A person reaches a level when, over the last ``levels.window_days`` days, they earned its
reputation and made its number of contributions (posts, answers, comments; leaders also
need accepted answers), and met every level below it. They keep a level while they stay
above 90% of its requirements; below that, a grace period of ``levels.grace_days``
starts, after which they drop to the highest level they still keep. Thresholds are site
settings, read once per evaluation.

This module holds the rules and the reads (requirements, activity, progress); deciding
and recording a person's level is ``reputation.actions.levels.evaluate_level``, which runs
after the actions that change a person's activity (answering, having an answer accepted)
and for everyone once a day (``agora update_levels``), so a grace period ends even for
someone who stopped contributing altogether.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Count, Q, Sum
from django.utils import timezone

from agora.core import policy
from agora.people.models import Level, Standing, User
from agora.people.privileges import PRIVILEGE_TEXT, PRIVILEGES, standing_of
from agora.posts.models import Comment, Post
from agora.reputation.models import EventKind, ReputationEvent

KEEP_FRACTION = 0.9
IDS_PER_QUERY = 500  # ids per ``IN (...)``, well within every database's limits


@dataclass(frozen=True)
class Requirement:
    reputation: int
    contributions: int
    accepted: int = 0


@dataclass(frozen=True)
class Activity:
    reputation: int
    contributions: int
    accepted: int

    def meets(self, need: Requirement, fraction: float = 1.0) -> bool:
        return (
            self.reputation >= need.reputation * fraction
            and self.contributions >= need.contributions * fraction
            and self.accepted >= need.accepted * fraction
        )


def requirements(knobs: dict[str, Any] | None = None) -> dict[Level, Requirement]:
    k = knobs or policy.current()
    return {
        Level.NEW: Requirement(0, 0),
        Level.MEMBER: Requirement(k["levels.member_reputation"], k["levels.member_contributions"]),
        Level.CONTRIBUTOR: Requirement(
            k["levels.contributor_reputation"], k["levels.contributor_contributions"]
        ),
        Level.LEADER: Requirement(
            k["levels.leader_reputation"],
            k["levels.leader_contributions"],
            k["levels.leader_accepted_answers"],
        ),
    }


def activity(
    user: User, now: datetime | None = None, *, window_days: int | None = None
) -> Activity:
    """What ``user`` did in the rolling window ending ``now``."""
    now = now or timezone.now()
    days = window_days if window_days is not None else policy.get("levels.window_days")
    return activity_of([user.pk], now, window_days=days)[user.pk]


def activity_of(user_ids: Sequence[int], now: datetime, *, window_days: int) -> dict[int, Activity]:
    """What each person did in the rolling window ending ``now``: three queries for one
    person or for hundreds (a bulk import's levels are read like one person's).

    Reputation counts credit that still stands (a withdrawn acceptance counts neither its
    grant nor its reversal), dated when it was earned.
    """
    since = now - timedelta(days=window_days)
    points: dict[int, int] = {}
    accepted: dict[int, int] = {}
    contributions: dict[int, int] = {}
    for start in range(0, len(user_ids), IDS_PER_QUERY):
        ids = list(user_ids[start : start + IDS_PER_QUERY])
        ledger = (
            ReputationEvent.objects.standing()
            .filter(user_id__in=ids, created_at__gt=since, created_at__lte=now)
            .values("user")
            .annotate(points=Sum("points"), accepted=Count("id", filter=Q(kind=EventKind.ACCEPTED)))
            .order_by()
        )
        for row in ledger:
            points[row["user"]] = row["points"] or 0
            accepted[row["user"]] = row["accepted"]
        window = {"created_at__gt": since, "created_at__lte": now, "deleted_at__isnull": True}
        # Posts, questions and answers (all posts), and comments.
        for model in (Post, Comment):
            made = (
                model.objects.filter(author_id__in=ids, **window)
                .values("author")
                .annotate(made=Count("id"))
                .order_by()
            )
            for row in made:
                contributions[row["author"]] = contributions.get(row["author"], 0) + row["made"]
    return {
        uid: Activity(points.get(uid, 0), contributions.get(uid, 0), accepted.get(uid, 0))
        for uid in user_ids
    }


def earned_level(done: Activity, needs: dict[Level, Requirement], fraction: float = 1.0) -> Level:
    """The highest level whose requirements, and those of every level below, are met."""
    reached = Level.NEW
    for level in sorted(Level):
        if not done.meets(needs[level], fraction):
            break
        reached = level
    return reached


@dataclass(frozen=True)
class Step:
    label: str
    have: int
    need: int

    @property
    def done(self) -> bool:
        return self.have >= self.need

    @property
    def percent(self) -> int:
        return 100 if self.need <= 0 else max(0, min(100, round(100 * self.have / self.need)))


@dataclass(frozen=True)
class Progress:
    """The "how to reach the next level" panel, and what keeps the current one."""

    level: Level
    next_level: Level | None
    steps: list[Step]
    grace_ends: datetime | None
    keep_steps: list[Step]
    window_days: int
    # What the next level unlocks (for a leader: what they hold), in words.
    unlocks: str


def _steps(done: Activity, need: Requirement, window: int, fraction: float = 1.0) -> list[Step]:
    def amount(value: int) -> int:
        return math.ceil(value * fraction)  # 90% of 25 is 22.5, so 23

    steps = [
        Step(
            f"Reputation earned in the last {window} days", done.reputation, amount(need.reputation)
        ),
        Step(
            f"Posts, answers and comments in the last {window} days",
            done.contributions,
            amount(need.contributions),
        ),
    ]
    if need.accepted:
        steps.append(
            Step(
                f"Accepted answers in the last {window} days", done.accepted, amount(need.accepted)
            )
        )
    return steps


def progress(
    user: User, now: datetime | None = None, *, standing: Standing | None = None
) -> Progress:
    """Each requirement of the next level, had and needed; and, during a grace period,
    what keeps the current level and when the grace ends. Pass ``standing`` when it was
    fetched already."""
    now = now or timezone.now()
    knobs = policy.current()
    window = knobs["levels.window_days"]
    standing = standing or standing_of(user)
    level = Level(standing.level)
    needs = requirements(knobs)
    done = activity(user, now, window_days=window)
    grace_ends = None
    keep_steps: list[Step] = []
    if standing.below_since is not None:
        grace_ends = standing.below_since + timedelta(days=knobs["levels.grace_days"])
        keep_steps = _steps(done, needs[level], window, KEEP_FRACTION)
    if level == Level.LEADER:
        return Progress(level, None, [], grace_ends, keep_steps, window, _unlocks(level))
    target = Level(level + 1)
    steps = _steps(done, needs[target], window)
    return Progress(level, target, steps, grace_ends, keep_steps, window, _unlocks(target))


def _unlocks(level: Level) -> str:
    names = [PRIVILEGE_TEXT[p] for p, needed in PRIVILEGES.items() if needed == level]
    if len(names) > 1:
        return f"{', '.join(names[:-1])} and {names[-1]}"
    return "".join(names)
