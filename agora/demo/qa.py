"""The demo company's questions and answers, written through the real Q&A actions.

Planned on the company's timeline by ``agora.demo.company``. The content lives in
``demo_questions``; this module decides when things happen: a question on its day, each
answer some hours after the one before, comments, thumbs-up over the following days, the
official mark soon after its answer and the acceptance once the asker has tried it. What
would fall in the future has not happened yet (a recent question may still wait for its
answers or its acceptance).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import partial

from agora.demo.questions import QUESTIONS, AnswerSpec, QuestionSpec
from agora.demo.world import Company
from agora.people.models import User
from agora.posts.actions import do_add_comment, do_add_reaction
from agora.posts.models import ReactionKind
from agora.qa.actions import do_accept, do_answer, do_ask, do_mark_official
from agora.qa.models import Answer, Question
from agora.spaces.queries import space_role
from agora.spaces.visibility import can_start_posts


@dataclass
class Asked:
    spec: QuestionSpec
    question: Question
    asker: User
    readers: list[User]


def plan_questions(company: Company) -> int:
    """Plan every demo question on its day; returns how many."""
    calendar = company.calendar
    for spec in QUESTIONS:
        asker = company.people[spec.asker]
        when = calendar.at_work(calendar.days_ago(spec.days_ago), company.location(asker))
        company.timeline.at(when, partial(_ask, company, spec))
    return len(QUESTIONS)


def _ask(company: Company, spec: QuestionSpec, when: datetime) -> None:
    space = company.spaces[spec.space] if spec.space else None
    asker = company.people[spec.asker]
    company.ensure_member(asker, space, when, why=f"asking “{spec.title}”")
    if space is not None and not can_start_posts(space, space_role(asker, space)):
        raise RuntimeError(f"Demo content: {asker.email} may not start questions in {space.name}.")
    question = do_ask(
        asker, space=space, title=spec.title, body=spec.body, tags=spec.tags, created_at=when
    )
    company.touched.add(asker.pk)
    asked = Asked(spec, question, asker, company.readers(space, when))
    _next_answer(company, asked, 0, when)


def _next_answer(company: Company, asked: Asked, index: int, after: datetime) -> None:
    if index >= len(asked.spec.answers):
        return
    item = asked.spec.answers[index]
    author = _reader(company, asked, item.author)
    # The first answer takes a few hours; later ones add to it sooner.
    when = company.calendar.after(after, company.location(author), 240 if index == 0 else 120)
    company.timeline.at(when, partial(_answer, company, asked, index, item))


def _answer(company: Company, asked: Asked, index: int, item: AnswerSpec, when: datetime) -> None:
    calendar, timeline = company.calendar, company.timeline
    author = company.people[item.author]
    answer = do_answer(author, asked.question, item.body, created_at=when)
    company.touched.add(author.pk)
    said = when
    for key, text in item.comments:
        commenter = _reader(company, asked, key)
        moment = calendar.after(said, company.location(commenter), 150)
        if moment is None:
            break
        timeline.at(moment, partial(_comment, commenter, answer, text))
        said = moment
    others = [u for u in asked.readers if u.pk != author.pk]
    for person in company.rng.sample(others, min(item.thumbs, len(others))):
        moment = calendar.reaction(when, company.location(person))
        timeline.at(moment, partial(_thumbs_up, company, person, answer))
    if item.official:
        moment = calendar.after(when, company.location(author), 25)
        timeline.at(moment, partial(_official, answer))
    if item.accepted:
        # The asker accepts once they have tried it: hours later, or the next day.
        moment = calendar.after(when, company.location(asked.asker), 60 * 6)
        timeline.at(moment, partial(_accept, company, answer, asked.asker))
    _next_answer(company, asked, index + 1, when)


def _comment(commenter: User, answer: Answer, text: str, at: datetime) -> None:
    do_add_comment(commenter, answer.post, text, created_at=at)


def _official(answer: Answer, at: datetime) -> None:
    do_mark_official(answer, official=True, at=at)


def _thumbs_up(company: Company, person: User, answer: Answer, at: datetime) -> None:
    if do_add_reaction(person, answer.post, ReactionKind.THUMBS_UP, at=at):
        company.touched.add(answer.post.author_id)


def _accept(company: Company, answer: Answer, asker: User, at: datetime) -> None:
    do_accept(answer, accepter=asker, at=at)
    company.touched |= {answer.post.author_id, asker.pk}


def _reader(company: Company, asked: Asked, key: str) -> User:
    person = company.people[key]
    if person not in asked.readers:
        raise RuntimeError(f"Demo content: {key} cannot read “{asked.spec.title}”.")
    return person
