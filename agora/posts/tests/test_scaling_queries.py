"""Pages never filter through "every post the viewer may read".

``post_id IN (SELECT id FROM posts_post WHERE <readable>)`` reads fine and passes every
query budget, but a database evaluates that subquery whole before it looks at one outer
row: at a million posts the notification bell on every page cost 0.4 s and a profile
0.8 s. Rows that point at a post filter on the joined post instead
(``posts.models.visible_through``). Only a bounded subquery (one with a LIMIT) may select
posts inside ``IN (…)``.
"""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agora.media.models import Attachment
from agora.posts import actions
from agora.qa import actions as qa_actions
from agora.testing.personas import image_upload

pytestmark = pytest.mark.django_db

SUBQUERY = re.compile(r"\bIN \(\s*SELECT\b", re.IGNORECASE)


def _subqueries(sql: str) -> list[str]:
    """The text of every ``IN (SELECT …)`` in ``sql``, parentheses matched."""
    found = []
    for match in SUBQUERY.finditer(sql):
        depth, start = 0, match.end() - len("SELECT")
        for i in range(match.end() - len("SELECT") - 1, len(sql)):
            if sql[i] == "(":
                depth += 1
            elif sql[i] == ")":
                depth -= 1
                if depth == 0:
                    found.append(sql[start:i])
                    break
    return found


def _unbounded_post_scans(sql: str) -> list[str]:
    return [
        sub
        for sub in _subqueries(sql)
        if re.search(r'FROM "posts_post"', sub) and not re.search(r"\bLIMIT\b", sub)
    ]


def test_the_detector_finds_the_pattern_and_allows_bounded_subqueries():
    bad = (
        'SELECT 1 FROM "n" WHERE "n"."post_id" IN (SELECT U0."id" FROM "posts_post" U0 '
        'WHERE (U0."space_id" IN (SELECT V0."id" FROM "spaces_space" V0)))'
    )
    bounded = 'SELECT 1 FROM "t" WHERE "t"."post_id" IN (SELECT "id" FROM "posts_post" LIMIT 5)'
    spaces_only = 'SELECT 1 FROM "p" WHERE "p"."space_id" IN (SELECT "id" FROM "spaces_space")'
    assert len(_unbounded_post_scans(bad)) == 1
    assert _unbounded_post_scans(bounded) == []
    assert _unbounded_post_scans(spaces_only) == []


def test_no_page_filters_through_every_readable_post(cast, client_for):
    # Something on every kind of page: a question with an answer and a comment on it, a
    # post with a comment and an image, credit in a tag, and a notification for the reader.
    question = qa_actions.check_ask(
        cast.engineer,
        space=cast.open_space,
        title="How do we rotate the API keys?",
        body="Asking for @sam-sales #security",
        tags="security",
    )
    answer = qa_actions.check_answer(cast.salesperson, question.pk, "With the vault CLI.")
    qa_actions.check_accept(cast.engineer, answer.pk)
    post = actions.check_create_post(
        cast.engineer,
        space=cast.open_space,
        body="Diagram for @sam-sales #security",
        uploads=[image_upload()],
    )
    comment = actions.check_add_comment(cast.engineer, post.pk, "Details inside")
    attachment = Attachment.objects.get(link__post=post)
    client = client_for("salesperson")
    urls = [
        reverse("home"),
        cast.engineer.get_absolute_url(),
        reverse("notifications:list"),
        reverse("reputation:leaderboard"),
        reverse("reputation:leaderboard") + "?tag=security",
        reverse("reputation:experts", args=["security"]),
        reverse("qa:list"),
        reverse("qa:question", args=[question.pk]),
        reverse("qa:suggested"),
        reverse("posts:detail", args=[post.pk]),
        reverse("posts:attachment", args=[attachment.pk]),
        reverse("qa:answer_comments", args=[answer.pk]),  # finds the answer, redirects
        reverse("search:search") + "?q=security",
    ]
    for url in urls:
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == (302 if "/answers/" in url else 200), url
        for query in ctx.captured_queries:
            assert _unbounded_post_scans(query["sql"]) == [], (url, query["sql"])
    with CaptureQueriesContext(connection) as ctx:
        response = client.post(
            reverse("posts:react_comment", args=[comment.pk]), {"kind": "thumbs_up", "on": "1"}
        )
    assert response.status_code < 400
    assert all(_unbounded_post_scans(q["sql"]) == [] for q in ctx.captured_queries)
