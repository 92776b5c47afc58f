"""When things happen in the demo company: months of history, busier lately, in office hours.

``Calendar`` decides moments: the days posts fall on (weekdays mostly, more of them as the
company got used to Agora), the hours each person works (displayed times are UTC, so a
New York colleague posts in the UTC afternoon and a Singapore one in the UTC morning,
never at night), and how long others take to answer or react. ``Timeline`` runs what
was planned in time order, so every credit, badge, notification and level is decided
with the history before it already written, as it would have been live.
"""

from __future__ import annotations

import heapq
import itertools
import math
import random
from collections.abc import Callable
from datetime import datetime, timedelta

HISTORY_DAYS = 150  # Agora went live this many days before the demo is built

# The UTC hours in which people in each place write, with how busy each hour is.
EUROPE = (range(7, 19), (1, 3, 5, 6, 5, 3, 4, 5, 5, 4, 3, 2))
HOURS: dict[str, tuple[range, tuple[int, ...]]] = {
    "London": EUROPE,
    "Lisbon": EUROPE,
    "Berlin": EUROPE,
    "Remote": EUROPE,
    "New York": (range(13, 21), (2, 4, 5, 5, 4, 4, 3, 2)),  # 9:00 to 17:00 in New York
    "Singapore": (range(7, 11), (4, 5, 4, 3)),  # the Singapore afternoon
}
WEEKEND_SHARE = 0.08  # how much of a weekday's activity a weekend day sees


class Calendar:
    """The moments of the demo's history, drawn from one random generator."""

    def __init__(self, rng: random.Random, now: datetime) -> None:
        self.rng = rng
        self.now = now
        self.days = HISTORY_DAYS
        self.start = now - timedelta(days=HISTORY_DAYS)

    def ago(self, days: float) -> datetime:
        return self.now - timedelta(days=days)

    def day(self, since: datetime, until: datetime | None = None) -> datetime:
        """A working day (its midnight) between ``since`` and ``until`` (now), more often
        recent ones: the company posts twice as much now as when Agora was new."""
        until = until or self.now
        first = since.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
        last = until.replace(hour=0, minute=0, second=0, microsecond=0)
        if until.hour < 10:  # nobody has posted yet today
            last -= timedelta(days=1)
        span = max(0, (last - first).days)
        while True:
            # Density rising linearly from 1 to 2 over the span: the inverse of its CDF.
            share = math.sqrt(1 + 3 * self.rng.random()) - 1
            day = first + timedelta(days=round(share * span))
            if day.weekday() < 5 or self.rng.random() < WEEKEND_SHARE:
                return day

    def days_ago(self, days: float, jitter: float = 1.5) -> datetime:
        """A working day (its midnight) about ``days`` ago, give or take ``jitter`` days
        (a weekend day is drawn again), never one whose working hours are still to come."""
        today = self.now.replace(hour=0, minute=0, second=0, microsecond=0)
        for attempt in range(50):
            spread = jitter + attempt * 0.25  # widened until a working day comes up
            when = self.ago(days + self.rng.uniform(-spread, spread))
            day = when.replace(hour=0, minute=0, second=0, microsecond=0)
            if day.weekday() < 5 and (day < today or self.now.hour >= 10):
                return day
        day = today - timedelta(days=1)
        while day.weekday() >= 5:
            day -= timedelta(days=1)
        return day

    def at_work(self, day: datetime, location: str) -> datetime:
        """A moment on ``day`` within the working hours of someone in ``location``, before
        now (today, an hour already past)."""
        hours, weights = HOURS.get(location, EUROPE)
        choices = [(h, w) for h, w in zip(hours, weights, strict=True)]
        if day.date() == self.now.date():
            choices = [(h, w) for h, w in choices if h < self.now.hour] or [(self.now.hour - 1, 1)]
        hour = self.rng.choices([h for h, _ in choices], weights=[w for _, w in choices])[0]
        moment = day.replace(
            hour=hour, minute=self.rng.randrange(60), second=self.rng.randrange(60)
        )
        return min(moment, self.now - timedelta(minutes=self.rng.randint(3, 40)))

    def working(self, location: str) -> bool:
        """Whether someone in ``location`` has been at work for a while today."""
        hours, _ = HOURS.get(location, EUROPE)
        return hours.start < self.now.hour

    def after(self, moment: datetime, location: str, minutes: float) -> datetime | None:
        """When someone in ``location`` answers something written at ``moment``: about
        ``minutes`` later in their working hours (a weekend mostly waits for Monday), or
        None if that is still in the future."""
        later = moment + timedelta(minutes=2 + self.rng.expovariate(1 / minutes))
        return self.settle(later, location)

    def surely_after(self, moment: datetime, location: str, minutes: float) -> datetime:
        """Like ``after``, for an answer the content says was given: if its working hours
        come only in the future, a moment between ``moment`` and now instead."""
        later = self.after(moment, location, minutes)
        if later is not None:
            return later
        return moment + (self.now - moment) * self.rng.uniform(0.2, 0.6)

    def reaction(self, moment: datetime, location: str) -> datetime | None:
        """When a reader in ``location`` reacts to what was written at ``moment``: mostly
        within hours, sometimes days later (catching up after time off)."""
        pick = self.rng.random()
        minutes = 90 if pick < 0.7 else 60 * 20 if pick < 0.95 else 60 * 24 * 6
        return self.after(moment, location, minutes)

    def settle(self, moment: datetime, location: str) -> datetime | None:
        """``moment``, or the start of the next working hours of ``location`` if it falls
        outside them; None if it is in the future."""
        hours, weights = HOURS.get(location, EUROPE)
        if moment.hour < hours.start or moment.hour >= hours.stop:
            day = moment if moment.hour < hours.start else moment + timedelta(days=1)
            moment = self._next_morning(day, hours, weights)
        if moment.weekday() >= 5 and self.rng.random() > WEEKEND_SHARE * 2:
            moment = self._next_morning(
                moment + timedelta(days=7 - moment.weekday()), hours, weights
            )
        return moment if moment < self.now else None

    def _next_morning(self, day: datetime, hours: range, weights: tuple[int, ...]) -> datetime:
        """Caught up with the next working day: first thing, or later in the day."""
        if self.rng.random() < 0.5:
            hour = hours.start + self.rng.randrange(2)
        else:
            hour = self.rng.choices(hours, weights=weights)[0]
        return day.replace(hour=hour, minute=self.rng.randrange(60), second=self.rng.randrange(60))


Happening = Callable[[datetime], object]


class Timeline:
    """What is planned to happen, run in time order; a happening may plan later ones.

    A happening is called with its moment (``partial`` binds the rest).
    """

    def __init__(self) -> None:
        self._queue: list[tuple[datetime, int, Happening]] = []
        self._order = itertools.count()
        self.clock: datetime | None = None

    def at(self, when: datetime | None, happening: Happening) -> None:
        """Plan ``happening`` at ``when``; None (a moment still in the future) drops it."""
        if when is None:
            return
        if self.clock is not None and when < self.clock:
            when = self.clock  # never before what already happened
        heapq.heappush(self._queue, (when, next(self._order), happening))

    def run(self) -> None:
        while self._queue:
            self.clock, _, happening = heapq.heappop(self._queue)
            happening(self.clock)
