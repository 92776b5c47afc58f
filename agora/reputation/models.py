"""Reputation: an append-only ledger, totals recomputable from it, and badges (a person's
level is ``people.Standing``, decided by ``levels``)."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone

from agora.posts.models import Post, Tag


class EventKind(models.TextChoices):
    THUMBS_UP = "thumbs_up", "Thumbs-up received"
    ACCEPTED = "accepted", "Answer accepted"
    UNACCEPTED = "unaccepted", "Acceptance withdrawn"
    ACCEPTING = "accepting", "Accepted an answer"
    UNACCEPTING = "unaccepting", "Withdrew an acceptance"
    OFFICIAL = "official", "Answer marked official"
    UNOFFICIAL = "unofficial", "Official mark removed"


# Grants that can be withdrawn, and the kind of the reversal that withdraws each.
REVERSAL_OF = {
    EventKind.ACCEPTED: EventKind.UNACCEPTED,
    EventKind.ACCEPTING: EventKind.UNACCEPTING,
    EventKind.OFFICIAL: EventKind.UNOFFICIAL,
}


class ReputationEventQuerySet(models.QuerySet["ReputationEvent"]):
    def standing(self) -> ReputationEventQuerySet:
        """Credit that still stands: neither a withdrawn grant nor the withdrawal itself.

        A grant and its reversal sum to zero, so totals are the same either way; periods
        and counts ("accepted answers this month") are only right without both.
        """
        # ``reverses_id IS NULL`` as an expression: nearly every row matches it, and a
        # planner that used the column's unique index would read the whole ledger
        # instead of the person's or the period's index.
        return (
            self.alias(reverses_key=Coalesce("reverses_id", models.Value(0)))
            .filter(reverses_key=0)
            .filter(reversal__isnull=True)
        )


class ReputationEvent(models.Model):
    """One entry of the ledger. Rows are only ever added; a withdrawal adds a reversal.

    ``post`` is the post or question the credit is about (for an answer, its question),
    so leaderboards can count exactly the events whose post the viewer may read. ``tags``
    are the post's tags when the credit was earned; a reversal copies its grant's tags,
    so retagging a question never moves credit between tags.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reputation_events"
    )
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    points = models.IntegerField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")
    # For an answer's credit, the answer (a post; ``post`` is its question).
    answer = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # Whether the actor works in another department than the user (crossing silos).
    cross_department = models.BooleanField(default=False)
    tags = models.ManyToManyField(Tag, blank=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    # A reversal names the grant it withdraws; one-to-one, so a grant is withdrawn at most
    # once whatever races the requests run.
    reverses = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="reversal"
    )

    objects: ClassVar[ReputationEventQuerySet] = ReputationEventQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        constraints = [
            # A thumbs-up earns its author points once per giver and target: taking it
            # back and giving it again never earns more.
            models.UniqueConstraint(
                fields=["kind", "actor", "post"],
                condition=models.Q(kind="thumbs_up", answer__isnull=True),
                name="reputation_one_thumbs_up_per_post",
            ),
            models.UniqueConstraint(
                fields=["kind", "actor", "answer"],
                condition=models.Q(kind="thumbs_up", answer__isnull=False),
                name="reputation_one_thumbs_up_per_answer",
            ),
        ]
        indexes = [
            models.Index(fields=["user", "created_at"], name="reputation_user_time"),
            models.Index(fields=["created_at"], name="reputation_time"),
            models.Index(fields=["post"], name="reputation_post"),
        ]

    def __str__(self) -> str:
        return f"{self.points:+d} {self.kind} for {self.user_id}"


class Reputation(models.Model):
    """Running totals for one person, equal to sums over the ledger (recomputable)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="reputation",
    )
    total = models.IntegerField(default=0)
    thumbs_up = models.IntegerField(default=0)
    accepted_answers = models.IntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.user_id}: {self.total}"


class TagReputation(models.Model):
    """Running total of one person's reputation within one tag."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tag_reputation"
    )
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="+")
    total = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "tag"], name="reputation_tag_unique"),
        ]
        indexes = [models.Index(fields=["tag", "-total"], name="reputation_tag_rank")]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.tag_id}: {self.total}"


class CreditTotal(models.Model):
    """All-time standing credit of one person in one space (``space_key`` 0: company-wide
    posts), equal to sums over the ledger's standing events on posts not deleted.

    The all-time leaderboards sum these rows for the spaces a viewer may read, so their
    cost follows people × spaces instead of the size of the ledger (3 s at a million
    posts, read from the ledger). Kept by ``actions.ledger._record`` and post deletion, checked
    and repaired by ``agora recompute_reputation``.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    space_key = models.PositiveBigIntegerField()  # the post's space id, 0 for company-wide
    points = models.IntegerField(default=0)
    thumbs_up = models.IntegerField(default=0)
    accepted = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "space_key"], name="reputation_credit_unique"),
        ]
        indexes = [models.Index(fields=["space_key", "user"], name="reputation_credit_space")]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.space_key or 'company'}: {self.points}"


class DailyVotePoints(models.Model):
    """Points earned from thumbs-up per person per day, to apply the daily cap atomically."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    points = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "day"], name="reputation_daily_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} on {self.day}: {self.points}"


class BadgeAward(models.Model):
    """A badge a person earned, once each."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="badges"
    )
    badge = models.CharField(max_length=40)
    post = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    awarded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-awarded_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "badge"], name="reputation_badge_once"),
        ]

    def __str__(self) -> str:
        return f"{self.badge} for {self.user_id}"
