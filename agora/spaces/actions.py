"""Every write about spaces: creating them, their settings, joining, requests, roles and
removal.

Each write is a pair. ``check_*`` takes what a request carries (the actor, the space's
slug, ids, typed text), resolves it through ``access.space_for`` (404 for a space the actor
may not know exists, 403 for one they may see but not manage), applies the rules of
``visibility`` (who manages, which roles a manager may give, owners kept) and refuses with
an ``ActionError`` before anything is written; then it calls the ``do_*`` writer. Trusted
callers (the demo, the cast, the Django admin) call ``do_*`` directly; the writers still
keep the invariants no caller may break (a valid role, an active person, one owner left).
"""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.text import slugify

from agora.core import events
from agora.core.errors import ActionError
from agora.core.nul import refuse_nul
from agora.people.models import User
from agora.people.queries import find_person
from agora.spaces.access import space_for
from agora.spaces.events import JoinDecided, JoinRequested
from agora.spaces.models import JoinRequest, Kind, Membership, Posting, Role, Space, Visibility
from agora.spaces.visibility import ASK, JOIN, how_to_join, may_handle

# Slugs that would collide with the spaces app's own URLs (``/spaces/new/`` creates a space).
RESERVED_SLUGS = {"new"}
NOT_A_MEMBER = "That person is not a member of this space."


def _unique_slug(name: str) -> str:
    base = slugify(name)[:70] or "space"
    candidate, n = base, 1
    while candidate in RESERVED_SLUGS or Space.objects.filter(slug=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def check_space_fields(
    name: str,
    kind: str,
    visibility: str,
    description: str = "",
    posting: str = Posting.MEMBERS,
) -> None:
    refuse_nul(name, field="name")
    refuse_nul(description, field="description")
    if not name.strip():
        raise ActionError("A space needs a name.", field="name")
    if kind not in Kind.values:
        raise ActionError("Choose what kind of space this is.", field="kind")
    if visibility not in Visibility.values:
        raise ActionError("Choose who can see this space.", field="visibility")
    if posting not in Posting.values:
        raise ActionError("Choose who starts posts in this space.", field="posting")


def _check_role(role: str) -> None:
    if role not in Role.values:
        raise ActionError("That is not a role in this space.", field="role")


# Creating a space and its settings ---------------------------------------------------------


def check_create_space(
    creator: User,
    *,
    name: str,
    description: str = "",
    kind: str,
    visibility: str,
    posting: str = Posting.MEMBERS,
) -> Space:
    """Any employee may create a space (and owns it); the fields must make sense."""
    if not creator.is_active:
        raise ActionError("Your account is deactivated.", status=403)
    check_space_fields(name, kind, visibility, description, posting)
    return do_create_space(
        creator,
        name=name,
        description=description,
        kind=kind,
        visibility=visibility,
        posting=posting,
    )


def do_create_space(
    creator: User,
    *,
    name: str,
    description: str = "",
    kind: str,
    visibility: str,
    posting: str = Posting.MEMBERS,
    created_at: datetime | None = None,
) -> Space:
    """Create a space with ``creator`` as its owner (now, or at ``created_at``: an import,
    the demo's history)."""
    check_space_fields(name, kind, visibility, description, posting)
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
                    posting=posting,
                    created_by=creator,
                    created_at=created_at or timezone.now(),
                    member_count=0,
                )
                _add(space, creator, Role.OWNER, at=space.created_at)
        except IntegrityError:
            if attempt == 4:
                raise
            continue
        space.refresh_from_db(fields=["member_count"])
        return space
    raise AssertionError("unreachable")


def check_update_space(
    actor: User,
    slug: str,
    *,
    name: str,
    description: str,
    kind: str,
    visibility: str,
    posting: str = Posting.MEMBERS,
) -> Space:
    """A space's owners and moderators change its name, description, kind, visibility and
    who starts posts in it."""
    space = space_for(actor, slug, manage=True).space
    check_space_fields(name, kind, visibility, description, posting)
    do_update_space(
        space,
        name=name,
        description=description,
        kind=kind,
        visibility=visibility,
        posting=posting,
    )
    return space


