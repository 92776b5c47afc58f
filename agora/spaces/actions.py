"""Every write about spaces: creating them, joining, requests, roles and removal."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.text import slugify

from agora.core.errors import ActionError
from agora.core.nul import refuse_nul
from agora.people.models import User
from agora.spaces.models import JoinRequest, Kind, Membership, Role, Space, Visibility
from agora.spaces.visibility import ASK, JOIN, how_to_join

# Slugs that would collide with the spaces app's own URLs (``/spaces/new/`` creates a space).
RESERVED_SLUGS = {"new"}


def _unique_slug(name: str) -> str:
    base = slugify(name)[:70] or "space"
    candidate, n = base, 1
    while candidate in RESERVED_SLUGS or Space.objects.filter(slug=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def check_space_fields(name: str, kind: str, visibility: str, description: str = "") -> None:
    refuse_nul(name, field="name")
    refuse_nul(description, field="description")
    if not name.strip():
        raise ActionError("A space needs a name.", field="name")
    if kind not in Kind.values:
        raise ActionError("Choose what kind of space this is.", field="kind")
    if visibility not in Visibility.values:
        raise ActionError("Choose who can see this space.", field="visibility")


def create_space(
    creator: User, *, name: str, description: str = "", kind: str, visibility: str
) -> Space:
    """Create a space with ``creator`` as its owner."""
    check_space_fields(name, kind, visibility, description)
    # Two people creating "Project X" at the same moment can pick the same free slug;
    # the unique index refuses the second, which then tries a slug with a random suffix.
    for attempt in range(5):
        slug = _unique_slug(name)
        if attempt:
            slug = f"{slug[:72]}-{secrets.token_hex(3)}"
        try:
            with transaction.atomic():
                space = Space.objects.create(
                    name=name.strip()[:80],
                    slug=slug,
                    description=description.strip(),
                    kind=kind,
                    visibility=visibility,
                    created_by=creator,
                    member_count=0,
                )
                _add(space, creator, Role.OWNER)
        except IntegrityError:
            if attempt == 4:
                raise
            continue
        space.refresh_from_db(fields=["member_count"])
        return space
    raise AssertionError("unreachable")


def do_update_space(
    space: Space, *, name: str, description: str, kind: str, visibility: str
) -> None:
    check_space_fields(name, kind, visibility, description)
    space.name = name.strip()[:80]
    space.description = description.strip()
    space.kind = kind
    space.visibility = visibility
    space.save(update_fields=["name", "description", "kind", "visibility"])


def _add(space: Space, user: User, role: str) -> Membership | None:
    """Insert a membership and count it; None if ``user`` already belongs."""
    try:
        with transaction.atomic():
            membership = Membership.objects.create(space=space, user=user, role=role)
            Space.objects.filter(pk=space.pk).update(member_count=F("member_count") + 1)
    except IntegrityError:
        return None
    return membership


def do_join(user: User, space: Space, *, message: str = "") -> str:
    """Join an open space at once, or ask to join a private one. Returns what happened."""
    refuse_nul(message, field="message")
    if Membership.objects.filter(space=space, user=user).exists():
        return "already"
    how = how_to_join(space)
    if how == JOIN:
        _add(space, user, Role.MEMBER)
        return "joined"
    if how == ASK:
        try:
            with transaction.atomic():
                JoinRequest.objects.create(space=space, user=user, message=message[:500])
        except IntegrityError:
            return "already_requested"
        return "requested"
    # A secret space is joined only by invitation; callers have already answered 404.
    raise ActionError("This space does not exist.", status=404)


def _another_owner(space_id: int, membership_pk: int) -> bool:
    """Whether an owner other than ``membership_pk`` remains, with the owners' rows locked.

    The lock makes two owners stepping down at the same moment queue, so the second sees
    the first one's change and the space never ends up with no owner.
    """
    owners = (
        Membership.objects.select_for_update()
        .filter(space_id=space_id, role=Role.OWNER)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return any(pk != membership_pk for pk in owners)


def do_leave(user: User, space: Space) -> None:
    with transaction.atomic():
        membership = Membership.objects.select_for_update().filter(space=space, user=user).first()
        if membership is None:
            return
        if membership.role == Role.OWNER and not _another_owner(space.pk, membership.pk):
            raise ActionError(
                "You are this space's only owner; make someone else an owner before you leave."
            )
        membership.delete()
        Space.objects.filter(pk=space.pk).update(member_count=F("member_count") - 1)


def do_decide_request(manager: User, join_request: JoinRequest, *, approve: bool) -> bool:
    """Approve (adding the member) or decline a pending join request, once.

    Returns False when the request had already been decided (nothing changes then).
    """
    with transaction.atomic():
        updated = JoinRequest.objects.filter(
            pk=join_request.pk, status=JoinRequest.Status.PENDING
        ).update(
            status=JoinRequest.Status.APPROVED if approve else JoinRequest.Status.DECLINED,
            decided_at=timezone.now(),
            decided_by=manager,
        )
        if updated and approve:
            _add(join_request.space, join_request.user, Role.MEMBER)
    return bool(updated)


def do_add_member(space: Space, user: User, *, role: str = Role.MEMBER) -> bool:
    """Add ``user`` to ``space`` (an invitation by its owners); False if already a member."""
    if not user.is_active:
        raise ActionError(f"{user.display_name}'s account is deactivated.")
    with transaction.atomic():
        added = _add(space, user, role) is not None
        # Anyone added directly no longer needs their pending request.
        JoinRequest.objects.filter(
            space=space, user=user, status=JoinRequest.Status.PENDING
        ).update(status=JoinRequest.Status.APPROVED, decided_at=timezone.now())
    return added


def do_set_role(actor_role: str, membership: Membership, role: str) -> None:
    if role not in Role.values:
        raise ActionError("That is not a role in this space.")
    if Role.OWNER in (role, membership.role) and actor_role != Role.OWNER:
        raise ActionError("Only owners can make or unmake owners.", status=403)
    with transaction.atomic():
        if (
            membership.role == Role.OWNER
            and role != Role.OWNER
            and not _another_owner(membership.space_id, membership.pk)
        ):
            raise ActionError("A space needs at least one owner.")
        membership.role = role
        membership.save(update_fields=["role"])


def do_remove_member(actor_role: str, membership: Membership) -> None:
    if membership.role == Role.OWNER and actor_role != Role.OWNER:
        raise ActionError("Only owners can remove an owner.", status=403)
    with transaction.atomic():
        if membership.role == Role.OWNER and not _another_owner(membership.space_id, membership.pk):
            raise ActionError("A space needs at least one owner.")
        deleted, _ = Membership.objects.filter(pk=membership.pk).delete()
        if deleted:
            Space.objects.filter(pk=membership.space_id).update(member_count=F("member_count") - 1)


def do_count_post(space: Space | int, delta: int, *, at: datetime | None = None) -> None:
    """A post in ``space`` was written (``delta`` 1, at ``at``) or deleted (-1): the space's
    post count and last activity follow. Called by the posts actions in their transaction."""
    changes: dict[str, Any] = {"post_count": F("post_count") + delta}
    if at is not None:
        # A backdated post (imports, the demo) never moves the activity date back.
        changes["last_post_at"] = Greatest(Coalesce("last_post_at", Value(at)), Value(at))
    space_id = space if isinstance(space, int) else space.pk
    Space.objects.filter(pk=space_id).update(**changes)
