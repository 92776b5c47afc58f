"""The demo company's questions and answers, written through the real Q&A actions.

Called by ``agora.demo.company`` once its people, spaces and posts exist. The content lives in
``demo_questions``; this module decides when things happen and who gives thumbs-up.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from agora.demo.questions import QUESTIONS, QuestionSpec
from agora.people.models import User
from agora.posts.actions import do_add_comment, do_add_reaction
from agora.posts.models import ReactionKind
from agora.qa.actions import do_accept, do_answer, do_ask, do_mark_official
from agora.qa.models import Answer
from agora.spaces.actions import do_join
from agora.spaces.models import Space
from agora.spaces.queries import space_role
from agora.spaces.visibility import JOIN, can_start_posts, how_to_join


@dataclass
class Company:
    """What the Q&A seeder needs from the demo builder."""

    rng: random.Random
    now: datetime
    people: dict[str, User]
    spaces: dict[str, Space]
    members: dict[str, list[User]]
    readers: Callable[[Space | None], list[User]]
    later: Callable[[datetime], datetime]
    at_work: Callable[[datetime], datetime]


def seed_questions(company: Company) -> int:
    """Ask every demo question, oldest first, with its answers; returns how many."""
    for spec in sorted(QUESTIONS, key=lambda q: -q.days_ago):
        _question(company, spec)
    return len(QUESTIONS)


def _question(company: Company, spec: QuestionSpec) -> None:
    space = company.spaces[spec.space] if spec.space else None
    asker = company.people[spec.asker]
    _ensure_member(company, space, asker)
    if space is not None and not can_start_posts(space, space_role(asker, space)):
        raise RuntimeError(f"Demo content: {asker.email} may not start questions in {space.name}.")
    when = company.at_work(company.now - timedelta(days=spec.days_ago))
    question = do_ask(
        asker, space=space, title=spec.title, body=spec.body, tags=spec.tags, created_at=when
    )
    readers = company.readers(space)
    moment = when
    accepted: list[Answer] = []
    for item in spec.answers:
        author = _reader(company, readers, item.author, spec)
        moment = company.later(moment)
        answer = do_answer(author, question, item.body, created_at=moment)
        said = moment
        for key, text in item.comments:
            said = company.later(said)
            commenter = _reader(company, readers, key, spec)
            do_add_comment(commenter, answer.post, text, created_at=said)
        _thumbs_up(company, answer, readers, item.thumbs)
        if item.official:
            do_mark_official(answer, official=True)
        if item.accepted:
            accepted.append(answer)
    for answer in accepted:
        do_accept(answer, accepter=asker)


def _ensure_member(company: Company, space: Space | None, person: User) -> None:
    """People join an open space to ask in it; private ones must be in the content."""
    if space is None or person in company.members[space.name]:
        return
    if how_to_join(space) != JOIN:
        raise RuntimeError(f"Demo content: {person.email} cannot ask in {space.name}.")
    do_join(person, space)
    company.members[space.name].append(person)


def _reader(company: Company, readers: Sequence[User], key: str, spec: QuestionSpec) -> User:
    person = company.people[key]
    if person not in readers:
        raise RuntimeError(f"Demo content: {key} cannot read “{spec.title}”.")
    return person


def _thumbs_up(company: Company, answer: Answer, readers: Sequence[User], count: int) -> None:
    others = [u for u in readers if u.pk != answer.author_id]
    for person in company.rng.sample(others, min(count, len(others))):
        do_add_reaction(person, answer.post, ReactionKind.THUMBS_UP)
