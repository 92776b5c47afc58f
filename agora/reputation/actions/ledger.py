"""The ledger and its running totals: every credit, and its withdrawal.

Called inside the transaction of the change that earns the credit, so a credit exists
exactly when that change committed: by the qa actions (accepting, official marks), and
for what the posts actions do (a thumbs-up, a deletion) through the events they emit
(``on_reaction_added``, ``on_post_deleted``, subscribed in ``apps.py``).

Rules (``reputation.rules``; points are site settings):

- a thumbs-up on a post or answer earns its author points once per giver and target;
  taking it back and giving it again never earns more, and one's own never counts;
- a thumbs-up from another department is worth more (a setting, on by default);
- thumbs-up points are capped per person per day (accepted answers are not);
- an accepted answer earns its author points and the asker who accepted it a few (as
  reputation, not as credibility in the question's tags); withdrawing the acceptance
  appends a reversal of exactly those grants (same points, same tags); the same for an
  answer marked official.

A batch of past credits is recorded in bulk by ``batch.record_many`` under the same rules.

Locking: a person's ``Reputation`` row is locked (by its update) before their
``TagReputation`` rows, and the daily allowance row before either, so writers for the
same person queue in one order and ``recompute`` can lock one row to repair a person.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime

from django.db import IntegrityError, models, transaction
from django.db.models import F, Q
from django.utils import timezone

from agora.core import policy
from agora.people.models import User
from agora.posts.events import PostDeleted, ReactionAdded
from agora.posts.models import Post, PostKind, ReactionKind
from agora.reputation import rules
from agora.reputation.actions.badges import badges_for_accepted, badges_for_thumbs_up
from agora.reputation.actions.totals import ledger_credit
from agora.reputation.models import (
    REVERSAL_OF,
    CreditTotal,
    DailyVotePoints,
    EventKind,
    Reputation,
    ReputationEvent,
    TagReputation,
)

EventTag = ReputationEvent.tags.through


def _crosses(a: User, b: User) -> bool:
    return rules.crosses(a.department_id, b.department_id)


def _record(
    user_id: int,
    kind: str,
    points: int,
    *,
    actor_id: int | None,
    post_id: int,
    space_key: int,
    tag_ids: Sequence[int],
    answer_id: int | None = None,
    cross_department: bool = False,
    reverses: ReputationEvent | None = None,
    when: datetime | None = None,
) -> ReputationEvent:
    """Append one event and move the running totals as ``rules.moves`` says.

    ``space_key`` is the post's space id (0 for company-wide), for ``CreditTotal``.
    """
    event = ReputationEvent.objects.create(
        user_id=user_id,
        kind=kind,
        points=points,
        actor_id=actor_id,
        post_id=post_id,
        answer_id=answer_id,
        cross_department=cross_department,
        reverses=reverses,
        created_at=when or timezone.now(),
    )
    if tag_ids:
        EventTag.objects.bulk_create([EventTag(reputationevent=event, tag_id=t) for t in tag_ids])
    moved = rules.moves(kind, points)
    _bump(
        [Reputation(user_id=user_id)],
        Q(user_id=user_id),
        total=moved.total,
        thumbs_up=moved.thumbs_up,
        accepted_answers=moved.accepted,
    )
    if tag_ids and points:
        _bump(
            [TagReputation(user_id=user_id, tag_id=t) for t in tag_ids],
            Q(user_id=user_id, tag_id__in=tag_ids),
            total=points,
        )
    _add_credit(user_id, space_key, moved)
    return event


def _bump(rows: Sequence[models.Model], where: Q, **deltas: int) -> None:
    """Add ``deltas`` to running totals: the rows are created if missing (a concurrent
    creator makes the insert wait, then do nothing), then moved with ``F()``."""
    model = type(rows[0])
    model._default_manager.bulk_create(rows, ignore_conflicts=True)
    model._default_manager.filter(where).update(
        **{name: F(name) + delta for name, delta in deltas.items()}
    )


def _add_credit(user_id: int, space_key: int, delta: rules.Totals) -> None:
    if delta != rules.ZERO:
        _bump(
            [CreditTotal(user_id=user_id, space_key=space_key)],
            Q(user_id=user_id, space_key=space_key),
            points=delta.total,
            thumbs_up=delta.thumbs_up,
            accepted=delta.accepted,
        )


def space_key(post: Post) -> int:
    return post.space_id or 0


def on_post_deleted(event: PostDeleted) -> None:
    """A post was deleted (by whoever): its credit leaves the all-time leaderboards, as it
    leaves every other view. Runs inside the deleting transaction, once."""
    post = event.post
    credits = ledger_credit(Q(post_id=post.pk), include_deleted=True)
    lock_totals(user_id for user_id, _ in credits)
    for (user_id, key), credit in credits.items():
        _add_credit(user_id, key, -credit)


def lock_totals(user_ids: Iterable[int]) -> dict[int, rules.Totals]:
    """Lock several people's totals in one order (user id), so that two transactions
    crediting the same two people in opposite roles queue instead of deadlocking; returns
    them. Rows are created if missing (a concurrent creator makes the insert wait)."""
    ids = sorted(set(user_ids))
    Reputation.objects.bulk_create([Reputation(user_id=i) for i in ids], ignore_conflicts=True)
    rows = (
        Reputation.objects.select_for_update()
        .filter(user_id__in=ids)
        .order_by("user_id")
        .values_list("user_id", "total", "thumbs_up", "accepted_answers")
    )
    return {uid: rules.Totals(total, thumbs, accepted) for uid, total, thumbs, accepted in rows}


def _tag_ids(post_id: int) -> list[int]:
    return list(Post.tags.through.objects.filter(post_id=post_id).values_list("tag_id", flat=True))


def _capped(user: User, points: int, knobs: rules.Knobs, when: datetime) -> int:
    """Take up to ``points`` from the person's allowance for the day of ``when``.

    The allowance row is created if missing (a concurrent creator makes the insert wait,
    then do nothing) and then locked, so concurrent thumbs-up for one person take from it
    one after the other and never grant more than the cap in a day, on any database.
    """
    if points <= 0:
        return 0
    today = rules.day_of(when)
    DailyVotePoints.objects.bulk_create(
        [DailyVotePoints(user=user, day=today)], ignore_conflicts=True
    )
    tally = DailyVotePoints.objects.select_for_update().get(user=user, day=today)
    granted = rules.within_cap(points, tally.points, knobs)
    if granted:
        DailyVotePoints.objects.filter(pk=tally.pk).update(points=F("points") + granted)
    return granted


def thumbs_up_points(giver: User, author: User, knobs: rules.Knobs) -> int:
    """What a thumbs-up from ``giver`` is worth to ``author`` before the daily cap."""
    return rules.thumbs_up_worth(_crosses(giver, author), knobs)


def on_reaction_added(event: ReactionAdded) -> None:
    """A thumbs-up on a post or an answer credits its author (other reactions earn nothing)."""
    if event.kind == ReactionKind.THUMBS_UP and event.post is not None:
        on_thumbs_up(event.user, event.post, when=event.at)


def _topic(target: Post) -> tuple[int, int | None]:
    """The post a credit is about and, for an answer, the answer: the question's tags and
    visibility decide where an answer's credit counts."""
    if target.kind == PostKind.ANSWER and target.parent_id is not None:
        return target.parent_id, target.pk
    return target.pk, None


