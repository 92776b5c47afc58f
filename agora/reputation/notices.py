"""Whom badges and levels notify (rules of ``agora.notifications.rules``, registered by
``ReputationConfig.ready``): their person, in a sentence."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.utils import timezone

from agora.core.models import Event
from agora.notifications.models import NotificationKind
from agora.notifications.rules import Notice, rule
from agora.people.models import Level
from agora.reputation.badges import BADGES
from agora.reputation.events import GRACE


@rule("badge.earned")
def badge(event: Event) -> Iterable[Notice]:
    earned = BADGES.get(str(event.data["badge"]))
    if earned is None:
        return []
    post = event.data.get("post")
    return [
        Notice(
            event.data["user"],
            NotificationKind.BADGE,
            post_id=post if isinstance(post, int) else None,
            text=earned.name,
        )
    ]


@rule("level.changed")
def level(event: Event) -> Iterable[Notice]:
    label = Level(event.data["level"]).label
    if event.data["change"] == GRACE and event.data.get("until"):
        ends = timezone.localtime(datetime.fromisoformat(str(event.data["until"])))
        text = (
            f"You will stay a {label} if you are active again before {ends:%-d %B}: "
            "see the next-level panel on your profile."
        )
    else:
        text = f"You are now a {label}."
    return [Notice(event.data["user"], NotificationKind.LEVEL, text=text)]
