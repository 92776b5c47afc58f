"""Posts, comments, reactions, mentions, tags, and which files belong to which post.

A post is an employee's post, a question, or an answer to a question (``kind``): answers
are posts with their question as ``parent``, so they have reactions, comments, mentions,
revisions, search and visibility exactly like posts; ``qa.Answer`` adds what only answers
have (accepted, official). Files are ``media.Attachment`` rows, linked here (``FileLink``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone

from agora.core.links import link
from agora.media.models import Attachment
from agora.spaces.models import Space
from agora.spaces.visibility import visible_through

if TYPE_CHECKING:
    from agora.people.models import User


class ReactionKind(models.TextChoices):
    THUMBS_UP = "thumbs_up", "Thumbs up"
    CELEBRATE = "celebrate", "Celebrate"
    INSIGHTFUL = "insightful", "Insightful"
    HELPFUL = "helpful", "Helpful"


class PostKind(models.TextChoices):
    POST = "post", "Post"
    QUESTION = "question", "Question"
    ANSWER = "answer", "Answer"


# What feeds, tag pages and profiles list: answers are read on their question's page.
FEED_KINDS = (PostKind.POST, PostKind.QUESTION)


class ReactionCounts(models.Model):
    """Denormalised reaction counters, changed only through ``F()`` updates."""

    thumbs_up_count = models.PositiveIntegerField(default=0)
    celebrate_count = models.PositiveIntegerField(default=0)
    insightful_count = models.PositiveIntegerField(default=0)
    helpful_count = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True

    def reaction_count(self, kind: str) -> int:
        return int(getattr(self, f"{kind}_count"))


class PostQuerySet(models.QuerySet["Post"]):
    """The visibility rule for posts (``agora.spaces.visibility``), computed in SQL."""

    def visible_to(self, user: User) -> PostQuerySet:
        """Posts ``user`` may read: not deleted, and company-wide or in a space they may read.

        Feeds filter further on the ``space_key`` alias (0 for company-wide).
        """
        if not user.is_authenticated:
            return self.none()
        return self.alias(space_key=Coalesce("space_id", models.Value(0))).filter(
            visible_through(user, "")
        )

    def in_feeds(self) -> PostQuerySet:
        """Posts and questions: answers are read on their question's page."""
        return self.filter(kind__in=FEED_KINDS)


