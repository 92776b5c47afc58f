"""Reading notifications: only those whose post (and answer) the person may still see."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from agora.core.links import link
from agora.notifications.models import Notification, NotificationKind
from agora.people.models import User
from agora.spaces.visibility import LISTED, member_space_ids, visible_through


def visible(user: User) -> QuerySet[Notification]:
    """The person's notifications about things they may see now: a member removed from a
    private or secret space stops seeing (and counting) notifications about its posts at
    once, and a deleted post or answer takes its notifications with it. One about a space
    (a request to join it) shows only while they may know the space exists."""
    return Notification.objects.filter(user=user).filter(
        Q(post__isnull=True) | visible_through(user),
        Q(answer__isnull=True) | Q(answer__deleted_at__isnull=True),
        Q(space__isnull=True)
        | Q(space__visibility__in=LISTED)
        | Q(space_id__in=member_space_ids(user)),
    )


def unread_count(user: User) -> int:
    """What the bell shows (one query)."""
    return visible(user).filter(read_at__isnull=True).count()


# The page's filters: a name in the address, what it is called, and the kinds it shows.
FILTERS: dict[str, tuple[str, frozenset[str]]] = {
    "mentions": ("Mentions", frozenset({NotificationKind.MENTION})),
    "replies": (
        "Replies",
        frozenset({NotificationKind.REPLY, NotificationKind.COMMENT}),
    ),
    "questions": (
        "Questions",
        frozenset(
            {
                NotificationKind.ANSWER_INVITATION,
                NotificationKind.NEW_ANSWER,
                NotificationKind.ANSWER_ACCEPTED,
            }
        ),
    ),
    "reactions": ("Reactions", frozenset({NotificationKind.REACTIONS})),
    "spaces": (
        "Spaces",
        frozenset(
            {
                NotificationKind.JOIN_REQUEST,
                NotificationKind.JOIN_APPROVED,
                NotificationKind.JOIN_DECLINED,
            }
        ),
    ),
    "recognition": (
        "Badges",
        frozenset({NotificationKind.BADGE, NotificationKind.LEVEL}),
    ),
}


def recent(
    user: User, limit: int = 50, *, kinds: Iterable[str] | None = None, unread_only: bool = False
) -> list[Notification]:
    """The newest notifications (of ``kinds``; unread ones only) with what their
    sentences need (one query)."""
    found = visible(user)
    if kinds is not None:
        found = found.filter(kind__in=list(kinds))
    if unread_only:
        found = found.filter(read_at__isnull=True)
    return list(
        found.select_related("actor", "post", "answer", "user", "space").order_by(
            "-created_at", "-id"
        )[:limit]
    )


def target_url(notification: Notification) -> str:
    """Where opening ``notification`` leads: the comment, the answer or the post it is
    about, the space (its members page, for a request to join it), or (a badge or level
    earned without a post) its person's profile."""
    if notification.space is not None:
        if notification.kind == NotificationKind.JOIN_REQUEST:
            return link("spaces:members", notification.space.slug)
        return notification.space.get_absolute_url()
    if notification.answer is not None:
        base = notification.answer.get_absolute_url()
    elif notification.post is not None:
        base = notification.post.get_absolute_url()
    else:
        return notification.user.get_absolute_url()
    if notification.comment_id is not None:
        return f"{base.split('#')[0]}#comment-{notification.comment_id}"
    return base


# Kinds told together when several people did the same to the same thing ("Ana and 4
# others commented on your post"); the others stay one line each.
GROUPED = frozenset({NotificationKind.COMMENT, NotificationKind.REPLY, NotificationKind.NEW_ANSWER})


@dataclass
class Group:
    """One line of the notifications page: the newest notification of its kind about its
    post, and who else did the same (newest first)."""

    first: Notification
    members: list[Notification] = field(default_factory=list)

    @property
    def unread(self) -> bool:
        return any(n.read_at is None for n in self.members)

    @property
    def who(self) -> str:
        names = list(dict.fromkeys(n.actor.display_name for n in self.members if n.actor))
        if not names:
            return "Someone"
        if len(names) == 1:
            return names[0]
        if len(names) == 2:
            return f"{names[0]} and {names[1]}"
        return f"{names[0]} and {len(names) - 1} others"


def group_key(n: Notification) -> tuple[str, int | None, int | None] | None:
    return (n.kind, n.post_id, n.answer_id) if n.kind in GROUPED else None


def grouped(items: list[Notification]) -> list[Group]:
    """``items`` (newest first) as lines: notifications of a grouped kind about the same
    post join the line of the newest one."""
    lines: list[Group] = []
    by_key: dict[tuple[str, int | None, int | None], Group] = {}
    for n in items:
        key = group_key(n)
        if key is not None and key in by_key:
            by_key[key].members.append(n)
            continue
        line = Group(first=n, members=[n])
        lines.append(line)
        if key is not None:
            by_key[key] = line
    return lines


def same_line(user: User, notification: Notification) -> QuerySet[Notification]:
    """The person's visible notifications drawn on one line with ``notification``."""
    key = group_key(notification)
    if key is None:
        return visible(user).filter(pk=notification.pk)
    kind, post_id, answer_id = key
    same = visible(user).filter(kind=kind)
    same = same.filter(post_id=post_id) if post_id is not None else same.filter(post__isnull=True)
    if answer_id is None:
        return same.filter(answer__isnull=True)
    return same.filter(answer_id=answer_id)
