"""Recording a history of credits in bulk: ``record_many`` takes thumbs-up, accepted
answers, questions and answers in time order and writes what the live actions (``ledger``,
``badges``) would have written for them one after the other: the ledger and its tags, the
running totals (``Reputation``, ``TagReputation``, ``CreditTotal``), the daily allowances
and the badges, in a fixed number of statements whatever the batch's size. The rules are
the live ones, ``reputation.rules``. ``agora seed`` records its company's history with it,
a chunk at a time; ``start_levels`` (``actions.levels``) then gives its people their levels.

What the rules need is read once per batch (departments, what each allowance has used,
badges held, each target's thumbs-up and each person's helps across departments so far,
acceptances already credited), under the live writers' locks and in their order (the
allowances, then people's totals, each in key order), so a batch may run beside them: a
thumbs-up given live meanwhile queues on its allowance and still counts once, and the
cap holds. (Acceptances are serialised by the question's lock in ``qa``, which a batch
does not take: it is for acceptances nobody is making at that moment.) Unlike the live
actions it announces nothing (no notifications): it records a history that nobody was
there to read.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from operator import attrgetter
from typing import Any, TypeVar

from django.db import transaction
from django.db.models import Count, Q

from agora.core import policy
from agora.people.models import User
from agora.reputation import rules
from agora.reputation.actions.ledger import EventTag, lock_totals
from agora.reputation.levels import IDS_PER_QUERY
from agora.reputation.models import (
    BadgeAward,
    CreditTotal,
    DailyVotePoints,
    EventKind,
    Reputation,
    ReputationEvent,
    TagReputation,
)

ROWS_PER_STATEMENT = 2_000
PEOPLE_PER_OR = 200  # terms per ``OR``: SQLite refuses expressions nested 1,000 deep
T = TypeVar("T")


class CreditKind(StrEnum):
    THUMBS_UP = "thumbs_up"  # a thumbs-up on a post or an answer
    ACCEPTED = "accepted"  # an answer accepted
    ASKED = "asked"  # a question asked (its first-question badge)
    ANSWERED = "answered"  # an answer written (its first-answer badge)


@dataclass(frozen=True, slots=True)
class Credit:
    """Something that earns reputation or a badge, as the live action would be told of it.

    ``user_id`` earns it (the author of the post or answer given a thumbs-up, of the answer
    accepted, of the question or answer written); ``actor_id`` gave the thumbs-up or
    accepted the answer, and ``asker_id`` asked the question an accepted answer answers.
    ``post_id`` is the post or question the credit is about, ``answer_id`` the answer for
    an answer's credit, ``space_key`` the post's space (0: company-wide) and ``tag_ids`` its
    tags.
    """

    kind: CreditKind
    when: datetime
    user_id: int
    post_id: int
    actor_id: int = 0
    answer_id: int | None = None
    space_key: int = 0
    tag_ids: Sequence[int] = ()
    asker_id: int = 0


@dataclass(frozen=True)
class Recorded:
    """What one batch wrote."""

    events: int
    badges: int


Target = tuple[int, int | None]  # (post, answer): what a thumbs-up is given to


def _chunks(items: Sequence[T], size: int = IDS_PER_QUERY) -> Iterator[Sequence[T]]:
    """``items`` a few at a time, for queries that list them."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def record_many(
    credits: Iterable[Credit],
    *,
    first_event_id: int | None = None,
    knobs: rules.Knobs | None = None,
) -> Recorded:
    """Credit ``credits`` in time order (credits at the same moment keep the order given),
    after everything already in the ledger, as the live actions would have one by one.

    ``first_event_id``: the ledger events get consecutive ids from it (a bulk import that
    allocates its own ids, and resets the sequence after); otherwise the database's.
    """
    batch = sorted(credits, key=attrgetter("when"))
    if not batch:
        return Recorded(0, 0)
    with transaction.atomic():
        recorder = _Recorder(batch, knobs if knobs is not None else policy.current())
        for credit in batch:
            recorder.credit(credit)
        return recorder.write(first_event_id)


