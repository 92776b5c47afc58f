"""Badges: awarded once each, for concrete achievements, and announced once."""

from __future__ import annotations

import pytest

from agora.notifications.models import Notification, NotificationKind
from agora.people.models import Department, User
from agora.posts import actions as posts
from agora.qa import actions as qa
from agora.reputation.models import BadgeAward
from agora.reputation.tests.helpers import answer, ask, set_policy
from agora.testing.crowd import make_crowd
from agora.testing.events import deliver

pytestmark = pytest.mark.django_db


def _badges(person: User) -> list[str]:
    return sorted(BadgeAward.objects.filter(user=person).values_list("badge", flat=True))


def _announced(person: User) -> list[str]:
    deliver()
    notes = Notification.objects.filter(user=person, kind=NotificationKind.BADGE)
    return sorted(notes.values_list("text", flat=True))


def test_it_awards_a_first_answer_once(cast):
    question = ask(cast.salesperson)
    answer(cast.engineer, question)
    answer(cast.engineer, question, "And a second thought.")
    answer(cast.engineer, ask(cast.outsider, title="Where are the release notes?"))
    assert BadgeAward.objects.filter(user=cast.engineer, badge="first_answer").count() == 1
    assert _announced(cast.engineer) == ["Helper"]


def test_it_awards_a_first_accepted_answer_once(cast):
    for title in ("Where are the release notes?", "Who owns the build farm?"):
        question = ask(cast.salesperson, title=title)
        qa.do_accept(answer(cast.engineer, question), accepter=cast.salesperson)
    assert BadgeAward.objects.filter(user=cast.engineer, badge="first_accepted").count() == 1


def test_it_awards_nothing_for_accepting_ones_own_answer(cast):
    question = ask(cast.engineer)
    qa.do_accept(answer(cast.engineer, question), accepter=cast.engineer)
    assert "first_accepted" not in _badges(cast.engineer)


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (9, []),
        (10, ["nice_post"]),
        (25, ["good_post", "nice_post"]),
        (50, ["good_post", "great_post", "nice_post"]),
    ],
)
def test_it_awards_thumbs_up_badges_at_ten_twenty_five_and_fifty(cast, count, expected):
    for person in make_crowd(count):
        posts.do_add_reaction(person, cast.company_post, "thumbs_up")
    assert _badges(cast.engineer) == expected
    assert all(a.post_id == cast.company_post.pk for a in BadgeAward.objects.all())


def test_it_counts_thumbs_up_on_one_post_not_across_posts(cast):
    crowd = make_crowd(10)
    for person in crowd[:5]:
        posts.do_add_reaction(person, cast.company_post, "thumbs_up")
    for person in crowd[5:]:
        posts.do_add_reaction(person, cast.open_post, "thumbs_up")
    assert _badges(cast.engineer) == []


def test_it_counts_thumbs_up_on_an_answer(cast):
    reply = answer(cast.engineer, ask(cast.salesperson))
    for person in make_crowd(10):
        posts.do_add_reaction(person, reply.post, "thumbs_up")
    assert "nice_post" in _badges(cast.engineer)


def test_it_never_counts_ones_own_thumbs_up_or_clicking_again(cast):
    crowd = make_crowd(9)
    posts.do_add_reaction(cast.engineer, cast.company_post, "thumbs_up")
    for person in crowd:
        posts.do_add_reaction(person, cast.company_post, "thumbs_up")
        posts.do_remove_reaction(person, cast.company_post, "thumbs_up")
        posts.do_add_reaction(person, cast.company_post, "thumbs_up")
    assert _badges(cast.engineer) == []


def test_it_awards_the_bridge_builder_for_helping_other_departments(cast):
    set_policy({"badges.cross_department_helps": 3})
    sales = cast.salesperson.department
    for person in make_crowd(2, department=sales):
        posts.do_add_reaction(person, cast.company_post, "thumbs_up")
    # Same-department thumbs-up do not count.
    own = make_crowd(3, prefix="eng", department=cast.engineer.department)
    for person in own:
        posts.do_add_reaction(person, cast.company_post, "thumbs_up")
    assert "bridge_builder" not in _badges(cast.engineer)
    qa.do_accept(answer(cast.engineer, ask(cast.salesperson)), accepter=cast.salesperson)
    assert "bridge_builder" in _badges(cast.engineer)
    assert "Bridge builder" in _announced(cast.engineer)


def test_it_does_not_build_bridges_by_accepting_and_withdrawing(cast):
    set_policy({"badges.cross_department_helps": 3})
    reply = answer(cast.engineer, ask(cast.salesperson))
    for _ in range(4):
        qa.do_accept(reply, accepter=cast.salesperson)
        qa.do_unaccept(reply)
    assert "bridge_builder" not in _badges(cast.engineer)


def test_it_counts_departments_of_the_giver_not_of_the_crowd(cast):
    set_policy({"badges.cross_department_helps": 2})
    legal = Department.objects.create(name="Legal", slug="legal")
    for person in make_crowd(2, department=legal):
        posts.do_add_reaction(person, cast.company_post, "thumbs_up")
    assert "bridge_builder" in _badges(cast.engineer)
