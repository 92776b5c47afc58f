"""Answering a question, the order answers are shown in, and deleting answers."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from agora.notifications.models import Notification, NotificationKind
from agora.people import actions as people
from agora.posts import actions as posts
from agora.posts.models import Mention
from agora.qa import actions
from agora.qa.models import Answer, Question
from agora.testing.events import deliver

pytestmark = pytest.mark.django_db


def _answer_ids(html: str) -> list[int]:
    return [
        int(n) for n in re.findall(r'<article class="card answer[^"]*" id="answer-(\d+)"', html)
    ]


def test_it_appends_the_answer_without_a_reload(cast, client_for, ask):
    question = ask("open")
    response = client_for("salesperson").post(
        reverse("qa:answer", args=[question.pk]),
        {"body": "Ask @maya-moderator, she rotated it last week."},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    answer = Answer.objects.get()
    html = response.content.decode()
    assert f'id="answer-{answer.pk}"' in html
    assert "Answer by Sam Sales" in html
    # The heading's count is updated out of band.
    assert '<span id="answers-count" hx-swap-oob="true">1 answer</span>' in html
    question.refresh_from_db()
    assert question.answer_count == 1
    assert question.last_activity_at == answer.created_at
    assert Mention.objects.filter(post=answer.post, user=cast.moderator).exists()
    deliver()
    told = Notification.objects.get(kind=NotificationKind.NEW_ANSWER)
    assert (told.user, told.answer) == (cast.engineer, answer.post)


def test_it_answers_as_a_plain_form_and_goes_to_the_answer(cast, client_for, ask):
    question = ask("open")
    response = client_for("outsider").post(
        reverse("qa:answer", args=[question.pk]), {"body": "Use the vault CLI."}
    )
    answer = Answer.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/questions/{question.pk}/#answer-{answer.pk}"


def test_it_refuses_an_empty_answer_keeping_the_page(cast, client_for, ask):
    question = ask("open")
    url = reverse("qa:answer", args=[question.pk])
    client = client_for("salesperson")
    fragment = client.post(url, {"body": "  "}, HTTP_HX_REQUEST="true")
    assert fragment.status_code == 400
    assert fragment["HX-Retarget"] == "#answer-form-error"
    assert "Write your answer before you send it." in fragment.content.decode()
    page = client.post(url, {"body": "x" * 32_001})
    assert page.status_code == 400
    html = page.content.decode()
    assert "the limit is 32,000" in html
    assert question.title in html  # the question page, with the typed answer kept
    assert "x" * 100 in html
    assert not Answer.objects.exists()


def test_it_ranks_accepted_first_then_official_then_thumbs_up_then_oldest(
    cast, client_for, ask, answer
):
    question = ask(None)
    people.do_update_account(cast.engineer, is_official_voice=True)
    first = answer(cast.salesperson, question, "First")
    popular = answer(cast.moderator, question, "Popular")
    accepted = answer(cast.outsider, question, "Accepted")
    official = answer(cast.engineer, question, "Official")
    last = answer(cast.salesperson, question, "Last")
    for person in (cast.salesperson, cast.outsider):
        posts.do_add_reaction(person, popular.post, "thumbs_up")
    actions.check_accept(cast.engineer, accepted.pk)
    actions.check_official(cast.engineer, official.pk, official=True)
    html = client_for("moderator").get(question.get_absolute_url()).content.decode()
    assert _answer_ids(html) == [accepted.pk, official.pk, popular.pk, first.pk, last.pk]
    assert "5 answers" in html
    assert html.count("Accepted answer") == 1
    # Thumbs-up never lift an answer above the official one.
    posts.do_add_reaction(cast.moderator, first.post, "thumbs_up")
    posts.do_add_reaction(cast.salesperson, last.post, "thumbs_up")
    posts.do_add_reaction(cast.outsider, last.post, "thumbs_up")
    posts.do_add_reaction(cast.moderator, last.post, "thumbs_up")
    html = client_for("moderator").get(question.get_absolute_url()).content.decode()
    assert _answer_ids(html) == [accepted.pk, official.pk, last.pk, popular.pk, first.pk]


def test_it_shows_the_accept_button_to_the_asker_only(cast, client_for, ask, answer):
    question = ask("open")
    answer(cast.salesperson, question)
    asker = client_for("engineer").get(question.get_absolute_url()).content.decode()
    reader = client_for("outsider").get(question.get_absolute_url()).content.decode()
    assert "> Accept<span" in asker
    assert "> Accept<span" not in reader


def test_it_lets_the_author_and_moderators_delete_an_answer(cast, client_for, ask, answer):
    question = ask("open")
    mine = answer(cast.salesperson, question, "Mine")
    theirs = answer(cast.outsider, question, "Theirs")
    refused = client_for("salesperson").post(reverse("qa:delete_answer", args=[theirs.pk]))
    assert refused.status_code == 403
    assert "You can only delete your own answers." in refused.content.decode()
    own = client_for("salesperson").post(
        reverse("qa:delete_answer", args=[mine.pk]), HTTP_HX_REQUEST="true"
    )
    assert own.status_code == 200
    assert f'id="answer-{mine.pk}"' not in own.content.decode()
    assert f'id="answer-{theirs.pk}"' in own.content.decode()
    by_moderator = client_for("moderator").post(reverse("qa:delete_answer", args=[theirs.pk]))
    assert by_moderator.status_code == 302
    question.refresh_from_db()
    assert question.answer_count == 0
    assert Answer.objects.filter(post__deleted_at__isnull=False).count() == 2
    # A deleted answer is gone everywhere, including its endpoints.
    again = client_for("moderator").post(reverse("qa:accept", args=[theirs.pk]))
    assert again.status_code == 404


def test_deleting_the_accepted_answer_reopens_the_question(cast, ask, answer):
    question = ask("open")
    accepted = answer(cast.salesperson, question)
    actions.check_accept(cast.engineer, accepted.pk)
    actions.check_delete_answer(cast.salesperson, accepted.pk)
    question.refresh_from_db()
    assert question.accepted_answer is None
    assert not Answer.objects.filter(is_accepted=True).exists()


def test_a_post_that_is_not_a_question_has_no_answers(cast, client_for):
    response = client_for("engineer").post(
        reverse("qa:answer", args=[cast.open_post.pk]), {"body": "Hmm"}
    )
    assert response.status_code == 404
    assert not Answer.objects.exists()
    assert not Question.objects.filter(pk=cast.open_post.pk).exists()
