"""The actions refuse NUL in the text they are given, whoever calls them (the demo seeder,
a command, the API), with the same reason as a page, and write nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from agora.core.errors import ActionError
from agora.core.nul import NUL_MESSAGE
from agora.people import actions as people
from agora.posts import actions as posts
from agora.qa import actions as qa
from agora.spaces import actions as spaces
from agora.testing.database import changes, snapshot
from agora.testing.personas import PASSWORD, Cast, image_upload

pytestmark = pytest.mark.django_db

NUL = "with\x00nul"
TITLE = "How do I rotate the staging database password?"


def ask(cast: Cast, title: str = TITLE, body: str = "The runbook link is broken.") -> Any:
    return qa.check_ask(cast.engineer, space=cast.open_space, title=title, body=body)


def edit_question(c: Cast) -> Callable[[], object]:
    question = ask(c)
    return lambda: posts.check_edit_post(c.engineer, question.pk, "Details", title=NUL)


def edit_answer(c: Cast) -> Callable[[], object]:
    answer = qa.check_answer(c.salesperson, ask(c).pk, "Use the vault CLI.")
    return lambda: qa.check_edit_answer(c.salesperson, answer.pk, NUL)


def answer_question(c: Cast) -> Callable[[], object]:
    question = ask(c)
    return lambda: qa.check_answer(c.salesperson, question.pk, NUL)


# Each prepares what the write needs, then returns the write.
WRITES: dict[str, Callable[[Cast], Callable[[], object]]] = {
    "a post": lambda c: lambda: posts.check_create_post(c.engineer, space=None, body=NUL),
    "an image description": lambda c: (
        lambda: posts.check_create_post(
            c.engineer, space=None, body="Our stand", uploads=[image_upload(alt_text=NUL)]
        )
    ),
    "an edited post": lambda c: lambda: posts.check_edit_post(c.engineer, c.company_post.pk, NUL),
    "a comment": lambda c: lambda: posts.check_add_comment(c.salesperson, c.open_post.pk, NUL),
    "a question's title": lambda c: lambda: ask(c, title=f"{TITLE} {NUL}"),
    "a question's details": lambda c: lambda: ask(c, body=NUL),
    "an edited question's title": edit_question,
    "an answer": answer_question,
    "an edited answer": edit_answer,
    "a new account's name": lambda c: (
        lambda: people.create_user("nina@example.com", display_name=NUL, password=PASSWORD)
    ),
    "a new account's skills": lambda c: (
        lambda: people.create_user(
            "nina@example.com", display_name="Nina", password=PASSWORD, skills=[NUL]
        )
    ),
    "a profile's job title": lambda c: (
        lambda: people.do_update_profile(c.engineer, skills=[], job_title=NUL)
    ),
    "a profile's skills": lambda c: (
        lambda: people.do_update_profile(c.engineer, skills=["Go", NUL])
    ),
    "a space's name": lambda c: (
        lambda: spaces.do_create_space(c.engineer, name=NUL, kind="team", visibility="open")
    ),
    "a space's description": lambda c: (
        lambda: spaces.do_update_space(
            c.open_space, name="Open Space", description=NUL, kind="team", visibility="open"
        )
    ),
    "a request to join": lambda c: lambda: spaces.do_join(c.outsider, c.private_space, message=NUL),
}


@pytest.mark.parametrize("what", WRITES)
def test_it_refuses_nul_in(cast, what) -> None:
    write = WRITES[what](cast)
    before = snapshot()
    with pytest.raises(ActionError) as refused:
        write()
    assert refused.value.message == NUL_MESSAGE
    assert refused.value.status == 400
    assert not changes(before, snapshot())
