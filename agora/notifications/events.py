"""What the notifications consumer tells the event log (see ``agora.core.events``): that
someone has new notifications, heard by them alone (their open pages redraw the bell)."""

from __future__ import annotations

from dataclasses import dataclass

from agora.core.events import Entry, logged


@logged("notification.created")
@dataclass(frozen=True)
class NotificationsAdded:
    user_id: int
    count: int

    def entry(self) -> Entry:
        return Entry(data={"user": self.user_id, "count": self.count}, user_ids=(self.user_id,))
