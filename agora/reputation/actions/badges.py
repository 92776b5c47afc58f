"""Awarding badges: once each (a unique constraint decides), announced by notification.
When a badge is due is ``reputation.badges``."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from agora.notifications.actions import notify
from agora.notifications.models import NotificationKind
from agora.people.models import User
from agora.posts.models import Post
from agora.reputation.badges import BADGES, bridge_due, thumbs_up_badges_due
from agora.reputation.models import BadgeAward, ReputationEvent


def award_badge(user: User, code: str, post_id: int | None = None) -> bool:
    """Give ``user`` the badge once (earned on the post ``post_id``, if any); returns
    whether it is new."""
    try:
        with transaction.atomic():
            BadgeAward.objects.create(user=user, badge=code, post_id=post_id)
    except IntegrityError:
        return False
    badge = BADGES[code]
    notify([user.pk], NotificationKind.BADGE, post_id=post_id, text=f"{badge.icon} {badge.name}")
    return True


def badges_for_question(author: User, post: Post) -> None:
    """``author`` asked the question ``post``."""
    award_badge(author, "first_question", post.pk)


def badges_for_answer(answer: Post) -> None:
    """``answer`` (an answer's post) was written: the badge is earned on its question."""
    award_badge(answer.author, "first_answer", answer.parent_id)


def badges_for_thumbs_up(author: User, event: ReputationEvent) -> None:
    """``author`` was credited a thumbs-up (``event``)."""
    for code in thumbs_up_badges_due(author, event):
        award_badge(author, code, event.post_id)
    if event.cross_department:
        _bridge(author)


def badges_for_accepted(answer: Post) -> None:
    """``answer`` (an answer's post) was accepted."""
    award_badge(answer.author, "first_accepted", answer.parent_id)
    _bridge(answer.author)


def _bridge(user: User) -> None:
    if bridge_due(user):
        award_badge(user, "bridge_builder")
