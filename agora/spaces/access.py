"""Fetching a space for a person: 404 for what they may not know exists.

``access_space`` and ``access_space_to_manage`` serve pages (Django's 404 and 403);
``space_for`` serves the actions, which refuse with an ``ActionError`` of the same status.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404

from agora.core.errors import ActionError
from agora.people.models import User
from agora.spaces import visibility
from agora.spaces.models import Membership, Role, Space

MANAGERS_ONLY = "Only this space's owners and moderators can do that."


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
        """May start posts and questions here (everyone who reads may comment)."""
        return visibility.can_start_posts(self.space, self.role)

    @property
    def can_manage(self) -> bool:
        return visibility.manages(self.role)

    @property
    def can_grant_owner(self) -> bool:
        return self.can_manage and visibility.may_handle(self.role, Role.OWNER)


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
        raise PermissionDenied(MANAGERS_ONLY)
    return access


def space_for(user: User, slug: str, *, manage: bool = False) -> SpaceAccess:
    """``access_space`` (or, with ``manage``, ``access_space_to_manage``) for an action:
    an ``ActionError`` 404 for a space ``user`` may not know exists (a secret one reads
    exactly like a missing one), 403 for one they may see but not manage."""
    try:
        access = access_space(user, slug)
    except Http404:
        raise ActionError("No such space.", status=404) from None
    if manage and not access.can_manage:
        raise ActionError(MANAGERS_ONLY, status=403)
    return access
