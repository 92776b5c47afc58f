"""``agora recompute_reputation`` reports and repairs drift; ``--check`` only reports."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from agora.posts import actions as posts
from agora.reputation.models import Reputation, TagReputation
from agora.reputation.tests.helpers import tag_total, totals

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = StringIO()
    call_command("recompute_reputation", *args, stdout=out)
    return out.getvalue()


def test_it_reports_zero_changes_when_totals_match_the_ledger(cast):
    posts.do_add_reaction(cast.salesperson, cast.company_post, "thumbs_up")
    assert "0 reputation totals changed." in _run()
    assert "Reputation totals match the ledger." in _run("--check")


def test_it_repairs_drift_and_says_how_much(cast):
    posts.do_add_reaction(cast.salesperson, cast.company_post, "thumbs_up")
    Reputation.objects.filter(user=cast.engineer).update(total=1, thumbs_up=9)
    TagReputation.objects.filter(user=cast.engineer).update(total=3)
    assert "2 reputation totals changed." in _run()
    assert totals(cast.engineer) == (15, 1, 0)
    assert tag_total(cast.engineer, "welcome") == 15
    assert "0 reputation totals changed." in _run()


def test_it_fails_a_check_without_changing_anything(cast):
    posts.do_add_reaction(cast.salesperson, cast.company_post, "thumbs_up")
    Reputation.objects.filter(user=cast.engineer).update(total=1)
    with pytest.raises(CommandError, match="1 reputation total differs from the ledger"):
        _run("--check")
    assert totals(cast.engineer) == (1, 1, 0)