class _Recorder:
    """One batch: the state the rules need, read once, and the rows they produce."""

    def __init__(self, batch: list[Credit], knobs: rules.Knobs) -> None:
        self.knobs = knobs
        credited = [c for c in batch if c.kind in (CreditKind.THUMBS_UP, CreditKind.ACCEPTED)]
        people = sorted({c.user_id for c in credited} | {c.actor_id for c in credited})
        self.department: dict[int, int | None] = {}
        for ids in _chunks(people):
            rows = User.objects.filter(pk__in=ids).order_by().values_list("pk", "department")
            self.department.update(rows)
        thumbs_up = [c for c in credited if c.kind == CreditKind.THUMBS_UP]
        self.allowances = rules.Allowances(knobs, self._lock_allowances(thumbs_up))
        # People's totals are locked after the allowances, as the live writers lock them.
        earners = sorted(
            {c.user_id for c in thumbs_up if rules.earns(c.actor_id, c.user_id)}
            | {
                grant.user_id
                for c in credited
                if c.kind == CreditKind.ACCEPTED
                for grant in self._grants(c)
            }
        )
        self.totals: dict[int, rules.Totals] = {}
        for some in _chunks(earners):
            self.totals |= lock_totals(some)
        self.received, self.given = self._thumbs_up_so_far(thumbs_up)
        self.accepted = self._accepted_so_far(
            [c.answer_id for c in credited if c.kind == CreditKind.ACCEPTED]
        )
        self.held = self._badges_held(sorted({c.user_id for c in batch}))
        self.helped = self._helps_so_far(
            [uid for uid in {c.user_id for c in credited} if (uid, rules.BRIDGE) not in self.held]
        )
        self.events: list[ReputationEvent] = []
        self.event_tags: list[tuple[ReputationEvent, int]] = []
        self.moved: dict[int, rules.Totals] = defaultdict(lambda: rules.ZERO)
        self.tag_moved: Counter[tuple[int, int]] = Counter()
        self.credit_moved: dict[tuple[int, int], rules.Totals] = defaultdict(lambda: rules.ZERO)
        self.awards: list[BadgeAward] = []

    # Reading --------------------------------------------------------------------------

    def _cross(self, credit: Credit) -> bool:
        return rules.crosses(self.department[credit.actor_id], self.department[credit.user_id])

    def _lock_allowances(self, thumbs_up: list[Credit]) -> dict[tuple[int, date], int]:
        """The allowances the batch's thumbs-up take from (created if missing, then locked,
        as ``ledger._capped`` does), with what each has used already."""
        keys = sorted(
            {
                (c.user_id, rules.day_of(c.when))
                for c in thumbs_up
                if rules.earns(c.actor_id, c.user_id)
                and rules.thumbs_up_worth(self._cross(c), self.knobs) > 0
            }
        )
        DailyVotePoints.objects.bulk_create(
            [DailyVotePoints(user_id=uid, day=day) for uid, day in keys],
            ignore_conflicts=True,
            batch_size=ROWS_PER_STATEMENT,
        )
        wanted = set(keys)
        used: dict[tuple[int, date], int] = {}
        for some in _chunks(keys):
            rows = (
                DailyVotePoints.objects.select_for_update()
                .filter(user_id__in={uid for uid, _ in some}, day__in={day for _, day in some})
                .order_by("user_id", "day")
                .values_list("user_id", "day", "points")
            )
            used.update({(uid, day): points for uid, day, points in rows if (uid, day) in wanted})
        return used

    def _thumbs_up_so_far(
        self, thumbs_up: list[Credit]
    ) -> tuple[Counter[Target], set[tuple[int, Target]]]:
        """How many thumbs-up each target has earned its author, and from whom."""
        posts = sorted({c.post_id for c in thumbs_up if c.answer_id is None})
        answers = sorted({c.answer_id for c in thumbs_up if c.answer_id is not None})
        received: Counter[Target] = Counter()
        given: set[tuple[int, Target]] = set()
        on = [Q(post_id__in=ids, answer__isnull=True) for ids in _chunks(posts)]
        on += [Q(answer_id__in=ids) for ids in _chunks(answers)]
        for where in on:
            rows = ReputationEvent.objects.filter(where, kind=EventKind.THUMBS_UP).values_list(
                "post_id", "answer_id", "actor_id"
            )
            for post_id, answer_id, actor_id in rows:
                received[post_id, answer_id] += 1
                given.add((actor_id, (post_id, answer_id)))
        return received, given

    def _accepted_so_far(self, answer_ids: list[int | None]) -> set[int]:
        """The answers whose acceptance is credited already and not withdrawn."""
        found: set[int] = set()
        for ids in _chunks(sorted({a for a in answer_ids if a is not None})):
            found.update(
                ReputationEvent.objects.filter(
                    answer_id__in=ids, kind=EventKind.ACCEPTED, reversal__isnull=True
                ).values_list("answer_id", flat=True)
            )
        return found

    def _badges_held(self, user_ids: list[int]) -> set[tuple[int, str]]:
        held: set[tuple[int, str]] = set()
        for ids in _chunks(user_ids):
            rows = BadgeAward.objects.filter(user_id__in=ids).order_by()
            held.update(rows.values_list("user_id", "badge"))
        return held

    def _helps_so_far(self, user_ids: list[int]) -> Counter[int]:
        """Standing helps across departments of people who have not built the bridge (so
        they have few)."""
        helped: Counter[int] = Counter()
        for ids in _chunks(sorted(user_ids)):
            rows = (
                ReputationEvent.objects.standing()
                .filter(user_id__in=ids, cross_department=True, kind__in=rules.HELP_KINDS)
                .values("user")
                .annotate(helps=Count("id"))
                .order_by()
            )
            helped.update({row["user"]: row["helps"] for row in rows})
        return helped

    # Applying the rules ---------------------------------------------------------------

    def credit(self, credit: Credit) -> None:
        """What the live action for ``credit`` would do, in memory."""
        if credit.kind == CreditKind.THUMBS_UP:
            self._thumbs_up(credit)
        elif credit.kind == CreditKind.ACCEPTED:
            self._accepted(credit)
        elif credit.kind == CreditKind.ASKED:
            self._award(credit.user_id, rules.FIRST_QUESTION, credit.post_id, credit.when)
        else:
            self._award(credit.user_id, rules.FIRST_ANSWER, credit.post_id, credit.when)

    def _thumbs_up(self, credit: Credit) -> None:
        """As ``ledger.on_thumbs_up`` and ``badges.badges_for_thumbs_up``."""
        target = (credit.post_id, credit.answer_id)
        if not rules.earns(credit.actor_id, credit.user_id) or (
            (credit.actor_id, target) in self.given
        ):
            return  # one's own, or once per giver and target (the unique constraint)
        self.given.add((credit.actor_id, target))
        cross = self._cross(credit)
        worth = rules.thumbs_up_worth(cross, self.knobs)
        points = self.allowances.take(credit.user_id, credit.when, worth)
        self._event(credit, credit.user_id, EventKind.THUMBS_UP, points, cross, credit.tag_ids)
        self.received[target] += 1
        for code in rules.thumbs_up_badges(self.received[target]):
            self._award(credit.user_id, code, credit.post_id, credit.when)
        if cross:
            self._helps(credit.user_id, EventKind.THUMBS_UP, cross, credit.when)

    def _grants(self, credit: Credit) -> list[rules.Grant]:
        return rules.acceptance_grants(
            answerer_id=credit.user_id,
            accepter_id=credit.actor_id,
            asker_id=credit.asker_id,
            cross=self._cross(credit),
            knobs=self.knobs,
        )

    def _accepted(self, credit: Credit) -> None:
        """As ``ledger.on_accepted`` and ``badges.badges_for_accepted``."""
        grants = self._grants(credit)
        if not grants or credit.answer_id in self.accepted:
            return
        assert credit.answer_id is not None
        self.accepted.add(credit.answer_id)
        for grant in grants:
            tags = credit.tag_ids if grant.tagged else ()
            self._event(credit, grant.user_id, grant.kind, grant.points, grant.cross, tags)
        self._award(credit.user_id, rules.FIRST_ACCEPTED, credit.post_id, credit.when)
        self._helps(credit.user_id, EventKind.ACCEPTED, grants[0].cross, credit.when)

    def _helps(self, user_id: int, kind: str, cross: bool, when: datetime) -> None:
        if (user_id, rules.BRIDGE) in self.held:
            return
        if rules.helps(kind, cross):
            self.helped[user_id] += 1
        if rules.bridge_built(self.helped[user_id], self.knobs):
            self._award(user_id, rules.BRIDGE, None, when)

    def _award(self, user_id: int, code: str, post_id: int | None, when: datetime) -> None:
        """As ``badges.award_badge``: once each (the first moment wins)."""
        if (user_id, code) not in self.held:
            self.held.add((user_id, code))
            self.awards.append(
                BadgeAward(user_id=user_id, badge=code, post_id=post_id, awarded_at=when)
            )

    def _event(
        self,
        credit: Credit,
        user_id: int,
        kind: EventKind,
        points: int,
        cross: bool,
        tag_ids: Sequence[int],
    ) -> None:
        """As ``ledger._record``: one event, and the totals it moves."""
        event = ReputationEvent(
            user_id=user_id,
            kind=kind,
            points=points,
            actor_id=credit.actor_id,
            post_id=credit.post_id,
            answer_id=credit.answer_id,
            cross_department=cross,
            created_at=credit.when,
        )
        self.events.append(event)
        self.event_tags += [(event, tag_id) for tag_id in tag_ids]
        moved = rules.moves(kind, points)
        self.moved[user_id] += moved
        if points:
            for tag_id in tag_ids:
                self.tag_moved[user_id, tag_id] += points
        if moved != rules.ZERO:
            self.credit_moved[user_id, credit.space_key] += moved

    # Writing --------------------------------------------------------------------------

    def write(self, first_event_id: int | None) -> Recorded:
        if first_event_id is not None:
            for number, event in enumerate(self.events, start=first_event_id):
                event.pk = number
        ReputationEvent.objects.bulk_create(self.events, batch_size=ROWS_PER_STATEMENT)
        EventTag.objects.bulk_create(
            [EventTag(reputationevent_id=event.pk, tag_id=tag) for event, tag in self.event_tags],
            batch_size=ROWS_PER_STATEMENT,
        )
        used = self.allowances.used
        _upsert(
            DailyVotePoints,
            [
                DailyVotePoints(user_id=uid, day=day, points=used[uid, day])
                for uid, day in sorted(self.allowances.taken)
            ],
            unique=["user", "day"],
            fields=["points"],
        )
        _upsert(
            Reputation,
            [
                Reputation(
                    user_id=uid, total=t.total, thumbs_up=t.thumbs_up, accepted_answers=t.accepted
                )
                for uid in sorted(self.moved)
                for t in (self.totals.get(uid, rules.ZERO) + self.moved[uid],)
            ],
            unique=["user"],
            fields=["total", "thumbs_up", "accepted_answers"],
        )
        tag_totals = _tag_totals(self.tag_moved)
        _upsert(
            TagReputation,
            [
                TagReputation(user_id=uid, tag_id=tag, total=tag_totals.get((uid, tag), 0) + moved)
                for (uid, tag), moved in sorted(self.tag_moved.items())
            ],
            unique=["user", "tag"],
            fields=["total"],
        )
        credit_totals = _credit_totals(self.credit_moved)
        _upsert(
            CreditTotal,
            [
                CreditTotal(
                    user_id=uid, space_key=key, points=t.total, thumbs_up=t.thumbs_up,
                    accepted=t.accepted,
                )
                for (uid, key), moved in sorted(self.credit_moved.items())
                for t in (credit_totals.get((uid, key), rules.ZERO) + moved,)
            ],
            unique=["user", "space_key"],
            fields=["points", "thumbs_up", "accepted"],
        )  # fmt: skip
        # A badge awarded by a live writer meanwhile wins (the constraint), as in
        # ``award_badge``.
        BadgeAward.objects.bulk_create(
            self.awards, ignore_conflicts=True, batch_size=ROWS_PER_STATEMENT
        )
        return Recorded(len(self.events), len(self.awards))


