"""The Q&A visibility matrix: persona × space visibility × every page, fragment and endpoint.

A question is visible exactly when its post is. In a secret space it answers 404 to
non-members everywhere (page, answer, accept, official, comment, reaction, leader tools,
lists), exactly like a question that does not exist.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from agora.qa.models import Answer, Question
from agora.spaces.models import Visibility
from agora.testing.pages import without_csrf
from agora.testing.personas import PERSONAS, Cast

READERS = {
    Visibility.OPEN: {"engineer", "salesperson", "moderator", "outsider"},
    Visibility.PRIVATE: {"engineer", "salesperson", "moderator"},
    Visibility.SECRET: {"engineer", "moderator"},
}
MEMBERS = {
    Visibility.OPEN: {"engineer", "salesperson", "moderator"},
    Visibility.PRIVATE: {"engineer", "salesperson", "moderator"},
    Visibility.SECRET: {"engineer", "moderator"},
}
MATRIX = [(p, v) for p in PERSONAS for v in Visibility]
IDS = [f"{p}-{v.value}" for p, v in MATRIX]

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(cast: Cast, client_for, ask, answer) -> Callable[..., tuple[Client, Question, Answer]]:
    """The engineer asks in the space (tagged #vis); the moderator answers."""

    def make(persona: str, visibility: Visibility) -> tuple[Client, Question, Answer]:
        question = ask(visibility, title=f"A {visibility.value} question here", tags="vis")
        reply = answer(cast.moderator, question, f"A {visibility.value} answer")
        return client_for(persona), question, reply

    return make


@pytest.mark.parametrize(("persona", "visibility"), MATRIX, ids=IDS)
def test_the_question_page_and_its_fragment_show_only_to_readers(setup, persona, visibility):
    client, question, reply = setup(persona, visibility)
    allowed = persona in READERS[visibility]
    page = client.get(question.get_absolute_url())
    assert page.status_code == (200 if allowed else 404)
    assert (question.title in page.content.decode()) is allowed
    assert (reply.body in page.content.decode()) is allowed
    fragment = client.get(question.get_absolute_url(), HTTP_HX_REQUEST="true")
    assert fragment.status_code == (200 if allowed else 404)
    assert (f'id="answer-{reply.pk}"' in fragment.content.decode()) is allowed


@pytest.mark.parametrize(("persona", "visibility"), MATRIX, ids=IDS)
def test_the_lists_show_the_question_only_to_readers(setup, cast, persona, visibility):
    client, question, _reply = setup(persona, visibility)
    allowed = persona in READERS[visibility]
    row = f'id="question-{question.pk}"'
    for params in ({"show": "all"}, {"show": "open"}, {"tag": "vis", "show": "all"}):
        response = client.get(reverse("qa:list"), params)
        assert response.status_code == 200
        assert (row in response.content.decode()) is allowed, params
    scoped = client.get(reverse("qa:list"), {"space": cast.space(visibility).slug, "show": "all"})
    if visibility == Visibility.SECRET and not allowed:
        assert scoped.status_code == 404
        assert cast.secret_space.name not in scoped.content.decode()
    else:
        assert scoped.status_code == 200
        assert (row in scoped.content.decode()) is allowed
    # The home feed carries the question's card for the space's members (all readers).
    home = client.get(reverse("home")).content.decode()
    assert (f'id="post-{question.pk}"' in home) is (persona in MEMBERS[visibility])
    # "Questions you could answer": members, never a non-reader, never the asker (the
    # engineer) nor someone who answered already (the moderator).
    suggested = persona in MEMBERS[visibility] and persona not in ("engineer", "moderator")
    aside = client.get(reverse("qa:suggested")).content.decode()
    assert (question.title in aside) is suggested


@pytest.mark.parametrize(("persona", "visibility"), MATRIX, ids=IDS)
def test_answering_commenting_and_reacting_only_for_readers(setup, persona, visibility):
    client, question, reply = setup(persona, visibility)
    allowed = persona in READERS[visibility]
    status = 200 if allowed else 404
    htmx = {"HTTP_HX_REQUEST": "true"}
    answered = client.post(reverse("qa:answer", args=[question.pk]), {"body": "Me too"}, **htmx)
    assert answered.status_code == status
    commented = client.post(
        reverse("qa:answer_comments", args=[reply.pk]), {"body": "Thanks"}, **htmx
    )
    assert commented.status_code == status
    assert client.get(reverse("qa:answer_comments", args=[reply.pk])).status_code == (
        302 if allowed else 404
    )
    reacted = client.post(reverse("posts:react", args=[reply.pk]), {"set": "thumbs_up:1"}, **htmx)
    assert reacted.status_code == status
    question_comment = client.post(
        reverse("posts:comments", args=[question.pk]), {"body": "On the question"}, **htmx
    )
    assert question_comment.status_code == status
    question.refresh_from_db()
    reply.refresh_from_db()
    assert question.answer_count == (2 if allowed else 1)
    assert reply.comment_count == (1 if allowed else 0)
    assert reply.thumbs_up_count == (1 if allowed else 0)


@pytest.mark.parametrize(("persona", "visibility"), MATRIX, ids=IDS)
def test_accept_official_and_delete_are_404_to_non_readers_and_403_to_others(
    setup, persona, visibility
):
    client, _question, reply = setup(persona, visibility)
    allowed = persona in READERS[visibility]
    # The engineer asked and owns every space; the moderator moderates them all.
    may_moderate = persona in ("engineer", "moderator")
    expected = 302 if allowed and may_moderate else 403 if allowed else 404
    for name in ("qa:accept", "qa:official", "qa:delete_answer"):
        response = client.post(reverse(name, args=[reply.pk]), {"on": "1"})
        wanted = expected
        if name == "qa:official" and allowed:
            wanted = 403  # nobody in the cast is an official voice
        assert response.status_code == wanted, name
    reply.refresh_from_db()
    # Deleting the accepted answer also withdrew the acceptance.
    assert not reply.is_accepted
    assert (reply.deleted_at is not None) is (allowed and may_moderate)


@pytest.mark.parametrize(("persona", "visibility"), MATRIX, ids=IDS)
def test_leader_tools_are_404_to_non_readers(setup, persona, visibility):
    client, question, _reply = setup(persona, visibility)
    allowed = persona in READERS[visibility]
    # The asker retags; the site moderator holds every privilege; the owner pins.
    retag = client.post(reverse("qa:retag", args=[question.pk]), {"tags": "new"})
    duplicate = client.post(reverse("qa:duplicate", args=[question.pk]), {"original": ""})
    pin = client.post(reverse("posts:pin", args=[question.pk]), {"on": "1"})
    if not allowed:
        assert (retag.status_code, duplicate.status_code, pin.status_code) == (404, 404, 404)
        return
    privileged = persona in ("engineer", "moderator")
    assert retag.status_code == (302 if privileged else 403)
    assert duplicate.status_code == (302 if persona == "moderator" else 403)
    assert pin.status_code == (302 if privileged else 403)


@pytest.mark.parametrize("persona", ["salesperson", "outsider"])
def test_a_secret_question_answers_exactly_like_a_missing_one(setup, persona):
    client, question, reply = setup(persona, Visibility.SECRET)
    missing_question = question.pk + 10_000
    missing_answer = reply.pk + 10_000
    pairs = [
        ("get", reverse("posts:detail", args=[question.pk]), f"/posts/{missing_question}/"),
        (
            "get",
            reverse("qa:question", args=[question.pk]),
            reverse("qa:question", args=[missing_question]),
        ),
        (
            "post",
            reverse("qa:answer", args=[question.pk]),
            reverse("qa:answer", args=[missing_question]),
        ),
        (
            "post",
            reverse("qa:accept", args=[reply.pk]),
            reverse("qa:accept", args=[missing_answer]),
        ),
        (
            "post",
            reverse("qa:answer_comments", args=[reply.pk]),
            reverse("qa:answer_comments", args=[missing_answer]),
        ),
        (
            "post",
            reverse("posts:react", args=[reply.pk]),
            reverse("posts:react", args=[missing_answer]),
        ),
    ]
    for method, secret_url, missing_url in pairs:
        secret = getattr(client, method)(secret_url, {"body": "x", "set": "thumbs_up:1"})
        missing = getattr(client, method)(missing_url, {"body": "x", "set": "thumbs_up:1"})
        assert secret.status_code == missing.status_code == 404, secret_url
        assert without_csrf(secret.content) == without_csrf(missing.content)


def test_a_company_wide_question_is_open_to_everyone(cast, client_for, ask, answer):
    question = ask(None)
    answer(cast.moderator, question)
    for persona in PERSONAS:
        assert client_for(persona).get(question.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(("persona", "visibility"), MATRIX, ids=IDS)
def test_editing_an_answer_is_404_to_non_readers_and_403_to_all_but_its_author(
    setup, persona, visibility
):
    client, _question, reply = setup(persona, visibility)
    allowed = persona in READERS[visibility]
    author = persona == "moderator"  # who answered (see ``setup``)
    url = reverse("qa:edit_answer", args=[reply.pk])
    expected_get = (200 if author else 403) if allowed else 404
    assert client.get(url).status_code == expected_get
    response = client.post(url, {"body": "Edited by " + persona})
    assert response.status_code == ((302 if author else 403) if allowed else 404)
    reply.refresh_from_db()
    assert (reply.body == "Edited by " + persona) is (allowed and author)
