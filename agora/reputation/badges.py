"""Badges for concrete achievements: what each one is, and whether one is due now (the
thresholds are ``reputation.rules``). Awarding them (once each, announced by notification)
is ``reputation.actions.badges``."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from agora.core import policy
from agora.people.models import User
from agora.reputation import rules
from agora.reputation.models import BadgeAward, EventKind, ReputationEvent


@dataclass(frozen=True)
class Badge:
    name: str
    description: str
    icon: str  # a Lucide icon's name (agora.core.icons), drawn beside the name


BADGES: dict[str, Badge] = {
    rules.FIRST_QUESTION: Badge("Curious", "Asked a first question.", "circle-help"),
    rules.FIRST_ANSWER: Badge("Helper", "Wrote a first answer.", "pen-line"),
    rules.FIRST_ACCEPTED: Badge("Problem solver", "Had a first answer accepted.", "circle-check"),
    "nice_post": Badge("Nice post", "A post or answer received 10 thumbs-up.", "award"),
    "good_post": Badge("Good post", "A post or answer received 25 thumbs-up.", "medal"),
    "great_post": Badge("Great post", "A post or answer received 50 thumbs-up.", "trophy"),
    rules.BRIDGE: Badge(
        "Bridge builder",
        "Helped people in other departments many times (thumbs-up and accepted answers).",
        "bridge",
    ),
}


def thumbs_up_badges_due(author: User, event: ReputationEvent) -> list[str]:
    """The thumbs-up badges ``author`` earned with the thumbs-up ``event`` and does not
    hold yet, counting the target's thumbs-up in the ledger."""
    on_target = (
        Q(answer_id=event.answer_id)
        if event.answer_id is not None
        else Q(post_id=event.post_id, answer__isnull=True)
    )
    received = ReputationEvent.objects.filter(on_target, kind=EventKind.THUMBS_UP).count()
    earned = rules.thumbs_up_badges(received)
    if not earned:
        return []
    held = set(
        BadgeAward.objects.filter(user=author, badge__in=earned).values_list("badge", flat=True)
    )
    return [code for code in earned if code not in held]


def bridge_due(user: User) -> bool:
    """Whether ``user`` has earned the bridge badge (``rules.bridge_built``) and does not
    hold it.

    Read inside the credit's write transaction, so it stays cheap whatever the person's
    history: nothing once the badge is held, and it counts no further than the threshold.
    """
    if BadgeAward.objects.filter(user=user, badge=rules.BRIDGE).exists():
        return False
    knobs = policy.current()
    return rules.bridge_built(helps_counted(user.pk, limit=rules.bridge_helps(knobs)), knobs)


def helps_counted(user_id: int, *, limit: int) -> int:
    """The person's standing helps across departments, counted no further than ``limit``."""
    return (
        ReputationEvent.objects.standing()
        .filter(user_id=user_id, cross_department=True, kind__in=rules.HELP_KINDS)[:limit]
        .count()
    )
