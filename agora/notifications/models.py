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
    REACTIONS = "reactions", "Reactions to your post"
    BADGE = "badge", "Badge earned"
    LEVEL = "level", "New level"


class Delivery(models.TextChoices):
    """How a person hears of one kind of notification (their preference per kind)."""

    EMAIL = "email", "In the app and by email at once"
    DIGEST = "digest", "In the app and in the digest"
    APP = "app", "In the app only"
    OFF = "off", "Off"


# The best rivals' defaults (Discourse, Workplace): what is addressed to me personally
# (a mention, a reply to what I wrote) by email at once, the rest in the app and in the
# digest.
DEFAULT_DELIVERY: dict[str, str] = {
    NotificationKind.MENTION: Delivery.EMAIL,
    NotificationKind.REPLY: Delivery.EMAIL,
}


def default_delivery(kind: str) -> str:
    return DEFAULT_DELIVERY.get(kind, Delivery.DIGEST)


class EmailState(models.TextChoices):
    """What became of a notification's email."""

    NONE = "", "No email"
    DUE = "due", "To be sent"
    SENT = "sent", "Sent"
    CAPPED = "capped", "Not sent: daily limit reached"
    WITHHELD = "withheld", "Not sent: no longer visible"


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
    # A number the sentence needs: how many reacted, for a reaction milestone.
    count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    # Its email, for a kind its person wants by email at once (see ``Delivery``).
    email = models.CharField(max_length=10, choices=EmailState.choices, default="", blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

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
            models.Index(
                fields=["user", "created_at"],
                condition=models.Q(email="due"),
                name="notification_email_due",
            ),
            models.Index(
                fields=["user", "emailed_at"],
                condition=models.Q(email="sent"),
                name="notification_emailed",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.user_id}"


class KindPreference(models.Model):
    """How ``user`` wants to hear of ``kind`` (no row: ``default_delivery(kind)``)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_kinds"
    )
    kind = models.CharField(max_length=30, choices=NotificationKind.choices)
    delivery = models.CharField(max_length=10, choices=Delivery.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="kind_preference_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind}: {self.delivery}"


class SpaceLevel(models.TextChoices):
    """What a person hears of one space's posts."""

    ALL = "all", "Everything"
    MENTIONS = "mentions", "Mentions only"
    MUTED = "muted", "Muted"


class SpacePreference(models.Model):
    """What ``user`` hears of ``space`` (no row: everything)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="space_preferences"
    )
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="+")
    level = models.CharField(max_length=10, choices=SpaceLevel.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "space"], name="space_preference_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.space_id}: {self.level}"


class Frequency(models.TextChoices):
    OFF = "off", "Never"
    DAILY = "daily", "Daily"
    WEEKLY = "weekly", "Weekly"


class Weekday(models.IntegerChoices):
    MONDAY = 0, "Monday"
    TUESDAY = 1, "Tuesday"
    WEDNESDAY = 2, "Wednesday"
    THURSDAY = 3, "Thursday"
    FRIDAY = 4, "Friday"
    SATURDAY = 5, "Saturday"
    SUNDAY = 6, "Sunday"


class DigestSchedule(models.Model):
    """When ``user`` gets the digest of what they missed (no row: weekly, Monday 08:00 in
    the site's time zone, as Discourse sends it)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_schedule"
    )
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY)
    hour = models.PositiveSmallIntegerField(default=8)
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices, default=Weekday.MONDAY)
    time_zone = models.CharField(max_length=64, blank=True)
    # The last digest sent (or the moment it was switched on): the next one tells what
    # happened since.
    last_sent_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.frequency} digest for {self.user_id}"
