"""What the posts actions tell the apps above: ``core.events`` emits these inside the
action's transaction (reputation credits thumbs-up and takes back a deleted post's credit;
search indexes new and edited text; qa keeps its answer counts)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from agora.people.models import User
    from agora.posts.models import Comment, Post


@dataclass(frozen=True)
class PostCreated:
    """A post, question or answer was written."""

    post: Post


@dataclass(frozen=True)
class PostEdited:
    """A post's title or body changed; ``old_text`` is what search held for it before."""

    post: Post
    old_text: str


@dataclass(frozen=True)
class PostDeleted:
    """A post was deleted (hidden everywhere, with its answers if it is a question)."""

    post: Post
    deleted_by: User


@dataclass(frozen=True)
class ReactionAdded:
    """``user`` reacted with ``kind`` to ``post`` (an answer is a post) or to ``comment``,
    at ``at`` (now, or a past moment for an import or the demo's history)."""

    user: User
    kind: str
    post: Post | None = None
    comment: Comment | None = None
    at: datetime | None = None


@dataclass(frozen=True)
class ReactionRemoved:
    user: User
    kind: str
    post: Post | None = None
    comment: Comment | None = None
