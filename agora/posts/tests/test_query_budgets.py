"""List pages cost a small fixed number of queries, whatever their length.

Each budget names its queries. The same page is measured with few and with many items:
the count must not move.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agora.posts import actions
from agora.posts.models import Post
from agora.testing.budgets import PAGE_BASE
from agora.testing.personas import image_upload

pytestmark = pytest.mark.django_db

# Every signed-in page starts with these (see agora/testing/budgets.py).
BASE = PAGE_BASE


def _add_posts(cast, count: int) -> None:
    for i in range(count):
        post = actions.check_create_post(
            cast.salesperson,
            space=cast.open_space,
            body=f"Update {i} for @ada-engineer #weekly",
            uploads=[image_upload()] if i % 3 == 0 else [],
        )
        actions.check_add_comment(cast.engineer, post.pk, f"Thanks {i}")
        actions.do_add_reaction(cast.engineer, post, "thumbs_up")


def _assert_flat(client, url, expected, django_assert_num_queries, cast) -> None:
    _add_posts(cast, 2)
    with django_assert_num_queries(expected):
        first = client.get(url)
    assert first.status_code == 200
    _add_posts(cast, 12)
    with django_assert_num_queries(expected):
        second = client.get(url)
    assert second.status_code == 200
    assert second.content.count(b'class="card post') > first.content.count(b'class="card post')


def test_home_feed_budget(cast, client_for, django_assert_num_queries):
    # BASE + posts (joined with author, department, space, question) + attachments (of
    # the cards not yet cached) + my reactions. The card asking the viewer to complete
    # their profile (side column) is cached under their profile version after the first
    # view, and the questions they could answer load after the page (``qa:suggested``).
    client = client_for("engineer")
    first = client.get(reverse("home")).content.decode()
    assert "Complete your profile" in first
    _assert_flat(client, reverse("home"), BASE + 3, django_assert_num_queries, cast)


def test_a_cached_home_feed_costs_two_queries_beyond_the_base(
    cast, client_for, django_assert_num_queries
):

    # no attachments, no profile queries.
    client = client_for("engineer")
    client.get(reverse("home"))
    with django_assert_num_queries(BASE + 2):
        assert client.get(reverse("home")).status_code == 200


def test_space_feed_budget(cast, client_for, django_assert_num_queries):
    # BASE + space + my membership + pinned posts + posts + attachments (of both)
    # + my reactions (to both) + pending join requests count (the engineer owns the space)
    url = cast.open_space.get_absolute_url()
    _assert_flat(client_for("engineer"), url, BASE + 7, django_assert_num_queries, cast)


def test_profile_feed_budget(cast, client_for, django_assert_num_queries):
    # BASE + person (with department and level) + their skills + posts + attachments
    # + my reactions + am I following + their credibility I may see (points, 👍, accepted)
    # + their top tags I may see + their badges
    url = cast.salesperson.get_absolute_url()
    _assert_flat(client_for("engineer"), url, BASE + 9, django_assert_num_queries, cast)


def test_tag_page_budget(cast, client_for, django_assert_num_queries):
    # BASE + tag + posts + attachments + my reactions
    url = reverse("posts:tag", args=["weekly"])
    _assert_flat(client_for("engineer"), url, BASE + 4, django_assert_num_queries, cast)


def test_post_page_budget(cast, client_for, django_assert_num_queries):
    # BASE + post (with author, department, space) + my reactions on it + attachments
    # + comments (with authors and departments) + the comments' attachments
    # + my reactions on the comments. Drawn again, the post's card comes from the cache
    # without its attachments query (agora.posts.cards).
    client = client_for("engineer")
    post = cast.open_post
    url = post.get_absolute_url()
    actions.check_add_comment(cast.salesperson, post.pk, "First")
    with django_assert_num_queries(BASE + 6):
        assert client.get(url).status_code == 200
    for i in range(15):
        comment = actions.check_add_comment(cast.salesperson, post.pk, f"Comment {i}")
        actions.check_add_comment(cast.moderator, post.pk, f"Reply {i}", parent_id=comment.pk)
        actions.do_add_reaction(cast.engineer, comment, "helpful")
    with django_assert_num_queries(BASE + 5):
        response = client.get(url)
    assert response.content.count(b'class="comment') >= 31


def test_people_directory_budget(cast, client_for, django_assert_num_queries):
    # BASE + count + departments + locations + skills (filters) + people + their skills
    from agora.people.actions import create_user

    client = client_for("engineer")
    url = reverse("people:directory")
    with django_assert_num_queries(BASE + 6):
        assert client.get(url).status_code == 200
    for i in range(20):
        create_user(f"p{i}@example.com", display_name=f"Person {i}", skills=["Python", f"S{i}"])
    with django_assert_num_queries(BASE + 6):
        response = client.get(url)
    assert response.content.count(b"person-card") >= 24


def test_space_directory_budget(cast, client_for, django_assert_num_queries):
    # BASE + count + spaces (with membership and request flags as subqueries)
    from agora.spaces.actions import do_create_space

    client = client_for("outsider")
    url = reverse("spaces:directory")
    with django_assert_num_queries(BASE + 2):
        assert client.get(url).status_code == 200
    for i in range(15):
        do_create_space(cast.engineer, name=f"Space {i}", kind="idea", visibility="open")
    with django_assert_num_queries(BASE + 2):
        response = client.get(url)
    assert response.content.count(b"space-card") >= 17


# --- Write endpoints ------------------------------------------------------------------------
# Each write costs a fixed number of queries whatever it carries: a second mention or tag
# must not add a query per item. Measured through the htmx requests the pages send.

HTMX = {"HTTP_HX_REQUEST": "true"}
# Ceilings as measured on 2026-12-02, each including the session, user and memberships,
# and the event each write appends to the log (one insert; notifications are written
# after the commit, by the log's consumer). A thumbs-up is the dearest: the reputation
# rules (ledger, daily allowance, totals, level and badge checks) run inside it.
WRITE_BUDGETS = {"post creation": 16, "comment": 17, "reaction on": 30, "reaction off": 11}


def _count(client, url, data) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, data, **HTMX)
    assert response.status_code == 200, response.content[:300]
    return len(queries.captured_queries)


def test_post_creation_budget(cast, client_for):
    client = client_for("salesperson")
    url = reverse("posts:create")
    space = cast.open_space.slug
    one = _count(client, url, {"body": "Status for @ada-engineer #weekly", "space": space})
    many = _count(
        client,
        url,
        {
            "body": "Status for @ada-engineer @maya-moderator @olly-outsider #weekly #sales #q3",
            "space": space,
        },
    )
    assert one <= WRITE_BUDGETS["post creation"]
    assert many == one  # mentions and tags are written in bulk, not one query each
    assert Post.objects.filter(body__startswith="Status for @ada-engineer").count() == 2


def test_comment_budget(cast, client_for):
    client = client_for("salesperson")
    url = reverse("posts:comments", args=[cast.open_post.pk])
    first = _count(client, url, {"body": "Thanks @ada-engineer"})
    again = _count(client, url, {"body": "And again @ada-engineer @maya-moderator"})
    assert first <= WRITE_BUDGETS["comment"]
    assert again == first
    cast.open_post.refresh_from_db()
    assert cast.open_post.comment_count == 2


def test_reaction_budget(cast, client_for):
    client = client_for("salesperson")
    url = reverse("posts:react", args=[cast.open_post.pk])
    on = _count(client, url, {"set": "thumbs_up:1"})
    off = _count(client, url, {"set": "thumbs_up:0"})
    elsewhere = reverse("posts:react", args=[cast.company_post.pk])
    assert _count(client, elsewhere, {"set": "thumbs_up:1"}) == on  # the same every time
    assert on <= WRITE_BUDGETS["reaction on"]
    assert off <= WRITE_BUDGETS["reaction off"]
    cast.open_post.refresh_from_db()
    assert cast.open_post.thumbs_up_count == 0
