"""What the qa actions tell the apps above and the event log (see ``agora.core.events``).
A new question or answer is a post (``posts.events.PostCreated`` with its kind)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from agora.core.events import Entry, logged

if TYPE_CHECKING:
    from agora.people.models import User
    from agora.qa.models import Answer


@logged("answer.accepted")
@dataclass(frozen=True)
class AnswerAccepted:
    """``accepter`` accepted ``answer`` (at ``at``)."""

    answer: Answer
    accepter: User
    at: datetime

    def entry(self) -> Entry:
        answer = self.answer
        question_post = answer.question.post
        return Entry(
            data={
                "post": question_post.pk,
                "answer": answer.post_id,
                "author": answer.post.author_id,
                "by": self.accepter.pk,
            },
            space_id=question_post.space_id,
            at=self.at,
        )


@logged("answer.unaccepted")
@dataclass(frozen=True)
class AnswerUnaccepted:
    answer: Answer

    def entry(self) -> Entry:
        question_post = self.answer.question.post
        return Entry(
            data={"post": question_post.pk, "answer": self.answer.post_id},
            space_id=question_post.space_id,
        )
