"""``agora seed``'s questions: which posts ask, who answers, which answer the asker accepts.

A share of the posts are questions (``PostKind.QUESTION`` with a title, tags from the ask
form's field as well as the body, and a ``qa.Question`` row). Answers come from people who
can read the question, mostly from other departments, after it; the asker accepts one of
them on most answered questions, preferring those with more thumbs-up. Rows match what
``qa.actions.do_ask``, ``do_answer`` and ``do_accept`` write, counters included.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Sequence
from datetime import datetime, timedelta
from itertools import accumulate

from agora.demo.seed import questions as texts
from agora.demo.seed import text
from agora.demo.seed.items import SeededAnswer, SeededPost, SeededQuestion, counters
from agora.demo.seed.ledger import Ledger
from agora.demo.seed.people import People
from agora.demo.seed.questions import QuestionTemplate
from agora.posts import actions as posts
from agora.posts.models import Mention, Post, PostKind
from agora.qa.models import Answer, Question

QUESTION_SHARE = 0.10  # of the posts
ANSWER_COUNT_CUM = list(accumulate((16, 40, 27, 12, 5)))  # odds of 0, 1, 2, 3, 4 answers
ANSWER_CROSS_DEPARTMENT = 0.75  # how often an answer comes from another department
ACCEPTED_SHARE = 0.6  # of the answered questions
DUPLICATE_SHARE = 0.03  # of the questions asked again in a space that asked them before
SPECIFIC_ANSWER_SHARE = 0.7  # how often an answer is one written for its question
# A question's answers and acceptance come within a day of it (posts are at least 28
# hours before the anchor, and answers' reactions need time too).
ANSWER_WAIT = (300, 50_000, 10_800)  # seconds: least, most, mean of the random part
ACCEPT_WAIT = (300, 30_000, 14_400)


def _wait(rng: random.Random, bounds: tuple[int, int, int]) -> timedelta:
    least, most, mean = bounds
    return timedelta(seconds=least + min(most, int(rng.expovariate(1 / mean))))


class Asking:
    """Makes the questions of each chunk and their answers, and builds their rows."""

    def __init__(self, rng: random.Random, people: People, *, first_answer_id: int) -> None:
        self.rng = rng
        self.people = people
        self.next_answer_id = first_answer_id
        # The first question asked from each template in each space (0: company-wide),
        # which later ones may be closed as duplicates of.
        self.originals: dict[tuple[int, str], tuple[int, datetime]] = {}
        self.written = {"questions": 0, "answers": 0, "accepted": 0}

    def template(self, key: str) -> QuestionTemplate:
        return self.rng.choice(texts.POOLS[key])

    def ask(self, post: SeededPost, template: QuestionTemplate, key: str) -> None:
        """Make ``post`` a question: its title and tag field, through the ask form's rules."""
        assert post.slots is not None
        title = posts.clean_title(template.title.format_map(post.slots))
        tags = posts.parse_tags(" ".join(t.format_map(post.slots) for t in template.tags))
        question = post.question = SeededQuestion(title=title, tags=tags, pool=key)
        original = self.originals.setdefault(
            (post.space.id if post.space is not None else 0, template.title), (post.id, post.when)
        )
        asked_before = original[0] != post.id and original[1] < post.when
        if asked_before and self.rng.random() < DUPLICATE_SHARE:
            question.duplicate_of = original[0]

    def answers(self, post: SeededPost) -> list[SeededAnswer]:
        """Zero to four answers to the question ``post`` asks, oldest first."""
        rng, question = self.rng, post.question
        assert question is not None and post.slots is not None
        assert isinstance(post.template, QuestionTemplate)
        specific = list(post.template.answers)
        pool = texts.ANSWER_POOLS[question.pool]
        taken = {post.author}
        used: set[str] = set()
        made: list[SeededAnswer] = []
        for _ in range(bisect(ANSWER_COUNT_CUM, rng.random() * ANSWER_COUNT_CUM[-1])):
            who = self._answerer(post, taken)
            if who is None:
                break  # a small audience that has answered already
            taken.add(who)
            if specific and rng.random() < SPECIFIC_ANSWER_SHARE:
                body = specific.pop(0)
            else:
                body = _fresh(rng, pool, used)
            made.append(
                SeededAnswer(
                    id=0,
                    author=who,
                    when=post.when + _wait(rng, ANSWER_WAIT),
                    body=body.format_map(post.slots),
                    readers=post.readers,
                    popularity=rng.lognormvariate(0, 1),
                    post=post,
                )
            )
        made.sort(key=lambda a: a.when)
        for answer in made:
            answer.id = self.next_answer_id
            self.next_answer_id += 1
        question.answers = made
        return made

    def _answerer(self, post: SeededPost, taken: set[int]) -> int | None:
        """Someone who can read the question and has not asked or answered it."""
        dept = self.people.depts[post.author]
        for _ in range(6):
            who = post.readers.pick_varied(self.rng, dept, ANSWER_CROSS_DEPARTMENT)
            if who not in taken:
                return who
        return None

    def accept(self, post: SeededPost) -> None:
        """The asker may accept an answer, once its thumbs-up are known."""
        question = post.question
        assert question is not None
        if not question.answers or self.rng.random() >= ACCEPTED_SHARE:
            return
        cum = list(accumulate(1 + 2 * a.reactions[0] for a in question.answers))
        chosen = question.answers[bisect(cum, self.rng.random() * cum[-1])]
        question.accepted = chosen
        question.accepted_at = chosen.when + _wait(self.rng, ACCEPT_WAIT)

    def rows(
        self, asked: Sequence[SeededPost], render: text.Renderer, person_of: dict[str, int]
    ) -> tuple[list[Question], list[Post], list[Answer], list[Mention]]:
        """The chunk's ``Question`` rows, its answers' posts and ``Answer`` rows, and the
        answers' mentions."""
        first_id = self.people.first_id
        questions: list[Question] = []
        answer_posts: list[Post] = []
        answers: list[Answer] = []
        mentions: list[Mention] = []
        for post in asked:
            question = post.question
            assert question is not None
            accepted = question.accepted
            moments = [post.when, *(a.when for a in question.answers)]
            if question.accepted_at is not None:
                moments.append(question.accepted_at)
            questions.append(
                Question(
                    post_id=post.id,
                    answer_count=len(question.answers),
                    accepted_answer_id=accepted.id if accepted is not None else None,
                    duplicate_of_id=question.duplicate_of,
                    last_activity_at=max(moments),
                )
            )
            for answer in question.answers:
                rendered = render.render(answer.body)
                is_accepted = answer is accepted
                # As ``qa.actions.do_answer``: a post in the question's space, and its marks.
                answer_posts.append(
                    Post(
                        id=answer.id,
                        author_id=first_id + answer.author,
                        space_id=post.space.id if post.space is not None else None,
                        kind=PostKind.ANSWER,
                        parent_id=post.id,
                        body=answer.body,
                        body_html=rendered.html,
                        created_at=answer.when,
                        **counters(answer),
                    )
                )
                answers.append(
                    Answer(
                        post_id=answer.id,
                        question_id=post.id,
                        is_accepted=is_accepted,
                        accepted_at=question.accepted_at if is_accepted else None,
                        accepted_by_id=first_id + post.author if is_accepted else None,
                    )
                )
                mentions += [
                    Mention(
                        user_id=first_id + person_of[h], post_id=answer.id, created_at=answer.when
                    )
                    for h in rendered.mentions
                ]
        self.written["questions"] += len(questions)
        self.written["answers"] += len(answers)
        self.written["accepted"] += sum(q.accepted_answer_id is not None for q in questions)
        return questions, answer_posts, answers, mentions

    def credit(self, post: SeededPost, tag_ids: Sequence[int], ledger: Ledger) -> None:
        """Tell the ledger of the question, its answers and its acceptance."""
        question = post.question
        assert question is not None
        ledger.asked(post.author, post.when, post.id)
        for answer in question.answers:
            ledger.answered(answer.author, answer.when, post.id)
        if question.accepted is not None and question.accepted_at is not None:
            ledger.accepted(
                question.accepted_at,
                asker=post.author,
                answerer=question.accepted.author,
                post_id=post.id,
                space_key=post.space.id if post.space is not None else 0,
                answer_id=question.accepted.id,
                tag_ids=tag_ids,
            )


def _fresh(rng: random.Random, pool: Sequence[str], used: set[str]) -> str:
    """A text from ``pool``, preferably one this question has not used yet."""
    for _ in range(3):
        choice = rng.choice(pool)
        if choice not in used:
            break
    used.add(choice)
    return choice
