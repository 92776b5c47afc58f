"""The question lists walk the activity index newest first and stop at the page size.

With a handful of rows any plan is fast, so the suite checks the plan itself (SQLite's
EXPLAIN QUERY PLAN): at a million posts, a plan that drove from another index and sorted
every question took 1.7 s (``duplicate_of_id IS NULL`` and ``accepted_answer_id IS NULL``
match nearly every row, and so did the post's space in the visibility rule).
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agora.qa import queries

pytestmark = pytest.mark.django_db


def _plan(sql: str) -> str:
    """The outer query's steps (subqueries, such as the readable spaces, left out)."""
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql)
        return "\n".join(str(detail) for _, parent, _, detail in cursor.fetchall() if parent == 0)


def _main_query_plan(run) -> str:
    with CaptureQueriesContext(connection) as ctx:
        run()
    sql = next(q["sql"] for q in ctx.captured_queries if 'FROM "qa_question"' in q["sql"])
    return _plan(sql)


@pytest.mark.parametrize("show", ["open", "unanswered", "all"])
def test_question_lists_read_the_activity_index_without_sorting(cast, show):
    if connection.vendor != "sqlite":
        pytest.skip("a SQLite query plan")
    plan = _main_query_plan(
        lambda: list(
            queries.questions(cast.salesperson, show=show).order_by("-last_activity_at", "-pk")[:21]
        )
    )
    assert "TEMP B-TREE FOR ORDER BY" not in plan, plan
    assert "qa_question_activity" in plan or "qa_question_open" in plan, plan


def test_questions_to_answer_reads_the_activity_index_without_sorting(cast):
    if connection.vendor != "sqlite":
        pytest.skip("a SQLite query plan")
    plan = _main_query_plan(lambda: queries.questions_to_answer(cast.salesperson))
    assert "TEMP B-TREE FOR ORDER BY" not in plan, plan
    assert "qa_question_activity" in plan, plan
