"""Every write about posts: creating, editing and deleting posts (questions and answers
are posts too) and comments, with their files (checked by ``media.uploads``), pins and
reactions.

Views, the qa actions, the demo seeder and tests all come here; nothing else creates
these rows. What the apps above must know (reputation, search, qa) they learn from the
events in ``posts.events``, emitted inside each transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from agora.core import events, markdown
from agora.core.errors import ActionError
from agora.core.links import link
from agora.core.nul import refuse_nul
from agora.media.actions import create_attachments
from agora.media.events import AttachmentsChanged
from agora.media.uploads import Batch, Checked, Upload, check_uploads, storing
from agora.people.models import User
from agora.people.privileges import has_privilege
from agora.posts.access import (
    access_comment,
    access_post,
    can_delete_comment,
    can_delete_post,
    can_edit_post,
    can_pin,
)
from agora.posts.events import (
    CommentAdded,
    CommentDeleted,
    PostCreated,
    PostDeleted,
    PostEdited,
    PostFilesChanged,
    ReactionAdded,
    ReactionRemoved,
)
from agora.posts.models import (
    FEED_KINDS,
    Comment,
    FileLink,
    Mention,
    Post,
    PostKind,
    PostRevision,
    Reaction,
    ReactionKind,
    Tag,
)
from agora.spaces import actions as spaces
from agora.spaces.models import Space
from agora.spaces.queries import membership_roles, space_role
from agora.spaces.visibility import can_start_posts, moderates


@dataclass(frozen=True)
class Body:
    """A rendered post or comment body, with the ids of the people it mentions."""

    html: str
    tags: tuple[str, ...]
    mentioned: tuple[int, ...]


def render_body(body: str) -> Body:
    """Render Markdown, resolving @handles to active people in the same single query."""
    ids: dict[str, int] = {}

    def resolve(handles: set[str]) -> Mapping[str, tuple[str, str]]:
        people = User.objects.filter(handle__in=handles, is_active=True).only(
            "id", "handle", "display_name"
        )
        found = {}
        for person in people:
            ids[person.handle] = person.pk
            found[person.handle] = (person.get_absolute_url(), person.display_name)
        return found

    rendered = markdown.render(
        body, resolve_people=resolve, tag_url=lambda name: link("posts:tag", name)
    )
    return Body(
        html=rendered.html,
        tags=rendered.tags,
        mentioned=tuple(ids[handle] for handle in rendered.mentions),
    )


def _check_body(body: str, *, limit: int, what: str, allow_empty: bool = False) -> str:
    refuse_nul(body, field="body")
    body = body.replace("\r\n", "\n").strip()
    if not body and not allow_empty:
        raise ActionError(f"Write something before you {what}.", field="body")
    if len(body) > limit:
        raise ActionError(
            f"This is {len(body):,} characters long; the limit is {limit:,}.", field="body"
        )
    return body


def check_mention_count(rendered: Body) -> None:
    limit = settings.AGORA_MAX_MENTIONS
    if len(rendered.mentioned) > limit:
        raise ActionError(
            f"A post may mention at most {limit} people; this one mentions "
            f"{len(rendered.mentioned)}.",
            field="body",
        )


MAX_TAGS = 8
TITLE_MAX = 255


def parse_tags(text: str) -> list[str]:
    """Tag names from a tag field ("pricing, #atlas  q3"): lower-cased, deduplicated."""
    names: list[str] = []
    for raw in text.replace(",", " ").split():
        name = raw.lstrip("#").lower()
        if not markdown.TAG_RE.fullmatch(name):
            raise ActionError(
                f"“{raw}” is not a tag: use letters, digits, - and _, starting with a letter.",
                field="tags",
            )
        if name not in names:
            names.append(name)
    if len(names) > MAX_TAGS:
        raise ActionError(f"Use at most {MAX_TAGS} tags.", field="tags")
    return names


def tags_for(names: Sequence[str]) -> list[Tag]:
    if not names:
        return []
    # ignore_conflicts: two people introducing the same new tag at once both succeed.
    Tag.objects.bulk_create([Tag(name=name) for name in names], ignore_conflicts=True)
    return list(Tag.objects.filter(name__in=names))


def check_create_post(
    author: User,
    *,
    space: Space | None,
    body: str,
    uploads: Sequence[Upload] = (),
    captions: UploadedFile | None = None,
    roles: Mapping[int, str] | None = None,
) -> Post:
    """Authorise and validate a new post and its files (under the upload policy), then
    create it. In a space, the author must be a member allowed to start posts there
    (``spaces.visibility.can_start_posts``: some spaces keep that to their managers).

    ``roles`` (space id → role, as the viewer already holds them) saves a query.
    """
    if space is not None:
        role = space_role(author, space, roles)
        if role is None:
            raise ActionError(f"Join {space.name} to post in it.", status=403)
        if not can_start_posts(space, role):
            raise ActionError(
                f"Only the owners and moderators of {space.name} start posts there; "
                "you can comment and react.",
                status=403,
            )
    body = _check_body(
        body, limit=settings.AGORA_POST_MAX_CHARS, what="post", allow_empty=bool(uploads)
    )
    checked = check_uploads(author, uploads, captions=captions)
    return do_create_post(author, space=space, body=body, attachments=checked)


def do_create_post(
    author: User,
    *,
    space: Space | None,
    body: str,
    attachments: Sequence[Checked] | Batch = (),
    created_at: datetime | None = None,
    kind: str = PostKind.POST,
    tags: Sequence[str] = (),
    title: str = "",
    parent: Post | None = None,
) -> Post:
    """Create a post (or a question, or with ``parent`` an answer to it) with its tags,
    mentions and files in one transaction.

    ``tags`` adds to the #tags the body names (a question's tag field). The files are
    written before the transaction opens and removed if it fails (``media.uploads``).
    Answers live in their question's space but do not count as the space's posts.
    """
    rendered = render_body(body)
    check_mention_count(rendered)
    now = created_at or timezone.now()
    with storing(attachments) as files, transaction.atomic():
        post = Post.objects.create(
            author=author,
            space=space,
            kind=kind,
            parent=parent,
            title=title,
            body=body,
            body_html=rendered.html,
            created_at=now,
        )
        names = list(dict.fromkeys([*rendered.tags, *tags]))
        Post.tags.through.objects.bulk_create(
            [Post.tags.through(post=post, tag=tag) for tag in tags_for(names)]
        )
        Mention.objects.bulk_create(
            [Mention(user_id=uid, post=post, created_at=now) for uid in rendered.mentioned]
        )
        _link_files(files, post, author=author)
        if space is not None and kind in FEED_KINDS:
            spaces.do_count_post(space, 1, at=now)
        events.emit(PostCreated(post, mentioned=tuple(rendered.mentioned)))
    return post


def _link_files(files: Batch, post: Post, *, author: User, comment: Comment | None = None) -> None:
    """The rows of the files just written, linked to their post (and comment)."""
    rows = create_attachments(files, uploaded_by=author)
    FileLink.objects.bulk_create(
        [FileLink(attachment=row, post=post, comment=comment) for row in rows]
    )


def check_edit_post(user: User, post_id: int, body: str, *, title: str | None = None) -> Post:
    post = access_post(user, post_id)
    if not can_edit_post(user, post):
        raise ActionError("Only the author can edit a post.", status=403)
    # A question may have only a title; a post needs text unless it has files of its own.
    allow_empty = (
        post.kind == PostKind.QUESTION or post.file_links.filter(comment__isnull=True).exists()
    )
    body = _check_body(
        body, limit=settings.AGORA_POST_MAX_CHARS, what="save", allow_empty=allow_empty
    )
    is_question = post.kind == PostKind.QUESTION
    title = clean_title(title) if is_question and title is not None else None
    do_edit_post(post, editor=user, body=body, title=title)
    return post


def clean_title(title: str) -> str:
    """A question's title: one line, a few words at least, at most 255 characters."""
    refuse_nul(title, field="title")
    title = " ".join(title.split())
    if len(title) < 8:
        raise ActionError("Give your question a title of at least a few words.", field="title")
    if len(title) > TITLE_MAX:
        raise ActionError(f"Keep the title under {TITLE_MAX} characters.", field="title")
    return title


