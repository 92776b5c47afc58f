"""Posts, comments, reactions, mentions, tags and attachments (images, videos, documents)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce
from django.db.models.lookups import Exact, In
from django.utils import timezone

from agora.core.links import link
from agora.media.detect import KNOWN
from agora.spaces.models import Space

if TYPE_CHECKING:
    from agora.people.models import User


class ReactionKind(models.TextChoices):
    THUMBS_UP = "thumbs_up", "Thumbs up"
    CELEBRATE = "celebrate", "Celebrate"
    INSIGHTFUL = "insightful", "Insightful"
    HELPFUL = "helpful", "Helpful"


REACTION_EMOJI = {
    ReactionKind.THUMBS_UP: "👍",
    ReactionKind.CELEBRATE: "🎉",
    ReactionKind.INSIGHTFUL: "💡",
    ReactionKind.HELPFUL: "🙏",
}


class PostKind(models.TextChoices):
    POST = "post", "Post"
    QUESTION = "question", "Question"


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
    """The single visibility rule for posts, computed in SQL."""

    def visible_to(self, user: User) -> PostQuerySet:
        """Posts ``user`` may read: not deleted, and company-wide or in a space they may read.

        Feeds filter further on the ``space_key`` alias (0 for company-wide).
        """
        if not user.is_authenticated:
            return self.none()
        return self.alias(space_key=Coalesce("space_id", models.Value(0))).filter(
            visible_through(user, "")
        )


def visible_through(user: User, path: str = "post") -> models.Q:
    """The rule for rows that reach a post through ``path`` (``"post"``,
    ``"question__post"``; ``""`` for posts themselves): a filter on the post's own columns.

    Use it instead of ``post__in=Post.objects.visible_to(user)``: a planner evaluates that
    subquery whole (every readable post, a million rows at company size) before it looks
    at a single outer row, while a join costs one primary-key lookup per outer row.

    The space (0 for company-wide) is an expression, so no branch of the OR can use an
    index on its own: planners never gather every readable post through the space index
    and sort them all, but walk the outer rows' own index (posts newest first, questions
    by activity, a person's ledger) and stop at the page size.
    """
    if not user.is_authenticated:
        return models.Q(pk__in=[])
    prefix = f"{path}__" if path else ""
    readable = Space.objects.readable_by(user).order_by().values("pk")
    key = Coalesce(f"{prefix}space_id", models.Value(0))
    return models.Q(**{f"{prefix}deleted_at__isnull": True}) & (
        models.Q(Exact(key, 0)) | models.Q(In(key, readable))
    )


def reader_ids(post: Post) -> models.QuerySet[Any, int] | None:
    """The same rule seen from the post: ids of the people who may read it, as a subquery,
    or None when every employee may (company-wide, or in an open space)."""
    from agora.spaces.models import Membership, Visibility

    if post.space is None or post.space.visibility == Visibility.OPEN:
        return None
    return Membership.objects.filter(space_id=post.space.pk).values_list("user_id", flat=True)


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
    # Comments on the post itself; those on a question's answers count on the answer.
    comment_count = models.PositiveIntegerField(default=0)

    objects: ClassVar[PostQuerySet] = PostQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["-created_at", "-id"], name="post_created"),
            models.Index(fields=["space", "-created_at", "-id"], name="post_space_created"),
            models.Index(fields=["author", "-created_at", "-id"], name="post_author_created"),
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
        return link("posts:detail", self.pk)

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
    """A comment on a post, or (with ``parent``) a reply to a top-level comment.

    A comment on an answer has ``answer`` set and its ``post`` is the question, so it is
    visible exactly when the question is.
    """

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="comments")
    answer = models.ForeignKey(
        "qa.Answer", null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
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
        return f"{link('posts:detail', self.post_id)}#comment-{self.pk}"


class Reaction(models.Model):
    """One person's reaction of one kind to one post, comment or answer."""

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
    answer = models.ForeignKey(
        "qa.Answer", null=True, blank=True, on_delete=models.CASCADE, related_name="reactions"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            # Exactly one target; one reaction of each kind per person per target. The
            # database, not Python, keeps a double click from counting twice.
            models.CheckConstraint(
                condition=models.Q(post__isnull=False, comment__isnull=True, answer__isnull=True)
                | models.Q(post__isnull=True, comment__isnull=False, answer__isnull=True)
                | models.Q(post__isnull=True, comment__isnull=True, answer__isnull=False),
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
            models.UniqueConstraint(
                fields=["user", "answer", "kind"],
                condition=models.Q(answer__isnull=False),
                name="posts_reaction_once_per_answer",
            ),
        ]
        indexes = [
            models.Index(fields=["post", "kind"]),
            models.Index(fields=["comment", "kind"]),
            models.Index(fields=["answer", "kind"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} by {self.user_id}"


class Mention(models.Model):
    """``user`` was @mentioned in a post, a comment or an answer (``post`` is always set)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentions"
    )
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="mentions")
    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="mentions"
    )
    answer = models.ForeignKey(
        "qa.Answer", null=True, blank=True, on_delete=models.CASCADE, related_name="mentions"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "post"],
                condition=models.Q(comment__isnull=True, answer__isnull=True),
                name="posts_mention_once_per_post",
            ),
            models.UniqueConstraint(
                fields=["user", "answer"],
                condition=models.Q(answer__isnull=False, comment__isnull=True),
                name="posts_mention_once_per_answer",
            ),
            models.UniqueConstraint(
                fields=["user", "comment"],
                condition=models.Q(comment__isnull=False),
                name="posts_mention_comment_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"@{self.user_id} in post {self.post_id}"


def attachment_upload_to(instance: Attachment, filename: str) -> str:
    now = timezone.now()
    return f"attachments/{now:%Y/%m}/{filename}"


class AttachmentKind(models.TextChoices):
    IMAGE = "image", "Image"
    VIDEO = "video", "Video"
    DOCUMENT = "document", "Document"


class AttachmentStatus(models.TextChoices):
    READY = "ready", "Ready"
    PROCESSING = "processing", "Processing"
    FAILED = "failed", "Failed"


class Attachment(models.Model):
    """A file attached to a post (or to a comment: then ``post`` is the comment's post, so
    the file is visible exactly when the post is).

    Images are stored re-encoded without metadata, with a preview. Videos are stored as
    uploaded, then a background task replaces them with a copy without metadata and makes
    a poster; until then they are ``processing`` and not served. Documents are stored as
    uploaded and always downloaded, never shown in the browser.
    """

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="attachments")
    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(
        max_length=10, choices=AttachmentKind.choices, default=AttachmentKind.IMAGE
    )
    status = models.CharField(
        max_length=10, choices=AttachmentStatus.choices, default=AttachmentStatus.READY
    )
    file = models.FileField(upload_to=attachment_upload_to, max_length=255)
    preview = models.FileField(upload_to=attachment_upload_to, max_length=255, blank=True)
    poster = models.FileField(upload_to=attachment_upload_to, max_length=255, blank=True)
    captions = models.FileField(upload_to=attachment_upload_to, max_length=255, blank=True)
    content_type = models.CharField(max_length=100)
    original_name = models.CharField(max_length=255, blank=True)
    alt_text = models.CharField(max_length=500, blank=True)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    duration = models.FloatField(null=True, blank=True, help_text="Seconds, for videos")
    byte_size = models.PositiveBigIntegerField()
    position = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    # When a worker claimed a processing video (a conditional UPDATE), so that two workers
    # never process it together and a worker that died can be replaced after a while.
    claimed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position", "id"]
        indexes = [
            models.Index(fields=["uploaded_by", "created_at"], name="attachment_uploader_day"),
        ]

    def __str__(self) -> str:
        return self.original_name or f"Attachment {self.pk}"

    def get_absolute_url(self) -> str:
        return link("posts:attachment", self.pk)

    @property
    def is_image(self) -> bool:
        return self.kind == AttachmentKind.IMAGE

    @property
    def is_video(self) -> bool:
        return self.kind == AttachmentKind.VIDEO

    @property
    def is_document(self) -> bool:
        return self.kind == AttachmentKind.DOCUMENT

    @property
    def is_ready(self) -> bool:
        return self.status == AttachmentStatus.READY

    @property
    def type_label(self) -> str:
        """What kind of file this is, for people: "PDF", "Word", "MP4"."""
        return KNOWN.get(self.kind, {}).get(self.content_type, self.content_type)
