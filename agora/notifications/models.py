"""In-app notifications. Each is shown only while its post is visible to its person."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from agora.posts.models import Comment, Post
from agora.spaces.models import Space


class NotificationKind(models.TextChoices):
    ANSWER_INVITATION = "answer_invitation", "Asked to answer"
    NEW_ANSWER = "new_answer", "New answer"
    ANSWER_ACCEPTED = "answer_accepted", "Answer accepted"
    MENTION = "mention", "Mentioned"
    REPLY = "reply", "Reply to your comment"
    COMMENT = "comment", "Comment on your post"
    JOIN_REQUEST = "join_request", "Request to join your space"
    JOIN_APPROVED = "join_approved", "Your request to join was approved"
    JOIN_DECLINED = "join_declined", "Your request to join was declined"
    BADGE = "badge", "Badge earned"
    LEVEL = "level", "New level"


class Notification(models.Model):
    """Something that happened that ``user`` should know about."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=30, choices=NotificationKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    post = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # An answer (a post) the notification is about; ``post`` is then its question.
    answer = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # The comment it is about (a reply, a comment on my post, a mention in a comment).
    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # The space it is about (a request to join it, the decision on mine).
    space = models.ForeignKey(
        Space, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # The event it was written for: one notification per person and event, however often
    # the consumer reads the log.
    event_id = models.BigIntegerField(null=True, blank=True)
    text = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event_id", "user"],
                condition=models.Q(event_id__isnull=False),
                name="notification_once_per_event",
            )
        ]
        indexes = [
            models.Index(fields=["user", "-created_at"], name="notification_user_time"),
            models.Index(
                fields=["user"],
                condition=models.Q(read_at__isnull=True),
                name="notification_unread",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.user_id}"
