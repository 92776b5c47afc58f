"""Levels, promoted automatically from activity and reputation over a rolling window.

A person reaches a level when, over the last ``levels.window_days`` days, they earned its
reputation and made its number of contributions (posts, answers, comments; leaders also
need accepted answers). They keep it while they stay above 90% of those requirements;
below that, a grace period of ``levels.grace_days`` starts, after which they drop to the
level they do meet. Thresholds are site settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Q, Sum
from django.utils import timezone

from agora.core import policy
from agora.notifications.actions import notify
from agora.notifications.models import NotificationKind
from agora.people.models import User
from agora.posts.models import Comment, Post
from agora.qa.models import Answer
from agora.reputation.models import EventKind, Level, ReputationEvent, Standing

KEEP_FRACTION = 0.9
# What each privilege needs (site moderators have them all).
PRIVILEGES = {
    "edit_tags": Level.LEADER,
    "mark_duplicate": Level.LEADER,
    "pin": Level.LEADER,
}


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


def requirements() -> dict[Level, Requirement]:
    k = policy.current()
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


def activity(user: User, now: datetime | None = None) -> Activity:
    """What ``user`` did in the rolling window ending ``now``."""
    now = now or timezone.now()
    since = now - timedelta(days=policy.get("levels.window_days"))
    ledger = ReputationEvent.objects.filter(user=user, created_at__gt=since, created_at__lte=now)
    sums = ledger.aggregate(
        points=Sum("points"),
        accepted=Count("id", filter=Q(kind=EventKind.ACCEPTED))
        - Count("id", filter=Q(kind=EventKind.UNACCEPTED)),
    )
    window = {"created_at__gt": since, "created_at__lte": now, "deleted_at__isnull": True}
    contributions = (
        Post.objects.filter(author=user, **window).count()
        + Answer.objects.filter(author=user, **window).count()
        + Comment.objects.filter(author=user, **window).count()
    )
    return Activity(sums["points"] or 0, contributions, sums["accepted"] or 0)


def standing_of(user: User) -> Standing:
    return Standing.objects.get_or_create(user=user)[0]


def evaluate(user: User, now: datetime | None = None) -> Standing:
    """Promote, start or end a grace period, or demote, as of ``now``."""
    now = now or timezone.now()
    standing = standing_of(user)
    needs = requirements()
    done = activity(user, now)
    earned = max(level for level in Level if done.meets(needs[level]))
    if earned > standing.level:
        standing.level, standing.since, standing.below_since = earned, now, None
        standing.save(update_fields=["level", "since", "below_since"])
        notify([user.pk], NotificationKind.LEVEL, text=f"You are now a {Level(earned).label}.")
    elif earned < standing.level:
        if done.meets(needs[Level(standing.level)], KEEP_FRACTION):
            if standing.below_since is not None:
                standing.below_since = None
                standing.save(update_fields=["below_since"])
        elif standing.below_since is None:
            standing.below_since = now
            standing.save(update_fields=["below_since"])
        elif now - standing.below_since >= timedelta(days=policy.get("levels.grace_days")):
            standing.level, standing.since, standing.below_since = earned, now, None
            standing.save(update_fields=["level", "since", "below_since"])
    elif standing.below_since is not None:
        standing.below_since = None
        standing.save(update_fields=["below_since"])
    return standing


@dataclass(frozen=True)
class Step:
    label: str
    have: int
    need: int

    @property
    def percent(self) -> int:
        return 100 if self.need <= 0 else min(100, round(100 * self.have / self.need))


@dataclass(frozen=True)
class Progress:
    level: Level
    next_level: Level | None
    steps: list[Step]
    grace_ends: datetime | None


def progress(user: User, now: datetime | None = None) -> Progress:
    """The "how to reach the next level" panel: each requirement, had and needed."""
    now = now or timezone.now()
    standing = standing_of(user)
    level = Level(standing.level)
    grace_ends = (
        standing.below_since + timedelta(days=policy.get("levels.grace_days"))
        if standing.below_since
        else None
    )
    if level == Level.LEADER:
        return Progress(level, None, [], grace_ends)
    target = Level(level + 1)
    need = requirements()[target]
    done = activity(user, now)
    window = policy.get("levels.window_days")
    steps = [
        Step(f"Reputation earned in the last {window} days", done.reputation, need.reputation),
        Step(
            f"Posts, answers and comments in the last {window} days",
            done.contributions,
            need.contributions,
        ),
    ]
    if need.accepted:
        steps.append(Step("Accepted answers", done.accepted, need.accepted))
    return Progress(level, target, steps, grace_ends)


def has_privilege(user: User, privilege: str) -> bool:
    """Whether ``user`` holds ``privilege`` (checked on the server for every use)."""
    if user.is_moderator or user.is_staff:
        return True
    return standing_of(user).level >= PRIVILEGES[privilege]
