"""The reputation ledger: what earns what, once, and how withdrawals reverse it exactly."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from agora.people.actions import create_user
from agora.posts import actions as posts
from agora.qa import actions as qa
from agora.reputation import actions as reputation
from agora.reputation.models import (
    DailyVotePoints,
    EventKind,
    Reputation,
    ReputationEvent,
    TagReputation,
)
from agora.reputation.tests.helpers import answer, ask, set_policy, tag_total, totals

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(cast):
    """Someone in the engineer's own department (the cast's four work in four)."""
    return create_user(
        "eve@example.com", display_name="Eve Engineer", department=cast.engineer.department
    )


def test_it_credits_a_thumbs_up_from_the_same_department(cast, colleague):
    posts.do_add_reaction(colleague, cast.company_post, "thumbs_up")
    assert totals(cast.engineer) == (10, 1, 0)
    assert tag_total(cast.engineer, "welcome") == 10
    event = ReputationEvent.objects.get()
    assert (event.kind, event.actor, event.cross_department) == (
        EventKind.THUMBS_UP,
        colleague,
        False,
    )


def test_it_weighs_a_thumbs_up_from_another_department_more(cast):
    posts.do_add_reaction(cast.salesperson, cast.company_post, "thumbs_up")
    assert totals(cast.engineer) == (15, 1, 0)
    assert ReputationEvent.objects.get().cross_department is True


def test_it_weighs_departments_alike_when_the_factor_is_one(cast):
    set_policy({"reputation.cross_department_factor": 1})
    posts.do_add_reaction(cast.salesperson, cast.company_post, "thumbs_up")
    assert totals(cast.engineer) == (10, 1, 0)


def test_it_never_credits_a_reaction_to_ones_own_post(cast):
    posts.do_add_reaction(cast.engineer, cast.company_post, "thumbs_up")
    cast.company_post.refresh_from_db()
    assert cast.company_post.thumbs_up_count == 1  # the reaction itself is kept
    assert totals(cast.engineer) == (0, 0, 0)
    assert not ReputationEvent.objects.exists()


def test_it_credits_other_reactions_nothing(cast):
    for kind in ("celebrate", "insightful", "helpful"):
        posts.do_add_reaction(cast.salesperson, cast.company_post, kind)
    assert not ReputationEvent.objects.exists()


def test_it_earns_once_through_like_unlike_like(cast):
    for _ in range(3):
        posts.do_add_reaction(cast.salesperson, cast.company_post, "thumbs_up")
        posts.do_remove_reaction(cast.salesperson, cast.company_post, "thumbs_up")
    posts.do_add_reaction(cast.salesperson, cast.company_post, "thumbs_up")
    assert totals(cast.engineer) == (15, 1, 0)
    assert ReputationEvent.objects.count() == 1
    cast.company_post.refresh_from_db()
    assert cast.company_post.thumbs_up_count == 1


def test_it_caps_thumbs_up_points_per_day_exactly_at_the_boundary(cast, colleague):
    set_policy({"reputation.daily_vote_cap": 30})
    givers = [
        create_user(f"g{i}@example.com", display_name=f"G {i}", department=colleague.department)
        for i in range(4)
    ]
    for giver in givers[:3]:
        posts.do_add_reaction(giver, cast.company_post, "thumbs_up")
    assert totals(cast.engineer) == (30, 3, 0)  # 10 + 10 + 10: the cap, reached exactly
    posts.do_add_reaction(givers[3], cast.company_post, "thumbs_up")
    assert totals(cast.engineer) == (30, 4, 0)  # counted, but worth nothing today
    assert list(ReputationEvent.objects.order_by("pk").values_list("points", flat=True)) == [
        10,
        10,
        10,
        0,
    ]
    assert DailyVotePoints.objects.get(user=cast.engineer).points == 30


def test_it_grants_the_rest_of_the_allowance_when_a_thumbs_up_would_pass_the_cap(cast):
    set_policy({"reputation.daily_vote_cap": 20})
    posts.do_add_reaction(cast.salesperson, cast.company_post, "thumbs_up")  # 15
    posts.do_add_reaction(cast.outsider, cast.company_post, "thumbs_up")  # 15, only 5 left
    assert totals(cast.engineer) == (20, 2, 0)


def test_it_starts_a_new_allowance_the_next_day(cast, colleague):
    set_policy({"reputation.daily_vote_cap": 10})
    yesterday = timezone.now() - timedelta(days=1)
    posts.do_add_reaction(colleague, cast.company_post, "thumbs_up", at=yesterday)
    posts.do_add_reaction(cast.salesperson, cast.open_post, "thumbs_up")
    assert totals(cast.engineer) == (20, 2, 0)  # 10 yesterday, then 10 of 15 today


def test_it_dates_backdated_credit_when_it_was_earned(cast):
    # The demo company and imports give history: the credit, the day's cap, the badge
    # and the notification are dated when the thumbs-up and the acceptance were given.
    set_policy({"reputation.daily_vote_cap": 15})
    march = timezone.now() - timedelta(days=60)
    posts.do_add_reaction(cast.salesperson, cast.company_post, "thumbs_up", at=march)
    posts.do_add_reaction(cast.outsider, cast.open_post, "thumbs_up")  # today's own cap
    credits = ReputationEvent.objects.filter(kind=EventKind.THUMBS_UP).order_by("created_at")
    first = credits.first()
    assert first is not None and (first.created_at, first.points) == (march, 15)
    assert credits[1].created_at > march + timedelta(days=59)
    assert sorted(DailyVotePoints.objects.values_list("points", flat=True)) == [15, 15]
    question = ask(cast.salesperson)
    reply = answer(cast.engineer, question)
    accepted_at = timezone.now() - timedelta(days=2)
    qa.do_accept(reply, accepter=cast.salesperson, at=accepted_at)
    grant = ReputationEvent.objects.get(kind=EventKind.ACCEPTED)
    assert grant.created_at == accepted_at
    reply.refresh_from_db()
    assert reply.accepted_at == accepted_at
    badge = cast.engineer.badges.get(badge="first_accepted")
    assert badge.awarded_at == accepted_at


def test_it_does_not_cap_accepted_answers(cast):
    set_policy({"reputation.daily_vote_cap": 0})
    question = ask(cast.salesperson, tags=["deploys"])
    reply = answer(cast.engineer, question)
    qa.do_accept(reply, accepter=cast.salesperson)
    assert totals(cast.engineer) == (15, 0, 1)


def test_it_credits_a_thumbs_up_on_an_answer_to_its_author_under_the_question(cast):
    question = ask(cast.salesperson, tags=["deploys"])
    reply = answer(cast.engineer, question)
    posts.do_add_reaction(cast.outsider, reply.post, "thumbs_up")
    event = ReputationEvent.objects.get(kind=EventKind.THUMBS_UP)
    assert (event.user, event.post_id, event.answer_id) == (cast.engineer, question.pk, reply.pk)
    assert totals(cast.engineer) == (15, 1, 0)
    assert tag_total(cast.engineer, "deploys") == 15


def test_it_credits_the_answerer_and_the_asker_for_an_acceptance(cast):
    question = ask(cast.salesperson, tags=["deploys"])
    reply = answer(cast.engineer, question)
    qa.do_accept(reply, accepter=cast.salesperson)
    assert totals(cast.engineer) == (15, 0, 1)
    assert totals(cast.salesperson) == (2, 0, 0)
    assert tag_total(cast.engineer, "deploys") == 15
    assert tag_total(cast.salesperson, "deploys") == 0  # accepting is not expertise


def test_it_credits_nothing_for_accepting_ones_own_answer(cast):
    question = ask(cast.engineer)
    qa.do_accept(answer(cast.engineer, question), accepter=cast.engineer)
    assert totals(cast.engineer) == (0, 0, 0)


def test_it_gives_accepting_points_only_to_the_asker(cast):
    question = ask(cast.salesperson, space=cast.open_space)
    reply = answer(cast.engineer, question)
    qa.do_accept(reply, accepter=cast.moderator)  # a space moderator, for the asker
    assert totals(cast.engineer) == (15, 0, 1)
    assert totals(cast.moderator) == (0, 0, 0)


def test_it_reverses_an_acceptance_exactly(cast):
    question = ask(cast.salesperson, tags=["deploys"])
    reply = answer(cast.engineer, question)
    qa.do_accept(reply, accepter=cast.salesperson)
    qa.do_unaccept(reply)
    assert totals(cast.engineer) == (0, 0, 0)
    assert totals(cast.salesperson) == (0, 0, 0)
    assert tag_total(cast.engineer, "deploys") == 0
    reversals = ReputationEvent.objects.filter(reverses__isnull=False)
    assert sorted(reversals.values_list("kind", "points")) == [
        (EventKind.UNACCEPTED, -15),
        (EventKind.UNACCEPTING, -2),
    ]
    # Append-only: the grants are still there, each withdrawn once.
    assert ReputationEvent.objects.filter(reversal__isnull=False).count() == 2


def test_it_reverses_credit_in_the_tags_it_was_earned_in_after_a_retag(cast):
    question = ask(cast.salesperson, tags=["deploys"])
    reply = answer(cast.engineer, question)
    qa.do_accept(reply, accepter=cast.salesperson)
    question.post.tags.set(posts.tags_for(["releases"]))
    qa.do_unaccept(reply)
    assert tag_total(cast.engineer, "deploys") == 0
    assert tag_total(cast.engineer, "releases") == 0


def test_it_moves_credit_when_the_accepted_answer_changes(cast):
    question = ask(cast.salesperson, tags=["deploys"])
    first = answer(cast.engineer, question)
    second = answer(cast.outsider, question, "Use the release train instead.")
    qa.do_accept(first, accepter=cast.salesperson)
    qa.do_accept(second, accepter=cast.salesperson)
    assert totals(cast.engineer) == (0, 0, 0)
    assert totals(cast.outsider) == (15, 0, 1)
    assert totals(cast.salesperson) == (2, 0, 0)  # accepting once more is not a second +2


def test_it_reverses_an_acceptance_worth_nothing_too(cast):
    set_policy({"reputation.accepted_answer_points": 0})
    question = ask(cast.salesperson)
    reply = answer(cast.engineer, question)
    qa.do_accept(reply, accepter=cast.salesperson)
    assert totals(cast.engineer) == (0, 0, 1)
    qa.do_unaccept(reply)
    assert totals(cast.engineer) == (0, 0, 0)  # the count follows the state, not the points


def test_it_reverses_the_points_granted_even_after_the_setting_changed(cast):
    question = ask(cast.salesperson)
    reply = answer(cast.engineer, question)
    qa.do_accept(reply, accepter=cast.salesperson)
    set_policy({"reputation.accepted_answer_points": 50})
    qa.do_unaccept(reply)
    assert totals(cast.engineer) == (0, 0, 0)


def test_it_credits_an_official_answer_once_and_reverses_the_mark(cast):
    cast.engineer.is_official_voice = True
    cast.engineer.save(update_fields=["is_official_voice"])
    question = ask(cast.salesperson, tags=["deploys"])
    reply = answer(cast.engineer, question)
    qa.check_official(cast.engineer, reply.pk, official=True)
    qa.check_official(cast.engineer, reply.pk, official=True)
    assert totals(cast.engineer) == (10, 0, 0)
    qa.check_official(cast.engineer, reply.pk, official=False)
    assert totals(cast.engineer) == (0, 0, 0)
    qa.check_official(cast.engineer, reply.pk, official=True)
    assert totals(cast.engineer) == (10, 0, 0)
    assert tag_total(cast.engineer, "deploys") == 10


def test_it_withdraws_an_acceptance_when_the_answer_is_deleted(cast):
    question = ask(cast.salesperson)
    reply = answer(cast.engineer, question)
    qa.do_accept(reply, accepter=cast.salesperson)
    qa.check_delete_answer(cast.engineer, reply.pk)
    assert totals(cast.engineer) == (0, 0, 0)


def test_it_keeps_totals_equal_to_the_ledger(cast, colleague):
    set_policy({"reputation.daily_vote_cap": 25})
    question = ask(cast.salesperson, tags=["deploys", "ci"])
    first = answer(cast.engineer, question)
    second = answer(cast.outsider, question, "Or on Thursdays.")
    for giver in (colleague, cast.moderator, cast.outsider):
        posts.do_add_reaction(giver, first.post, "thumbs_up")
        posts.do_add_reaction(giver, cast.company_post, "thumbs_up")
    qa.do_accept(first, accepter=cast.salesperson)
    qa.do_accept(second, accepter=cast.salesperson)
    qa.do_unaccept(second)
    assert reputation.recompute() == 0


def test_it_repairs_totals_that_drifted_and_counts_them(cast):
    question = ask(cast.salesperson, tags=["deploys"])
    reply = answer(cast.engineer, question)
    qa.do_accept(reply, accepter=cast.salesperson)
    Reputation.objects.filter(user=cast.engineer).update(total=999, accepted_answers=7)
    TagReputation.objects.filter(user=cast.engineer).delete()
    assert reputation.recompute(write=False) == 2
    assert totals(cast.engineer) == (999, 0, 7)  # a check changes nothing
    assert reputation.recompute() == 2
    assert totals(cast.engineer) == (15, 0, 1)
    assert tag_total(cast.engineer, "deploys") == 15
    assert reputation.recompute() == 0


def test_it_does_not_count_a_capped_thumbs_up_as_drift(cast):
    set_policy({"reputation.daily_vote_cap": 0})
    posts.do_add_reaction(cast.salesperson, cast.company_post, "thumbs_up")
    assert totals(cast.engineer) == (0, 1, 0)
    assert reputation.recompute() == 0
