"""Official answers: people the administrators name official voices mark their own."""

from __future__ import annotations

import pytest
from django.urls import reverse

from agora.core import policy
from agora.people import actions as people
from agora.people.models import User
from agora.qa.models import Answer
from agora.reputation.models import Reputation
from agora.testing.pages import without_csrf
from agora.testing.personas import Cast

pytestmark = pytest.mark.django_db


@pytest.fixture
def voice(cast: Cast) -> User:
    """The salesperson, named an official voice (say, for pricing) by an administrator."""
    people.do_update_account(cast.salesperson, is_official_voice=True)
    return cast.salesperson


def test_an_official_voice_marks_their_own_answer(cast, client_for, ask, answer, voice):
    question = ask("open")
    mine = answer(voice, question, "List prices are in the price book.")
    client = client_for("salesperson")
    page = client.get(question.get_absolute_url()).content.decode()
    assert "</svg> Mark official" in page
    response = client.post(
        reverse("qa:official", args=[mine.pk]), {"on": "1"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert "</svg> Official answer" in response.content.decode()
    mine.refresh_from_db()
    assert mine.is_official
    points = policy.get("reputation.official_answer_points")
    assert Reputation.objects.get(user=voice).total == points
    # Everyone sees the mark, in words (not only a colour).
    seen = client_for("outsider").get(question.get_absolute_url()).content.decode()
    assert "Official answer" in seen
    assert "answer-official" in seen


def test_removing_the_mark_reverses_the_credit(cast, client_for, ask, answer, voice):
    question = ask("open")
    mine = answer(voice, question)
    client = client_for("salesperson")
    client.post(reverse("qa:official", args=[mine.pk]), {"on": "1"})
    response = client.post(reverse("qa:official", args=[mine.pk]), {"on": "0"})
    assert response.status_code == 302
    assert response["Location"] == mine.get_absolute_url()
    mine.refresh_from_db()
    assert not mine.is_official
    assert Reputation.objects.get(user=voice).total == 0
    page = client.get(question.get_absolute_url()).content.decode()
    assert "</svg> Official answer" not in page
    assert "Mark official" in page  # the mark is gone and can be given again


def test_people_who_are_not_official_voices_get_a_403(cast, client_for, ask, answer):
    question = ask("open")
    mine = answer(cast.salesperson, question)
    client = client_for("salesperson")
    assert "Mark official" not in client.get(question.get_absolute_url()).content.decode()
    response = client.post(reverse("qa:official", args=[mine.pk]), {"on": "1"})
    assert response.status_code == 403
    assert "official voices" in response.content.decode()
    assert not Answer.objects.filter(is_official=True).exists()


def test_an_official_voice_cannot_mark_someone_elses_answer(cast, client_for, ask, answer, voice):
    question = ask("open")
    theirs = answer(cast.outsider, question)
    client = client_for("salesperson")
    assert "Mark official" not in client.get(question.get_absolute_url()).content.decode()
    response = client.post(reverse("qa:official", args=[theirs.pk]), {"on": "1"})
    assert response.status_code == 403
    assert "only your own answers" in response.content.decode()
    theirs.refresh_from_db()
    assert not theirs.is_official


def test_a_secret_answer_is_404_even_to_an_official_voice(cast, client_for, ask, answer, voice):
    question = ask("secret")
    theirs = answer(cast.moderator, question)
    client = client_for("salesperson")
    response = client.post(reverse("qa:official", args=[theirs.pk]), {"on": "1"})
    missing = client.post(reverse("qa:official", args=[theirs.pk + 1000]), {"on": "1"})
    assert response.status_code == missing.status_code == 404
    assert without_csrf(response.content) == without_csrf(missing.content)
    theirs.refresh_from_db()
    assert not theirs.is_official
    assert not Reputation.objects.filter(user=cast.moderator, total__gt=0).exists()
