"""Every write about people: accounts (an administrator's changes too), profiles,
follows, invitations, departments and skills."""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from agora.core import markdown
from agora.core.errors import ActionError
from agora.core.nul import refuse_nul
from agora.media.images import PILLOW_FORMATS, ImageRejected, process_image
from agora.media.models import UploadPolicy
from agora.people.models import Department, Follow, Invitation, Skill, User

if TYPE_CHECKING:
    from django.contrib.auth.models import Group, Permission

# Handles that would collide with the people app's own URLs.
RESERVED_HANDLES = {"me", "invite", "suggest", "new", "admin"}


def unique_handle(display_name: str, email: str) -> str:
    """A free handle made from the person's name (or the email's local part)."""
    base = slugify(display_name)[:32].strip("-_") or slugify(email.split("@")[0])[:32] or "user"
    candidate = base
    suffix = 1
    while candidate in RESERVED_HANDLES or User.objects.filter(handle=candidate).exists():
        suffix += 1
        candidate = f"{base}-{suffix}"
    return candidate


def prepare_new_user(user: User, *, display_name: str) -> None:
    """Fill the fields every new account needs, before its first save."""
    user.email = user.email.lower()
    user.display_name = display_name.strip()[:100] or user.email.split("@")[0]
    if not user.handle:
        user.handle = unique_handle(user.display_name, user.email)


def create_user(
    email: str,
    *,
    display_name: str,
    password: str | None = None,
    department: Department | None = None,
    job_title: str = "",
    location: str = "",
    bio: str = "",
    skills: Iterable[str] = (),
    handle: str | None = None,
    password_hash: str | None = None,
    date_joined: datetime | None = None,
    **flags: Any,
) -> User:
    """Create an employee's account (used by invitations, the admin command and the demo).

    ``password_hash`` (from ``make_password``) lets a bulk caller hash a shared password
    once instead of paying the hasher's deliberate cost for every account.
    ``date_joined`` is now unless given (an import, the demo's history).
    """
    skills = list(skills)
    refuse_nul(email, field="email")
    refuse_nul(display_name, field="display_name")
    refuse_nul(job_title, location, bio, *skills)
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ActionError(f"There is already an account for {email}.", field="email")
    user = User(
        email=email,
        department=department,
        job_title=job_title,
        location=location,
        bio=bio,
        handle=handle or "",
        date_joined=date_joined or timezone.now(),
        **flags,
    )
    prepare_new_user(user, display_name=display_name)
    if password_hash is not None:
        user.password = password_hash
    else:
        user.set_password(password)
    with transaction.atomic():
        user.save()
        if skills:
            user.skills.set(skill_objects(skills))
    return user


def skill_objects(names: Iterable[str | Skill]) -> list[Skill]:
    """The ``Skill`` rows for ``names``, created when new (rows given stay as they are)."""
    result: list[Skill] = []
    for name in names:
        if isinstance(name, Skill):
            skill = name
        else:
            clean = " ".join(name.split())[:60]
            slug = slugify(clean)
            if not slug:
                continue
            skill, _ = Skill.objects.get_or_create(slug=slug, defaults={"name": clean})
        if skill not in result:
            result.append(skill)
    return result


def do_update_profile(user: User, *, skills: Iterable[str | Skill], **fields: Any) -> None:
    """Save the editable profile fields and the skill list (names, or rows as the user
    admin picks them)."""
    allowed = {"display_name", "job_title", "department", "location", "bio"}
    skills = list(skills)
    refuse_nul(*(s for s in skills if isinstance(s, str)), field="skills")
    for name, value in fields.items():
        if name not in allowed:
            raise ValueError(f"{name} is not a profile field")
        if isinstance(value, str):
            refuse_nul(value, field=name)
    for name, value in fields.items():  # only once every field passed
        setattr(user, name, value)
    with transaction.atomic():
        user.save(update_fields=list(fields))
        user.skills.set(skill_objects(skills))
        _bump_profile(user)


