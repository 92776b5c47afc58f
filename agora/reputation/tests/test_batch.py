"""Recording a history in bulk (``record_many``, ``start_levels``) writes exactly what the
live actions write for the same history one credit at a time, in a number of queries that
does not grow with the batch."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.db import transaction
from django.utils import timezone

from agora.notifications.models import Notification
from agora.people.models import Department, Standing, User
from agora.posts.models import Post
from agora.qa.models import Answer
from agora.reputation import actions as reputation
from agora.reputation.actions import Credit, CreditKind
from agora.reputation.models import BadgeAward, ReputationEvent
from agora.reputation.tests.helpers import Snapshot, answer, ask, reputation_rows, set_policy
from agora.testing.crowd import make_crowd

pytestmark = pytest.mark.django_db


def both_ways(live: Callable[[], None], credits: list[Credit]) -> tuple[Snapshot, Snapshot]:
    """What the live actions write for a history, then (after rolling that back) what
    ``record_many`` writes for the same history."""
    with transaction.atomic():
        live()
        by_live = reputation_rows()
        transaction.set_rollback(True)
    reputation.record_many(credits)
    return by_live, reputation_rows()


@pytest.fixture
def history(cast):
    """Questions and answers (their badges cleared, so both ways earn them), people in
    several departments, and some credit earned live before the history starts."""
    set_policy({"reputation.daily_vote_cap": 45, "badges.cross_department_helps": 3})
    question = ask(cast.salesperson, space=cast.open_space, tags=["deploys", "ci"])
    other = ask(cast.salesperson, space=cast.open_space, title="Where are the release notes?")
    own = ask(cast.engineer, title="Who owns the build farm?")
    answers = {
        "engineer's": answer(cast.engineer, question),
        "outsider's": answer(cast.outsider, other, "In the wiki, under Releases."),
        "own": answer(cast.engineer, own, "I do, it turns out."),
    }
    BadgeAward.objects.all().delete()
    Notification.objects.all().delete()
    start = timezone.now() - timedelta(days=3)
    # Before the history: 15 points of the engineer's allowance for that day are used,
    # and one help across departments is counted.
    reputation.on_thumbs_up(cast.salesperson, cast.company_post, when=start)
    legal = Department.objects.create(name="Legal", slug="legal")
    return {
        "questions": (question, other, own),
        "answers": answers,
        "start": start,
        "crowd": make_crowd(11),  # no department: crosses nothing
        "lawyers": make_crowd(2, prefix="legal", department=legal),
    }


class History:
    """A history told both ways: as the live actions hear it, and as credits."""

    def __init__(self, start: datetime) -> None:
        self.start = start
        self.steps: list[tuple[datetime, Callable[[], object]]] = []
        self.credits: list[Credit] = []

    def _about(self, post: Post) -> dict[str, Any]:
        """What a credit on ``post`` (a post or an answer) is about."""
        topic = Post.objects.get(pk=post.parent_id or post.pk)
        return {
            "post_id": topic.pk,
            "answer_id": post.pk if post.parent_id else None,
            "space_key": topic.space_id or 0,
            "tag_ids": list(topic.tags.values_list("pk", flat=True)),
        }

    def wrote(self, post: Post) -> None:
        """A question or an answer was written (before the history starts)."""
        if post.parent_id is None:
            self.steps.append((post.created_at, lambda: reputation.badges_for_question(
                post.author, post)))  # fmt: skip
            self.credits.append(Credit(CreditKind.ASKED, post.created_at, post.author_id, post.pk))
        else:
            self.steps.append((post.created_at, lambda: reputation.badges_for_answer(post)))
            self.credits.append(
                Credit(CreditKind.ANSWERED, post.created_at, post.author_id, post.parent_id)
            )

    def thumbs_up(self, minute: int, giver: User, post: Post) -> None:
        when = self.start + timedelta(minutes=minute)
        self.steps.append((when, lambda: reputation.on_thumbs_up(giver, post, when=when)))
        self.credits.append(Credit(CreditKind.THUMBS_UP, when, post.author_id,
                                   actor_id=giver.pk, **self._about(post)))  # fmt: skip

    def accepted(self, minute: int, reply: Answer, accepter: User) -> None:
        when = self.start + timedelta(minutes=minute)
        question = reply.question.post
        self.steps.append((when, lambda: reputation.on_accepted(
            reply.post, accepter, question, when=when)))  # fmt: skip
        self.credits.append(Credit(CreditKind.ACCEPTED, when, reply.post.author_id,
                                   actor_id=accepter.pk, asker_id=question.author_id,
                                   **self._about(reply.post)))  # fmt: skip

    def live(self) -> None:
        for _, step in sorted(self.steps, key=lambda s: s[0]):
            step()


def test_it_records_a_history_as_the_live_actions_would(cast, history):
    told = History(history["start"])
    replies = history["answers"]
    for post in (*(q.post for q in history["questions"]), *(r.post for r in replies.values())):
        told.wrote(post)
    crowd, lawyers = history["crowd"], history["lawyers"]
    # The crowd's eleven earn a nice-post badge and meet the day's cap; a repeat and one's
    # own thumbs-up earn nothing; the lawyers' and the moderator's cross departments.
    for minute, person in enumerate(crowd):
        told.thumbs_up(minute, person, cast.company_post)
    told.thumbs_up(20, crowd[0], cast.company_post)
    told.thumbs_up(21, cast.engineer, cast.company_post)
    for minute, person in enumerate(lawyers, start=30):
        told.thumbs_up(minute, person, replies["engineer's"].post)
    told.thumbs_up(32, cast.moderator, replies["outsider's"].post)
    told.thumbs_up(24 * 60, crowd[1], cast.open_post)  # the next day: a fresh allowance
    # Accepted by the asker (and again: nothing more), by a moderator for the asker (the
    # answerer earns, the moderator nothing), and one's own (nothing).
    told.accepted(40, replies["engineer's"], cast.salesperson)
    told.accepted(41, replies["engineer's"], cast.salesperson)
    told.accepted(42, replies["outsider's"], cast.moderator)
    told.accepted(43, replies["own"], cast.engineer)

    by_live, by_batch = both_ways(told.live, told.credits)

    assert by_batch == by_live
    badges = {(user, code) for user, code, _, _ in by_batch["badges"]}
    engineer, outsider = cast.engineer.pk, cast.outsider.pk
    assert {(engineer, "nice_post"), (engineer, "bridge_builder"), (engineer, "first_accepted"),
            (outsider, "first_accepted"), (cast.salesperson.pk, "first_question"),
            (outsider, "first_answer")} <= badges  # fmt: skip
    earned = {e[0]: e for e in by_batch["ledger"]}
    assert cast.moderator.pk not in earned
    points = [e[2] for e in by_batch["ledger"] if e[0] == engineer and e[1] == "thumbs_up"]
    assert 0 in points and points[-1] != 0  # capped on the day, not on the next one
    assert reputation.recompute(write=False) == 0


def test_it_records_any_batch_in_the_same_number_of_queries(
    cast, history, django_assert_num_queries
):
    def batch(people: list[User], post: Post) -> list[Credit]:
        when = history["start"] + timedelta(hours=1)
        tags = list(post.tags.values_list("pk", flat=True))
        return [
            Credit(CreditKind.THUMBS_UP, when, post.author_id, post.pk, actor_id=p.pk,
                   space_key=post.space_id or 0, tag_ids=tags)
            for p in people
        ]  # fmt: skip

    small = batch(history["crowd"][:1], cast.company_post)
    large = batch(history["crowd"][1:10], cast.open_post)
    # The savepoint, site settings, departments, allowances (made, locked), totals (made,
    # locked), thumbs-up so far, badges held, helps so far; then the events, their tags,
    # the allowances, totals, tag totals (read, written) and credit per space (read,
    # written), and the savepoint's release. (Acceptances read what was credited already,
    # and badges earned are one more insert.)
    with django_assert_num_queries(19):
        reputation.record_many(small)
    with django_assert_num_queries(19):
        reputation.record_many(large)
    assert ReputationEvent.objects.filter(user=cast.engineer).count() == 11


def test_it_starts_levels_as_evaluating_each_person_would(cast, history):
    set_policy({"levels.member_reputation": 10, "levels.member_contributions": 1})
    people = [cast.engineer, cast.salesperson, cast.outsider, *history["crowd"][:2]]
    Standing.objects.all().delete()
    now = timezone.now()
    with transaction.atomic():
        for person in people:
            reputation.evaluate_level(person, now)
        one_by_one = list(Standing.objects.order_by("user").values_list("user", "level", "since"))
        transaction.set_rollback(True)

    reputation.start_levels([p.pk for p in people], now)

    levels = list(Standing.objects.order_by("user").values_list("user", "level", "since"))
    assert levels == one_by_one
    assert {level for _, level, _ in levels} == {0, 1}
