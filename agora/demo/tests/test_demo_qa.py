"""The demo company asks and answers questions, through the real actions."""

from __future__ import annotations

import pytest

from agora.demo.company import seed_demo
from agora.demo.content import DOMAIN
from agora.posts.models import Comment, PostKind, Reaction
from agora.qa.models import Answer, Question
from agora.reputation.models import Reputation

pytestmark = pytest.mark.django_db


def test_the_demo_has_questions_answers_and_marks():
    seed_demo()
    questions = Question.objects.select_related("post")
    assert 45 <= questions.count() <= 70
    assert questions.filter(answer_count=0).exists()  # the "Unanswered" list has some
    assert questions.filter(accepted_answer__isnull=True, answer_count__gt=0).exists()
    assert questions.filter(post__space__isnull=True).exists()
    assert questions.exclude(post__space__isnull=True).values("post__space").distinct().count() >= 8
    accepted = Answer.objects.filter(is_accepted=True)
    assert accepted.count() >= 15
    assert accepted.count() == questions.filter(accepted_answer__isnull=False).count()
    official = Answer.objects.filter(is_official=True).select_related("post__author")
    assert official.count() >= 2
    assert {a.author.email for a in official} == {f"elena.petrova@{DOMAIN}"}
    assert all(a.author.is_official_voice for a in official)
    assert Comment.objects.filter(post__kind=PostKind.ANSWER).count() >= 10
    assert Reaction.objects.filter(post__kind=PostKind.ANSWER, kind="thumbs_up").count() >= 50
    # Answers earned their authors credit through the ledger.
    ada = Reputation.objects.get(user__email=f"ada@{DOMAIN}")
    assert ada.accepted_answers >= 2 and ada.total > 0
    # Every counter agrees with its rows.
    for question in questions:
        live = Answer.objects.filter(question=question, post__deleted_at__isnull=True).count()
        assert question.answer_count == live
    for answer in Answer.objects.select_related("post"):
        assert answer.comment_count == Comment.objects.filter(post=answer.post).count()
    # Seeding again changes nothing.
    before = Question.objects.count()
    assert not seed_demo().created
    assert Question.objects.count() == before
