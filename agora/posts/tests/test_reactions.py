"""Reactions: one of each kind per person, counters equal to rows, even under races."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pytest
from django.urls import reverse

from agora.people.actions import create_user
from agora.people.models import User
from agora.posts import actions
from agora.posts.models import Post, Reaction
from agora.testing.concurrency import run_together


def test_it_toggles_a_reaction_and_returns_the_bar(db, cast, client_for):
    client = client_for("salesperson")
    url = reverse("posts:react", args=[cast.open_post.pk])
    on = client.post(url, {"kind": "celebrate", "on": "1"}, HTTP_HX_REQUEST="true")
    assert on.status_code == 200
    html = on.content.decode()
    assert 'data-kind="celebrate"' in html
    assert 'aria-pressed="true"' in html
    cast.open_post.refresh_from_db()
    assert cast.open_post.celebrate_count == 1
    off = client.post(url, {"kind": "celebrate", "on": "0"}, HTTP_HX_REQUEST="true")
    assert 'aria-pressed="true"' not in off.content.decode()
    cast.open_post.refresh_from_db()
    assert cast.open_post.celebrate_count == 0


def test_it_counts_a_repeated_click_once(db, cast, client_for):
    client = client_for("salesperson")
    url = reverse("posts:react", args=[cast.open_post.pk])
    for _ in range(3):
        client.post(url, {"kind": "thumbs_up", "on": "1"})
    cast.open_post.refresh_from_db()
    assert cast.open_post.thumbs_up_count == 1


def test_it_refuses_unknown_reactions(db, cast, client_for):
    response = client_for("salesperson").post(
        reverse("posts:react", args=[cast.open_post.pk]), {"kind": "angry", "on": "1"}
    )
    assert response.status_code == 400
    assert not Reaction.objects.exists()


def test_it_reacts_to_comments_too(db, cast, client_for):
    comment = actions.check_add_comment(cast.engineer, cast.open_post.pk, "Ship it")
    url = reverse("posts:react_comment", args=[comment.pk])
    response = client_for("outsider").post(url, {"kind": "helpful", "on": "1"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.helpful_count == 1


@pytest.mark.django_db(transaction=True)
def test_it_counts_concurrent_clicks_by_one_person_once(cast):
    post = cast.open_post
    run_together([lambda: actions.do_add_reaction(cast.salesperson, post, "thumbs_up")] * 12)
    post.refresh_from_db()
    assert post.thumbs_up_count == 1
    assert Reaction.objects.filter(post=post).count() == 1


@pytest.mark.django_db(transaction=True)
def test_it_counts_concurrent_reactions_by_many_people_exactly(cast):
    people = [create_user(f"r{i}@example.com", display_name=f"Reactor {i}") for i in range(16)]
    post = cast.open_post
    run_together([partial(actions.do_add_reaction, p, post, "thumbs_up") for p in people])
    post.refresh_from_db()
    assert post.thumbs_up_count == 16 == Reaction.objects.filter(post=post).count()


@pytest.mark.django_db(transaction=True)
def test_it_keeps_counters_equal_to_rows_under_interleaved_like_and_unlike(cast):
    post = cast.open_post
    people = [cast.salesperson, cast.moderator, cast.outsider]

    def churn(person: User) -> Callable[[], None]:
        def work() -> None:
            for i in range(6):
                if i % 2 == 0:
                    actions.do_add_reaction(person, post, "insightful")
                else:
                    actions.do_remove_reaction(person, post, "insightful")
                actions.do_add_reaction(person, post, "insightful")

        return work

    run_together([churn(p) for p in people for _ in range(2)])
    post.refresh_from_db()
    rows = Reaction.objects.filter(post=post, kind="insightful").count()
    assert post.insightful_count == rows == 3
    assert Post.objects.get(pk=post.pk).insightful_count == 3
