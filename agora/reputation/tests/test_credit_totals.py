"""All-time leaderboards read ``CreditTotal`` (per person and space), kept in step with the
ledger: for every viewer and filter they show exactly what the ledger says they may see,
after deletions and withdrawn acceptances too, and ``recompute`` finds and repairs drift."""

from __future__ import annotations

import pytest
from django.urls import reverse

from agora.posts import actions as posts
from agora.qa import actions as qa
from agora.reputation import queries
from agora.reputation.actions import recompute
from agora.reputation.models import CreditTotal
from agora.reputation.tests.helpers import answer, ask
from agora.spaces.models import Visibility
from agora.testing.personas import PERSONAS

pytestmark = pytest.mark.django_db


def _rows(rows: list[queries.Row]) -> list[tuple[int, int, int, int]]:
    return [(r.person.pk, r.points, r.thumbs_up, r.accepted) for r in rows]


def _from_ledger(viewer, **filters) -> list[tuple[int, int, int, int]]:
    """The same board read straight from the ledger (the path periods and tags use)."""
    totals = queries._ledger_totals(viewer, since=None, tag=None, limit=25, **filters)
    return [(t["user"], t["points"], t["thumbs"], t["accepted"]) for t in totals]


@pytest.fixture
def activity(cast):
    """Credit in every kind of space: thumbs-up on posts and answers, an acceptance
    withdrawn and given to another answer, and a deleted post that had earned credit."""
    for visibility in Visibility:
        post = cast.post_in(visibility)
        posts.do_add_reaction(cast.moderator, post, "thumbs_up")
        if visibility != Visibility.SECRET:
            posts.do_add_reaction(cast.salesperson, post, "thumbs_up")
    posts.do_add_reaction(cast.outsider, cast.company_post, "thumbs_up")
    question = ask(cast.engineer, space=cast.private_space)
    first = answer(cast.salesperson, question)
    second = answer(cast.moderator, question)
    posts.do_add_reaction(cast.engineer, first.post, "thumbs_up")
    qa.do_accept(first, accepter=cast.engineer)
    qa.do_accept(second, accepter=cast.engineer)  # withdraws the first acceptance
    doomed = posts.do_create_post(cast.salesperson, space=cast.open_space, body="Soon gone")
    posts.do_add_reaction(cast.engineer, doomed, "thumbs_up")
    posts.do_add_reaction(cast.moderator, doomed, "thumbs_up")
    posts.do_delete_post(doomed, deleted_by=cast.moderator)


@pytest.mark.parametrize("persona", PERSONAS)
def test_all_time_boards_equal_the_ledger_for_every_viewer_and_filter(cast, activity, persona):
    viewer = cast.persona(persona)
    assert _rows(queries.leaderboard(viewer, period="all")) == _from_ledger(
        viewer, space=None, department=None
    )
    for space in (cast.open_space, cast.private_space, cast.secret_space):
        assert _rows(queries.leaderboard(viewer, period="all", space=space)) == _from_ledger(
            viewer, space=space, department=None
        )
    department = cast.engineer.department
    assert _rows(queries.leaderboard(viewer, period="all", department=department)) == _from_ledger(
        viewer, space=None, department=department
    )


def test_the_board_shows_what_a_reader_expects(cast, activity, client_for):
    board = {r.person.pk: r for r in queries.leaderboard(cast.outsider, period="all")}
    # The outsider reads the open space and company-wide posts only: two thumbs-up from
    # the open post (the third was in the deleted post) and one company-wide.
    assert board[cast.engineer.pk].thumbs_up == 3
    assert cast.salesperson.pk not in board  # their credit was on the deleted post
    salesperson = {r.person.pk: r for r in queries.leaderboard(cast.moderator, period="all")}
    assert salesperson[cast.salesperson.pk].accepted == 0  # their acceptance was withdrawn
    assert salesperson[cast.moderator.pk].accepted == 1
    page = client_for("outsider").get(reverse("reputation:leaderboard"), {"period": "all"})
    assert page.status_code == 200
    assert cast.moderator.display_name not in page.content.decode()


def test_recompute_finds_and_repairs_drift_in_the_credit_totals(cast, activity):
    assert recompute(write=False) == 0
    row = CreditTotal.objects.get(user=cast.engineer, space_key=cast.open_space.pk)
    CreditTotal.objects.filter(pk=row.pk).update(points=row.points + 100)
    CreditTotal.objects.create(user=cast.outsider, space_key=cast.secret_space.pk, points=7)
    assert recompute(write=False) == 2
    assert recompute() == 2
    assert recompute(write=False) == 0
    repaired = CreditTotal.objects.get(user=cast.engineer, space_key=cast.open_space.pk)
    assert repaired.points == row.points
    assert not CreditTotal.objects.filter(user=cast.outsider).exists()
