"""Reads of posts: feeds, post pages and the cards they are drawn with.

Each function owns its joins, so every list page costs a small fixed number of queries
whatever its length (asserted in the query-budget tests).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q

from agora.core.pagination import Page, keyset_page
from agora.core.viewer import Viewer
from agora.people.models import Follow, User
from agora.posts.access import can_delete_comment, can_delete_post, can_edit_post
from agora.posts.models import Attachment, Comment, Post, PostQuerySet, Reaction, Tag
from agora.spaces.models import Space, member_space_ids

FEED_TABS = ("all", "company")


@dataclass
class PostCard:
    """A post as one viewer sees it: which reactions are theirs and what they may do."""

    post: Post
    my_reactions: set[str]
    can_edit: bool
    can_delete: bool


@dataclass
class CommentView:
    comment: Comment
    my_reactions: set[str]
    can_delete: bool
    replies: list[CommentView] = field(default_factory=list)


def cards_queryset(posts: PostQuerySet) -> PostQuerySet:
    """``posts`` with everything a card draws joined or prefetched."""
    return posts.select_related("author", "author__department", "space").prefetch_related(
        Prefetch("attachments", queryset=Attachment.objects.order_by("position", "id"))
    )


def cards(viewer: Viewer, posts: list[Post]) -> list[PostCard]:
    """Posts drawn for ``viewer``: their reactions (one query) and permissions."""
    mine: dict[int, set[str]] = defaultdict(set)
    if posts:
        rows = Reaction.objects.filter(
            user=viewer.user, post_id__in=[p.pk for p in posts]
        ).values_list("post_id", "kind")
        for post_id, kind in rows:
            mine[post_id].add(kind)
    roles = viewer.roles
    return [
        PostCard(
            post=p,
            my_reactions=mine[p.pk],
            can_edit=can_edit_post(viewer.user, p),
            can_delete=can_delete_post(viewer.user, p, roles),
        )
        for p in posts
    ]


def new_post_card(viewer: Viewer, post_id: int) -> PostCard:
    """The card of a post the viewer has just written (nobody has reacted to it yet)."""
    post = cards_queryset(Post.objects.filter(pk=post_id)).get()
    return PostCard(post=post, my_reactions=set(), can_edit=True, can_delete=True)


def card_for(viewer: Viewer, post: Post) -> PostCard:
    return cards(viewer, [post])[0]


def page_of(viewer: Viewer, posts: PostQuerySet, cursor: str | None, size: int) -> Page[PostCard]:
    """One keyset page of ``posts`` (already scoped by visibility) drawn as cards."""
    page = keyset_page(cards_queryset(posts), cursor, size)
    return Page(items=cards(viewer, page.items), next_cursor=page.next_cursor)


def home_feed(viewer: Viewer, *, tab: str, cursor: str | None, size: int) -> Page[PostCard]:
    """My spaces, people I follow and company-wide posts; or only company-wide ones."""
    user = viewer.user
    posts = Post.objects.visible_to(user)
    if tab == "company":
        posts = posts.filter(Q(space_key=0))
    else:
        followed = Follow.objects.filter(follower=user).values("followee_id")
        posts = posts.filter(
            Q(space_key=0) | Q(space_key__in=member_space_ids(user)) | Q(author_id__in=followed)
        )
    return page_of(viewer, posts, cursor, size)


def space_feed(viewer: Viewer, space: Space, *, cursor: str | None, size: int) -> Page[PostCard]:
    posts = Post.objects.visible_to(viewer.user).filter(space=space)
    return page_of(viewer, posts, cursor, size)


def profile_feed(viewer: Viewer, person: User, *, cursor: str | None, size: int) -> Page[PostCard]:
    """A person's posts that the viewer may read (none from spaces closed to the viewer)."""
    posts = Post.objects.visible_to(viewer.user).filter(author=person)
    return page_of(viewer, posts, cursor, size)


def tag_feed(viewer: Viewer, tag: Tag, *, cursor: str | None, size: int) -> Page[PostCard]:
    posts = Post.objects.visible_to(viewer.user).filter(tags=tag)
    return page_of(viewer, posts, cursor, size)


def comment_thread(viewer: Viewer, post: Post) -> list[CommentView]:
    """Every comment on ``post``, replies nested one level, with the viewer's reactions."""
    comments = list(
        Comment.objects.filter(post=post)
        .select_related("author", "author__department")
        .order_by("created_at", "id")
    )
    mine: dict[int, set[str]] = defaultdict(set)
    if comments:
        rows = Reaction.objects.filter(
            user=viewer.user, comment_id__in=[c.pk for c in comments]
        ).values_list("comment_id", "kind")
        for comment_id, kind in rows:
            mine[comment_id].add(kind)
    roles = viewer.roles
    views: dict[int, CommentView] = {}
    top: list[CommentView] = []
    for c in comments:
        view = CommentView(
            comment=c,
            my_reactions=mine[c.pk],
            can_delete=c.deleted_at is None
            and can_delete_comment(viewer.user, c, post.space_id, roles),
        )
        views[c.pk] = view
        if c.parent_id is None:
            top.append(view)
        elif c.parent_id in views:
            views[c.parent_id].replies.append(view)
    # A deleted comment with no live replies has nothing left to show.
    return [v for v in top if v.comment.deleted_at is None or v.replies]


def comment_view(viewer: Viewer, comment: Comment) -> CommentView:
    mine = set(
        Reaction.objects.filter(user=viewer.user, comment=comment).values_list("kind", flat=True)
    )
    return CommentView(
        comment=comment,
        my_reactions=mine,
        can_delete=can_delete_comment(viewer.user, comment, comment.post.space_id, viewer.roles),
    )
