"""Accepting an answer: the asker or a space moderator, one accepted answer at most."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from agora.core import policy
from agora.core.errors import ActionError
from agora.notifications.models import Notification, NotificationKind
from agora.qa import actions
from agora.qa.models import Answer
from agora.reputation.models import Reputation
from agora.testing.events import deliver

pytestmark = pytest.mark.django_db


def _total(user) -> int:
    found = Reputation.objects.filter(user=user).first()
    return found.total if found else 0


def test_the_asker_accepts_and_the_answers_section_is_redrawn(cast, client_for, ask, answer):
    question = ask("open")
    first = answer(cast.salesperson, question, "First")
    chosen = answer(cast.outsider, question, "The right one")
    before = _total(cast.outsider)
    response = client_for("engineer").post(
        reverse("qa:accept", args=[chosen.pk]), {"on": "1"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<section class="answers" id="answers"')
    assert html.index(f'id="answer-{chosen.pk}"') < html.index(f'id="answer-{first.pk}"')
    assert "</svg> Accepted answer" in html
    assert "Unaccept<span" in html
    chosen.refresh_from_db()
    question.refresh_from_db()
    assert chosen.is_accepted and chosen.accepted_by == cast.engineer
    assert question.accepted_answer == chosen
    points = policy.get("reputation.accepted_answer_points")
    assert _total(cast.outsider) == before + points
    deliver()
    assert Notification.objects.filter(
        kind=NotificationKind.ANSWER_ACCEPTED, user=cast.outsider, answer=chosen.post
    ).exists()


def test_it_accepts_as_a_plain_form_and_returns_to_the_answer(cast, client_for, ask, answer):
    question = ask("open")
    chosen = answer(cast.salesperson, question)
    response = client_for("engineer").post(reverse("qa:accept", args=[chosen.pk]), {"on": "1"})
    assert response.status_code == 302
    assert response["Location"] == chosen.get_absolute_url()
    page = client_for("outsider").get(response["Location"]).content.decode()
    assert "</svg> Accepted answer" in page
    chosen.refresh_from_db()
    assert chosen.is_accepted and chosen.accepted_by == cast.engineer


def test_switching_the_accepted_answer_keeps_exactly_one(cast, ask, answer):
    question = ask("open")
    first = answer(cast.salesperson, question, "First")
    second = answer(cast.outsider, question, "Second")
    sales_before = _total(cast.salesperson)
    actions.check_accept(cast.engineer, first.pk)
    actions.check_accept(cast.engineer, second.pk)
    assert list(Answer.objects.filter(is_accepted=True)) == [second]
    question.refresh_from_db()
    assert question.accepted_answer == second
    # The first answer's credit is reversed exactly.
    assert _total(cast.salesperson) == sales_before
    assert Reputation.objects.get(user=cast.salesperson).accepted_answers == 0
    assert Reputation.objects.get(user=cast.outsider).accepted_answers == 1


def test_unaccepting_withdraws_the_mark_and_the_credit(cast, client_for, ask, answer):
    question = ask("open")
    chosen = answer(cast.salesperson, question)
    before = _total(cast.salesperson)
    actions.check_accept(cast.engineer, chosen.pk)
    response = client_for("engineer").post(
        reverse("qa:accept", args=[chosen.pk]), {"on": "0"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert "Accepted answer" not in response.content.decode()
    chosen.refresh_from_db()
    question.refresh_from_db()
    assert not chosen.is_accepted
    assert question.accepted_answer is None
    assert _total(cast.salesperson) == before


def test_accepting_twice_changes_nothing(cast, ask, answer):
    question = ask("open")
    chosen = answer(cast.salesperson, question)
    actions.check_accept(cast.engineer, chosen.pk)
    total = _total(cast.salesperson)
    actions.check_accept(cast.engineer, chosen.pk)
    assert _total(cast.salesperson) == total


@pytest.mark.parametrize("persona", ["moderator"])
def test_a_space_moderator_may_accept_for_the_asker(cast, client_for, ask, answer, persona):
    question = ask("open", by=cast.salesperson)
    chosen = answer(cast.outsider, question)
    response = client_for(persona).post(reverse("qa:accept", args=[chosen.pk]), {"on": "1"})
    assert response.status_code == 302
    chosen.refresh_from_db()
    assert chosen.is_accepted


def test_the_space_owner_may_accept_too(cast, client_for, ask, answer):
    question = ask("open", by=cast.salesperson)
    chosen = answer(cast.outsider, question)
    before = _total(cast.outsider)
    response = client_for("engineer").post(reverse("qa:accept", args=[chosen.pk]), {"on": "1"})
    assert response.status_code == 302
    chosen.refresh_from_db()
    question.refresh_from_db()
    assert chosen.is_accepted and chosen.accepted_by == cast.engineer
    assert question.accepted_answer == chosen
    assert _total(cast.outsider) == before + policy.get("reputation.accepted_answer_points")


@pytest.mark.parametrize("persona", ["salesperson", "outsider"])
def test_anyone_else_gets_a_403_with_a_reason(cast, client_for, ask, answer, persona):
    question = ask("open")
    chosen = answer(cast.moderator, question)
    for on in ("1", "0"):
        response = client_for(persona).post(reverse("qa:accept", args=[chosen.pk]), {"on": on})
        assert response.status_code == 403
        assert "Only the person who asked" in response.content.decode()
    htmx = client_for(persona).post(
        reverse("qa:accept", args=[chosen.pk]), {"on": "1"}, HTTP_HX_REQUEST="true"
    )
    assert htmx.status_code == 403
    assert htmx["HX-Reswap"] == "none"
    chosen.refresh_from_db()
    assert not chosen.is_accepted


@pytest.mark.parametrize("persona", ["salesperson", "outsider"])
def test_a_secret_question_is_404_to_outsiders(cast, client_for, ask, answer, persona):
    question = ask("secret")
    chosen = answer(cast.moderator, question)
    response = client_for(persona).post(reverse("qa:accept", args=[chosen.pk]), {"on": "1"})
    assert response.status_code == 404
    missing = client_for(persona).post(reverse("qa:accept", args=[chosen.pk + 1000]))
    assert missing.status_code == 404
    chosen.refresh_from_db()
    assert not chosen.is_accepted


def test_the_database_refuses_a_second_accepted_answer(cast, ask, answer):
    question = ask("open")
    first = answer(cast.salesperson, question)
    second = answer(cast.outsider, question)
    actions.check_accept(cast.engineer, first.pk)
    with pytest.raises(IntegrityError), transaction.atomic():
        Answer.objects.filter(pk=second.pk).update(is_accepted=True)


def test_the_question_lists_and_cards_show_the_accepted_mark(cast, client_for, ask, answer):
    question = ask("open")
    chosen = answer(cast.salesperson, question)
    actions.check_accept(cast.engineer, chosen.pk)
    client = client_for("salesperson")
    listed = client.get(reverse("qa:list"), {"show": "all"}).content.decode()
    assert "</svg> Accepted</span>" in listed
    feed = client.get(cast.open_space.get_absolute_url()).content.decode()
    assert "Has an accepted answer" in feed
    assert f'id="question-{question.pk}"' not in client.get(reverse("qa:list")).content.decode()


def test_an_answer_deleted_meanwhile_cannot_be_accepted(cast, ask, answer):
    question = ask("open")
    reply = answer(cast.salesperson, question)
    stale = actions.access_answer(cast.engineer, reply.pk)  # read before the deletion
    actions.check_delete_answer(cast.salesperson, reply.pk)
    with pytest.raises(ActionError, match="just deleted"):
        actions.do_accept(stale, accepter=cast.engineer)
    question.refresh_from_db()
    assert question.accepted_answer is None
    assert not Answer.objects.filter(is_accepted=True).exists()