def do_edit_post(
    post: Post,
    *,
    editor: User,
    body: str,
    title: str | None = None,
    attachments: Sequence[Checked] | Batch = (),
) -> None:
    """Replace the body (and a question's title), keeping the previous ones as a revision.

    ``attachments`` adds files to the post (the demo adds a talk's recording this way once
    the server can process video); they are written as ``do_create_post`` writes them.
    """
    title = post.title if title is None else title
    adds_files = bool(attachments.written if isinstance(attachments, Batch) else attachments)
    if body == post.body and title == post.title and not adds_files:
        return
    rendered = render_body(body)
    check_mention_count(rendered)
    now = timezone.now()
    with storing(attachments) as files, transaction.atomic():
        PostRevision.objects.create(
            post=post, title=post.title, body=post.body, edited_by=editor, created_at=now
        )
        old_text = post.search_text
        post.title, post.body = title, body
        post.body_html = rendered.html
        post.edited_at = now
        post.save(update_fields=["title", "body", "body_html", "edited_at"])
        bump_card_versions([post.pk])
        post.version += 1
        names = list(rendered.tags)
        if post.kind == PostKind.QUESTION:
            # A question's tags also come from its tag field: edits add, never drop them.
            names += list(post.tags.values_list("name", flat=True))
        post.tags.set(tags_for(list(dict.fromkeys(names))))
        known = set(post.mentions.filter(comment__isnull=True).values_list("user_id", flat=True))
        Mention.objects.bulk_create(
            [Mention(user_id=uid, post=post) for uid in rendered.mentioned],
            ignore_conflicts=True,
        )
        _link_files(files, post, author=editor)
        first_time = tuple(sorted(set(rendered.mentioned) - known))
        events.emit(PostEdited(post, old_text, mentioned=first_time, editor=editor))


