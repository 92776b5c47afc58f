"""Spaces: the places where a product, service, idea, team or community is discussed."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from agora.core.links import link

if TYPE_CHECKING:
    from agora.people.models import User


class Kind(models.TextChoices):
    PRODUCT = "product", "Product"
    SERVICE = "service", "Service"
    IDEA = "idea", "Idea"
    TEAM = "team", "Team"
    COMMUNITY = "community", "Community"
    VIDEO = "video", "Video"


class Visibility(models.TextChoices):
    OPEN = "open", "Open"
    PRIVATE = "private", "Private"
    SECRET = "secret", "Secret"


class Role(models.TextChoices):
    OWNER = "owner", "Owner"
    MODERATOR = "moderator", "Moderator"
    MEMBER = "member", "Member"


class Posting(models.TextChoices):
    """Who may start posts and questions in a space (comments, answers and reactions are
    open to everyone who can read it)."""

    MEMBERS = "members", "Every member"
    MANAGERS = "managers", "Owners and moderators"


POSTING_HELP = {
    Posting.MEMBERS: "Every member starts posts and asks questions.",
    Posting.MANAGERS: "Only owners and moderators start posts; everyone can comment and react.",
}

VISIBILITY_HELP = {
    Visibility.OPEN: "Any employee can read and join.",
    Visibility.PRIVATE: "Listed in the directory; only members read it. Others ask to join.",
    Visibility.SECRET: "Unlisted; only members know it exists.",
}


class SpaceQuerySet(models.QuerySet["Space"]):
    """The visibility rule for spaces (``agora.spaces.visibility``), as queryset methods."""

    def visible_to(self, user: User) -> SpaceQuerySet:
        """Spaces ``user`` may know exist: open, private, and secret ones they belong to."""
        from agora.spaces import visibility

        return visibility.knowable(self, user)

    def readable_by(self, user: User) -> SpaceQuerySet:
        """Spaces whose posts ``user`` may read: open ones and those they belong to."""
        from agora.spaces import visibility

        return visibility.readable(self, user)


class Space(models.Model):
    """A place to discuss one product, service, idea, team or community."""

    name = models.CharField(max_length=80)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(max_length=2000, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.COMMUNITY)
    visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.OPEN
    )
    # An announcements space is read by everyone and written by a few: the rule is
    # ``visibility.can_start_posts``.
    posting = models.CharField(max_length=10, choices=Posting.choices, default=Posting.MEMBERS)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    member_count = models.PositiveIntegerField(default=0)
    post_count = models.PositiveIntegerField(default=0)
    last_post_at = models.DateTimeField(null=True, blank=True)

    objects: ClassVar[SpaceQuerySet] = SpaceQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["visibility", "name"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return link("posts:space", self.slug)

    @property
    def how_to_join(self) -> str:
        """``"join"``, ``"ask"`` or ``"added_only"``, for templates (the rule is
        ``agora.spaces.visibility.how_to_join``)."""
        from agora.spaces import visibility  # which imports this module

        return visibility.how_to_join(self)


class Membership(models.Model):
    """``user`` belongs to ``space`` with a role."""

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["space", "user"], name="spaces_membership_unique"),
        ]
        indexes = [models.Index(fields=["user", "space"])]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.space_id} as {self.role}"

    @property
    def can_manage(self) -> bool:
        from agora.spaces.visibility import manages

        return manages(self.role)


class JoinRequest(models.Model):
    """A request by a non-member to join a private space, decided by its owners or moderators."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        APPROVED = "approved", "Approved"
        DECLINED = "declined", "Declined"

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="join_requests")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="join_requests"
    )
    message = models.CharField(max_length=500, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["space", "user"],
                condition=models.Q(status="pending"),
                name="spaces_one_pending_request",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} asks to join {self.space_id} ({self.status})"
