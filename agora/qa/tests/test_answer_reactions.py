"""Reactions on answers: the same bar as posts; a thumbs-up credits the answer's author."""

from __future__ import annotations

import pytest
from django.urls import reverse

from agora.core import policy
from agora.posts.models import Reaction
from agora.reputation.models import Reputation, ReputationEvent

pytestmark = pytest.mark.django_db


def _total(user) -> int:
    found = Reputation.objects.filter(user=user).first()
    return found.total if found else 0


def test_a_thumbs_up_on_an_answer_credits_its_author(cast, client_for, ask, answer):
    question = ask("open")
    reply = answer(cast.engineer, question, "Rotate it with the vault CLI.")
    before = _total(cast.engineer)
    response = client_for("salesperson").post(
        reverse("posts:react", args=[reply.pk]),
        {"set": "thumbs_up:1"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-kind="thumbs_up"' in html and 'aria-pressed="true"' in html
    assert f'action="/posts/{reply.pk}/reactions/"' in html  # an answer is a post
    reply.post.refresh_from_db()
    assert reply.thumbs_up_count == 1
    knobs = policy.current()
    # Engineering answered, Sales said thanks: a cross-department thumbs-up.
    expected = round(
        knobs["reputation.thumbs_up_points"] * knobs["reputation.cross_department_factor"]
    )
    assert _total(cast.engineer) == before + expected
    event = ReputationEvent.objects.get(answer=reply.post)
    assert event.post_id == question.pk and event.cross_department


def test_taking_it_back_and_giving_it_again_earns_once(cast, client_for, ask, answer):
    question = ask("open")
    reply = answer(cast.engineer, question)
    client = client_for("salesperson")
    url = reverse("posts:react", args=[reply.pk])
    client.post(url, {"set": "thumbs_up:1"})
    earned = _total(cast.engineer)
    client.post(url, {"set": "thumbs_up:0"})
    client.post(url, {"set": "thumbs_up:1"})
    assert _total(cast.engineer) == earned
    reply.post.refresh_from_db()
    assert reply.thumbs_up_count == 1 == Reaction.objects.filter(post=reply.post).count()


def test_ones_own_thumbs_up_earns_nothing(cast, client_for, ask, answer):
    question = ask("open")
    reply = answer(cast.salesperson, question)
    response = client_for("salesperson").post(
        reverse("posts:react", args=[reply.pk]), {"kind": "thumbs_up", "on": "1"}
    )
    assert response.status_code == 302
    assert response["Location"] == reply.get_absolute_url()
    assert _total(cast.salesperson) == 0


def test_other_reactions_count_but_earn_nothing(cast, client_for, ask, answer):
    question = ask("open")
    reply = answer(cast.engineer, question)
    client_for("salesperson").post(reverse("posts:react", args=[reply.pk]), {"set": "helpful:1"})
    reply.post.refresh_from_db()
    assert reply.post.helpful_count == 1
    assert _total(cast.engineer) == 0


@pytest.mark.parametrize("persona", ["salesperson", "outsider"])
def test_reactions_on_a_secret_answer_are_404(cast, client_for, ask, answer, persona):
    question = ask("secret")
    reply = answer(cast.moderator, question)
    response = client_for(persona).post(
        reverse("posts:react", args=[reply.pk]), {"set": "thumbs_up:1"}
    )
    assert response.status_code == 404
    assert not Reaction.objects.filter(post=reply.post).exists()
