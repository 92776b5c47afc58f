"""Fetching a space for a person: 404 for what they may not know exists."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404

from agora.people.models import User
from agora.spaces import visibility
from agora.spaces.models import Membership, Space


@dataclass
class SpaceAccess:
    """A space as one person sees it."""

    space: Space
    membership: Membership | None

    @property
    def is_member(self) -> bool:
        return self.membership is not None

    @property
    def role(self) -> str | None:
        return self.membership.role if self.membership else None

    @property
    def can_read(self) -> bool:
        return visibility.can_read(self.space, self.membership)

    @property
    def can_post(self) -> bool:
        return self.is_member

    @property
    def can_manage(self) -> bool:
        return visibility.manages(self.role)


def access_space(user: User, slug: str) -> SpaceAccess:
    """The space ``slug`` if ``user`` may know it exists; a secret space is 404 to outsiders."""
    space = Space.objects.visible_to(user).select_related("created_by").filter(slug=slug).first()
    if space is None:
        raise Http404("No such space")
    membership = Membership.objects.filter(space=space, user=user).first()
    return SpaceAccess(space=space, membership=membership)


def access_space_to_manage(user: User, slug: str) -> SpaceAccess:
    access = access_space(user, slug)
    if not access.can_manage:
        raise PermissionDenied("Only this space's owners and moderators can do that.")
    return access
