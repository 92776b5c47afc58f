"""What reputation tells the event log: badges and levels, heard only by their person
(notifications follow from the log; see ``agora.core.events``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from agora.core.events import Entry, logged


@logged("badge.earned")
@dataclass(frozen=True)
class BadgeEarned:
    """``user_id`` earned the badge ``code`` (on the post ``post_id``, if any)."""

    user_id: int
    code: str
    post_id: int | None
    at: datetime

    def entry(self) -> Entry:
        return Entry(
            data={"user": self.user_id, "badge": self.code, "post": self.post_id},
            user_ids=(self.user_id,),
            at=self.at,
        )


# How a level changed: a promotion, the start of a grace period (kept if active again
# before ``until``), or a drop to a lower level at its end.
PROMOTED, GRACE, DROPPED = "promoted", "grace", "dropped"


@dataclass(frozen=True)
@logged("level.changed")
class LevelChanged:
    user_id: int
    level: int
    change: str
    at: datetime
    until: datetime | None = None

    def entry(self) -> Entry:
        until = self.until.isoformat() if self.until is not None else None
        return Entry(
            data={"user": self.user_id, "level": self.level, "change": self.change, "until": until},
            user_ids=(self.user_id,),
            at=self.at,
        )
