"""Reads about reputation: leaderboards, experts, profiles and whom to ask.

Every figure shown to someone is computed from ledger events whose post they may read
(``Post.objects.visible_to``), so nothing earned in a private or secret space shows to
people outside it. Withdrawn grants and their reversals are left out (they sum to zero),
so a period counts the credit earned in it that still stands.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from agora.core import policy
from agora.people.models import Department, User
from agora.posts.models import Post, PostKind, Tag
from agora.reputation.badges import BADGES, Badge
from agora.reputation.models import (
    BadgeAward,
    CreditTotal,
    EventKind,
    Reputation,
    ReputationEvent,
    TagReputation,
)
from agora.spaces.models import Space
from agora.spaces.visibility import readable_space_key, reader_ids, visible_through

PROFILE_TAG_EVENTS = 2000  # the newest visible credits whose tags a profile ranks
TAG_CHOICE_POSTS = 2000  # the newest readable posts whose tags the filter offers
PERIODS = {"week": 7, "month": 30, "all": None}
PERIOD_LABELS = {"week": "This week", "month": "This month", "all": "All time"}


@dataclass
class Row:
    """One line of a leaderboard."""

    person: User
    points: int
    thumbs_up: int
    accepted: int
    rank: int = 0


def _visible_events(viewer: User) -> QuerySet[ReputationEvent]:
    return ReputationEvent.objects.standing().filter(visible_through(viewer))


def _ranked(rows: list[Row]) -> list[Row]:
    """Competition ranking: equal points share a rank (1, 2, 2, 4)."""
    for i, row in enumerate(rows):
        row.rank = rows[i - 1].rank if i and rows[i - 1].points == row.points else i + 1
    return rows


def period_start(period: str, now: datetime | None = None) -> datetime | None:
    days = PERIODS.get(period)
    return None if days is None else (now or timezone.now()) - timedelta(days=days)


def leaderboard(
    viewer: User,
    *,
    period: str = "all",
    space: Space | None = None,
    tag: Tag | None = None,
    department: Department | None = None,
    limit: int = 25,
) -> list[Row]:
    """Who earned most, counting only what ``viewer`` may see (two queries).

    All time without a tag, it sums ``CreditTotal`` (per person and space) over the
    spaces the viewer may read; otherwise it reads the ledger, where the period's time
    index or the tag bounds what is read.
    """
    since = period_start(period)
    if since is None and tag is None:
        totals = _all_time_totals(viewer, space=space, department=department, limit=limit)
    else:
        totals = _ledger_totals(
            viewer, since=since, space=space, tag=tag, department=department, limit=limit
        )
    people = User.objects.select_related("department", "standing").in_bulk(
        [t["user"] for t in totals]
    )
    return _ranked(
        [
            Row(people[t["user"]], t["points"], t["thumbs"], t["accepted"])
            for t in totals
            if t["user"] in people
        ]
    )


def _all_time_totals(
    viewer: User, *, space: Space | None, department: Department | None, limit: int
) -> list[dict[str, int]]:
    rows = CreditTotal.objects.filter(readable_space_key(viewer))
    if space is not None:
        rows = rows.filter(space_key=space.pk)
    if department is not None:
        rows = rows.filter(user__department=department)
    return list(
        rows.values("user")
        .annotate(points=Sum("points"), thumbs=Sum("thumbs_up"), accepted=Sum("accepted"))
        .filter(points__gt=0)
        .order_by("-points", "user")[:limit]
    )


def _ledger_totals(
    viewer: User,
    *,
    since: datetime | None,
    space: Space | None,
    tag: Tag | None,
    department: Department | None,
    limit: int,
) -> list[dict[str, int]]:
    events = _visible_events(viewer)
    if since is not None:
        events = events.filter(created_at__gte=since)
    if space is not None:
        events = events.filter(post__space=space)
    if tag is not None:
        events = events.filter(tags=tag)
    if department is not None:
        events = events.filter(user__department=department)
    return list(
        events.values("user")
        .annotate(
            points=Sum("points"),
            thumbs=Count("id", filter=Q(kind=EventKind.THUMBS_UP)),
            accepted=Count("id", filter=Q(kind=EventKind.ACCEPTED)),
        )
        .filter(points__gt=0)
        .order_by("-points", "user")[:limit]
    )


@dataclass
class Expert:
    person: User
    points: int
    rank: int
    # Their best answers in the tag (answers' posts, with ``accepted`` and ``official``).
    best_answers: list[Post] = field(default_factory=list)


def _standing_grant(kind: str) -> Exists:
    """Whether the answer (the outer post) holds a standing grant of ``kind``: the ledger
    knows which answers are accepted and official without asking the qa app."""
    return Exists(ReputationEvent.objects.standing().filter(answer_id=OuterRef("pk"), kind=kind))


def experts(viewer: User, tag: Tag, limit: int = 10, answers_each: int = 3) -> list[Expert]:
    """The people with most credibility in ``tag`` that ``viewer`` can see, with their
    best visible answers in it (three queries)."""
    rows = leaderboard(viewer, tag=tag, limit=limit)
    ids = [row.person.pk for row in rows]
    best: dict[int, list[Post]] = {}
    if ids:
        ranked = (
            Post.objects.visible_to(viewer)
            .filter(kind=PostKind.ANSWER, author_id__in=ids, parent__tags=tag)
            .select_related("parent")
            .annotate(
                accepted=_standing_grant(EventKind.ACCEPTED),
                official=_standing_grant(EventKind.OFFICIAL),
            )
            .annotate(
                place=Window(
                    RowNumber(),
                    partition_by="author_id",
                    order_by=["-accepted", "-official", "-thumbs_up_count", "-id"],
                )
            )
            .filter(place__lte=answers_each)
            .order_by("author_id", "place")
        )
        for answer in ranked:
            best.setdefault(answer.author_id, []).append(answer)
    return [Expert(row.person, row.points, row.rank, best.get(row.person.pk, [])) for row in rows]


def tag_choices(viewer: User, limit: int = 40, recent: int = TAG_CHOICE_POSTS) -> list[str]:
    """Names of the tags most used on the newest posts ``viewer`` may read (one query): a
    tag used only in a secret space is never offered to people outside it. Counting the
    newest ``recent`` posts keeps the cost flat however many posts the company has (any
    tag still works in the URL)."""
    newest = Post.objects.visible_to(viewer).in_feeds().order_by("-created_at", "-id").values("pk")
    return list(
        Tag.objects.filter(posts__in=newest[:recent])
        .annotate(uses=Count("posts"))
        .order_by("-uses", "name")
        .values_list("name", flat=True)[:limit]
    )


# --- Profiles ----------------------------------------------------------------------------


@dataclass(frozen=True)
class EarnedBadge:
    badge: Badge
    awarded_at: datetime


@dataclass
class Credibility:
    """A person's figures as one viewer may see them, for the profile header."""

    points: int
    thumbs_up: int
    accepted: int
    top_tags: list[tuple[str, int]]
    badges: list[EarnedBadge]


