"""What every page needs to know about the person viewing it: who they are and the spaces
they belong to, fetched once per request (templates get it from ``context_processors``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import HttpRequest

from agora.people.models import User
from agora.spaces.models import Membership, Space
from agora.spaces.visibility import can_start_posts


@dataclass
class Viewer:
    """The signed-in person with their memberships (one query, cached on the request)."""

    user: User
    memberships: list[Membership] = field(default_factory=list)

    @property
    def roles(self) -> dict[int, str]:
        return {m.space_id: m.role for m in self.memberships}

    @property
    def spaces(self) -> list[Space]:
        return [m.space for m in self.memberships]

    @property
    def posting_spaces(self) -> list[Space]:
        """The spaces the composers offer: those this person may start posts in."""
        return [m.space for m in self.memberships if can_start_posts(m.space, m.role)]


def viewer_for(request: HttpRequest) -> Viewer:
    cached: Viewer | None = getattr(request, "_agora_viewer", None)
    if cached is not None:
        return cached
    user = request.user
    assert isinstance(user, User)
    memberships = list(
        Membership.objects.filter(user=user).select_related("space").order_by("space__name")
    )
    viewer = Viewer(user=user, memberships=memberships)
    request._agora_viewer = viewer  # type: ignore[attr-defined]
    return viewer
