"""Ledger invariants under real concurrency: each worker has its own database connection
and they start at the same moment (``run_together``). Runs on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

import pytest
from django.utils import timezone

from agora.people.models import Department, User
from agora.posts import actions as posts
from agora.posts.models import Post, Reaction
from agora.qa import actions as qa
from agora.reputation import actions as reputation
from agora.reputation.actions import Credit, CreditKind
from agora.reputation.models import DailyVotePoints, EventKind, ReputationEvent
from agora.reputation.tests.helpers import answer, ask, set_policy, totals
from agora.testing.concurrency import run_together
from agora.testing.crowd import make_crowd

pytestmark = pytest.mark.django_db(transaction=True)

WORKERS = 16


def _in_workers(
    people: Sequence[User],
    work: Callable[[User], object],
    *,
    workers: int = WORKERS,
    alongside: Sequence[Callable[[], object]] = (),
) -> None:
    """Run ``work`` for every person through ``workers`` concurrent connections (a pool),
    with the ``alongside`` jobs running at the same time on connections of their own."""
    chunks = [people[i::workers] for i in range(workers)]

    def worker(chunk: Sequence[User]) -> None:
        for person in chunk:
            work(person)

    run_together([partial(worker, chunk) for chunk in chunks if chunk] + list(alongside))


def test_it_counts_fifty_concurrent_thumbs_up_by_one_person_once(cast):
    post = cast.company_post
    run_together([lambda: posts.do_add_reaction(cast.salesperson, post, "thumbs_up")] * 50)
    post.refresh_from_db()
    assert post.thumbs_up_count == 1 == Reaction.objects.filter(post=post).count()
    assert ReputationEvent.objects.filter(kind=EventKind.THUMBS_UP).count() == 1
    assert totals(cast.engineer) == (15, 1, 0)
    assert reputation.recompute(write=False) == 0


def test_it_counts_a_thousand_people_reacting_exactly_and_caps_their_credit(cast):
    crowd = make_crowd(1000)
    post = cast.company_post
    _in_workers(crowd, lambda person: posts.do_add_reaction(person, post, "thumbs_up"))
    post.refresh_from_db()
    assert post.thumbs_up_count == 1000 == Reaction.objects.filter(post=post).count()
    assert ReputationEvent.objects.filter(kind=EventKind.THUMBS_UP).count() == 1000
    # A thousand thumbs-up worth 10 each, and the default daily cap of 200: exactly 200.
    assert totals(cast.engineer) == (200, 1000, 0)
    assert DailyVotePoints.objects.get(user=cast.engineer).points == 200
    assert reputation.recompute(write=False) == 0


def test_it_never_grants_more_than_the_cap_to_concurrent_givers(cast):
    set_policy({"reputation.daily_vote_cap": 55})
    crowd = make_crowd(WORKERS)
    run_together(
        [partial(posts.do_add_reaction, person, cast.company_post, "thumbs_up") for person in crowd]
    )
    assert totals(cast.engineer) == (55, WORKERS, 0)
    points = sorted(ReputationEvent.objects.values_list("points", flat=True))
    assert points == [0] * (WORKERS - 6) + [5] + [10] * 5


def test_it_never_passes_the_cap_with_a_batch_beside_live_thumbs_up(cast):
    set_policy({"reputation.daily_vote_cap": 55})
    post = cast.open_post
    tags = list(post.tags.values_list("pk", flat=True))
    batch = [
        Credit(CreditKind.THUMBS_UP, timezone.now(), cast.engineer.pk, post.pk, actor_id=p.pk,
               space_key=cast.open_space.pk, tag_ids=tags)
        for p in make_crowd(8, prefix="batch")
    ]  # fmt: skip
    live = [
        partial(posts.do_add_reaction, person, cast.company_post, "thumbs_up")
        for person in make_crowd(WORKERS)
    ]
    run_together([*live, partial(reputation.record_many, batch)])
    assert totals(cast.engineer) == (55, WORKERS + 8, 0)
    assert DailyVotePoints.objects.get(user=cast.engineer).points == 55
    assert reputation.recompute(write=False) == 0


def test_it_keeps_counters_equal_to_rows_under_interleaved_like_and_unlike(cast):
    post = cast.company_post
    crowd = make_crowd(8)

    def churn(person: User) -> Callable[[], None]:
        def work() -> None:
            for i in range(5):
                posts.do_add_reaction(person, post, "thumbs_up")
                if i % 2 == 0:
                    posts.do_remove_reaction(person, post, "thumbs_up")

        return work

    # Two workers per person, so one person's likes and unlikes really interleave.
    run_together([churn(p) for p in crowd for _ in range(2)])
    post.refresh_from_db()
    rows = Reaction.objects.filter(post=post, kind="thumbs_up").count()
    assert post.thumbs_up_count == rows == Post.objects.get(pk=post.pk).thumbs_up_count
    # Each person earned the author credit once, however often they clicked.
    assert ReputationEvent.objects.filter(kind=EventKind.THUMBS_UP).count() == 8
    assert totals(cast.engineer)[1] == 8
    assert reputation.recompute(write=False) == 0


def test_it_recomputes_totals_equal_to_live_ones_after_concurrent_credit(cast):
    other = Department.objects.create(name="Legal", slug="legal")
    crowd = make_crowd(24) + make_crowd(8, prefix="legal", department=other)
    question = ask(cast.salesperson, tags=["deploys", "ci"])
    replies = [answer(cast.engineer, question), answer(cast.outsider, question, "Thursdays.")]
    targets: list[Post] = [cast.company_post, cast.open_post, *(r.post for r in replies)]

    def react(person: User) -> None:
        for target in targets:
            posts.do_add_reaction(person, target, "thumbs_up")
        posts.do_remove_reaction(person, cast.open_post, "thumbs_up")

    def accept_and_switch() -> None:
        for reply in (*replies, replies[0]):
            qa.do_accept(reply, accepter=cast.salesperson)

    _in_workers(crowd, react, alongside=[accept_and_switch])
    assert reputation.recompute(write=False) == 0
    assert reputation.recompute() == 0
    assert totals(cast.engineer)[2] == 1
    assert totals(cast.outsider)[2] == 0


def test_it_recomputes_safely_while_people_keep_reacting(cast):
    crowd = make_crowd(64)
    post = cast.company_post

    def keep_recomputing() -> None:
        for _ in range(5):
            reputation.recompute()

    _in_workers(
        crowd,
        lambda person: posts.do_add_reaction(person, post, "thumbs_up"),
        workers=8,
        alongside=[keep_recomputing, keep_recomputing],
    )
    # A repair run at the wrong moment would have left real drift behind.
    assert reputation.recompute(write=False) == 0
    assert totals(cast.engineer) == (200, 64, 0)
