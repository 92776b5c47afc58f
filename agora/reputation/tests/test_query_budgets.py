"""The leaderboard and expert pages cost a fixed number of queries, however many people
are ranked on them. Each budget names its queries."""

from __future__ import annotations

import pytest
from django.urls import reverse

from agora.people.models import Level, Standing
from agora.posts import actions as posts
from agora.qa import actions as qa
from agora.reputation.tests.helpers import answer, ask
from agora.testing.budgets import PAGE_BASE
from agora.testing.crowd import make_crowd

pytestmark = pytest.mark.django_db


def _earners(cast, count: int, prefix: str) -> None:
    """``count`` more people who each answered a #deploys question, had it accepted and
    got a thumbs-up for it; half of them leaders (so their chips carry a label)."""
    for i, person in enumerate(make_crowd(count, prefix=prefix)):
        question = ask(cast.salesperson, title=f"Question number {prefix} {i}", tags=["deploys"])
        reply = answer(person, question)
        qa.do_accept(reply, accepter=cast.salesperson)
        posts.do_add_reaction(cast.outsider, reply.post, "thumbs_up")
        Standing.objects.update_or_create(
            user=person, defaults={"level": Level.LEADER if i % 2 else Level.MEMBER}
        )


def _assert_flat(client, url, query, expected, django_assert_num_queries, cast, marker):
    _earners(cast, 2, "few")
    with django_assert_num_queries(expected):
        first = client.get(url, query)
    assert first.status_code == 200
    _earners(cast, 12, "many")
    with django_assert_num_queries(expected):
        second = client.get(url, query)
    assert second.status_code == 200
    assert second.content.count(marker) > first.content.count(marker) >= 2


def test_leaderboard_budget(cast, client_for, django_assert_num_queries):
    # PAGE_BASE + departments (select) + tags of readable posts (select)
    # + totals per person over readable events + those people (department, level)
    _assert_flat(
        client_for("engineer"),
        reverse("reputation:leaderboard"),
        {"period": "all"},
        PAGE_BASE + 4,
        django_assert_num_queries,
        cast,
        b'<td class="num rank">',
    )


def test_scoped_leaderboard_budget(cast, client_for, django_assert_num_queries):
    # PAGE_BASE + the space (readable by the viewer) + the tag + departments
    # + tags of readable posts + totals per person + those people
    client = client_for("engineer")
    url = reverse("reputation:leaderboard")
    query = {"period": "month", "space": cast.open_space.slug, "tag": "opennews"}
    posts.do_add_reaction(cast.outsider, cast.open_post, "thumbs_up")
    with django_assert_num_queries(PAGE_BASE + 6):
        assert client.get(url, query).status_code == 200
    for person in make_crowd(10):
        reply = answer(person, ask(cast.salesperson, space=cast.open_space, tags=["opennews"]))
        posts.do_add_reaction(cast.outsider, reply.post, "thumbs_up")
    with django_assert_num_queries(PAGE_BASE + 6):
        response = client.get(url, query)
    assert response.content.count(b'<td class="num rank">') == 11


def test_experts_budget(cast, client_for, django_assert_num_queries):
    # PAGE_BASE + the tag + totals per person in the tag + those people (department, level)
    # + their best readable answers in the tag (ranked in SQL, three each)
    _assert_flat(
        client_for("outsider"),
        reverse("reputation:experts", args=["deploys"]),
        {},
        PAGE_BASE + 4,
        django_assert_num_queries,
        cast,
        b'class="card expert',
    )