def do_set_avatar(user: User, upload: Any) -> None:
    """Replace the avatar with a re-encoded, metadata-free copy of ``upload``, under the
    upload policy's image rules."""
    policy = UploadPolicy.current()
    try:
        image = process_image(
            upload,
            max_bytes=policy.image_max_bytes,
            max_pixels=policy.image_max_pixels,
            formats={PILLOW_FORMATS[m] for m in policy.image_types if m in PILLOW_FORMATS},
        )
    except ImageRejected as exc:
        raise ActionError(str(exc), field="avatar") from None
    old = user.avatar
    # The avatar is the still preview, PNG or JPEG even for an animated GIF (whose
    # ``extension`` is "gif"); name it after its real format, which the photo view serves.
    extension = "png" if image.preview.startswith(b"\x89PNG") else "jpg"
    name = default_storage.save(
        f"avatars/{user.pk}-{secrets.token_hex(8)}.{extension}", ContentFile(image.preview)
    )
    user.avatar = name
    user.save(update_fields=["avatar"])
    _bump_profile(user)
    if old:
        default_storage.delete(old)


def check_follow(follower: User, handle: str) -> User:
    followee = User.objects.filter(handle=handle, is_active=True).first()
    if followee is None:
        raise ActionError("There is no such person.", status=404)
    if followee.pk == follower.pk:
        raise ActionError("You cannot follow yourself.")
    return followee


def do_follow(follower: User, followee: User, *, at: datetime | None = None) -> bool:
    """Follow ``followee`` (now, or at ``at``: the demo's history); returns False if
    already following. Safe under double clicks."""
    try:
        with transaction.atomic():
            Follow.objects.create(
                follower=follower, followee=followee, created_at=at or timezone.now()
            )
            User.objects.filter(pk=followee.pk).update(follower_count=F("follower_count") + 1)
    except IntegrityError:
        return False
    return True


def do_unfollow(follower: User, followee: User) -> bool:
    with transaction.atomic():
        deleted, _ = Follow.objects.filter(follower=follower, followee=followee).delete()
        if deleted:
            User.objects.filter(pk=followee.pk).update(follower_count=F("follower_count") - 1)
    return bool(deleted)


def check_invite(admin: User, email: str) -> str:
    if not admin.is_staff:
        raise ActionError("Only administrators can invite people.", status=403)
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise ActionError(f"{email or 'That'} is not an email address.", field="email") from None
    if User.objects.filter(email__iexact=email).exists():
        raise ActionError(f"{email} already has an account.", field="email")
    return email


@dataclass(frozen=True)
class Invited:
    """What ``do_invite`` did: a new invitation, or (``again``) the pending one re-sent."""

    invitation: Invitation
    again: bool


def do_invite(admin: User, email: str) -> Invited:
    """Invite ``email`` and email the link, which works until it is used.

    If the address already has a pending invitation, that one's link is sent again and no
    second one is made. The database decides (a partial unique constraint on pending
    invitations per lower-cased address), so two administrators inviting the same person
    at the same moment still make one.
    """
    try:
        with transaction.atomic():
            invitation = Invitation.objects.create(
                email=email, token=secrets.token_urlsafe(32), invited_by=admin
            )
        again = False
    except IntegrityError:
        invitation = Invitation.objects.select_related("invited_by").get(
            email__iexact=email, accepted_at__isnull=True
        )
        again = True
    _send_invitation(admin, invitation)
    return Invited(invitation, again=again)


def _send_invitation(admin: User, invitation: Invitation) -> None:
    link = settings.SITE_URL.rstrip("/") + reverse("accept_invitation", args=[invitation.token])
    context = {"inviter": admin, "link": link, "site_name": settings.SITE_NAME}
    send_mail(
        subject=f"{admin.display_name} invited you to {settings.SITE_NAME}",
        message=render_to_string("people/email/invitation.txt", context),
        from_email=None,
        recipient_list=[invitation.email],
    )


def open_invitation(token: str) -> Invitation:
    invitation = Invitation.objects.filter(token=token, accepted_at__isnull=True).first()
    if invitation is None:
        raise ActionError("This invitation link is not valid or has already been used.", status=404)
    return invitation


def do_accept_invitation(token: str, *, display_name: str, password: str) -> User:
    """Create the invited person's account; the token works once."""
    with transaction.atomic():
        invitation = open_invitation(token)
        claimed = Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True).update(
            accepted_at=timezone.now()
        )
        if not claimed:
            raise ActionError("This invitation has already been used.", status=404)
        candidate = User(email=invitation.email, display_name=display_name)
        try:
            validate_password(password, candidate)
        except ValidationError as exc:
            raise ActionError(" ".join(exc.messages), field="password") from None
        user = create_user(invitation.email, display_name=display_name, password=password)
        invitation.accepted_user = user
        invitation.save(update_fields=["accepted_user"])
    return user


