"""Reads of posts: feeds, post pages and the cards they are drawn with.

Each function owns its joins, so every list page costs a small fixed number of queries
whatever its length (asserted in the query-budget tests).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch, Q, prefetch_related_objects
from django.utils.safestring import SafeString

from agora.core.pagination import Page, keyset_page
from agora.people.models import Follow, User
from agora.people.privileges import has_privilege
from agora.posts.access import can_delete_comment, can_delete_post, can_edit_post, can_pin
from agora.posts.cards import draw
from agora.posts.models import Comment, FileLink, Post, PostKind, PostQuerySet, Reaction, Tag
from agora.spaces.models import Space
from agora.spaces.viewer import Viewer
from agora.spaces.visibility import member_space_ids

FEED_TABS = ("all", "company")
PINNED_MAX = 5  # pinned posts shown above a space's feed


@dataclass
class PostCard:
    """A post as one viewer sees it: which reactions are theirs and what they may do."""

    post: Post
    my_reactions: set[str]
    can_edit: bool
    can_delete: bool
    # Feeds offer pinning to the space's managers only (no query); a post's own page
    # also asks whether the viewer is a leader (see ``can_pin_post``).
    can_pin: bool = False
    # The HTML every viewer shares, from the cache (``cards.draw``).
    avatar: SafeString = field(default_factory=SafeString)
    byline: SafeString = field(default_factory=SafeString)
    content: SafeString = field(default_factory=SafeString)


@dataclass
class CommentView:
    comment: Comment
    my_reactions: set[str]
    can_delete: bool
    replies: list[CommentView] = field(default_factory=list)
    # Top-level comments take replies, except on answers (their comments are one list).
    can_reply: bool = False


# A comment's files, fetched for a whole thread in one query. Templates draw a comment's
# files only from this prefetch (the ``comment_media`` filter never queries).
COMMENT_ATTACHMENTS = Prefetch(
    "file_links",
    queryset=FileLink.objects.select_related("attachment").order_by(
        "attachment__position", "attachment_id"
    ),
)


def _card_joins(posts: PostQuerySet) -> PostQuerySet:
    # ``question`` (reverse one-to-one, empty for plain posts) gives a question's card its
    # title, answer count and accepted mark in the same query.
    # ``author__standing`` lets bylines show a contributor's or leader's level label.
    # The Markdown source is not drawn (its HTML is), nor the author's password and bio.
    return posts.select_related(
        "author", "author__department", "author__standing", "space", "question"
    ).defer("body", "author__password", "author__bio")


def cards(viewer: Viewer, posts: list[Post], *, expanded: bool = False) -> list[PostCard]:
    """Posts drawn for ``viewer``: their reactions (one query) and permissions, around
    the HTML everyone shares (from the cache; files fetched only for what is missing)."""
    mine: dict[int, set[str]] = defaultdict(set)
    if posts:
        rows = Reaction.objects.filter(
            user=viewer.user, post_id__in=[p.pk for p in posts]
        ).values_list("post_id", "kind")
        for post_id, kind in rows:
            mine[post_id].add(kind)
    roles = viewer.roles
    drawn = [
        PostCard(
            post=p,
            my_reactions=mine[p.pk],
            can_edit=can_edit_post(viewer.user, p),
            can_delete=can_delete_post(viewer.user, p, roles),
            can_pin=can_pin(viewer.user, p.space_id, roles, leader=False),
        )
        for p in posts
    ]
    draw(drawn, expanded=expanded)
    return drawn


def new_post_card(viewer: Viewer, post_id: int) -> PostCard:
    """The card of a post the viewer has just written (nobody has reacted to it yet)."""
    post = _card_joins(Post.objects.filter(pk=post_id)).get()
    card = PostCard(post=post, my_reactions=set(), can_edit=True, can_delete=True)
    draw([card])
    return card


def card_for(viewer: Viewer, post: Post) -> PostCard:
    """A post's card on its own page (videos first)."""
    return cards(viewer, [post], expanded=True)[0]


def page_of(viewer: Viewer, posts: PostQuerySet, cursor: str | None, size: int) -> Page[PostCard]:
    """One keyset page of ``posts`` (already scoped by visibility) drawn as cards."""
    page = keyset_page(_card_joins(posts), cursor, size)
    return Page(items=cards(viewer, page.items), next_cursor=page.next_cursor)


def home_posts(user: User) -> PostQuerySet:
    """What concerns ``user`` (the home feed, the digest): posts and questions in their
    spaces, by people they follow, and company-wide ones."""
    followed = Follow.objects.filter(follower=user).values("followee_id")
    return (
        Post.objects.visible_to(user)
        .in_feeds()
        .filter(
            Q(space_key=0) | Q(space_key__in=member_space_ids(user)) | Q(author_id__in=followed)
        )
    )


