"""What the posts actions tell the apps above: ``core.events`` emits these inside the
action's transaction (reputation credits thumbs-up and takes back a deleted post's credit;
search indexes new and edited text; qa keeps its answer counts).

Each is also logged (``@logged``): its entry names the ids it is about and is heard by
the readers of its post's space (everyone, for company-wide posts). Notifications, and
later live pages, follow from the log."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from agora.core.events import Entry, logged

if TYPE_CHECKING:
    from agora.people.models import User
    from agora.posts.models import Comment, Post


def _about(post: Post, at: datetime | None = None, **data: int | str | list[int] | None) -> Entry:
    return Entry(data={"post": post.pk, **data}, space_id=post.space_id, at=at)


@logged("post.created")
@dataclass(frozen=True)
class PostCreated:
    """A post, question or answer was written; ``mentioned``: the people it mentions."""

    post: Post
    mentioned: tuple[int, ...] = ()

    def entry(self) -> Entry:
        post = self.post
        return _about(
            post,
            post.created_at,
            author=post.author_id,
            kind=post.kind,
            parent=post.parent_id,
            mentioned=list(self.mentioned),
        )


@logged("post.edited")
@dataclass(frozen=True)
class PostEdited:
    """A post's title or body changed; ``old_text`` is what search held for it before;
    ``mentioned``: the people the edit mentions for the first time."""

    post: Post
    old_text: str
    mentioned: tuple[int, ...] = ()
    editor: User | None = None

    def entry(self) -> Entry:
        post = self.post
        editor = self.editor.pk if self.editor is not None else post.author_id
        return _about(
            post, post.edited_at, editor=editor, kind=post.kind, mentioned=list(self.mentioned)
        )


@logged("post.files_changed")
@dataclass(frozen=True)
class PostFilesChanged:
    """Files the post shows changed what they show (a video became ready to play, or
    failed): open pages draw them again."""

    post: Post
    attachments: tuple[int, ...]

    def entry(self) -> Entry:
        return _about(self.post, attachments=list(self.attachments))


@logged("post.deleted")
@dataclass(frozen=True)
class PostDeleted:
    """A post was deleted (hidden everywhere, with its answers if it is a question)."""

    post: Post
    deleted_by: User

    def entry(self) -> Entry:
        return _about(self.post, self.post.deleted_at, by=self.deleted_by.pk)


@logged("comment.created")
@dataclass(frozen=True)
class CommentAdded:
    """A comment (or with a parent, a reply) was written on ``post``, mentioning
    ``mentioned``."""

    comment: Comment
    post: Post
    mentioned: tuple[int, ...] = ()

    def entry(self) -> Entry:
        c = self.comment
        return _about(
            self.post,
            c.created_at,
            comment=c.pk,
            author=c.author_id,
            parent=c.parent_id,
            mentioned=list(self.mentioned),
        )


@logged("comment.deleted")
@dataclass(frozen=True)
class CommentDeleted:
    comment: Comment
    post: Post
    deleted_by: User

    def entry(self) -> Entry:
        c = self.comment
        return _about(self.post, c.deleted_at, comment=c.pk, by=self.deleted_by.pk)


@logged("reaction.added")
@dataclass(frozen=True)
class ReactionAdded:
    """``user`` reacted with ``kind`` to ``post`` (an answer is a post) or to ``comment``,
    at ``at`` (now, or a past moment for an import or the demo's history)."""

    user: User
    kind: str
    post: Post | None = None
    comment: Comment | None = None
    at: datetime | None = None

    def entry(self) -> Entry:
        return _reaction_entry(self.user, self.kind, self.post, self.comment, self.at)


@logged("reaction.removed")
@dataclass(frozen=True)
class ReactionRemoved:
    user: User
    kind: str
    post: Post | None = None
    comment: Comment | None = None
    at: datetime | None = field(default=None, compare=False)

    def entry(self) -> Entry:
        return _reaction_entry(self.user, self.kind, self.post, self.comment, self.at)


def _reaction_entry(
    user: User, kind: str, post: Post | None, comment: Comment | None, at: datetime | None
) -> Entry:
    if comment is not None:
        return _about(comment.post, at, comment=comment.pk, user=user.pk, reaction=kind)
    assert post is not None
    return _about(post, at, user=user.pk, reaction=kind)