def do_update_space(
    space: Space,
    *,
    name: str,
    description: str,
    kind: str,
    visibility: str,
    posting: str | None = None,
) -> None:
    """Save a space's settings; ``posting`` None keeps who starts posts as it is."""
    posting = space.posting if posting is None else posting
    check_space_fields(name, kind, visibility, description, posting)
    space.name = name.strip()[:80]
    space.description = description.strip()
    space.kind = kind
    space.visibility = visibility
    space.posting = posting
    space.save(update_fields=["name", "description", "kind", "visibility", "posting"])


# Belonging ------------------------------------------------------------------------------


def _add(space: Space, user: User, role: str, *, at: datetime | None = None) -> Membership | None:
    """Insert a membership (dated ``at``, now by default) and count it; None if ``user``
    already belongs."""
    try:
        with transaction.atomic():
            membership = Membership.objects.create(
                space=space, user=user, role=role, created_at=at or timezone.now()
            )
            Space.objects.filter(pk=space.pk).update(member_count=F("member_count") + 1)
    except IntegrityError:
        return None
    return membership


def check_join(actor: User, slug: str, *, message: str = "") -> tuple[Space, str]:
    """Join an open space, or ask to join a private one; a secret space is 404 to
    non-members. Returns the space and what happened (see ``do_join``)."""
    refuse_nul(message, field="message")
    access = space_for(actor, slug)
    return access.space, do_join(actor, access.space, message=message)


def do_join(user: User, space: Space, *, message: str = "", at: datetime | None = None) -> str:
    """Join an open space at once, or ask to join a private one (now, or at ``at``: the
    demo's history). Returns what happened: "joined", "already" (a member), "requested"
    or "already_requested"."""
    refuse_nul(message, field="message")
    if Membership.objects.filter(space=space, user=user).exists():
        return "already"
    how = how_to_join(space)
    if how == JOIN:
        _add(space, user, Role.MEMBER, at=at)
        return "joined"
    if how == ASK:
        try:
            with transaction.atomic():
                request = JoinRequest.objects.create(
                    space=space, user=user, message=message[:500], created_at=at or timezone.now()
                )
                events.emit(JoinRequested(request))
        except IntegrityError:
            return "already_requested"
        return "requested"
    # A secret space is joined only by invitation; callers have already answered 404.
    raise ActionError("No such space.", status=404)


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


def check_leave(actor: User, slug: str) -> Space:
    """Leave a space one belongs to; its only owner must hand it over first."""
    access = space_for(actor, slug)
    if not access.is_member:
        raise ActionError(f"You are not a member of {access.space.name}.")
    do_leave(actor, access.space)
    return access.space


def do_leave(user: User, space: Space) -> None:
    """Remove ``user``'s own membership (nothing if they have none), never the last owner."""
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


# Join requests ----------------------------------------------------------------------------


def check_decide_request(
    actor: User, slug: str, request_id: int, *, approve: bool
) -> tuple[JoinRequest, bool]:
    """A space's owners and moderators approve or decline a request to join it. Returns the
    request and whether this call decided it (False: someone already had)."""
    space = space_for(actor, slug, manage=True).space
    join_request = (
        JoinRequest.objects.filter(pk=request_id, space=space).select_related("user").first()
    )
    if join_request is None:
        raise ActionError("That request no longer exists.", status=404)
    join_request.space = space
    pending = join_request.status == JoinRequest.Status.PENDING
    if approve and pending and not join_request.user.is_active:
        raise ActionError(f"{join_request.user.display_name}'s account is deactivated.")
    decided = do_decide_request(actor, join_request, approve=approve)
    if not decided:
        join_request.refresh_from_db(fields=["status"])
    return join_request, decided


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
        if updated:
            events.emit(JoinDecided(join_request, approve, manager.pk))
    return bool(updated)


# Managing members -------------------------------------------------------------------------


