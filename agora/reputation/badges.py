"""Badges for concrete achievements: what each one is, and when one is due. Awarding them
(once each, announced by notification) is ``reputation.actions.badges``."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from agora.core import policy
from agora.people.models import User
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


def thumbs_up_badges_due(author: User, event: ReputationEvent) -> list[str]:
    """The thumbs-up badges ``author`` earned with the thumbs-up ``event`` and does not
    hold yet. They count the ledger: each colleague once, never the author, and a
    taken-back thumbs-up still counts (like the credit it earned)."""
    on_target = (
        Q(answer_id=event.answer_id)
        if event.answer_id is not None
        else Q(post_id=event.post_id, answer__isnull=True)
    )
    received = ReputationEvent.objects.filter(on_target, kind=EventKind.THUMBS_UP).count()
    earned = [code for threshold, code in THUMBS_UP_BADGES if received >= threshold]
    if not earned:
        return []
    held = set(
        BadgeAward.objects.filter(user=author, badge__in=earned).values_list("badge", flat=True)
    )
    return [code for code in earned if code not in held]


def bridge_due(user: User) -> bool:
    """Whether ``user`` has earned the bridge badge and does not hold it: thumbs-up and
    accepted answers from other departments, withdrawn ones not counted (accepting and
    withdrawing ten times does not build a bridge).

    Read inside the credit's write transaction, so it stays cheap whatever the person's
    history: nothing once the badge is held, and it counts no further than the threshold.
    """
    if BadgeAward.objects.filter(user=user, badge="bridge_builder").exists():
        return False
    needed = int(policy.get("badges.cross_department_helps"))
    helps = (
        ReputationEvent.objects.standing()
        .filter(
            user=user, cross_department=True, kind__in=(EventKind.THUMBS_UP, EventKind.ACCEPTED)
        )[:needed]
        .count()
    )
    return helps >= needed
