"""Every write to reputation: the ledger, its running totals, levels and badges.

Called by the posts and qa actions inside their transactions, so a credit exists exactly
when the change that earned it committed. Rules (points are site settings):

- a thumbs-up on a post or answer earns its author points once per giver and target;
  taking it back and giving it again never earns more, and one's own never counts;
- a thumbs-up from another department is worth more (a setting, on by default);
- thumbs-up points are capped per person per day (accepted answers are not);
- an accepted answer earns its author points and the person accepting a few; withdrawing
  the acceptance appends the reversal; the same for an answer marked official.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from agora.core import policy
from agora.people.models import User
from agora.posts.models import Post
from agora.qa.models import Answer
from agora.reputation import badges
from agora.reputation.models import (
    DailyVotePoints,
    EventKind,
    Reputation,
    ReputationEvent,
    TagReputation,
)


def _crosses(a: User, b: User) -> bool:
    return bool(a.department_id and b.department_id and a.department_id != b.department_id)


def _record(
    user: User,
    kind: str,
    points: int,
    *,
    actor: User | None,
    post: Post,
    answer: Answer | None = None,
    thumbs_up: int = 0,
    accepted: int = 0,
    when: datetime | None = None,
) -> ReputationEvent:
    """Append one event and move the running totals by the same amounts."""
    tag_ids = list(post.tags.values_list("pk", flat=True))
    event = ReputationEvent.objects.create(
        user=user,
        kind=kind,
        points=points,
        actor=actor,
        post=post,
        answer=answer,
        cross_department=actor is not None and _crosses(actor, user),
        created_at=when or timezone.now(),
    )
    if tag_ids:
        ReputationEvent.tags.through.objects.bulk_create(
            [ReputationEvent.tags.through(reputationevent=event, tag_id=t) for t in tag_ids]
        )
    Reputation.objects.bulk_create([Reputation(user=user)], ignore_conflicts=True)
    Reputation.objects.filter(user=user).update(
        total=F("total") + points,
        thumbs_up=F("thumbs_up") + thumbs_up,
        accepted_answers=F("accepted_answers") + accepted,
    )
    if tag_ids and points:
        TagReputation.objects.bulk_create(
            [TagReputation(user=user, tag_id=t) for t in tag_ids], ignore_conflicts=True
        )
        TagReputation.objects.filter(user=user, tag_id__in=tag_ids).update(
            total=F("total") + points
        )
    return event


def _capped(user: User, points: int, cap: int, day: datetime) -> int:
    """Take up to ``points`` from today's allowance (the row is locked while we do)."""
    today = timezone.localdate(day)
    DailyVotePoints.objects.bulk_create(
        [DailyVotePoints(user=user, day=today)], ignore_conflicts=True
    )
    tally = DailyVotePoints.objects.select_for_update().get(user=user, day=today)
    granted = max(0, min(points, cap - tally.points))
    if granted:
        DailyVotePoints.objects.filter(pk=tally.pk).update(points=F("points") + granted)
    return granted


def on_thumbs_up(giver: User, target: Post | Answer) -> ReputationEvent | None:
    """A thumbs-up was added to ``target`` (the reaction row is new)."""
    author = target.author
    if author.pk == giver.pk:
        return None
    post = target if isinstance(target, Post) else target.question.post
    answer = target if isinstance(target, Answer) else None
    knobs = policy.current()
    base = knobs["reputation.thumbs_up_points"]
    if _crosses(giver, author):
        base = round(base * knobs["reputation.cross_department_factor"])
    now = timezone.now()
    try:
        with transaction.atomic():
            # The unique constraint makes the grant once-only even under races; the cap
            # is taken inside the same savepoint so a refused grant takes nothing.
            points = _capped(author, base, knobs["reputation.daily_vote_cap"], now)
            event = _record(
                author,
                EventKind.THUMBS_UP,
                points,
                actor=giver,
                post=post,
                answer=answer,
                thumbs_up=1,
                when=now,
            )
    except IntegrityError:
        return None
    badges.after_thumbs_up(author, target, event)
    return event


def _net(user: User, kinds: tuple[str, str], answer: Answer) -> int:
    """Points currently standing for ``answer`` from a grant kind and its reversal kind."""
    events = ReputationEvent.objects.filter(user=user, answer=answer, kind__in=kinds)
    return sum(events.values_list("points", flat=True))