def check_add_member(
    actor: User, slug: str, person: str, *, role: str = Role.MEMBER
) -> tuple[Space, User, bool]:
    """A space's owners and moderators add an active person, named by @handle, email or
    name, with a role (only owners add owners). Returns the space, the person and whether
    they were added (False: they already belonged)."""
    refuse_nul(person, field="person")
    access = space_for(actor, slug, manage=True)
    _check_role(role)
    if not may_handle(access.role, role):
        raise ActionError("Only owners can add owners.", status=403)
    person = person.strip()
    if not person:
        raise ActionError("Name the person to add: their name, @handle or email.", field="person")
    user = find_person(person)
    if user is None:
        raise ActionError(f"Nobody called “{person}” works here.", field="person")
    return access.space, user, do_add_member(access.space, user, role=role)


def do_add_member(
    space: Space, user: User, *, role: str = Role.MEMBER, at: datetime | None = None
) -> bool:
    """Add ``user`` to ``space`` (an invitation by its owners; now, or at ``at``: the demo's
    history); False if already a member."""
    _check_role(role)
    if not user.is_active:
        raise ActionError(f"{user.display_name}'s account is deactivated.")
    at = at or timezone.now()
    with transaction.atomic():
        added = _add(space, user, role, at=at) is not None
        # Anyone added directly no longer needs their pending request.
        JoinRequest.objects.filter(
            space=space, user=user, status=JoinRequest.Status.PENDING
        ).update(status=JoinRequest.Status.APPROVED, decided_at=at)
    return added


def _member(actor: User, slug: str, user_id: int) -> tuple[str, Membership]:
    """The actor's role (a manager's) and the membership of ``user_id`` in the space."""
    access = space_for(actor, slug, manage=True)
    membership = (
        Membership.objects.filter(space=access.space, user_id=user_id)
        .select_related("user")
        .first()
    )
    if membership is None:
        raise ActionError(NOT_A_MEMBER, status=404)
    membership.space = access.space
    return access.role or "", membership


def check_set_role(actor: User, slug: str, user_id: int, role: str) -> Membership:
    """A space's owners and moderators change a member's role; only owners make, or
    unmake, owners, and the last owner stays one."""
    actor_role, membership = _member(actor, slug, user_id)
    _check_role(role)
    do_set_role(actor_role, membership, role)
    return membership


def do_set_role(actor_role: str, membership: Membership, role: str) -> None:
    """Give ``membership`` the role ``role`` as a manager holding ``actor_role``."""
    _check_role(role)
    if not (may_handle(actor_role, role) and may_handle(actor_role, membership.role)):
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


def check_remove_member(actor: User, slug: str, user_id: int) -> Membership:
    """A space's owners and moderators remove a member; only owners remove owners, and
    the last owner stays."""
    actor_role, membership = _member(actor, slug, user_id)
    do_remove_member(actor_role, membership)
    return membership


def do_remove_member(actor_role: str, membership: Membership) -> None:
    """Remove ``membership`` as a manager holding ``actor_role``; their access ends at once."""
    if not may_handle(actor_role, membership.role):
        raise ActionError("Only owners can remove an owner.", status=403)
    with transaction.atomic():
        if membership.role == Role.OWNER and not _another_owner(membership.space_id, membership.pk):
            raise ActionError("A space needs at least one owner.")
        deleted, _ = Membership.objects.filter(pk=membership.pk).delete()
        if deleted:
            Space.objects.filter(pk=membership.space_id).update(member_count=F("member_count") - 1)


# Counters kept for the posts app ------------------------------------------------------------


def do_count_post(space: Space | int, delta: int, *, at: datetime | None = None) -> None:
    """A post in ``space`` was written (``delta`` 1, at ``at``) or deleted (-1): the space's
    post count and last activity follow. Called by the posts actions in their transaction."""
    changes: dict[str, Any] = {"post_count": F("post_count") + delta}
    if at is not None:
        # A backdated post (imports, the demo) never moves the activity date back.
        changes["last_post_at"] = Greatest(Coalesce("last_post_at", Value(at)), Value(at))
    space_id = space if isinstance(space, int) else space.pk
    Space.objects.filter(pk=space_id).update(**changes)