def on_thumbs_up(
    giver: User, target: Post, *, when: datetime | None = None
) -> ReputationEvent | None:
    """A thumbs-up was added to ``target``, a post or an answer (the reaction row is new),
    at ``when`` (now by default): the credit is dated then and counts against that day's
    cap."""
    author = target.author
    if not rules.earns(giver.pk, author.pk):
        return None
    post_id, answer_id = _topic(target)
    knobs = policy.current()
    now = when or timezone.now()
    try:
        with transaction.atomic():
            # The unique constraint makes the grant once-only even under races; the cap
            # is taken inside the same savepoint so a refused grant takes nothing.
            points = _capped(author, thumbs_up_points(giver, author, knobs), knobs, now)
            event = _record(
                author.pk,
                EventKind.THUMBS_UP,
                points,
                actor_id=giver.pk,
                post_id=post_id,
                space_key=space_key(target),
                tag_ids=_tag_ids(post_id),
                answer_id=answer_id,
                cross_department=_crosses(giver, author),
                when=now,
            )
    except IntegrityError:
        return None
    badges_for_thumbs_up(author, event)
    return event


def _outstanding(answer_id: int, kinds: Iterable[str]) -> list[ReputationEvent]:
    """Grants of ``kinds`` for the answer that have not been withdrawn."""
    return list(
        ReputationEvent.objects.filter(
            answer_id=answer_id, kind__in=list(kinds), reversal__isnull=True
        ).order_by("pk")
    )


