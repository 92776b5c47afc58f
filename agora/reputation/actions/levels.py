"""Deciding and recording levels: promotions, grace periods and demotions, each
announced in the event log. The rules (requirements, the rolling window's activity, the
90% that keeps a level) are ``reputation.levels``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from agora.core import events, policy
from agora.people.models import Level, Standing, User
from agora.reputation.events import DROPPED, GRACE, PROMOTED, LevelChanged
from agora.reputation.levels import (
    KEEP_FRACTION,
    activity,
    activity_of,
    earned_level,
    requirements,
)


def evaluate_level(user: User, now: datetime | None = None) -> Standing:
    """Promote, start or end a grace period, or demote, as of ``now``.

    The standing row is locked, so two evaluations at once (an answer and the daily job)
    make one decision and send one notification.
    """
    now = now or timezone.now()
    knobs = policy.current()
    needs = requirements(knobs)
    done = activity(user, now, window_days=knobs["levels.window_days"])
    grace = timedelta(days=knobs["levels.grace_days"])
    with transaction.atomic():
        Standing.objects.get_or_create(user=user, defaults={"since": now})
        standing = Standing.objects.select_for_update().get(user=user)
        current = Level(standing.level)
        earned = earned_level(done, needs)
        if earned > current:
            _set(standing, level=earned, since=now, below_since=None)
            events.emit(LevelChanged(user.pk, earned, PROMOTED, now))
        elif earned == current or done.meets(needs[current], KEEP_FRACTION):
            # At the level, or below it but within 90% of its requirements: keep it.
            if standing.below_since is not None:
                _set(standing, below_since=None)
        else:
            below_since = standing.below_since
            if below_since is None:
                below_since = now
                _set(standing, below_since=now)
                if grace:
                    events.emit(LevelChanged(user.pk, current, GRACE, now, until=now + grace))
            if now - below_since >= grace:
                # A leader usually still is a contributor: drop to the highest level they
                # keep at 90% (below the current one, which they do not keep).
                kept = earned_level(done, needs, KEEP_FRACTION)
                _set(standing, level=kept, since=now, below_since=None)
                events.emit(LevelChanged(user.pk, kept, DROPPED, now))
    return standing


def start_levels(user_ids: Sequence[int], now: datetime) -> None:
    """Give people who have no standing yet (a bulk import's) the level their activity up
    to ``now`` earns, as ``evaluate_level`` would promote them then, without announcing it:
    nobody was there to read it. Reads everyone's activity at once."""
    knobs = policy.current()
    done = activity_of(user_ids, now, window_days=knobs["levels.window_days"])
    needs = requirements(knobs)
    Standing.objects.bulk_create(
        [
            Standing(user_id=uid, level=earned_level(done[uid], needs), since=now)
            for uid in user_ids
        ],
        batch_size=2_000,
        ignore_conflicts=True,  # someone evaluated meanwhile keeps that standing
    )


def _set(standing: Standing, **fields: Any) -> None:
    for name, value in fields.items():
        setattr(standing, name, value)
    standing.save(update_fields=list(fields))


def evaluate_everyone() -> dict[str, int]:
    """Evaluate every active person's level now; counts of what happened.

    Actions evaluate the people they affect, but only this notices that someone stopped
    contributing, so grace periods end and demotions happen on time: the worker runs it
    daily (``reputation.tasks.update_levels``), and ``agora update_levels`` by hand.
    """
    before = dict(Standing.objects.values_list("user_id", "level"))
    outcome: Counter[str] = Counter()
    people = User.objects.filter(is_active=True).only("pk", "department_id").order_by("pk")
    for person in people.iterator(chunk_size=500):
        standing = evaluate_level(person)
        was = before.get(person.pk, 0)
        if standing.level > was:
            outcome["promoted"] += 1
        elif standing.level < was:
            outcome["demoted"] += 1
        if standing.below_since is not None:
            outcome["in a grace period"] += 1
        outcome["people"] += 1
    return dict(outcome)
