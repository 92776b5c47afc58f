"""Badges for concrete achievements, awarded once each, announced by notification."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Q

from agora.core import policy
from agora.notifications.actions import notify
from agora.notifications.models import NotificationKind
from agora.people.models import User
from agora.posts.models import Post
from agora.reputation.models import BadgeAward, EventKind, ReputationEvent


@dataclass(frozen=True)
class Badge:
    name: str
    description: str
    icon: str  # a Lucide icon's name (agora.core.icons), drawn beside the name


BADGES: dict[str, Badge] = {
    "first_question": Badge("Curious", "Asked a first question.", "circle-help"),
    "first_answer": Badge("Helper", "Wrote a first answer.", "pen-line"),
    "first_accepted": Badge("Problem solver", "Had a first answer accepted.", "circle-check"),
    "nice_post": Badge("Nice post", "A post or answer received 10 thumbs-up.", "award"),
    "good_post": Badge("Good post", "A post or answer received 25 thumbs-up.", "medal"),
    "great_post": Badge("Great post", "A post or answer received 50 thumbs-up.", "trophy"),
    "bridge_builder": Badge(
        "Bridge builder",
        "Helped people in other departments many times (thumbs-up and accepted answers).",
        "bridge",
    ),
}
THUMBS_UP_BADGES = ((50, "great_post"), (25, "good_post"), (10, "nice_post"))


def award(user: User, code: str, post_id: int | None = None) -> bool:
    """Give ``user`` the badge once (earned on the post ``post_id``, if any); returns
    whether it is new."""
    try:
        with transaction.atomic():
            BadgeAward.objects.create(user=user, badge=code, post_id=post_id)
    except IntegrityError:
        return False
    badge = BADGES[code]
    notify([user.pk], NotificationKind.BADGE, post_id=post_id, text=badge.name)
    return True


def after_question(author: User, post: Post) -> None:
    award(author, "first_question", post.pk)


def after_answer(answer: Post) -> None:
    """``answer`` (an answer's post) was written: the badge is earned on its question."""
    award(answer.author, "first_answer", answer.parent_id)


def after_thumbs_up(author: User, event: ReputationEvent) -> None:
    """Thumbs-up badges count the ledger: each colleague once, never the author, and a
    taken-back thumbs-up still counts (like the credit it earned)."""
    on_target = (
        Q(answer_id=event.answer_id)
        if event.answer_id is not None
        else Q(post_id=event.post_id, answer__isnull=True)
    )
    received = ReputationEvent.objects.filter(on_target, kind=EventKind.THUMBS_UP).count()
    earned = [code for threshold, code in THUMBS_UP_BADGES if received >= threshold]
    if earned:
        held = set(
            BadgeAward.objects.filter(user=author, badge__in=earned).values_list("badge", flat=True)
        )
        for code in earned:
            if code not in held:
                award(author, code, event.post_id)
    if event.cross_department:
        _bridge(author)


def after_accepted(answer: Post) -> None:
    award(answer.author, "first_accepted", answer.parent_id)
    _bridge(answer.author)


def _bridge(user: User) -> None:
    """Thumbs-up and accepted answers from other departments, withdrawn ones not counted
    (accepting and withdrawing ten times does not build a bridge).

    Runs inside the credit's write transaction, so it stays cheap whatever the person's
    history: nothing once the badge is held, and it counts no further than the threshold.
    """
    if BadgeAward.objects.filter(user=user, badge="bridge_builder").exists():
        return
    needed = int(policy.get("badges.cross_department_helps"))
    helps = (
        ReputationEvent.objects.standing()
        .filter(
            user=user, cross_department=True, kind__in=(EventKind.THUMBS_UP, EventKind.ACCEPTED)
        )[:needed]
        .count()
    )
    if helps >= needed:
        award(user, "bridge_builder")
