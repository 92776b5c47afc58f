"""Reads about reputation: leaderboards, experts and whom to ask.

Every figure is computed from ledger events whose post the viewer may read, so nothing
earned in a private or secret space shows to people outside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Case, Count, IntegerField, Q, QuerySet, Sum, Value, When, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from agora.core import policy
from agora.people.models import Department, User
from agora.posts.models import Post, Tag
from agora.qa.models import Answer
from agora.reputation.models import EventKind, ReputationEvent, TagReputation
from agora.spaces.models import Space

PERIODS = {"week": 7, "month": 30, "all": None}


@dataclass
class Row:
    """One line of a leaderboard."""

    person: User
    points: int
    thumbs_up: int
    accepted: int


def _visible_events(viewer: User) -> QuerySet[ReputationEvent]:
    return ReputationEvent.objects.filter(post__in=Post.objects.visible_to(viewer).values("pk"))


def leaderboard(
    viewer: User,
    *,
    period: str = "all",
    space: Space | None = None,
    tag: Tag | None = None,
    department: Department | None = None,
    limit: int = 25,
) -> list[Row]:
    """Who earned most, counting only what ``viewer`` may see (two queries)."""
    events = _visible_events(viewer)
    days = PERIODS.get(period)
    if days is not None:
        events = events.filter(created_at__gte=timezone.now() - timedelta(days=days))
    if space is not None:
        events = events.filter(post__space=space)
    if tag is not None:
        events = events.filter(tags=tag)
    if department is not None:
        events = events.filter(user__department=department)
    rows = list(
        events.values("user")
        .annotate(
            points=Sum("points"),
            thumbs=Count("id", filter=Q(kind=EventKind.THUMBS_UP)),
            accepted=Sum(
                Case(
                    When(kind=EventKind.ACCEPTED, then=Value(1)),
                    When(kind=EventKind.UNACCEPTED, then=Value(-1)),
                    default=Value(0),
                    output_field=IntegerField(),
                )
            ),
        )
        .filter(points__gt=0)
        .order_by("-points", "user")[:limit]
    )
    people = User.objects.select_related("department", "standing").in_bulk(
        [r["user"] for r in rows]
    )
    return [
        Row(people[r["user"]], r["points"], r["thumbs"], r["accepted"] or 0)
        for r in rows
        if r["user"] in people
    ]


@dataclass
class Expert:
    person: User
    points: int
    best_answers: list[Answer]


def experts(viewer: User, tag: Tag, limit: int = 10) -> list[Expert]:
    """The people with most credibility in ``tag`` that ``viewer`` can see, with their
    best visible answers in it (three queries)."""
    rows = leaderboard(viewer, tag=tag, limit=limit)
    ids = [row.person.pk for row in rows]
    ranked = (
        Answer.objects.filter(
            author_id__in=ids,
            deleted_at__isnull=True,
            question__post__tags=tag,
            question__post__in=Post.objects.visible_to(viewer).values("pk"),
        )
        .select_related("question")
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by="author_id",
                order_by=["-is_accepted", "-thumbs_up_count", "-id"],
            )
        )
        .filter(rank__lte=3)
    )
    best: dict[int, list[Answer]] = {}
    for answer in ranked:
        best.setdefault(answer.author_id, []).append(answer)
    return [Expert(row.person, row.points, best.get(row.person.pk, [])) for row in rows]


def experts_to_invite(post: Post) -> list[User]:
    """People to ask about a new question: most credible in its tags, other departments
    first, never the asker, and only people who may read the question."""
    tag_ids = list(post.tags.values_list("pk", flat=True))
    if not tag_ids:
        return []
    wanted = policy.get("questions.experts_invited")
    candidates = (
        TagReputation.objects.filter(tag_id__in=tag_ids, total__gt=0, user__is_active=True)
        .exclude(user=post.author_id)
        .values("user")
        .annotate(points=Sum("total"))
        .order_by("-points")[: wanted * 4]
    )
    people = User.objects.in_bulk([c["user"] for c in candidates])
    ordered = [people[c["user"]] for c in candidates if c["user"] in people]
    readers = [p for p in ordered if Post.objects.visible_to(p).filter(pk=post.pk).exists()]
    home = post.author.department_id
    readers.sort(key=lambda p: home is not None and p.department_id == home)  # stable
    return readers[:wanted]
