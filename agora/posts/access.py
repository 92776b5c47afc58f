"""Fetching posts and comments for a person: 404 for anything they may not read; and who
may edit, delete and pin them (the rule of who moderates a space is
``spaces.visibility.moderates``)."""

from __future__ import annotations

from collections.abc import Mapping

from django.http import Http404

from agora.people.models import User
from agora.posts.models import Comment, Post
from agora.spaces.visibility import moderates, visible_through


def access_post(user: User, post_id: int) -> Post:
    """The post if ``user`` may read it; otherwise 404, exactly like a missing post."""
    post = (
        Post.objects.visible_to(user)
        .select_related("author", "author__department", "space")
        .filter(pk=post_id)
        .first()
    )
    if post is None:
        raise Http404("No such post")
    return post


def access_comment(user: User, comment_id: int) -> Comment:
    """The comment if ``user`` may read its post; otherwise 404."""
    comment = (
        Comment.objects.filter(visible_through(user), pk=comment_id, deleted_at__isnull=True)
        .select_related("post", "post__space", "author")
        .first()
    )
    if comment is None:
        raise Http404("No such comment")
    return comment


def can_edit_post(user: User, post: Post) -> bool:
    return post.author_id == user.pk


def can_delete_post(user: User, post: Post, roles: Mapping[int, str]) -> bool:
    return post.author_id == user.pk or moderates(user, post.space_id, roles)


def can_delete_comment(
    user: User, comment: Comment, space_id: int | None, roles: Mapping[int, str]
) -> bool:
    return comment.author_id == user.pk or moderates(user, space_id, roles)


def can_pin(user: User, space_id: int | None, roles: Mapping[int, str], *, leader: bool) -> bool:
    """A space's owners and moderators, site moderators, and leaders who belong to it.

    ``leader`` says whether ``user`` holds the "pin" privilege (``people.privileges``).
    """
    if space_id is None:
        return False
    return moderates(user, space_id, roles) or (leader and space_id in roles)