def credibility(viewer: User, person: User, top: int = 5) -> Credibility:
    """Reputation, 👍 received, accepted answers, top tags and badges (three queries).

    On one's own profile the running totals are shown: everything the person earned, and
    every badge. Anyone else sees sums over the credit whose post they may read, like
    leaderboards, and the badges earned on posts they may read (or on none).
    """
    if viewer.pk == person.pk:
        mine = Reputation.objects.filter(user=person).first()
        points, thumbs, accepted = (
            (mine.total, mine.thumbs_up, mine.accepted_answers) if mine else (0, 0, 0)
        )
        tags = list(
            TagReputation.objects.filter(user=person, total__gt=0)
            .order_by("-total", "tag__name")
            .values_list("tag__name", "total")[:top]
        )
    else:
        # The figures from the per-space totals of the spaces the viewer may read; the
        # top tags from the person's newest visible credit, so that a prolific person's
        # profile costs no more than anyone's.
        sums = (
            CreditTotal.objects.filter(user=person)
            .filter(readable_space_key(viewer))
            .aggregate(points=Sum("points"), thumbs=Sum("thumbs_up"), accepted=Sum("accepted"))
        )
        points, thumbs, accepted = (sums[k] or 0 for k in ("points", "thumbs", "accepted"))
        newest = (
            _visible_events(viewer)
            .filter(user=person)
            .order_by("-created_at", "-id")
            .values("pk")[:PROFILE_TAG_EVENTS]
        )
        tags = list(
            ReputationEvent.objects.filter(pk__in=newest, tags__isnull=False)
            .values("tags__name")
            .annotate(total=Sum("points"))
            .filter(total__gt=0)
            .order_by("-total", "tags__name")
            .values_list("tags__name", "total")[:top]
        )
    awards = BadgeAward.objects.filter(user=person)
    if viewer.pk != person.pk:
        # A badge says where it was earned ("Curious" for a first question): others see
        # those whose post they may read, and those no post earned.
        awards = awards.filter(Q(post__isnull=True) | visible_through(viewer))
    earned = [
        EarnedBadge(BADGES[award.badge], award.awarded_at)
        for award in awards.order_by("-awarded_at", "-pk")
        if award.badge in BADGES
    ]
    return Credibility(points, thumbs, accepted, tags, earned)


# --- Asking experts ----------------------------------------------------------------------


def experts_to_invite(post: Post) -> list[User]:
    """People to ask about a new question: most credible in its tags, other departments
    first, never the asker, and only people who may read the question."""
    tag_ids = list(post.tags.values_list("pk", flat=True))
    if not tag_ids:
        return []
    wanted = policy.get("questions.experts_invited")
    ranked = TagReputation.objects.filter(
        tag_id__in=tag_ids, total__gt=0, user__is_active=True
    ).exclude(user=post.author_id)
    readers_only = reader_ids(post.space)
    if readers_only is not None:
        ranked = ranked.filter(user_id__in=readers_only)
    candidates = list(
        ranked.values("user")
        .annotate(points=Sum("total"))
        .order_by("-points", "user")[: wanted * 4]
    )
    people = User.objects.in_bulk([c["user"] for c in candidates])
    readers = [people[c["user"]] for c in candidates if c["user"] in people]
    home = post.author.department_id
    readers.sort(key=lambda p: home is not None and p.department_id == home)  # stable
    return readers[:wanted]