def bump_card_versions(post_ids: Sequence[int]) -> None:
    """Say that these posts' cards draw something new (body, title, files), so their
    cached HTML (``agora.posts.cards``) is drawn again."""
    if post_ids:
        Post.objects.filter(pk__in=post_ids).update(version=F("version") + 1)


def on_attachments_changed(event: AttachmentsChanged) -> None:
    """A video became ready (or failed): the cards of the posts showing it change, and
    the pages open on them are told (``PostFilesChanged``)."""
    shown: dict[int, list[int]] = {}
    for post_id, attachment_id in FileLink.objects.filter(
        attachment_id__in=event.attachment_ids, comment__isnull=True
    ).values_list("post_id", "attachment_id"):
        shown.setdefault(post_id, []).append(attachment_id)
    bump_card_versions(list(shown))
    for post in Post.objects.filter(pk__in=shown, deleted_at__isnull=True).order_by("pk"):
        events.emit(PostFilesChanged(post, tuple(sorted(shown[post.pk]))))


def do_set_tags(post: Post, names: Sequence[str]) -> None:
    """Replace the post's tags (a question retagged by its asker or a leader)."""
    with transaction.atomic():
        post.tags.set(tags_for(names))


def check_delete_post(user: User, post_id: int) -> Post:
    post = access_post(user, post_id)
    if not can_delete_post(user, post, membership_roles(user)):
        raise ActionError("You can only delete your own posts.", status=403)
    do_delete_post(post, deleted_by=user)
    return post


def do_delete_post(post: Post, *, deleted_by: User) -> bool:
    """Hide a post (and a question's answers) everywhere; the rows stay for the moderation
    record. False if it was deleted already (nothing changes then)."""
    now = timezone.now()
    with transaction.atomic():
        updated = Post.objects.filter(pk=post.pk, deleted_at__isnull=True).update(
            deleted_at=now, deleted_by=deleted_by
        )
        if not updated:
            return False
        # Answers go with their question: the same moment, so a restore finds them.
        Post.objects.filter(parent=post, deleted_at__isnull=True).update(
            deleted_at=now, deleted_by=deleted_by
        )
        if post.space_id is not None and post.kind in FEED_KINDS:
            spaces.do_count_post(post.space_id, -1)
        post.deleted_at, post.deleted_by = now, deleted_by
        events.emit(PostDeleted(post, deleted_by))
    return True


def check_add_comment(
    user: User,
    post_id: int,
    body: str,
    *,
    parent_id: int | None = None,
    uploads: Sequence[Upload] = (),
    captions: UploadedFile | None = None,
) -> Comment:
    """Comment on a post (or an answer), or reply to a comment, with files under the
    upload policy. An answer's comments are one flat list (no replies)."""
    post = access_post(user, post_id)
    parent = None
    if parent_id is not None and post.kind == PostKind.ANSWER:
        raise ActionError("Comments on an answer cannot be replies.")
    if parent_id is not None:
        parent = Comment.objects.filter(pk=parent_id, post=post, deleted_at__isnull=True).first()
        if parent is None:
            raise ActionError("The comment you replied to is gone.", status=404)
        if parent.parent_id is not None:
            # One level of replies: a reply to a reply joins the same thread.
            parent = parent.parent
    body = _check_body(
        body, limit=settings.AGORA_COMMENT_MAX_CHARS, what="comment", allow_empty=bool(uploads)
    )
    checked = check_uploads(user, uploads, captions=captions)
    return do_add_comment(user, post, body, parent=parent, attachments=checked)


