"""What ``agora seed`` generates for one chunk of posts before writing it.

People are numbers (indices into ``seed.people.People``); every counter is filled in
while the chunk is generated, so each row is written once, complete.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from agora.demo.content import PostTemplate
from agora.demo.seed import text
from agora.demo.seed.people import Picker, SeededSpace
from agora.demo.seed.questions import QuestionTemplate
from agora.posts.models import ReactionKind

# The order of ``Target.reactions``.
KINDS = (ReactionKind.THUMBS_UP, ReactionKind.CELEBRATE, ReactionKind.INSIGHTFUL,
         ReactionKind.HELPFUL)  # fmt: skip


@dataclass(slots=True)
class Target:
    """A post, comment or answer being generated, with the reactions it has been given."""

    id: int
    author: int
    when: datetime
    body: str
    readers: Picker
    popularity: float
    reactions: list[int] = field(default_factory=lambda: [0, 0, 0, 0])


@dataclass(slots=True)
class SeededQuestion:
    """What makes a post a question: its title, tag field and answers."""

    title: str
    tags: list[str]
    pool: str  # the key of the text pools its answers come from
    answers: list[SeededAnswer] = field(default_factory=list)
    accepted: SeededAnswer | None = None
    accepted_at: datetime | None = None
    duplicate_of: int | None = None


@dataclass(slots=True)
class SeededPost(Target):
    space: SeededSpace | None = None
    slots: text.Slots | None = None
    template: PostTemplate | QuestionTemplate | None = None
    comment_count: int = 0
    question: SeededQuestion | None = None
    tags: tuple[str, ...] = ()  # every tag linked to it, known once the body is rendered


@dataclass(slots=True)
class SeededComment(Target):
    post: SeededPost | None = None
    parent: SeededComment | None = None


@dataclass(slots=True)
class SeededAnswer(Target):
    post: SeededPost | None = None  # the question's post


def counters(target: Target) -> dict[str, int]:
    """The reaction counters of ``target``'s row."""
    return {f"{kind}_count": n for kind, n in zip(KINDS, target.reactions, strict=True)}
