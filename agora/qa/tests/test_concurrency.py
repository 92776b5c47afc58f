"""Accepting under races: however requests interleave, one accepted answer at most.

Run on SQLite by default and on PostgreSQL by the pgcluster tier.
"""

from __future__ import annotations

from functools import partial

import pytest

from agora.core.errors import ActionError
from agora.qa import actions
from agora.qa.models import Answer, Question
from agora.reputation.models import EventKind, Reputation, ReputationEvent
from agora.testing.concurrency import run_together

pytestmark = pytest.mark.django_db(transaction=True)


def _accept(user, answer_id: int) -> None:
    try:
        actions.check_accept(user, answer_id)
    except ActionError as exc:  # the database's refusal, reported as a 409, is allowed
        if exc.status != 409:
            raise


def test_two_concurrent_accepts_leave_exactly_one_accepted_answer(cast, client_for, ask, answer):
    question = ask("open")
    first = answer(cast.salesperson, question, "First")
    second = answer(cast.outsider, question, "Second")
    # The asker and a space moderator accept different answers at the same moment.
    run_together(
        [partial(_accept, cast.engineer, first.pk), partial(_accept, cast.moderator, second.pk)]
    )
    accepted = list(Answer.objects.filter(question=question, is_accepted=True))
    assert len(accepted) == 1
    question = Question.objects.get(pk=question.pk)
    assert question.accepted_answer_id == accepted[0].pk
    # The ledger agrees: exactly one standing acceptance between the two authors.
    standing = sum(
        Reputation.objects.filter(user__in=[cast.salesperson, cast.outsider]).values_list(
            "accepted_answers", flat=True
        )
    )
    assert standing == 1
    grants = ReputationEvent.objects.filter(kind=EventKind.ACCEPTED).count()
    reversals = ReputationEvent.objects.filter(kind=EventKind.UNACCEPTED).count()
    assert grants - reversals == 1
    # ... and it is the accepted answer's author who holds it, as the question page says.
    winner = accepted[0].author
    loser = cast.outsider if winner == cast.salesperson else cast.salesperson
    assert Reputation.objects.get(user=winner).accepted_answers == 1
    assert Reputation.objects.get(user=loser).accepted_answers == 0
    page = client_for("outsider").get(question.get_absolute_url()).content.decode()
    assert page.count("</svg> Accepted answer") == 1
    assert f'class="card answer answer-accepted" id="answer-{accepted[0].pk}"' in page


def test_many_concurrent_accepts_of_every_answer_leave_one(cast, ask, answer):
    question = ask("open")
    answers = [answer(cast.salesperson, question, f"Answer {i}") for i in range(4)]
    run_together([partial(_accept, cast.engineer, a.pk) for a in answers for _ in range(2)])
    assert Answer.objects.filter(question=question, is_accepted=True).count() == 1
    question = Question.objects.get(pk=question.pk)
    assert question.accepted_answer is not None and question.accepted_answer.is_accepted