def _upsert(model: type[Any], rows: list[Any], *, unique: list[str], fields: list[str]) -> None:
    """Write ``rows`` whole: the new ones inserted, the existing ones (by ``unique``) set to
    them. Their people's ``Reputation`` rows are locked, so nobody moved them since read."""
    model._default_manager.bulk_create(
        rows,
        batch_size=ROWS_PER_STATEMENT,
        update_conflicts=True,
        unique_fields=unique,
        update_fields=fields,
    )


def _by_person(keys: Iterable[tuple[int, int]], field: str) -> Iterator[Q]:
    """Filters for the rows keyed (person, ``field``) in ``keys``, a few hundred people
    each: one index lookup per person."""
    others: dict[int, list[int]] = defaultdict(list)
    for uid, other in keys:
        others[uid].append(other)
    for some in _chunks(sorted(others), PEOPLE_PER_OR):
        where = Q()
        for uid in some:
            where |= Q(user_id=uid, **{f"{field}__in": others[uid]})
        yield where


def _tag_totals(keys: Iterable[tuple[int, int]]) -> dict[tuple[int, int], int]:
    """The current ``TagReputation`` totals of (person, tag) ``keys``."""
    found: dict[tuple[int, int], int] = {}
    for where in _by_person(keys, "tag_id"):
        rows = TagReputation.objects.filter(where).values_list("user_id", "tag_id", "total")
        found.update({(uid, tag): total for uid, tag, total in rows})
    return found


def _credit_totals(keys: Iterable[tuple[int, int]]) -> dict[tuple[int, int], rules.Totals]:
    """The current ``CreditTotal`` rows of (person, space key) ``keys``."""
    found: dict[tuple[int, int], rules.Totals] = {}
    for where in _by_person(keys, "space_key"):
        rows = CreditTotal.objects.filter(where).values_list(
            "user_id", "space_key", "points", "thumbs_up", "accepted"
        )
        found.update({(uid, key): rules.Totals(p, t, a) for uid, key, p, t, a in rows})
    return found
