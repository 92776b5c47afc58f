"""Asking a question invites the people most credible in its tags to answer it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from agora.core.models import SiteSetting
from agora.notifications.models import Notification, NotificationKind
from agora.people.actions import create_user
from agora.people.models import Department, User
from agora.qa import actions
from agora.qa.models import Question
from agora.reputation.models import TagReputation
from agora.spaces.actions import do_add_member
from agora.testing.events import deliver

pytestmark = pytest.mark.django_db


def _person(email: str, department: str) -> User:
    dept = Department.objects.get_or_create(slug=department.lower(), defaults={"name": department})
    return create_user(email, display_name=email.split("@")[0].title(), department=dept[0])


def _earn(person: User, tag: str, accepted: int, asker: User) -> None:
    """``person`` gets ``accepted`` answers accepted in questions tagged ``tag``."""
    for i in range(accepted):
        question = actions.check_ask(
            asker, space=None, title=f"Earlier question {i} about {tag}", body="", tags=tag
        )
        reply = actions.check_answer(person, question.pk, "Here is how.")
        actions.check_accept(asker, reply.pk)


def _invited(question: Question) -> set[User]:
    deliver()
    rows = Notification.objects.filter(
        kind=NotificationKind.ANSWER_INVITATION, post_id=question.pk
    ).select_related("user")
    return {n.user for n in rows}


@pytest.fixture
def experts(cast) -> dict[str, User]:
    """Three people credible in #billing: Engineering most, then Finance, then Legal."""
    # Only the answerers earn credit here (not the moderator for accepting their answers).
    SiteSetting.objects.create(key="reputation.accepting_points", value=0)
    people = {
        "engineering": _person("erin@example.com", "Engineering"),
        "finance": _person("fred@example.com", "Finance"),
        "legal": _person("lena@example.com", "Legal"),
    }
    asker = cast.moderator
    _earn(people["engineering"], "billing", 3, asker)
    _earn(people["finance"], "billing", 2, asker)
    _earn(people["legal"], "billing", 1, asker)
    return people


def test_it_invites_the_most_credible_other_departments_first(cast, experts):
    SiteSetting.objects.create(key="questions.experts_invited", value=2)
    totals = dict(
        TagReputation.objects.filter(tag__name="billing").values_list("user__email", "total")
    )
    assert totals["erin@example.com"] > totals["fred@example.com"] > totals["lena@example.com"]
    # Ada works in Engineering: Finance and Legal are asked before Erin, her colleague.
    question = actions.check_ask(
        cast.engineer,
        space=None,
        title="Why is the invoice total rounded?",
        body="",
        tags="billing",
    )
    assert _invited(question) == {experts["finance"], experts["legal"]}
    invitation = Notification.objects.filter(
        post_id=question.pk, kind=NotificationKind.ANSWER_INVITATION
    ).first()
    assert invitation is not None
    assert invitation.actor == cast.engineer
    assert invitation.text == "Why is the invoice total rounded?"


def test_it_invites_colleagues_too_when_there_is_room(cast, experts):
    question = actions.check_ask(
        cast.engineer,
        space=None,
        title="Why is the invoice total rounded?",
        body="",
        tags="billing",
    )
    assert _invited(question) == set(experts.values())


def test_it_never_invites_the_asker(cast, experts):
    question = actions.check_ask(
        experts["engineering"], space=None, title="Who owns the billing service?", tags="billing",
        body="",
    )  # fmt: skip
    assert experts["engineering"] not in _invited(question)
    assert _invited(question) == {experts["finance"], experts["legal"]}


def test_it_never_invites_someone_who_cannot_read_the_question(cast, experts):
    do_add_member(cast.private_space, experts["legal"])
    question = actions.check_ask(
        cast.engineer,
        space=cast.private_space,
        title="Which billing plan does the private beta use?",
        body="",
        tags="billing",
    )
    assert _invited(question) == {experts["legal"]}


def test_it_invites_nobody_for_an_untagged_question_or_a_new_tag(cast, experts):
    untagged = actions.check_ask(cast.engineer, space=None, title="Where is the coffee?", body="")
    fresh = actions.check_ask(
        cast.engineer, space=None, title="Who knows about kites?", body="", tags="kites"
    )
    assert _invited(untagged) == set()
    assert _invited(fresh) == set()


def test_it_dates_the_invitations_of_a_question_asked_in_the_past(cast, experts):
    # An import, or the demo's history: "asked you to answer" shows when it was asked.
    then = timezone.now() - timedelta(days=40)
    question = actions.do_ask(
        cast.salesperson,
        space=None,
        title="How do refunds work?",
        body="",
        tags=["billing"],
        created_at=then,
    )
    deliver()
    sent = Notification.objects.filter(post_id=question.pk, kind=NotificationKind.ANSWER_INVITATION)
    assert sent.exists()
    assert set(sent.values_list("created_at", flat=True)) == {then}
