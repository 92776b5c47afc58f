"""Reads about spaces."""

from __future__ import annotations

from collections.abc import Mapping

from django.db.models import Case, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When

from agora.people.models import User
from agora.spaces.models import JoinRequest, Membership, Role, Space


def membership_roles(user: User) -> dict[int, str]:
    """``{space_id: role}`` for every space ``user`` belongs to (one query)."""
    if not user.is_authenticated:
        return {}
    return dict(Membership.objects.filter(user=user).values_list("space_id", "role"))


def space_role(user: User, space: Space, roles: Mapping[int, str] | None = None) -> str | None:
    """``user``'s role in ``space`` (None: not a member), from ``roles`` (space id → role,
    as a viewer already holds them) when given, otherwise one query."""
    if roles is not None:
        return roles.get(space.pk)
    return Membership.objects.filter(space=space, user=user).values_list("role", flat=True).first()


def directory(user: User, *, kind: str = "", q: str = "", mine: bool = False) -> QuerySet[Space]:
    """The spaces ``user`` may see, with whether they belong to each."""
    spaces = Space.objects.visible_to(user).annotate(
        is_member=Exists(Membership.objects.filter(space=OuterRef("pk"), user=user)),
        has_requested=Exists(
            JoinRequest.objects.filter(
                space=OuterRef("pk"), user=user, status=JoinRequest.Status.PENDING
            )
        ),
    )
    if kind:
        spaces = spaces.filter(kind=kind)
    if q:
        spaces = spaces.filter(Q(name__icontains=q) | Q(description__icontains=q))
    if mine:
        spaces = spaces.filter(is_member=True)
    return spaces.order_by("-member_count", "name")


def my_spaces(user: User) -> QuerySet[Space]:
    return Space.objects.filter(memberships__user=user).order_by("name")


def members(space: Space) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(space=space)
        .select_related("user", "user__department")
        .annotate(
            role_rank=Case(
                When(role=Role.OWNER, then=Value(0)),
                When(role=Role.MODERATOR, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        .order_by("role_rank", "user__display_name")
    )


def pending_requests(space: Space) -> QuerySet[JoinRequest]:
    return (
        JoinRequest.objects.filter(space=space, status=JoinRequest.Status.PENDING)
        .select_related("user", "user__department")
        .order_by("created_at")
    )


def has_pending_request(space: Space, user: User) -> bool:
    return JoinRequest.objects.filter(
        space=space, user=user, status=JoinRequest.Status.PENDING
    ).exists()
