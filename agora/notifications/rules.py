"""Who is told what: the rules that turn logged events into notifications.

The notifications consumer (``actions.deliver``) reads the event log after each change
commits and asks the rules registered for each event's type whom to tell. The rules for
posts and comments (mentions, replies, comments on my post) live here; the apps above
(qa: answers, acceptances, invitations; reputation: badges, levels) register theirs in
their ``AppConfig.ready``, since this app may not import them.

A rule only reads. It returns ``Notice``s; the consumer drops the ones for the person who
acted, keeps one per person and event (the first rule's: a mention in a reply is told as
a mention), and keeps only people who may read the post at that moment.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from agora.core.markdown import to_plain_text
from agora.core.models import Event
from agora.notifications.models import Notification, NotificationKind
from agora.posts.models import Comment, Post, PostKind, Reaction
from agora.spaces.models import Space
from agora.spaces.visibility import LISTED


@dataclass(frozen=True)
class Notice:
    """One notification to write (``text``: what the sentence names, a title or a badge)."""

    user_id: int
    kind: str
    actor_id: int | None = None
    post_id: int | None = None
    answer_id: int | None = None
    comment_id: int | None = None
    text: str = ""
    space_id: int | None = None
    count: int = 0  # how many reacted, for a reaction milestone


Rule = Callable[[Event], Iterable[Notice]]
_rules: dict[str, list[Rule]] = defaultdict(list)


def rule(event_type: str) -> Callable[[Rule], Rule]:
    """Register a rule for events of ``event_type`` (in order: earlier rules win)."""

    def register(fn: Rule) -> Rule:
        if fn not in _rules[event_type]:
            _rules[event_type].append(fn)
        return fn

    return register


def rules_for(event_type: str) -> list[Rule]:
    return list(_rules.get(event_type, ()))


def notices_for(event: Event) -> list[Notice]:
    """What ``event`` tells whom: one notice per person, never to whoever acted."""
    chosen: dict[int, Notice] = {}
    for fn in rules_for(event.type):
        for notice in fn(event):
            if notice.user_id == notice.actor_id or notice.user_id in chosen:
                continue
            chosen[notice.user_id] = notice
    return list(chosen.values())


def _title(post: Post) -> str:
    """What a notification calls a post: its title, or its text's start (as read, not
    its Markdown)."""
    return post.title or " ".join(to_plain_text(post.body_html).split())[:120]


def _where(post: Post) -> tuple[int, int | None]:
    """The post a notification opens, and the answer in it (for an answer: its question)."""
    if post.kind == PostKind.ANSWER and post.parent_id is not None:
        return post.parent_id, post.pk
    return post.pk, None


@rule("post.created")
@rule("post.edited")
def mentioned(event: Event) -> Iterable[Notice]:
    """The people a post names (an edit: those it names for the first time)."""
    ids = event.data.get("mentioned") or []
    post = Post.objects.filter(pk=event.data["post"]).first() if ids else None
    if post is None:
        return []
    opens, answer = _where(post)
    by = event.data.get("editor") or post.author_id
    return [
        Notice(uid, NotificationKind.MENTION, by, opens, answer, None, _title(post)) for uid in ids
    ]


@rule("comment.created")
def told_of_comment(event: Event) -> Iterable[Notice]:
    """Mentions first, then the author of the comment replied to, then the post's author."""
    comment = (
        Comment.objects.filter(pk=event.data["comment"]).select_related("post", "parent").first()
    )
    if comment is None:
        return []
    post = comment.post
    opens, answer = _where(post)
    about: dict[str, Any] = {"post_id": opens, "answer_id": answer, "comment_id": comment.pk}
    by = comment.author_id
    text = _title(post)
    named = event.data.get("mentioned") or []
    notices = [Notice(uid, NotificationKind.MENTION, by, text=text, **about) for uid in named]
    if comment.parent is not None:
        notices.append(
            Notice(comment.parent.author_id, NotificationKind.REPLY, by, text=text, **about)
        )
    notices.append(Notice(post.author_id, NotificationKind.COMMENT, by, text=text, **about))
    return notices


# How many people reacting to a post tell its author (Discourse tells of likes in steps
# too): the first, then round numbers, never each one.
MILESTONES = frozenset({1, 5, 10, 25, 50, 100, 250, 500, 1000})


@rule("reaction.added")
def reached_milestone(event: Event) -> Iterable[Notice]:
    """The author of a post or answer, when as many people have reacted to it as a
    milestone says (once per milestone, however often people take a reaction back)."""
    if event.data.get("comment") is not None:
        return []
    post = Post.objects.filter(pk=event.data["post"], deleted_at__isnull=True).first()
    if post is None:
        return []
    people = Reaction.objects.filter(post=post).values("user_id").distinct().count()
    if people not in MILESTONES:
        return []
    opens, answer = _where(post)
    told = Notification.objects.filter(
        user_id=post.author_id, kind=NotificationKind.REACTIONS, post_id=opens,
        answer_id=answer, count__gte=people,
    ).exists()  # fmt: skip
    if told:
        return []
    return [
        Notice(post.author_id, NotificationKind.REACTIONS, event.data["user"], opens, answer,
               text=_title(post), count=people)
    ]  # fmt: skip


@rule("join.requested")
def asked_to_join(event: Event) -> Iterable[Notice]:
    """The space's managers: someone waits to be let in."""
    space = Space.objects.filter(pk=event.data["space"]).first()
    if space is None:
        return []
    asker = event.data["user"]
    return [
        Notice(uid, NotificationKind.JOIN_REQUEST, asker, text=space.name, space_id=space.pk)
        for uid in event.user_ids or []
    ]


@rule("join.decided")
def decided(event: Event) -> Iterable[Notice]:
    """The person who asked. A declined request to a space made secret since says
    nothing: its name is no longer theirs to know."""
    space = Space.objects.filter(pk=event.data["space"]).first()
    if space is None:
        return []
    approved = bool(event.data["approved"])
    if not approved and space.visibility not in LISTED:
        return []
    kind = NotificationKind.JOIN_APPROVED if approved else NotificationKind.JOIN_DECLINED
    by = event.data.get("by")
    return [Notice(event.data["user"], kind, by, text=space.name, space_id=space.pk)]
