"""``agora seed``'s reputation: the ledger its thumbs-up and accepted answers earn, with the
totals, badges and levels that follow from it.

The rules are the live ones, applied in memory: ``reputation.actions.thumbs_up_points``
(more from another department) under the daily cap ``_capped`` takes, the grants of
``on_accepted``, the badges of ``reputation.badges`` and the levels of
``reputation.levels`` as of the anchor. The cap depends on order, so credits are taken in
the order of their times, as the live code would have met them. Chunks of posts overlap in
time (a post's reactions come up to a day after it), so each chunk writes only the credits
earned before the earliest moment the next chunk can reach (its *horizon*) and keeps the
rest for the next one.

Totals (``Reputation``, ``TagReputation``, ``CreditTotal``) are written with each chunk for
the people it credited, so after every chunk they equal the sums of the ledger written so
far.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.utils import timezone

from agora.demo.seed.people import BATCH, People
from agora.people.models import Standing, User
from agora.reputation import levels
from agora.reputation.actions import thumbs_up_points
from agora.reputation.models import (
    BadgeAward,
    CreditTotal,
    EventKind,
    Reputation,
    ReputationEvent,
    TagReputation,
)
from agora.reputation.rules import THUMBS_UP_BADGES

EventTag = ReputationEvent.tags.through


@dataclass(slots=True)
class Credit:
    """Something that earns reputation, waiting for its turn (and, for a thumbs-up, the
    daily cap) to know its points."""

    when: datetime
    order: int  # ties at the same moment keep the order the credits were generated in
    kind: str  # EventKind.THUMBS_UP or EventKind.ACCEPTED (which also credits the asker)
    user: int  # person number: whose post or answer it is
    actor: int
    post_id: int
    space_key: int  # the post's space, 0 for company-wide
    answer_id: int | None
    tag_ids: Sequence[int]


class Ledger:
    """Takes credits in any order within a chunk, writes them in time order."""

    def __init__(
        self, people: People, *, first_event_id: int, anchor: datetime, knobs: dict[str, Any]
    ) -> None:
        self.people = people
        self.next_event_id = first_event_id
        self.anchor = anchor
        # The live rule, asked once for each case: seeded people all have a department.
        same, other = User(department_id=1), User(department_id=2)
        self.same_points = thumbs_up_points(same, same, knobs)
        self.cross_points = thumbs_up_points(same, other, knobs)
        self.cap = int(knobs["reputation.daily_vote_cap"])
        self.accepted_points = int(knobs["reputation.accepted_answer_points"])
        self.accepting_points = int(knobs["reputation.accepting_points"])
        self.bridge_helps = int(knobs["badges.cross_department_helps"])
        self.needs = levels.requirements(knobs)
        self.window_start = anchor - timedelta(days=int(knobs["levels.window_days"]))
        self.pending: list[Credit] = []
        self.order = 0
        self.tally: dict[tuple[date, int], int] = {}  # (day, person): thumbs-up points
        count = len(people.handles)
        # Running totals per person: total, thumbs-up, accepted answers; per person and
        # tag; and per person and space (``CreditTotal``: (person, space key)).
        self.totals: dict[int, list[int]] = {}
        self.tag_totals: dict[tuple[int, int], int] = {}
        self.credit: dict[tuple[int, int], list[int]] = {}
        self.touched: set[int] = set()
        self.touched_tags: set[tuple[int, int]] = set()
        self.touched_credit: set[tuple[int, int]] = set()
        # For levels (activity in the window before the anchor) and badges.
        self.window_points = [0] * count
        self.window_accepted = [0] * count
        self.contributions = [0] * count
        self.helps = [0] * count  # cross-department thumbs-up and accepted answers
        self.badges: dict[tuple[int, str], tuple[datetime, int | None]] = {}
        # This chunk's thumbs-up times per (author, post, answer), for the badges.
        self.thumbs_on: dict[tuple[int, int, int | None], list[datetime]] = defaultdict(list)
        self.written = {"events": 0, "badges": 0}

    # Collecting ------------------------------------------------------------------------

    def thumbs_up(
        self,
        when: datetime,
        *,
        giver: int,
        author: int,
        post_id: int,
        space_key: int,
        answer_id: int | None,
        tag_ids: Sequence[int],
    ) -> None:
        """``giver`` gave a thumbs-up to ``author``'s post or answer (never their own)."""
        self._add(
            Credit(when, 0, EventKind.THUMBS_UP, author, giver, post_id, space_key, answer_id,
                   tag_ids)
        )  # fmt: skip
        self.thumbs_on[author, post_id, answer_id].append(when)

    def accepted(
        self,
        when: datetime,
        *,
        asker: int,
        answerer: int,
        post_id: int,
        space_key: int,
        answer_id: int,
        tag_ids: Sequence[int],
    ) -> None:
        """``asker`` accepted ``answerer``'s answer to their question."""
        self._add(
            Credit(when, 0, EventKind.ACCEPTED, answerer, asker, post_id, space_key, answer_id,
                   tag_ids)
        )  # fmt: skip

    def _add(self, credit: Credit) -> None:
        self.order += 1
        credit.order = self.order
        self.pending.append(credit)

    def contributed(self, person: int, when: datetime) -> None:
        """A post, comment or answer by ``person``: levels count those in their window."""
        if when > self.window_start:
            self.contributions[person] += 1

    def badge(self, person: int, code: str, when: datetime, post_id: int | None) -> None:
        """``person`` earned ``code`` at ``when``; only the earliest time counts."""
        key = (person, code)
        found = self.badges.get(key)
        if found is None or (when, post_id or 0) < (found[0], found[1] or 0):
            self.badges[key] = (when, post_id)

    # Writing ---------------------------------------------------------------------------

    def write(self, horizon: datetime | None) -> None:
        """Write the credits earned before ``horizon`` (all of them without one), and the
        totals of the people they credit. Call it inside the chunk's transaction."""
        self._thumbs_up_badges()
        self.pending.sort(key=lambda c: (c.when, c.order))
        cut = len(self.pending)
        if horizon is not None:
            cut = next((i for i, c in enumerate(self.pending) if c.when >= horizon), cut)
        ready, self.pending = self.pending[:cut], self.pending[cut:]
        events: list[ReputationEvent] = []
        event_tags: list[Any] = []
        for credit in ready:
            self._grant(credit, events, event_tags)
        ReputationEvent.objects.bulk_create(events, batch_size=BATCH)
        EventTag.objects.bulk_create(event_tags, batch_size=BATCH)
        self.written["events"] += len(events)
        self._write_totals()
        if horizon is not None:
            # No credit still to come is dated before the horizon: forget older days.
            oldest = timezone.localdate(horizon)
            self.tally = {key: v for key, v in self.tally.items() if key[0] >= oldest}

    def _thumbs_up_badges(self) -> None:
        """Nice, good and great post: a target's thumbs-up all come in its own chunk."""
        for (author, post_id, _), times in self.thumbs_on.items():
            times.sort()
            for threshold, code in THUMBS_UP_BADGES:
                if len(times) >= threshold:
                    self.badge(author, code, times[threshold - 1], post_id)
        self.thumbs_on.clear()

    def _grant(self, credit: Credit, events: list[ReputationEvent], event_tags: list[Any]) -> None:
        depts = self.people.depts
        cross = depts[credit.user] != depts[credit.actor]
        if credit.kind == EventKind.THUMBS_UP:
            worth = self.cross_points if cross else self.same_points
            points = self._capped(credit.user, credit.when, worth)
            self._event(credit, events, event_tags, points=points, cross=cross, thumbs_up=1)
        else:
            self._event(
                credit, events, event_tags, points=self.accepted_points, cross=cross, accepted=1
            )
            self.badge(credit.user, "first_accepted", credit.when, credit.post_id)
            # The asker's thanks for closing the loop: reputation, not expertise (no tags).
            asker = Credit(
                credit.when,
                credit.order,
                EventKind.ACCEPTING,
                user=credit.actor,
                actor=credit.actor,
                post_id=credit.post_id,
                space_key=credit.space_key,
                answer_id=credit.answer_id,
                tag_ids=(),
            )
            self._event(asker, events, event_tags, points=self.accepting_points, cross=False)
        if cross:
            self.helps[credit.user] += 1
            if self.helps[credit.user] == self.bridge_helps:
                self.badge(credit.user, "bridge_builder", credit.when, None)

    def _capped(self, person: int, when: datetime, points: int) -> int:
        """As ``reputation.actions.ledger._capped``: up to ``points`` from what is left of the
        person's allowance for the day."""
        if points <= 0:
            return 0
        key = (timezone.localdate(when), person)
        used = self.tally.get(key, 0)
        granted = max(0, min(points, self.cap - used))
        if granted:
            self.tally[key] = used + granted
        return granted

    def _event(
        self,
        credit: Credit,
        events: list[ReputationEvent],
        event_tags: list[Any],
        *,
        points: int,
        cross: bool,
        thumbs_up: int = 0,
        accepted: int = 0,
    ) -> None:
        """One ledger row, moving the running totals as ``reputation.actions.ledger._record``
        does."""
        first_id = self.people.first_id
        event_id = self.next_event_id
        self.next_event_id += 1
        events.append(
            ReputationEvent(
                id=event_id,
                user_id=first_id + credit.user,
                kind=credit.kind,
                points=points,
                actor_id=first_id + credit.actor,
                post_id=credit.post_id,
                answer_id=credit.answer_id,
                cross_department=cross,
                created_at=credit.when,
            )
        )
        event_tags += [EventTag(reputationevent_id=event_id, tag_id=t) for t in credit.tag_ids]
        person = credit.user
        totals = self.totals.setdefault(person, [0, 0, 0])
        totals[0] += points
        totals[1] += thumbs_up
        totals[2] += accepted
        self.touched.add(person)
        if points or thumbs_up or accepted:
            key = (person, credit.space_key)
            credit_totals = self.credit.setdefault(key, [0, 0, 0])
            credit_totals[0] += points
            credit_totals[1] += thumbs_up
            credit_totals[2] += accepted
            self.touched_credit.add(key)
        if credit.tag_ids and points:
            for tag_id in credit.tag_ids:
                key = (person, tag_id)
                self.tag_totals[key] = self.tag_totals.get(key, 0) + points
                self.touched_tags.add(key)
        if credit.when > self.window_start:
            self.window_points[person] += points
            self.window_accepted[person] += accepted

    def _write_totals(self) -> None:
        first_id = self.people.first_id
        Reputation.objects.bulk_create(
            [
                Reputation(user_id=first_id + p, total=t[0], thumbs_up=t[1], accepted_answers=t[2])
                for p in sorted(self.touched)
                for t in (self.totals[p],)
            ],
            batch_size=BATCH,
            update_conflicts=True,
            unique_fields=["user"],
            update_fields=["total", "thumbs_up", "accepted_answers"],
        )
        TagReputation.objects.bulk_create(
            [
                TagReputation(user_id=first_id + p, tag_id=tag, total=self.tag_totals[p, tag])
                for p, tag in sorted(self.touched_tags)
            ],
            batch_size=BATCH,
            update_conflicts=True,
            unique_fields=["user", "tag"],
            update_fields=["total"],
        )
        CreditTotal.objects.bulk_create(
            [
                CreditTotal(
                    user_id=first_id + p, space_key=space, points=c[0], thumbs_up=c[1],
                    accepted=c[2],
                )
                for p, space in sorted(self.touched_credit)
                for c in (self.credit[p, space],)
            ],
            batch_size=BATCH,
            update_conflicts=True,
            unique_fields=["user", "space_key"],
            update_fields=["points", "thumbs_up", "accepted"],
        )  # fmt: skip
        self.touched.clear()
        self.touched_tags.clear()
        self.touched_credit.clear()

    def finish(self) -> None:
        """Everyone's level as of the anchor and the badges they earned (after the last
        chunk). Notifications are not written: nobody was there to read them."""
        first_id = self.people.first_id
        Standing.objects.bulk_create(
            [
                Standing(
                    user_id=first_id + person,
                    level=levels.earned_level(
                        levels.Activity(
                            self.window_points[person],
                            self.contributions[person],
                            self.window_accepted[person],
                        ),
                        self.needs,
                    ),
                    since=self.anchor,
                )
                for person in range(len(self.people.handles))
            ],
            batch_size=BATCH,
        )
        awards = [
            BadgeAward(user_id=first_id + person, badge=code, post_id=post_id, awarded_at=when)
            for (person, code), (when, post_id) in sorted(self.badges.items())
        ]
        BadgeAward.objects.bulk_create(awards, batch_size=BATCH)
        self.written["badges"] = len(awards)
