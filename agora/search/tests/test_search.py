"""Search finds what a person may read, and nothing else, whatever they type."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from agora.posts import actions
from agora.spaces.models import Visibility
from agora.testing.budgets import PAGE_BASE
from agora.testing.personas import PERSONAS

pytestmark = pytest.mark.django_db

READERS = {
    Visibility.OPEN: {"engineer", "salesperson", "moderator", "outsider"},
    Visibility.PRIVATE: {"engineer", "salesperson", "moderator"},
    Visibility.SECRET: {"engineer", "moderator"},
}
MATRIX = [(p, v) for p in PERSONAS for v in Visibility]


def post_ids(html: str) -> set[int]:
    found = re.findall(r'<article class="card (?:post|hit)[^"]*" id="post-(\d+)"', html)
    return {int(i) for i in found}


def search(client, text: str, **extra):
    return client.get(reverse("search:search"), {"q": text, **extra})


@pytest.mark.parametrize(("persona", "visibility"), MATRIX, ids=[f"{p}-{v}" for p, v in MATRIX])
def test_it_finds_a_post_only_for_people_who_may_read_it(cast, client_for, persona, visibility):
    post = cast.post_in(visibility)
    response = search(client_for(persona), f"{visibility.value}news")
    assert response.status_code == 200
    assert (post.pk in post_ids(response.content.decode())) is (persona in READERS[visibility])


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_never_names_a_secret_space_to_outsiders(cast, client_for, persona):
    client = client_for(persona)
    member = persona in READERS[Visibility.SECRET]
    page = search(client, "Secret Space").content.decode()
    suggestions = client.get(
        reverse("search:suggest"), {"q": "Secret"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    for html in (page, suggestions):
        assert (cast.secret_space.get_absolute_url() in html) is member


def test_it_matches_every_word_and_the_last_as_a_prefix(cast, client_for):
    client = client_for("engineer")
    actions.check_create_post(cast.engineer, space=None, body="Kubernetes upgrade next Tuesday")
    actions.check_create_post(cast.engineer, space=None, body="Kubernetes training is full")
    assert len(post_ids(search(client, "kubernetes").content.decode())) == 2
    assert len(post_ids(search(client, "kubernetes upgr").content.decode())) == 1
    assert len(post_ids(search(client, "KUBERNETES Tuesday").content.decode())) == 1


def test_it_follows_edits_and_deletions(cast, client_for):
    client = client_for("engineer")
    post = actions.check_create_post(cast.engineer, space=None, body="Quarterly roadmap draft")
    actions.check_edit_post(cast.engineer, post.pk, "Quarterly budget draft")
    assert post.pk not in post_ids(search(client, "roadmap").content.decode())
    assert post.pk in post_ids(search(client, "budget").content.decode())
    actions.check_delete_post(cast.engineer, post.pk)
    assert post.pk not in post_ids(search(client, "budget").content.decode())


HOSTILE = [
    '"unclosed',
    "a OR b NEAR(c d)",
    "body:secret",
    "* ^ - +",
    "'); DROP TABLE posts_post; --",
    "\\x00\\\\",
    "ünïcødé café",
    "x" * 5000,
    "AND",
    "%_%",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_it_answers_any_query_without_an_error(cast, client_for, text):
    response = search(client_for("outsider"), text)
    assert response.status_code == 200
    assert cast.secret_post.pk not in post_ids(response.content.decode())


def test_it_finds_words_with_accents_either_way(cast, client_for):
    actions.check_create_post(cast.engineer, space=None, body="Réunion au café de Lisbonne")
    client = client_for("outsider")
    assert len(post_ids(search(client, "cafe").content.decode())) == 1
    assert len(post_ids(search(client, "réunion").content.decode())) == 1


def test_it_invites_a_query_when_given_nothing(client_for, cast):
    response = search(client_for("outsider"), "   ")
    assert response.status_code == 200
    assert "What are you looking for?" in response.content.decode()


def test_it_finds_people_by_skill_and_spaces_by_description(cast, client_for):
    html = search(client_for("outsider"), "engineering").content.decode()
    assert cast.engineer.get_absolute_url() in html
    html = search(client_for("outsider"), "private space").content.decode()
    assert cast.private_space.get_absolute_url() in html  # listed, even if not readable


def test_it_pages_through_results_with_a_cursor(cast, client_for, settings):
    settings.AGORA_FEED_PAGE_SIZE = 2
    for i in range(5):
        actions.check_create_post(cast.salesperson, space=None, body=f"Pipeline review {i}")
    client = client_for("engineer")
    html = search(client, "pipeline").content.decode()
    seen = post_ids(html)
    while 'class="load-more"' in html:
        start = html.index('hx-get="', html.index('class="load-more"')) + len('hx-get="')
        url = html[start : html.index('"', start)].replace("&amp;", "&")
        html = client.get(url, HTTP_HX_REQUEST="true").content.decode()
        seen |= post_ids(html)
    assert len(seen) == 5


def test_search_page_budget(cast, client_for, django_assert_num_queries):
    # PAGE_BASE + matching readable posts (the index joined with the visibility rule,
    # with authors, departments, spaces) + people + spaces
    client = client_for("engineer")
    for i in range(3):
        actions.check_create_post(cast.salesperson, space=cast.open_space, body=f"Atlas {i}")
    with django_assert_num_queries(PAGE_BASE + 3):
        assert search(client, "atlas").status_code == 200
    for i in range(12):
        actions.check_create_post(cast.salesperson, space=cast.open_space, body=f"Atlas {i}")
    with django_assert_num_queries(PAGE_BASE + 3):
        response = search(client, "atlas")
    assert len(post_ids(response.content.decode())) == 15


def test_the_top_bar_suggests_people_and_spaces(cast, client_for):
    response = client_for("outsider").get(
        reverse("search:suggest"), {"q": "ada"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert cast.engineer.get_absolute_url() in html
    assert "Search posts for “ada”" in html


def test_it_shows_an_excerpt_with_the_words_marked_and_escaped(cast, client_for):
    body = "Intro. " + "filler " * 60 + "The <b>Atlas</b> **migration** plan is ready & approved."
    actions.check_create_post(cast.engineer, space=None, body=body)
    html = search(client_for("outsider"), "migration plan").content.decode()
    assert "<mark>migration</mark> <mark>plan</mark>" in html
    assert "&lt;b&gt;Atlas&lt;/b&gt;" in html  # the author's raw HTML stays text
    assert "…" in html  # the excerpt starts near the match, not at the top of the post


def test_it_finds_questions_by_their_title_and_follows_title_edits(cast, client_for):
    from agora.qa.actions import check_ask

    question = check_ask(
        cast.salesperson,
        space=None,
        title="Does Atlas support single sign-on through Okta?",
        body="A customer asked during the renewal.",
    )
    client = client_for("outsider")
    html = search(client, "okta").content.decode()
    assert question.pk in post_ids(html)
    assert "<mark>Okta</mark>" in html  # the title is shown, with the word marked
    actions.check_edit_post(
        cast.salesperson,
        question.pk,
        "A customer asked during the renewal.",
        title="Does Atlas support single sign-on through Azure AD?",
    )
    assert question.pk not in post_ids(search(client, "okta").content.decode())
    assert question.pk in post_ids(search(client, "azure").content.decode())


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_finds_answers_naming_their_question_only_for_readers(cast, client_for, persona):
    from agora.qa import actions as qa

    question = qa.check_ask(
        cast.engineer, space=cast.private_space, title="How do we rotate the vault keys?", body=""
    )
    reply = qa.check_answer(cast.moderator, question.pk, "Use the zanzibar rotation script.")
    html = search(client_for(persona), "zanzibar").content.decode()
    readable = persona in READERS[Visibility.PRIVATE]
    assert (reply.pk in post_ids(html)) is readable
    if readable:
        assert f'href="{reply.get_absolute_url()}">How do we rotate the vault keys?</a>' in html
        assert '<span class="badge">Answer</span>' in html
    else:
        assert "vault keys" not in html
    # Deleting the question takes its answers out of search too.
    actions.check_delete_post(cast.engineer, question.pk)
    assert reply.pk not in post_ids(search(client_for(persona), "zanzibar").content.decode())
