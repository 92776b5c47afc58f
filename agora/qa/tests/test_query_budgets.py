"""The question page and the question lists cost a fixed number of queries.

Each budget names its queries; each page is measured small and large: the count must not
move with the number of answers, comments, reactions or questions.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from agora.posts import actions as posts
from agora.qa import actions
from agora.testing.budgets import PAGE_BASE

pytestmark = pytest.mark.django_db

# The question page, after the PAGE_BASE of every signed-in page:
QUESTION_PAGE = PAGE_BASE + 8
# 1 the question (access_question: with its post, author, department, level and space,
#   its duplicate's title, and whether the viewer may read it)
# 2 the answers (with their posts, joined with authors, departments and levels)
# 3 every comment, on the question and on its answers (joined with authors)
# 4 the comments' files
# 5 the viewer's reactions to the post, its answers and their comments, at once
# 6 the viewer's level (which leader tools to draw)
# 7 the question's tags
# 8 the post's files


def _grow(cast, question, count: int) -> None:
    """``count`` more answers, each with two comments and reactions from the viewer."""
    for i in range(count):
        reply = actions.check_answer(cast.salesperson, question.pk, f"Answer {i} #tip")
        posts.do_add_reaction(cast.engineer, reply.post, "thumbs_up")
        for j in range(2):
            comment = posts.check_add_comment(cast.moderator, reply.pk, f"Comment {i}.{j}")
            posts.do_add_reaction(cast.engineer, comment, "helpful")
        posts.check_add_comment(cast.outsider, question.pk, f"On the question {i}")


def test_question_page_budget(cast, client_for, ask, django_assert_num_queries):
    question = ask("open", tags="db, ops")
    client = client_for("engineer")
    url = question.get_absolute_url()
    _grow(cast, question, 1)
    with django_assert_num_queries(QUESTION_PAGE):
        small = client.get(url)
    assert small.status_code == 200
    _grow(cast, question, 12)
    first = question.answers.order_by("post_id").first()
    assert first is not None
    actions.check_accept(cast.engineer, first.pk)
    with django_assert_num_queries(QUESTION_PAGE):
        large = client.get(url)
    assert large.status_code == 200
    html = large.content.decode()
    assert html.count('<article class="card answer') == 13
    assert html.count("Comment ") >= 26


def test_question_page_fragment_budget(cast, client_for, ask, django_assert_num_queries):
    # The answers section alone (htmx) reads the same, less the bell's unread count and
    # the post's images, which only the full page draws.
    question = ask("open")
    _grow(cast, question, 3)
    client = client_for("engineer")
    with django_assert_num_queries(QUESTION_PAGE - 2):
        response = client.get(question.get_absolute_url(), HTTP_HX_REQUEST="true")
    assert response.content.decode().lstrip().startswith('<section class="answers"')


def _ask_many(cast, ask, count: int, offset: int) -> None:
    for i in range(count):
        question = ask(
            "open" if i % 2 else None,
            by=cast.salesperson,
            title=f"Question number {offset + i} about staging",
            tags=f"t{i % 3}, common",
        )
        if i % 3 == 0:
            actions.check_answer(cast.moderator, question.pk, "An answer")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        # BASE + the questions (joined with asker, department, level, space) + their tags
        ({}, PAGE_BASE + 2),
        ({"show": "unanswered"}, PAGE_BASE + 2),
        ({"show": "all", "tag": "common"}, PAGE_BASE + 2),
        # ... + the space and the viewer's membership of it (its header)
        ({"space": "open-space", "show": "all"}, PAGE_BASE + 4),
    ],
    ids=["open", "unanswered", "tag", "space"],
)
def test_question_list_budget(cast, client_for, ask, django_assert_num_queries, params, expected):
    client = client_for("engineer")
    url = reverse("qa:list")
    _ask_many(cast, ask, 3, 0)
    with django_assert_num_queries(expected):
        small = client.get(url, params)
    assert small.status_code == 200
    _ask_many(cast, ask, 18, 100)
    with django_assert_num_queries(expected):
        large = client.get(url, params)
    assert large.status_code == 200
    assert large.content.count(b'class="card question-row"') > small.content.count(
        b'class="card question-row"'
    )


def test_question_list_next_page_budget(cast, client_for, ask, django_assert_num_queries, settings):
    settings.AGORA_FEED_PAGE_SIZE = 5
    _ask_many(cast, ask, 12, 0)
    client = client_for("engineer")
    first = client.get(reverse("qa:list"), {"show": "all"}).content.decode()
    button = first[first.index('id="load-more"') :]
    start = button.index('hx-get="') + len('hx-get="')
    more = button[start : button.index('"', start)].replace("&amp;", "&")
    # BASE (less the bell's count, drawn only by full pages) + the questions + their tags
    with django_assert_num_queries(PAGE_BASE - 1 + 2):
        response = client.get(more, HTTP_HX_REQUEST="true")
    assert response.content.count(b'class="card question-row"') == 5


def test_space_feed_with_pinned_posts_budget(cast, client_for, django_assert_num_queries):
    # BASE + space + my membership + pinned posts + posts + attachments (of both)
    # + my reactions (to both) + pending join requests count: pinned posts cost nothing more.
    client = client_for("engineer")
    url = cast.open_space.get_absolute_url()
    with django_assert_num_queries(PAGE_BASE + 7):
        assert client.get(url).status_code == 200
    for i in range(3):
        post = posts.check_create_post(cast.engineer, space=cast.open_space, body=f"Rule {i}")
        posts.check_pin(cast.engineer, post.pk, pinned=True)
    with django_assert_num_queries(PAGE_BASE + 7):
        response = client.get(url)
    assert response.content.decode().count("</svg> Pinned in Open Space") == 3