def on_accepted(answer: Answer, accepter: User) -> None:
    """``accepter`` accepted ``answer``: credit its author and, a little, the accepter."""
    if answer.author_id == accepter.pk:
        return  # accepting one's own answer earns nothing
    knobs = policy.current()
    post = answer.question.post
    _record(
        answer.author,
        EventKind.ACCEPTED,
        knobs["reputation.accepted_answer_points"],
        actor=accepter,
        post=post,
        answer=answer,
        accepted=1,
    )
    _record(
        accepter,
        EventKind.ACCEPTING,
        knobs["reputation.accepting_points"],
        actor=accepter,
        post=post,
        answer=answer,
    )
    badges.after_accepted(answer, accepter)


def on_unaccepted(answer: Answer) -> None:
    """The acceptance of ``answer`` was withdrawn: reverse what it earned, exactly."""
    post = answer.question.post
    author_points = _net(answer.author, (EventKind.ACCEPTED, EventKind.UNACCEPTED), answer)
    if author_points:
        _record(
            answer.author,
            EventKind.UNACCEPTED,
            -author_points,
            actor=None,
            post=post,
            answer=answer,
            accepted=-1,
        )
    grants = ReputationEvent.objects.filter(
        answer=answer, kind__in=(EventKind.ACCEPTING, EventKind.UNACCEPTING)
    )
    for user_id in set(grants.values_list("user_id", flat=True)):
        accepter = User.objects.get(pk=user_id)
        standing = _net(accepter, (EventKind.ACCEPTING, EventKind.UNACCEPTING), answer)
        if standing:
            _record(
                accepter,
                EventKind.UNACCEPTING,
                -standing,
                actor=None,
                post=post,
                answer=answer,
            )


def on_official(answer: Answer, official: bool) -> None:
    """``answer`` was marked official (or the mark removed)."""
    post = answer.question.post
    standing = _net(answer.author, (EventKind.OFFICIAL, EventKind.UNOFFICIAL), answer)
    if official and not standing:
        points = policy.get("reputation.official_answer_points")
        _record(answer.author, EventKind.OFFICIAL, points, actor=None, post=post, answer=answer)
    elif not official and standing:
        _record(
            answer.author, EventKind.UNOFFICIAL, -standing, actor=None, post=post, answer=answer
        )


def recompute(users: Iterable[User] | None = None) -> int:
    """Rebuild running totals from the ledger; returns how many totals had to change."""
    from django.db.models import Count, Q, Sum

    people = (
        User.objects.all() if users is None else User.objects.filter(pk__in=[u.pk for u in users])
    )
    changed = 0
    with transaction.atomic():
        sums = {
            row["user"]: row
            for row in ReputationEvent.objects.filter(user__in=people)
            .values("user")
            .annotate(
                total=Sum("points"),
                thumbs=Count("id", filter=Q(kind=EventKind.THUMBS_UP)),
                accepted=Count("id", filter=Q(kind=EventKind.ACCEPTED))
                - Count("id", filter=Q(kind=EventKind.UNACCEPTED)),
            )
        }
        for person in people.only("pk"):
            row = sums.get(person.pk, {"total": 0, "thumbs": 0, "accepted": 0})
            Reputation.objects.bulk_create([Reputation(user=person)], ignore_conflicts=True)
            changed += (
                Reputation.objects.filter(user=person)
                .exclude(
                    total=row["total"], thumbs_up=row["thumbs"], accepted_answers=row["accepted"]
                )
                .update(
                    total=row["total"], thumbs_up=row["thumbs"], accepted_answers=row["accepted"]
                )
            )
        tag_sums = (
            ReputationEvent.objects.filter(user__in=people)
            .values("user", "tags")
            .exclude(tags=None)
            .annotate(total=Sum("points"))
        )
        wanted = {(row["user"], row["tags"]): row["total"] for row in tag_sums}
        for entry in TagReputation.objects.filter(user__in=people):
            total = wanted.pop((entry.user_id, entry.tag_id), 0)
            if entry.total != total:
                entry.total = total
                entry.save(update_fields=["total"])
                changed += 1
        for (user_id, tag_id), total in wanted.items():
            TagReputation.objects.create(user_id=user_id, tag_id=tag_id, total=total)
            changed += 1
    return changed
