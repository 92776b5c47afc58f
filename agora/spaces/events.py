"""What the spaces actions tell the event log (see ``agora.core.events``): join requests
and their decisions, heard by the people they concern."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from agora.core.events import Entry, logged
from agora.spaces.visibility import MANAGER_ROLES

if TYPE_CHECKING:
    from agora.spaces.models import JoinRequest


@logged("join.requested")
@dataclass(frozen=True)
class JoinRequested:
    """Someone asked to join a private space: its owners and moderators decide."""

    request: JoinRequest

    def entry(self) -> Entry:
        from agora.spaces.models import Membership

        r = self.request
        managers = Membership.objects.filter(space_id=r.space_id, role__in=MANAGER_ROLES)
        return Entry(
            data={"space": r.space_id, "request": r.pk, "user": r.user_id},
            space_id=r.space_id,
            user_ids=tuple(sorted(managers.values_list("user_id", flat=True))),
            at=r.created_at,
        )


@logged("join.decided")
@dataclass(frozen=True)
class JoinDecided:
    """A manager approved or declined a request: its person hears of it."""

    request: JoinRequest
    approved: bool
    by: int | None

    def entry(self) -> Entry:
        r = self.request
        return Entry(
            data={
                "space": r.space_id,
                "request": r.pk,
                "user": r.user_id,
                "approved": self.approved,
                "by": self.by,
            },
            user_ids=(r.user_id,),
        )