class Tag(models.Model):
    """A #tag; posts link to every tag their body names."""

    name = models.CharField(max_length=50, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return link("posts:tag", self.name)


class Post(ReactionCounts):
    """An employee's post, in a space or (``space`` empty) company-wide on their profile."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="posts"
    )
    space = models.ForeignKey(
        Space, null=True, blank=True, on_delete=models.CASCADE, related_name="posts"
    )
    kind = models.CharField(max_length=10, choices=PostKind.choices, default=PostKind.POST)
    # An answer's question (and the same space): deleting a post deletes its answers too.
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    # A question's title (posts have none for now); searched together with the body.
    title = models.CharField(max_length=255, blank=True)
    body = models.TextField()
    body_html = models.TextField()
    tags = models.ManyToManyField(Tag, blank=True, related_name="posts")
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    # A leader (or the space's owners and moderators) pinned it to the top of its space.
    pinned_at = models.DateTimeField(null=True, blank=True)
    pinned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Deleted posts keep their row (for the moderation record) and vanish from every list.
    deleted_at = models.DateTimeField(null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Comments on the post itself (those on a question's answers count on each answer).
    comment_count = models.PositiveIntegerField(default=0)
    # Bumped by the actions that change what its card draws of it (body, title, files):
    # part of the key of the card's cached HTML (``agora.posts.cards``).
    version = models.PositiveIntegerField(default=0)

    objects: ClassVar[PostQuerySet] = PostQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["-created_at", "-id"], name="post_created"),
            models.Index(fields=["space", "-created_at", "-id"], name="post_space_created"),
            models.Index(fields=["author", "-created_at", "-id"], name="post_author_created"),
            models.Index(fields=["parent", "created_at"], name="post_parent_created"),
            # A space's pinned posts, read on the first page of its feed.
            models.Index(
                fields=["space", "-pinned_at"],
                condition=models.Q(pinned_at__isnull=False),
                name="post_space_pinned",
            ),
        ]

    def __str__(self) -> str:
        return f"Post {self.pk} by {self.author_id}"

    def get_absolute_url(self) -> str:
        if self.kind == PostKind.ANSWER:
            return f"{self.page_url()}#answer-{self.pk}"
        return self.page_url()

    def page_url(self) -> str:
        """The page that shows this post: its own, or for an answer its question's."""
        if self.kind == PostKind.QUESTION:
            return link("qa:question", self.pk)
        if self.kind == PostKind.ANSWER and self.parent_id is not None:
            return link("qa:question", self.parent_id)
        return link("posts:detail", self.pk)

    @property
    def files(self) -> models.QuerySet[Attachment]:
        """The post's own files (not its comments'), in their order (one query)."""
        return Attachment.objects.filter(link__post=self, link__comment__isnull=True).order_by(
            "position", "id"
        )

    @property
    def search_text(self) -> str:
        """What the search index holds for this post."""
        return f"{self.title}\n{self.body}" if self.title else self.body


class PostRevision(models.Model):
    """The title and body a post had before an edit replaced them."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    title = models.CharField(max_length=255, blank=True)
    body = models.TextField()
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Revision of post {self.post_id} at {self.created_at:%Y-%m-%d %H:%M}"


class Comment(ReactionCounts):
    """A comment on a post (or an answer, which is a post), or (with ``parent``) a reply
    to a top-level comment. Visible exactly when its post is."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    body = models.TextField()
    body_html = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    deleted_at = models.DateTimeField(null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["post", "created_at", "id"], name="comment_post_created")]

    def __str__(self) -> str:
        return f"Comment {self.pk} on {self.post_id}"

    def get_absolute_url(self) -> str:
        """The comment on its post's page (the question's page for an answer's comment).
        Uses ``post``, so fetch it with the comment where URLs are drawn for many."""
        return f"{self.post.page_url()}#comment-{self.pk}"

    @property
    def files(self) -> models.QuerySet[Attachment]:
        """The comment's files, in their order (one query)."""
        return Attachment.objects.filter(link__comment=self).order_by("position", "id")


class Reaction(models.Model):
    """One person's reaction of one kind to one post (an answer is a post) or comment."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reactions"
    )
    kind = models.CharField(max_length=20, choices=ReactionKind.choices)
    post = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.CASCADE, related_name="reactions"
    )
    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="reactions"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            # Exactly one target; one reaction of each kind per person per target. The
            # database, not Python, keeps a double click from counting twice.
            models.CheckConstraint(
                condition=models.Q(post__isnull=False, comment__isnull=True)
                | models.Q(post__isnull=True, comment__isnull=False),
                name="posts_reaction_exactly_one_target",
            ),
            models.UniqueConstraint(
                fields=["user", "post", "kind"],
                condition=models.Q(post__isnull=False),
                name="posts_reaction_once_per_post",
            ),
            models.UniqueConstraint(
                fields=["user", "comment", "kind"],
                condition=models.Q(comment__isnull=False),
                name="posts_reaction_once_per_comment",
            ),
        ]
        indexes = [
            models.Index(fields=["post", "kind"]),
            models.Index(fields=["comment", "kind"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} by {self.user_id}"


class Mention(models.Model):
    """``user`` was @mentioned in a post (or an answer) or in a comment on it (``post`` is
    always set)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentions"
    )
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="mentions")
    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="mentions"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "post"],
                condition=models.Q(comment__isnull=True),
                name="posts_mention_once_per_post",
            ),
            models.UniqueConstraint(
                fields=["user", "comment"],
                condition=models.Q(comment__isnull=False),
                name="posts_mention_comment_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"@{self.user_id} in post {self.post_id}"


class FileLink(models.Model):
    """Which post (and, for a comment's file, which comment) a stored file belongs to.

    The file itself is a ``media.Attachment``; this row makes it visible exactly when its
    post is (and, for a comment's file, while the comment is not deleted).
    """

    attachment = models.OneToOneField(
        Attachment, primary_key=True, on_delete=models.CASCADE, related_name="link"
    )
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="file_links")
    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="file_links"
    )

    class Meta:
        indexes = [models.Index(fields=["post", "comment"], name="posts_filelink_owner")]

    def __str__(self) -> str:
        return f"File {self.attachment_id} of post {self.post_id}"