def home_feed(viewer: Viewer, *, tab: str, cursor: str | None, size: int) -> Page[PostCard]:
    """My spaces, people I follow and company-wide posts; or only company-wide ones."""
    user = viewer.user
    if tab == "company":
        posts = Post.objects.visible_to(user).in_feeds().filter(Q(space_key=0))
    else:
        posts = home_posts(user)
    return page_of(viewer, posts, cursor, size)


def space_feed(
    viewer: Viewer, space: Space, *, cursor: str | None, size: int
) -> tuple[list[PostCard], Page[PostCard]]:
    """The space's pinned posts (first page only) and one page of the others.

    Pinned posts are left out of the paged feed, so they never show twice and the cursor
    walks the rest undisturbed. Both lists share one attachments and one reactions query.
    """
    posts = Post.objects.visible_to(viewer.user).in_feeds().filter(space=space)
    pinned: list[Post] = []
    if not cursor:
        pinned = list(
            _card_joins(posts.filter(pinned_at__isnull=False)).order_by("-pinned_at", "-id")[
                :PINNED_MAX
            ]
        )
    page = keyset_page(_card_joins(posts.filter(pinned_at__isnull=True)), cursor, size)
    drawn = cards(viewer, [*pinned, *page.items])
    return drawn[: len(pinned)], Page(items=drawn[len(pinned) :], next_cursor=page.next_cursor)


def profile_feed(viewer: Viewer, person: User, *, cursor: str | None, size: int) -> Page[PostCard]:
    """A person's posts that the viewer may read (none from spaces closed to the viewer)."""
    posts = Post.objects.visible_to(viewer.user).in_feeds().filter(author=person)
    return page_of(viewer, posts, cursor, size)


def readable_tag(user: User, name: str) -> Tag | None:
    """The tag ``name`` if ``user`` may read a post that carries it, else None (one query).

    A tag exists for someone only through the posts they may read: a tag used only in a
    secret space must answer exactly like a tag used nowhere, or anyone could probe
    which tags secret spaces use. The EXISTS stops at the first readable post.
    """
    readable = Post.objects.visible_to(user).filter(tags=OuterRef("pk"))
    return Tag.objects.filter(Exists(readable), name=name).first()


def tag_feed(viewer: Viewer, tag: Tag, *, cursor: str | None, size: int) -> Page[PostCard]:
    posts = Post.objects.visible_to(viewer.user).in_feeds().filter(tags=tag)
    return page_of(viewer, posts, cursor, size)


def comment_thread(viewer: Viewer, post: Post) -> list[CommentView]:
    """Every comment on ``post`` (an answer's are on the answer), replies nested one
    level, with the viewer's reactions."""
    comments = list(
        Comment.objects.filter(post=post)
        .select_related("author", "author__department", "author__standing")
        .prefetch_related(COMMENT_ATTACHMENTS)
        .order_by("created_at", "id")
    )
    mine: dict[int, set[str]] = defaultdict(set)
    if comments:
        rows = Reaction.objects.filter(
            user=viewer.user, comment_id__in=[c.pk for c in comments]
        ).values_list("comment_id", "kind")
        for comment_id, kind in rows:
            mine[comment_id].add(kind)
    return build_thread(viewer, post.space_id, comments, mine, replies=post.kind != PostKind.ANSWER)


def build_thread(
    viewer: Viewer,
    space_id: int | None,
    comments: list[Comment],
    mine: dict[int, set[str]],
    *,
    replies: bool = True,
) -> list[CommentView]:
    """Nest already fetched ``comments`` (oldest first) one level deep for ``viewer``
    (``replies=False``: an answer's flat list)."""
    roles = viewer.roles
    views: dict[int, CommentView] = {}
    top: list[CommentView] = []
    for c in comments:
        view = CommentView(
            comment=c,
            my_reactions=mine.get(c.pk, set()),
            can_delete=c.deleted_at is None and can_delete_comment(viewer.user, c, space_id, roles),
            can_reply=replies and c.parent_id is None,
        )
        views[c.pk] = view
        if c.parent_id is None:
            top.append(view)
        elif c.parent_id in views:
            views[c.parent_id].replies.append(view)
    # A deleted comment with no live replies has nothing left to show.
    return [v for v in top if v.comment.deleted_at is None or v.replies]


def comment_view(viewer: Viewer, comment: Comment) -> CommentView:
    prefetch_related_objects([comment], COMMENT_ATTACHMENTS)
    mine = set(
        Reaction.objects.filter(user=viewer.user, comment=comment).values_list("kind", flat=True)
    )
    return CommentView(
        comment=comment,
        my_reactions=mine,
        can_delete=can_delete_comment(viewer.user, comment, comment.post.space_id, viewer.roles),
        can_reply=comment.parent_id is None and comment.post.kind != PostKind.ANSWER,
    )


def can_pin_post(viewer: Viewer, post: Post) -> bool:
    """Whether the viewer may pin ``post``: a manager of its space, or a leader in it
    (asks for the viewer's level only when membership alone does not decide)."""
    roles = viewer.roles
    if can_pin(viewer.user, post.space_id, roles, leader=False):
        return True
    return post.space_id in roles and has_privilege(viewer.user, "pin")
