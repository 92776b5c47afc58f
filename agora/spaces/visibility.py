"""The visibility rule, in one module: who may know that a space exists, who may read what
is in it, how one gets in, who may start posts and who manages it (and which roles a
manager may give or take), and which rows a person may see through the space they are in.

A space is open (any employee reads and joins it), private (listed; members read it) or
secret (unlisted; 404 to non-members, exactly like a space that does not exist). Content
lives in a space or company-wide (no space, readable by every employee) and is readable
exactly when its space is and it is not deleted. Every surface asks these functions, in
SQL: pages, fragments, files, search, leaderboards, badges, notifications, and (later)
live events, the API and exports. Moderation never widens what someone can see.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet, Value
from django.db.models.functions import Coalesce
from django.db.models.lookups import Exact, In

from agora.people.models import User
from agora.spaces.models import Membership, Posting, Role, Space, Visibility

if TYPE_CHECKING:
    from agora.spaces.models import SpaceQuerySet

# Roles that manage a space: its settings, members and join requests, and its content.
MANAGER_ROLES = frozenset({Role.OWNER, Role.MODERATOR})
# Spaces every employee may read, and those every employee may know exist.
READABLE_TO_ALL = (Visibility.OPEN,)
LISTED = (Visibility.OPEN, Visibility.PRIVATE)
# How someone who may know a space gets in: open spaces are joined at once, private ones
# are asked to join (the managers decide); a secret space is entered only by being added.
JOIN, ASK, ADDED_ONLY = "join", "ask", "added_only"


def member_space_ids(user: User) -> QuerySet[Membership, int]:
    """A subquery of the ids of the spaces ``user`` belongs to."""
    return Membership.objects.filter(user_id=user.pk).values_list("space_id", flat=True)


def knowable(spaces: SpaceQuerySet, user: User) -> SpaceQuerySet:
    """The spaces of ``spaces`` that ``user`` may know exist: listed ones and their own."""
    if not user.is_authenticated:
        return spaces.none()
    return spaces.filter(Q(visibility__in=LISTED) | Q(pk__in=member_space_ids(user)))


def readable(spaces: SpaceQuerySet, user: User) -> SpaceQuerySet:
    """The spaces of ``spaces`` whose content ``user`` may read: open ones and their own."""
    if not user.is_authenticated:
        return spaces.none()
    return spaces.filter(Q(visibility__in=READABLE_TO_ALL) | Q(pk__in=member_space_ids(user)))


def readable_space_ids(user: User) -> QuerySet[Space, Any]:
    """A subquery of the ids of the spaces ``user`` may read."""
    return readable(Space.objects.all(), user).order_by().values("pk")


def readable_to_all(space: Space | None) -> bool:
    """Whether every employee may read ``space`` (``None``: company-wide, they may)."""
    return space is None or space.visibility in READABLE_TO_ALL


def can_read(space: Space, membership: Membership | None) -> bool:
    """The same rule for one space whose membership row (or its absence) is known."""
    return readable_to_all(space) or membership is not None


def visible_through(user: User, path: str = "post") -> Q:
    """The rule for rows that reach a space's content through ``path`` (``"post"``,
    ``"question__post"``; ``""`` for posts themselves): a filter on that row's own
    ``space_id`` and ``deleted_at`` columns.

    Use it instead of ``post__in=Post.objects.visible_to(user)``: a planner evaluates that
    subquery whole (every readable post, a million rows at company size) before it looks
    at a single outer row, while a join costs one primary-key lookup per outer row.

    The space (0 for company-wide) is an expression, so no branch of the OR can use an
    index on its own: planners never gather every readable post through the space index
    and sort them all, but walk the outer rows' own index (posts newest first, questions
    by activity, a person's ledger) and stop at the page size.
    """
    if not user.is_authenticated:
        return Q(pk__in=[])
    prefix = f"{path}__" if path else ""
    key = Coalesce(f"{prefix}space_id", Value(0))
    return Q(**{f"{prefix}deleted_at__isnull": True}) & (
        Q(Exact(key, 0)) | Q(In(key, readable_space_ids(user)))
    )


def readable_space_key(user: User, field: str = "space_key") -> Q:
    """For rows keyed by a space id with 0 for company-wide (``reputation.CreditTotal``):
    the keys ``user`` may read."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    return Q(**{field: 0}) | Q(**{f"{field}__in": readable_space_ids(user)})


def reader_ids(space: Space | None) -> QuerySet[Membership, int] | None:
    """The rule seen from a space: ids of the people who may read its content, as a
    subquery, or None when every employee may (company-wide, or an open space)."""
    if space is None or readable_to_all(space):
        return None
    return Membership.objects.filter(space_id=space.pk).values_list("user_id", flat=True)


def readers_among(space_ids: Iterable[int], user_ids: Iterable[int]) -> dict[int, set[int] | None]:
    """The rule for many people and spaces at once (who hears a live event, who may be
    notified): for each space, which of ``user_ids`` may read it now, or None when every
    employee may. A space that no longer exists is read by nobody. Two queries at most."""
    wanted = set(space_ids)
    if not wanted:
        return {}
    spaces = dict(Space.objects.filter(pk__in=wanted).values_list("pk", "visibility"))
    closed = {pk for pk, visibility in spaces.items() if visibility not in READABLE_TO_ALL}
    readers: dict[int, set[int] | None] = {pk: set() for pk in wanted}
    for pk in spaces.keys() - closed:
        readers[pk] = None
    people = set(user_ids)
    if closed and people:
        for space_id, user_id in Membership.objects.filter(
            space_id__in=closed, user_id__in=people
        ).values_list("space_id", "user_id"):
            found = readers[space_id]
            assert found is not None
            found.add(user_id)
    return readers


def how_to_join(space: Space) -> str:
    """``JOIN`` (at once), ``ASK`` (a request the managers decide) or ``ADDED_ONLY``."""
    if space.visibility in READABLE_TO_ALL:
        return JOIN
    if space.visibility in LISTED:
        return ASK
    return ADDED_ONLY


def may_post(user: User, space: Space | None, roles: Mapping[int, str] | None = None) -> bool:
    """Whether ``user`` may write in ``space``: its members; company-wide, everyone.
    ``roles`` (the user's space ids to their role, when the caller holds them) saves a
    query."""
    if space is None:
        return True
    if roles is not None:
        return space.pk in roles
    return Membership.objects.filter(space_id=space.pk, user_id=user.pk).exists()


def manages(role: str | None) -> bool:
    """Whether a member with ``role`` manages the space (settings, members, requests)."""
    return role in MANAGER_ROLES


def may_handle(actor_role: str | None, role: str) -> bool:
    """Whether a manager holding ``actor_role`` may give ``role`` to someone (adding them,
    or setting their role), or change or remove someone who holds it: only owners touch
    the owner role. (Whether they manage at all is ``manages``.)"""
    return role != Role.OWNER or actor_role == Role.OWNER


def can_start_posts(space: Space, role: str | None) -> bool:
    """Whether someone with ``role`` in ``space`` (None: not a member) may start a post or
    a question there. Members may, unless the space keeps that to its owners and
    moderators (``Posting.MANAGERS``, an announcements space); comments, answers and
    reactions stay open to everyone who can read the space."""
    if role is None:
        return False
    return space.posting == Posting.MEMBERS or manages(role)


def moderates(user: User, space_id: int | None, roles: Mapping[int, str]) -> bool:
    """Who may remove, pin or accept on behalf of others in a space: site moderators, and
    the space's owners and moderators. ``roles`` maps the user's space ids to their role."""
    if user.is_moderator:
        return True
    return space_id is not None and manages(roles.get(space_id))
