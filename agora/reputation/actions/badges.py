"""Awarding badges: once each (a unique constraint decides), announced in the event log.
When a badge is due is ``reputation.badges``."""

from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from agora.core import events
from agora.people.models import User
from agora.posts.models import Post
from agora.reputation import rules
from agora.reputation.badges import bridge_due, thumbs_up_badges_due
from agora.reputation.events import BadgeEarned
from agora.reputation.models import BadgeAward, ReputationEvent


def award_badge(
    user: User, code: str, post_id: int | None = None, *, at: datetime | None = None
) -> bool:
    """Give ``user`` the badge once (earned on the post ``post_id``, if any, at ``at``:
    now by default); returns whether it is new."""
    when = at or timezone.now()
    try:
        with transaction.atomic():
            BadgeAward.objects.create(user=user, badge=code, post_id=post_id, awarded_at=when)
            events.emit(BadgeEarned(user.pk, code, post_id, when))
    except IntegrityError:
        return False
    return True


def badges_for_question(author: User, post: Post) -> None:
    """``author`` asked the question ``post``."""
    award_badge(author, rules.FIRST_QUESTION, post.pk, at=post.created_at)


def badges_for_answer(answer: Post) -> None:
    """``answer`` (an answer's post) was written: the badge is earned on its question."""
    award_badge(answer.author, rules.FIRST_ANSWER, answer.parent_id, at=answer.created_at)


def badges_for_thumbs_up(author: User, event: ReputationEvent) -> None:
    """``author`` was credited a thumbs-up (``event``)."""
    for code in thumbs_up_badges_due(author, event):
        award_badge(author, code, event.post_id, at=event.created_at)
    if event.cross_department:
        _bridge(author, at=event.created_at)


def badges_for_accepted(answer: Post, *, when: datetime | None = None) -> None:
    """``answer`` (an answer's post) was accepted (at ``when``, now by default)."""
    award_badge(answer.author, rules.FIRST_ACCEPTED, answer.parent_id, at=when)
    _bridge(answer.author, at=when)


def _bridge(user: User, *, at: datetime | None = None) -> None:
    if bridge_due(user):
        award_badge(user, rules.BRIDGE, at=at)