# --- What administrators change (the user admin) ----------------------------------------

# An account's fields beyond its profile (which is ``do_update_profile``): how the person
# signs in, their handle, and their roles.
ACCOUNT_FIELDS = frozenset(
    {
        "email",
        "handle",
        "is_active",
        "is_moderator",
        "is_official_voice",
        "is_staff",
        "is_superuser",
    }
)


def check_account_changes(user: User, changes: Mapping[str, Any]) -> dict[str, Any]:
    """``changes`` to ``user``'s account, cleaned (the address lower-cased, the flags
    true or false); an ``ActionError`` naming the field for one that cannot be."""
    cleaned: dict[str, Any] = {}
    others = User.objects.exclude(pk=user.pk)
    for name, value in changes.items():
        if name not in ACCOUNT_FIELDS:
            raise ValueError(f"{name} is not an account field")
        if name == "email":
            refuse_nul(value, field="email")
            value = str(value).strip().lower()
            try:
                validate_email(value)
            except ValidationError:
                raise ActionError(
                    f"{value or 'That'} is not an email address.", field=name
                ) from None
            if others.filter(email__iexact=value).exists():
                raise ActionError(f"There is already an account for {value}.", field=name)
        elif name == "handle":
            refuse_nul(value, field="handle")
            # Lower case, as @mentions are matched (``core.markdown.HANDLE_RE``).
            value = str(value).strip().lower()
            if not markdown.HANDLE_RE.fullmatch(value):
                raise ActionError(
                    "A handle is up to 40 letters, digits, hyphens or underscores, starting "
                    "and ending with a letter or digit.",
                    field=name,
                )
            if value in RESERVED_HANDLES:
                raise ActionError(f"“{value}” names one of Agora's own pages.", field=name)
            if others.filter(handle=value).exists():
                raise ActionError(f"@{value} is someone else's handle.", field=name)
        else:
            value = bool(value)
        cleaned[name] = value
    return cleaned


def do_update_account(
    user: User,
    *,
    groups: Iterable[Group] | None = None,
    permissions: Iterable[Permission] | None = None,
    **changes: Any,
) -> None:
    """An administrator's change to an account: its address, handle, whether it may sign
    in, its roles (moderator, official voice, administrator) and, when given, Django's
    groups and permissions. Only the fields given change.

    An official voice (``is_official_voice``) may mark their own answers official.
    """
    fields = check_account_changes(user, changes)
    for name, value in fields.items():  # only once every field passed
        setattr(user, name, value)
    with transaction.atomic():
        if fields:
            user.save(update_fields=list(fields))
            _bump_profile(user)
        if groups is not None:
            user.groups.set(list(groups))
        if permissions is not None:
            user.user_permissions.set(list(permissions))


def do_set_password(user: User, password: str | None) -> None:
    """Set a new password (``None``: none works, the person signs in some other way, or
    not at all); used by the user admin and by allauth's reset and change forms."""
    if password is None:
        user.set_unusable_password()
    else:
        user.set_password(password)
    user.save(update_fields=["password"])


def save_department(department: Department) -> Department:
    """Create or rename a department (the administration's list of them)."""
    refuse_nul(department.name, department.slug, department.description)
    with transaction.atomic():
        department.save()
        bump_profile_versions(User.objects.filter(department=department))
    return department


def delete_department(department: Department) -> None:
    """Remove a department; its people stay, with no department."""
    with transaction.atomic():
        bump_profile_versions(User.objects.filter(department=department))
        Department.objects.filter(pk=department.pk).delete()


def _bump_profile(user: User) -> None:
    """One person's profile changed: bump its version in the row and in memory."""
    bump_profile_versions(User.objects.filter(pk=user.pk))
    user.profile_version += 1


def bump_profile_versions(people: QuerySet[User]) -> None:
    """Say that what cards and profile panels draw of these people changed (name, photo,
    job, department, skills), so their cached HTML is drawn again."""
    people.update(profile_version=F("profile_version") + 1)


def save_skill(skill: Skill) -> Skill:
    """Create or rename a skill (people pick theirs on their profile)."""
    refuse_nul(skill.name, skill.slug)
    skill.save()
    return skill


def delete_skill(skill: Skill) -> None:
    """Remove a skill from the list and from everyone who named it."""
    Skill.objects.filter(pk=skill.pk).delete()