def do_add_comment(
    author: User,
    post: Post,
    body: str,
    *,
    parent: Comment | None = None,
    created_at: datetime | None = None,
    attachments: Sequence[Checked] | Batch = (),
) -> Comment:
    """Write a comment with its files; the post's counter follows."""
    rendered = render_body(body)
    check_mention_count(rendered)
    now = created_at or timezone.now()
    with storing(attachments) as files, transaction.atomic():
        comment = Comment.objects.create(
            post=post,
            author=author,
            parent=parent,
            body=body,
            body_html=rendered.html,
            created_at=now,
        )
        Mention.objects.bulk_create(
            [
                Mention(user_id=uid, post=post, comment=comment, created_at=now)
                for uid in rendered.mentioned
            ]
        )
        _link_files(files, post, author=author, comment=comment)
        Post.objects.filter(pk=post.pk).update(comment_count=F("comment_count") + 1)
        events.emit(CommentAdded(comment, post, mentioned=tuple(rendered.mentioned)))
    return comment


def check_delete_comment(user: User, comment_id: int) -> Comment:
    comment = access_comment(user, comment_id)
    if not can_delete_comment(user, comment, comment.post.space_id, membership_roles(user)):
        raise ActionError("You can only delete your own comments.", status=403)
    do_delete_comment(comment, deleted_by=user)
    return comment


def do_delete_comment(comment: Comment, *, deleted_by: User) -> None:
    """Blank a comment; its replies stay, under a "deleted" marker."""
    now = timezone.now()
    with transaction.atomic():
        updated = Comment.objects.filter(pk=comment.pk, deleted_at__isnull=True).update(
            deleted_at=now, deleted_by=deleted_by
        )
        if updated:
            Post.objects.filter(pk=comment.post_id).update(comment_count=F("comment_count") - 1)
            comment.deleted_at, comment.deleted_by = now, deleted_by
            events.emit(CommentDeleted(comment, comment.post, deleted_by))


def check_pin(user: User, post_id: int, *, pinned: bool) -> Post:
    """Pin a post to the top of its space's feed (or unpin it)."""
    post = access_post(user, post_id)
    if post.kind not in FEED_KINDS:
        raise ActionError("An answer cannot be pinned; pin its question instead.")
    if post.space_id is None:
        raise ActionError("Only posts in a space can be pinned.")
    roles = membership_roles(user)
    leader = not moderates(user, post.space_id, roles) and has_privilege(user, "pin")
    if not can_pin(user, post.space_id, roles, leader=leader):
        raise ActionError(
            "Pinning is for this space's owners and moderators, and for leaders who belong to it.",
            status=403,
        )
    do_pin(post, by=user, pinned=pinned)
    return post


def do_pin(post: Post, *, by: User, pinned: bool) -> None:
    if pinned:
        post.pinned_at, post.pinned_by = timezone.now(), by
    else:
        post.pinned_at, post.pinned_by = None, None
    post.save(update_fields=["pinned_at", "pinned_by"])


def check_reaction_kind(kind: str) -> str:
    if kind not in ReactionKind.values:
        raise ActionError("That is not a reaction Agora knows.", status=400)
    return kind


Reactable = Post | Comment


def _target(target: Reactable) -> dict[str, Reactable]:
    if isinstance(target, Post):
        return {"post": target}
    return {"comment": target}


def do_add_reaction(
    user: User, target: Reactable, kind: str, *, at: datetime | None = None
) -> bool:
    """Add one reaction (given now, or at ``at``: an import, the demo's history); False if
    it was already there. Exactly-once under concurrent clicks.

    Emits ``ReactionAdded`` in the same transaction (a thumbs-up on a post or an answer
    credits its author's reputation, dated when it was given).
    """
    counter = f"{kind}_count"
    at = at or timezone.now()
    try:
        with transaction.atomic():
            Reaction.objects.create(user=user, kind=kind, created_at=at, **_target(target))
            type(target).objects.filter(pk=target.pk).update(**{counter: F(counter) + 1})
            if isinstance(target, Post):
                events.emit(ReactionAdded(user, kind, post=target, at=at))
            else:
                events.emit(ReactionAdded(user, kind, comment=target, at=at))
    except IntegrityError:
        return False
    return True


def do_remove_reaction(user: User, target: Reactable, kind: str) -> bool:
    """Remove one reaction; False if there was none. The counter moves only with the row.

    Reputation already earned stays: the ledger grants a thumbs-up once per giver.
    """
    counter = f"{kind}_count"
    with transaction.atomic():
        deleted, _ = Reaction.objects.filter(user=user, kind=kind, **_target(target)).delete()
        if deleted:
            type(target).objects.filter(pk=target.pk).update(**{counter: F(counter) - 1})
            if isinstance(target, Post):
                events.emit(ReactionRemoved(user, kind, post=target))
            else:
                events.emit(ReactionRemoved(user, kind, comment=target))
    return bool(deleted)
