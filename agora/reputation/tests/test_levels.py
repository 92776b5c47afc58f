"""Levels: promoted from activity in a rolling window, kept at 90%, lost after a grace
period; privileges follow the level. Time is moved forward by passing ``now=``."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from agora.core.errors import ActionError
from agora.notifications.models import Notification, NotificationKind
from agora.people import privileges
from agora.people.actions import create_user
from agora.people.models import Level, Standing, User
from agora.posts import actions as post_actions
from agora.posts import actions as posts
from agora.qa import actions as qa
from agora.reputation import actions as reputation
from agora.reputation import levels
from agora.reputation.tests.helpers import answer, ask, set_policy
from agora.spaces import actions as spaces
from agora.testing.crowd import make_crowd
from agora.testing.events import deliver

pytestmark = pytest.mark.django_db

THRESHOLDS = {
    "levels.window_days": 30,
    "levels.grace_days": 7,
    "levels.member_reputation": 10,
    "levels.member_contributions": 1,
    "levels.contributor_reputation": 30,
    "levels.contributor_contributions": 2,
    "levels.leader_reputation": 60,
    "levels.leader_contributions": 3,
    "levels.leader_accepted_answers": 1,
}


@pytest.fixture
def lee(cast) -> User:
    set_policy(THRESHOLDS)
    return create_user("lee@example.com", display_name="Lee Leader")


def _post_with_thumbs_up(author: User, count: int, prefix: str) -> None:
    """One post (a contribution) and ``count`` thumbs-up on it, worth 10 each."""
    post = posts.check_create_post(author, space=None, body=f"Notes from {prefix}")
    for person in make_crowd(count, prefix=prefix):
        posts.do_add_reaction(person, post, "thumbs_up")


def _make_leader(person: User, cast) -> None:
    """60 points from thumbs-up, 3 contributions and 1 accepted answer (+15)."""
    _post_with_thumbs_up(person, 3, "fans")
    _post_with_thumbs_up(person, 2, "more")
    question = ask(cast.salesperson, title="Who knows the release process?")
    qa.do_accept(answer(person, question), accepter=cast.salesperson)


def _level(person: User) -> Level:
    return Level(Standing.objects.get(user=person).level)


def _level_notes(person: User) -> list[str]:
    deliver()
    notes = Notification.objects.filter(user=person, kind=NotificationKind.LEVEL)
    return list(notes.order_by("pk").values_list("text", flat=True))


def test_it_starts_everyone_as_a_new_member(lee):
    assert reputation.evaluate_level(lee).level == Level.NEW
    assert privileges.standing_of(create_user("x@example.com", display_name="X")).level == Level.NEW


def test_it_promotes_from_activity_and_reputation_in_the_window(lee):
    _post_with_thumbs_up(lee, 1, "one")
    assert reputation.evaluate_level(lee).level == Level.MEMBER
    _post_with_thumbs_up(lee, 2, "two")
    assert reputation.evaluate_level(lee).level == Level.CONTRIBUTOR
    assert _level_notes(lee) == ["You are now a Member.", "You are now a Contributor."]


def test_it_promotes_straight_to_the_highest_level_met(lee, cast):
    _make_leader(lee, cast)
    assert reputation.evaluate_level(lee).level == Level.LEADER


def test_it_needs_every_lower_level_met_too(lee):
    # A misconfigured ladder (members need more than contributors) promotes no one past it.
    set_policy({"levels.member_contributions": 5})
    _post_with_thumbs_up(lee, 3, "three")
    assert reputation.evaluate_level(lee).level == Level.NEW


def test_it_reads_thresholds_from_site_settings_at_once(lee):
    _post_with_thumbs_up(lee, 1, "one")
    set_policy({"levels.member_reputation": 11})
    assert reputation.evaluate_level(lee).level == Level.NEW
    set_policy({"levels.member_reputation": 10})
    assert reputation.evaluate_level(lee).level == Level.MEMBER


def test_it_keeps_a_level_within_ninety_percent_of_its_requirements(lee, cast):
    _make_leader(lee, cast)  # 65 points
    reputation.evaluate_level(lee)
    set_policy({"levels.leader_reputation": 72})  # 65 >= 64.8: kept, no grace period
    standing = reputation.evaluate_level(lee)
    assert (standing.level, standing.below_since) == (Level.LEADER, None)


def test_it_demotes_only_after_the_grace_period(lee, cast):
    _make_leader(lee, cast)
    reputation.evaluate_level(lee)
    start = timezone.now() + timedelta(days=31)  # the window is empty by then
    standing = reputation.evaluate_level(lee, now=start)
    assert (standing.level, standing.below_since) == (Level.LEADER, start)
    assert "You will stay a Leader if you are active again" in _level_notes(lee)[-1]
    almost = start + timedelta(days=6, hours=23)
    assert reputation.evaluate_level(lee, now=almost).level == Level.LEADER
    standing = reputation.evaluate_level(lee, now=start + timedelta(days=7))
    assert (standing.level, standing.below_since) == (Level.NEW, None)
    assert _level_notes(lee)[-1] == "You are now a New member."


def test_it_demotes_to_the_highest_level_still_kept(lee, cast):
    _make_leader(lee, cast)
    reputation.evaluate_level(lee)
    set_policy({"levels.leader_reputation": 500})
    now = timezone.now()
    assert reputation.evaluate_level(lee, now=now).below_since == now
    assert reputation.evaluate_level(lee, now=now + timedelta(days=7)).level == Level.CONTRIBUTOR


def test_it_ends_the_grace_period_when_activity_recovers(lee, cast):
    _make_leader(lee, cast)
    reputation.evaluate_level(lee)
    set_policy({"levels.leader_reputation": 500})
    now = timezone.now()
    reputation.evaluate_level(lee, now=now)
    set_policy({"levels.leader_reputation": 60})
    standing = reputation.evaluate_level(lee, now=now + timedelta(days=3))
    assert (standing.level, standing.below_since) == (Level.LEADER, None)
    # A later fall starts a whole new grace period.
    set_policy({"levels.leader_reputation": 500})
    later = now + timedelta(days=5)
    assert reputation.evaluate_level(lee, now=later).below_since == later
    assert reputation.evaluate_level(lee, now=later + timedelta(days=6)).level == Level.LEADER


def test_it_demotes_at_once_without_a_grace_period(lee):
    set_policy({"levels.grace_days": 0})
    _post_with_thumbs_up(lee, 1, "one")
    reputation.evaluate_level(lee)
    later = timezone.now() + timedelta(days=31)
    assert reputation.evaluate_level(lee, now=later).level == Level.NEW


def test_it_shows_progress_towards_the_next_level(lee):
    _post_with_thumbs_up(lee, 1, "one")
    reputation.evaluate_level(lee)
    progress = levels.progress(lee)
    assert (progress.level, progress.next_level, progress.grace_ends) == (
        Level.MEMBER,
        Level.CONTRIBUTOR,
        None,
    )
    assert [(s.have, s.need, s.percent, s.done) for s in progress.steps] == [
        (10, 30, 33, False),
        (1, 2, 50, False),
    ]
    assert "last 30 days" in progress.steps[0].label


def test_it_shows_what_keeps_a_level_during_its_grace_period(lee, cast):
    _make_leader(lee, cast)
    reputation.evaluate_level(lee)
    set_policy({"levels.leader_reputation": 100})
    now = timezone.now()
    reputation.evaluate_level(lee, now=now)
    progress = levels.progress(lee, now=now)
    assert progress.next_level is None
    assert progress.grace_ends == now + timedelta(days=7)
    assert [(s.have, s.need) for s in progress.keep_steps] == [(65, 90), (3, 3), (1, 1)]
    assert "pin posts" in progress.unlocks


def test_it_updates_everyones_level_with_the_daily_command(lee, cast):
    _post_with_thumbs_up(lee, 1, "one")
    out = StringIO()
    call_command("update_levels", stdout=out)
    assert _level(lee) == Level.MEMBER
    assert "1 promoted, 0 demoted" in out.getvalue()
    assert Standing.objects.filter(user=cast.outsider, level=Level.NEW).exists()


# --- Privileges -----------------------------------------------------------------------


def test_it_grants_leaders_their_privileges(lee, cast):
    assert not privileges.has_privilege(lee, "edit_tags")
    assert privileges.privileges(lee) == frozenset()
    _make_leader(lee, cast)
    reputation.evaluate_level(lee)
    assert privileges.has_privilege(lee, "edit_tags")
    assert privileges.has_privilege(lee, "mark_duplicate")
    assert privileges.privileges(lee) == {"edit_tags", "mark_duplicate", "pin"}


def test_it_keeps_leaders_privileges_from_contributors(lee):
    _post_with_thumbs_up(lee, 2, "two")
    _post_with_thumbs_up(lee, 1, "one")
    assert reputation.evaluate_level(lee).level == Level.CONTRIBUTOR
    assert not privileges.has_privilege(lee, "edit_tags")
    assert not privileges.has_privilege(lee, "mark_duplicate")


def test_it_lets_leaders_pin_only_in_spaces_they_belong_to(lee, cast):
    _make_leader(lee, cast)
    reputation.evaluate_level(lee)
    assert privileges.has_privilege(lee, "pin")  # held, but used only where one belongs
    with pytest.raises(ActionError, match="leaders who belong to it"):
        post_actions.check_pin(lee, cast.open_post.pk, pinned=True)
    spaces.do_add_member(cast.open_space, lee)
    post_actions.check_pin(lee, cast.open_post.pk, pinned=True)
    cast.open_post.refresh_from_db()
    assert cast.open_post.pinned_at is not None


def test_it_gives_site_moderators_and_administrators_every_privilege(cast):
    admin = create_user("root@example.com", display_name="Root", is_staff=True)
    for person in (cast.moderator, admin):
        assert privileges.privileges(person) == set(privileges.PRIVILEGES)
        assert privileges.has_privilege(person, "mark_duplicate")


def test_it_takes_privileges_from_deactivated_accounts(lee, cast):
    _make_leader(lee, cast)
    reputation.evaluate_level(lee)
    lee.is_active = False
    assert not privileges.has_privilege(lee, "edit_tags")


def test_it_refuses_to_guess_an_unknown_privilege(lee):
    with pytest.raises(KeyError):
        privileges.has_privilege(lee, "delete_everything")


def test_it_loses_privileges_with_the_level(lee, cast):
    _make_leader(lee, cast)
    reputation.evaluate_level(lee)
    later = timezone.now() + timedelta(days=31)
    reputation.evaluate_level(lee, now=later)
    assert privileges.has_privilege(lee, "edit_tags")  # during the grace period
    reputation.evaluate_level(lee, now=later + timedelta(days=7))
    assert not privileges.has_privilege(lee, "edit_tags")
