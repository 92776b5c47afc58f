"""What questions add to the digest (``agora.notifications.digest``): the open questions
the person could answer, in their spaces or on the tags they know."""

from __future__ import annotations

from datetime import datetime

from agora.notifications.digest import ITEMS, Item, Section, section
from agora.notifications.mail import absolute
from agora.people.models import User
from agora.qa.queries import questions_to_answer


@section(10)
def could_answer(user: User, start: datetime, now: datetime) -> Section | None:
    found = questions_to_answer(user, limit=ITEMS)
    items = []
    for question in found:
        post = question.post
        where = post.space.name if post.space else "Company-wide"
        answers = question.answer_count
        state = (
            f"{answers} answer{'s' if answers != 1 else ''}, none accepted"
            if answers
            else "No answers yet"
        )
        items.append(
            Item(
                post.title or "A question", absolute(post.get_absolute_url()), f"{where} · {state}"
            )
        )
    return Section("Questions you could answer", items)
