"""People: employees, their departments and skills, and who follows whom."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from agora.core.links import link


class Department(models.Model):
    """A unit of the company; people belong to at most one."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Skill(models.Model):
    """Something a person knows about; the directory filters by it."""

    name = models.CharField(max_length=60)
    slug = models.SlugField(max_length=60, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class UserManager(BaseUserManager["User"]):
    """Users keyed by their (lower-cased) email address. Django's own callers
    (``createsuperuser``) create accounts through ``people.actions.create_user`` too."""

    use_in_migrations = True

    def _create(self, email: str, password: str | None, **extra: Any) -> User:
        from agora.people import actions  # the actions import this module

        if not email:
            raise ValueError("An email address is required.")
        display_name = str(extra.pop("display_name", ""))
        return actions.create_user(email, display_name=display_name, password=password, **extra)

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra["is_staff"] = True
        extra["is_superuser"] = True
        return self._create(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """An employee. Signs in by email; ``handle`` names them in @mentions and URLs."""

    email = models.EmailField(max_length=254, unique=True)
    handle = models.SlugField(max_length=40, unique=True)
    display_name = models.CharField(max_length=100)
    job_title = models.CharField(max_length=100, blank=True)
    department = models.ForeignKey(
        Department, null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )
    location = models.CharField(max_length=100, blank=True)
    bio = models.TextField(max_length=500, blank=True)
    skills = models.ManyToManyField(Skill, blank=True, related_name="people")
    avatar = models.CharField(max_length=255, blank=True, help_text="Storage name of the avatar")
    # A site-wide moderator may remove any post or comment they can see; it grants no
    # extra visibility (secret spaces stay closed to non-members).
    is_moderator = models.BooleanField(default=False)
    # Named by administrators (a product owner, say): may mark their answers official.
    is_official_voice = models.BooleanField(default=False)
    is_staff = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)
    follower_count = models.PositiveIntegerField(default=0)
    # Bumped by the actions that change what cards draw of the person (name, photo, job,
    # department): part of the key of their posts' cached card HTML.
    profile_version = models.PositiveIntegerField(default=0)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        ordering = ["display_name"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="people_user_email_ci_unique"),
        ]
        indexes = [models.Index(fields=["location"])]

    def __str__(self) -> str:
        return self.display_name or self.email

    def get_absolute_url(self) -> str:
        return link("reputation:profile", self.handle)

    @property
    def initials(self) -> str:
        parts = [p for p in (self.display_name or self.email).split() if p]
        return "".join(p[0] for p in parts[:2]).upper() or "?"

    @property
    def avatar_tone(self) -> int:
        """One of twelve stable colours for the initials avatar, derived from the handle."""
        return sum(ord(c) for c in self.handle) % 12

    def get_full_name(self) -> str:
        return self.display_name

    def get_short_name(self) -> str:
        return self.display_name.split(" ")[0] if self.display_name else self.email


class Follow(models.Model):
    """``follower`` sees ``followee``'s posts in their home feed."""

    follower = models.ForeignKey(User, on_delete=models.CASCADE, related_name="following_set")
    followee = models.ForeignKey(User, on_delete=models.CASCADE, related_name="follower_set")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["follower", "followee"], name="people_follow_unique"),
            models.CheckConstraint(
                condition=~models.Q(follower=models.F("followee")), name="people_follow_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.follower_id} follows {self.followee_id}"


class Invitation(models.Model):
    """An administrator's invitation for one email address to join Agora.

    An address has at most one pending (unaccepted) invitation, whatever the case it was
    typed in: inviting it again sends that invitation's link again (``do_invite``).
    """

    email = models.EmailField()
    token = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=models.Q(accepted_at__isnull=True),
                name="people_invitation_one_pending_per_email",
                violation_error_message="This address already has an invitation not yet used.",
            ),
        ]

    def __str__(self) -> str:
        return self.email


class Level(models.IntegerChoices):
    NEW = 0, "New member"
    MEMBER = 1, "Member"
    CONTRIBUTOR = 2, "Contributor"
    LEADER = 3, "Leader"


# The CSS class of each level's label (agora.css gives contributors and leaders colour).
LEVEL_CSS = {
    Level.NEW: "level-new",
    Level.MEMBER: "level-member",
    Level.CONTRIBUTOR: "level-contributor",
    Level.LEADER: "level-leader",
}


class Standing(models.Model):
    """A person's level, which the reputation app decides from their activity (one row
    once they have been evaluated). ``below_since`` starts the grace period before a
    demotion. Every person chip draws it, so it lives with people."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="standing",
    )
    level = models.PositiveSmallIntegerField(choices=Level.choices, default=Level.NEW)
    since = models.DateTimeField(default=timezone.now)
    below_since = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.user_id}: {self.get_level_display()}"
