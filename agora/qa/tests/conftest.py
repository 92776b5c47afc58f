"""Questions asked through the real actions, for every Q&A test module."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from agora.people.models import Level, Standing, User
from agora.qa import actions
from agora.qa.models import Answer, Question
from agora.spaces.models import Visibility
from agora.testing.personas import Cast

Ask = Callable[..., Question]


@pytest.fixture
def ask(cast: Cast) -> Ask:
    """``ask("open")`` asks a question in the cast's open space (``None``: company-wide)."""

    def make(
        visibility: str | None = Visibility.OPEN,
        *,
        by: User | None = None,
        title: str = "How do I rotate the staging database password?",
        body: str = "The runbook link is broken.",
        tags: str = "",
    ) -> Question:
        space = cast.space(visibility) if visibility else None
        return actions.check_ask(
            by or cast.engineer, space=space, title=title, body=body, tags=tags
        )

    return make


@pytest.fixture
def answer() -> Callable[[User, Question, str], Answer]:
    def make(author: User, question: Question, body: str = "Use the vault CLI.") -> Answer:
        return actions.check_answer(author, question.pk, body)

    return make


def make_leader(user: User) -> None:
    """Give ``user`` the leader level (what reputation would earn them over weeks)."""
    Standing.objects.update_or_create(user=user, defaults={"level": Level.LEADER})
