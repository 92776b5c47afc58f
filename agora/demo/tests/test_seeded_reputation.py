"""``agora seed`` earns reputation through the reputation app's own rules: the ledger,
totals, allowances, badges and levels it writes are exactly what the live actions write
when told the same history, and the seeder itself decides nothing about them."""

from __future__ import annotations

import ast
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from django.apps import apps
from django.db.models import Model

from agora.core.models import SiteSetting
from agora.demo import seed
from agora.demo.seed import ANCHOR, seed_company
from agora.demo.tests.helpers import SMALL
from agora.people.models import Level, Standing, User
from agora.posts.models import Post, PostKind, Reaction, ReactionKind
from agora.qa.models import Answer
from agora.reputation import actions as reputation
from agora.reputation.models import EventKind, ReputationEvent
from agora.reputation.tests.helpers import reputation_rows

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("small_chunks")]

SEEDER = Path(seed.__file__).parent


# The rows reputation writes: its own, and people's levels.
REPUTATION_MODELS: list[type[Model]] = [*apps.get_app_config("reputation").get_models(), Standing]
Step = tuple[tuple[datetime, float, int], Callable[[], object]]


def replay_through_the_live_actions() -> None:
    """Forget everything reputation holds, then tell the live actions the seeded history
    (questions, answers, thumbs-up, acceptances) in time order, and evaluate everyone's
    level as of the anchor. Moments shared by several credits keep the seeder's order
    (its ledger ids), which decides who meets the daily cap first."""
    order = {
        (e.kind, e.actor_id, e.post_id, e.answer_id): e.pk
        for e in ReputationEvent.objects.filter(kind__in=[EventKind.THUMBS_UP, EventKind.ACCEPTED])
    }
    for model in REPUTATION_MODELS:
        model._default_manager.all().delete()
    steps: list[Step] = []
    for post in Post.objects.filter(kind=PostKind.QUESTION).select_related("author"):
        steps.append(((post.created_at, 0, post.pk), _bind(reputation.badges_for_question,
                                                            post.author, post)))  # fmt: skip
    for post in Post.objects.filter(kind=PostKind.ANSWER).select_related("author"):
        steps.append(((post.created_at, 0, post.pk), _bind(reputation.badges_for_answer, post)))
    thumbs_up = Reaction.objects.filter(kind=ReactionKind.THUMBS_UP, post__isnull=False)
    for r in thumbs_up.select_related("user", "post__author"):
        assert r.post is not None
        topic, answer = (r.post.parent_id, r.post.pk) if r.post.parent_id else (r.post.pk, None)
        given = (EventKind.THUMBS_UP, r.user_id, topic, answer)
        give = _bind(reputation.on_thumbs_up, r.user, r.post, when=r.created_at)
        steps.append(((r.created_at, order.get(given, float("inf")), 0), give))
    accepted = Answer.objects.filter(is_accepted=True).select_related(
        "post__author", "accepted_by", "question__post"
    )
    for a in accepted:
        assert a.accepted_at is not None and a.accepted_by is not None
        granted = (EventKind.ACCEPTED, a.accepted_by_id, a.question_id, a.pk)
        steps.append(((a.accepted_at, order.get(granted, float("inf")), 0),
                      _bind(reputation.on_accepted, a.post, a.accepted_by, a.question.post,
                            when=a.accepted_at)))  # fmt: skip
    for _, step in sorted(steps, key=lambda s: s[0]):
        step()
    for person in User.objects.filter(handle__startswith=f"u{SMALL.seed}-"):
        reputation.evaluate_level(person, ANCHOR)


def _bind(action: Callable[..., object], *args: object, **kwargs: object) -> Callable[[], object]:
    return lambda: action(*args, **kwargs)


def test_it_credits_a_seeded_history_exactly_as_the_live_actions_do():
    SiteSetting.objects.create(key="reputation.daily_vote_cap", value=40)  # three or four a day
    seed_company(SMALL)
    seeded = reputation_rows()

    replay_through_the_live_actions()

    assert reputation_rows() == seeded
    # The history met every rule: capped thumbs-up, both kinds of acceptance grants,
    # every kind of badge a small company earns, and levels above the first.
    kinds = {(kind, points != 0) for _, kind, points, *_ in seeded["ledger"]}
    assert {("thumbs_up", False), ("thumbs_up", True), ("accepted", True),
            ("accepting", True)} <= kinds  # fmt: skip
    badges = {code for _, code, _, _ in seeded["badges"]}
    assert {"first_question", "first_answer", "first_accepted", "nice_post",
            "bridge_builder"} <= badges  # fmt: skip
    assert any(level != Level.NEW for _, level, _, _ in seeded["levels"])
    assert seeded["allowances"]


# The seeder decides nothing about reputation ------------------------------------------

KNOB_PREFIXES = ("reputation.", "badges.", "levels.")
REPUTATION_ROWS = {model.__name__ for model in REPUTATION_MODELS}


def rule_work(path: Path) -> list[str]:
    """What in the module at ``path`` would be the seeder applying reputation rules itself:
    reading a rule's setting, building or querying the reputation app's rows, or using its
    rule modules instead of its actions; in line order."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        problem = None
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if node.value.startswith(KNOB_PREFIXES):
                problem = f"reads the setting {node.value!r}"
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in REPUTATION_ROWS:
                problem = f"builds a {node.func.id} row"
        elif isinstance(node, ast.Attribute) and node.attr in ("objects", "_default_manager"):
            if isinstance(node.value, ast.Name) and node.value.id in REPUTATION_ROWS:
                problem = f"queries {node.value.id}"
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
            "agora.reputation"
        ):
            names = {alias.name for alias in node.names}
            if node.module not in ("agora.reputation.actions", "agora.reputation.models") and (
                node.module != "agora.reputation" or names != {"actions"}
            ):
                problem = f"imports {node.module} (call reputation.actions instead)"
        if problem:
            found.append((getattr(node, "lineno", 0), getattr(node, "col_offset", 0), problem))
    return [f"{path.name}:{line}: {problem}" for line, _, problem in sorted(found)]


def test_the_seeder_leaves_every_reputation_rule_to_the_reputation_app():
    modules = sorted(SEEDER.glob("*.py"))
    assert SEEDER / "ledger.py" in modules
    found = [problem for path in modules for problem in rule_work(path)]
    assert not found, "The seeder applies reputation rules itself:\n" + "\n".join(found)
    ledger = (SEEDER / "ledger.py").read_text()
    assert "reputation.record_many(" in ledger and "reputation.start_levels(" in ledger


def test_the_rule_check_finds_a_copied_rule(tmp_path):
    copied = tmp_path / "copied.py"
    copied.write_text(
        "from agora.reputation.rules import within_cap\n"
        "from agora.reputation.models import BadgeAward\n"
        "def grant(knobs, used):\n"
        "    cap = knobs['reputation.daily_vote_cap']\n"
        "    BadgeAward.objects.filter(user_id=1).exists()\n"
        "    return BadgeAward(user_id=1, badge='nice_post'), min(10, cap - used)\n"
    )
    assert rule_work(copied) == [
        "copied.py:1: imports agora.reputation.rules (call reputation.actions instead)",
        "copied.py:4: reads the setting 'reputation.daily_vote_cap'",
        "copied.py:5: queries BadgeAward",
        "copied.py:6: builds a BadgeAward row",
    ]
