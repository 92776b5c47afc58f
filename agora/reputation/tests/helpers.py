"""Small helpers shared by the reputation tests."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from agora.core.actions import set_site_setting
from agora.people.models import User
from agora.qa import actions as qa
from agora.qa.models import Answer, Question
from agora.reputation.models import Reputation, TagReputation
from agora.spaces.models import Space


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