def _withdraw(grants: Sequence[ReputationEvent]) -> None:
    """Append the reversal of each grant: the same person, points negated, same tags."""
    if not grants:
        return
    tags: dict[int, list[int]] = defaultdict(list)
    for event_id, tag_id in EventTag.objects.filter(
        reputationevent__in=[g.pk for g in grants]
    ).values_list("reputationevent_id", "tag_id"):
        tags[event_id].append(tag_id)
    lock_totals(g.user_id for g in grants)
    spaces = dict(
        Post.objects.filter(pk__in={g.post_id for g in grants}).values_list("pk", "space_id")
    )
    for grant in grants:
        try:
            with transaction.atomic():
                _record(
                    grant.user_id,
                    REVERSAL_OF[EventKind(grant.kind)],
                    -grant.points,
                    actor_id=grant.actor_id,
                    post_id=grant.post_id,
                    space_key=spaces.get(grant.post_id) or 0,
                    tag_ids=tags[grant.pk],
                    answer_id=grant.answer_id,
                    cross_department=grant.cross_department,
                    reverses=grant,
                )
        except IntegrityError:
            continue  # withdrawn by a concurrent request already


def on_accepted(
    answer: Post, accepter: User, question: Post, *, when: datetime | None = None
) -> None:
    """``accepter`` accepted ``answer`` (an answer's post) to ``question`` (at ``when``,
    now by default): credit its author and, a little, the asker (``rules.acceptance_grants``:
    nothing for accepting one's own answer, nothing to a moderator accepting for the asker).
    """
    grants = rules.acceptance_grants(
        answerer_id=answer.author_id,
        accepter_id=accepter.pk,
        asker_id=question.author_id,
        cross=_crosses(accepter, answer.author),
        knobs=policy.current(),
    )
    if not grants:
        return
    with transaction.atomic():
        if _outstanding(answer.pk, [EventKind.ACCEPTED]):
            return  # already credited (the caller's lock makes this the rare path)
        tag_ids = _tag_ids(question.pk)
        lock_totals(g.user_id for g in grants)
        for grant in grants:
            _record(
                grant.user_id,
                grant.kind,
                grant.points,
                actor_id=accepter.pk,
                post_id=question.pk,
                space_key=space_key(question),
                tag_ids=tag_ids if grant.tagged else [],
                answer_id=answer.pk,
                cross_department=grant.cross,
                when=when,
            )
    badges_for_accepted(answer, when=when)


def on_unaccepted(answer_id: int) -> None:
    """The acceptance of the answer was withdrawn: reverse exactly what it earned."""
    with transaction.atomic():
        _withdraw(_outstanding(answer_id, [EventKind.ACCEPTED, EventKind.ACCEPTING]))


def on_official(
    answer: Post, question: Post, official: bool, *, when: datetime | None = None
) -> None:
    """``answer`` was marked official (or the mark removed) at ``when`` (now by default).
    The caller holds the answer's row (its update), so two requests at once run one after
    the other."""
    with transaction.atomic():
        standing = _outstanding(answer.pk, [EventKind.OFFICIAL])
        if official and not standing:
            _record(
                answer.author_id,
                EventKind.OFFICIAL,
                rules.official_points(policy.current()),
                actor_id=None,
                post_id=question.pk,
                space_key=space_key(question),
                tag_ids=_tag_ids(question.pk),
                answer_id=answer.pk,
                when=when,
            )
        elif not official:
            _withdraw(standing)
