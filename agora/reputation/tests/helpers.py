"""Small helpers shared by the reputation tests."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from agora.core.actions import set_site_setting
from agora.people.models import Standing, User
from agora.qa import actions as qa
from agora.qa.models import Answer, Question
from agora.reputation.models import (
    BadgeAward,
    CreditTotal,
    DailyVotePoints,
    Reputation,
    ReputationEvent,
    TagReputation,
)
from agora.spaces.models import Space

Snapshot = dict[str, list[tuple[object, ...]]]


def set_policy(values: Mapping[str, Any]) -> None:
    """What an administrator does in the admin: save site settings (read at once)."""
    for key, value in values.items():
        set_site_setting(key, value)


def totals(user: User) -> tuple[int, int, int]:
    """(reputation, thumbs-up received, accepted answers) from the running totals."""
    row = Reputation.objects.filter(user=user).first()
    return (row.total, row.thumbs_up, row.accepted_answers) if row else (0, 0, 0)


def tag_total(user: User, tag: str) -> int:
    row = TagReputation.objects.filter(user=user, tag__name=tag).first()
    return row.total if row else 0


def ask(
    author: User,
    *,
    space: Space | None = None,
    title: str = "How do we deploy on Fridays?",
    tags: Sequence[str] = ("deploys",),
) -> Question:
    return qa.do_ask(author, space=space, title=title, body="Asking for a friend.", tags=tags)


def answer(
    author: User, question: Question, body: str = "Carefully, with a rollback plan."
) -> Answer:
    return qa.do_answer(author, question, body)


def reputation_rows() -> Snapshot:
    """Everything reputation holds (the ledger in time order, totals, allowances, badges,
    levels), without the ids that depend on who wrote it."""
    events = ReputationEvent.objects.order_by("created_at", "pk").prefetch_related("tags")
    return {
        "ledger": [
            (e.user_id, e.kind, e.points, e.actor_id, e.post_id, e.answer_id,
             e.cross_department, e.created_at, sorted(t.pk for t in e.tags.all()))
            for e in events
        ],
        # A person's totals row may exist at zero (locked once, never credited).
        "totals": list(Reputation.objects.exclude(total=0, thumbs_up=0, accepted_answers=0)
                       .order_by("user").values_list("user", "total", "thumbs_up",
                                                     "accepted_answers")),
        "tag totals": list(TagReputation.objects.order_by("user", "tag").values_list(
            "user", "tag", "total")),
        "credit": list(CreditTotal.objects.order_by("user", "space_key").values_list(
            "user", "space_key", "points", "thumbs_up", "accepted")),
        "allowances": list(DailyVotePoints.objects.order_by("user", "day").values_list(
            "user", "day", "points")),
        "badges": list(BadgeAward.objects.order_by("user", "badge").values_list(
            "user", "badge", "post", "awarded_at")),
        "levels": list(Standing.objects.order_by("user").values_list(
            "user", "level", "since", "below_since")),
    }  # fmt: skip
