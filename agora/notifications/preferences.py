"""Reading what people want to hear: per kind (how) and per space (how much).

A person without a row for a kind hears of it as ``default_delivery(kind)`` says; one
without a row for a space hears everything from it. The consumer (``actions.deliver``)
reads both for a whole batch at once: two queries, however many notifications.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings

from agora.notifications.models import (
    DigestSchedule,
    KindPreference,
    NotificationKind,
    SpaceLevel,
    SpacePreference,
    default_delivery,
)
from agora.people.models import User

# The kinds a person can choose for, in the order the settings page lists them.
CHOOSABLE = [
    NotificationKind.MENTION,
    NotificationKind.REPLY,
    NotificationKind.COMMENT,
    NotificationKind.NEW_ANSWER,
    NotificationKind.ANSWER_ACCEPTED,
    NotificationKind.ANSWER_INVITATION,
    NotificationKind.REACTIONS,
    NotificationKind.JOIN_REQUEST,
    NotificationKind.JOIN_APPROVED,
    NotificationKind.JOIN_DECLINED,
    NotificationKind.BADGE,
    NotificationKind.LEVEL,
]

# What "mentions only" lets through from a space.
MENTION_KINDS = frozenset({NotificationKind.MENTION})


@dataclass(frozen=True)
class Choices:
    """Everyone's choices that a batch of notifications needs."""

    kinds: dict[tuple[int, str], str]
    spaces: dict[tuple[int, int], str]

    def delivery(self, user_id: int, kind: str) -> str:
        return self.kinds.get((user_id, kind)) or default_delivery(kind)

    def space_level(self, user_id: int, space_id: int | None) -> str:
        if space_id is None:
            return SpaceLevel.ALL
        return self.spaces.get((user_id, space_id), SpaceLevel.ALL)

    def lets_through(self, user_id: int, kind: str, space_id: int | None) -> bool:
        """Whether ``user_id`` hears of ``kind`` from ``space_id`` at all."""
        level = self.space_level(user_id, space_id)
        if level == SpaceLevel.MUTED:
            return False
        return level != SpaceLevel.MENTIONS or kind in MENTION_KINDS


def choices_of(user_ids: Iterable[int], space_ids: Iterable[int]) -> Choices:
    """The kind and space choices of these people (two queries; none for no people)."""
    users = set(user_ids)
    spaces = set(space_ids)
    if not users:
        return Choices({}, {})
    kinds = {
        (uid, kind): delivery
        for uid, kind, delivery in KindPreference.objects.filter(user_id__in=users).values_list(
            "user_id", "kind", "delivery"
        )
    }
    levels = (
        {
            (uid, sid): level
            for uid, sid, level in SpacePreference.objects.filter(
                user_id__in=users, space_id__in=spaces
            ).values_list("user_id", "space_id", "level")
        }
        if spaces
        else {}
    )
    return Choices(kinds, levels)


def kind_choices(user: User) -> dict[str, str]:
    """The person's delivery for every choosable kind (defaults filled in)."""
    saved = dict(KindPreference.objects.filter(user=user).values_list("kind", "delivery"))
    return {kind: saved.get(kind) or default_delivery(kind) for kind in CHOOSABLE}


def space_levels(user: User) -> dict[int, str]:
    """The person's saved level per space (spaces without one hear everything)."""
    return dict(SpacePreference.objects.filter(user=user).values_list("space_id", "level"))


def site_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def zone_of(schedule: DigestSchedule) -> ZoneInfo:
    """The digest's time zone: the person's, or the site's (also for a name that is no
    longer known)."""
    if schedule.time_zone:
        try:
            return ZoneInfo(schedule.time_zone)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return site_zone()


def schedule_of(user: User) -> DigestSchedule:
    """The person's digest schedule (unsaved defaults when they never chose)."""
    found = DigestSchedule.objects.filter(user=user).first()
    return found if found is not None else DigestSchedule(user=user)
