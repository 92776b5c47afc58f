"""Reads about people: the directory and the people a person follows."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from agora.people.models import Department, Follow, Skill, User


def directory(
    *, q: str = "", department: str = "", location: str = "", skill: str = ""
) -> QuerySet[User]:
    """Active people matching the directory's filters, by name.

    ``q`` is one substring of the name, job title or handle. The skill filter is an
    ``EXISTS`` rather than a join, so no DISTINCT is needed and the page count is a plain
    ``COUNT(*)``.
    """
    people = User.objects.filter(is_active=True)
    if q:
        people = people.filter(
            Q(display_name__icontains=q) | Q(job_title__icontains=q) | Q(handle__icontains=q)
        )
    if department:
        people = people.filter(department__slug=department)
    if location:
        people = people.filter(location=location)
    if skill:
        people = people.filter(
            Exists(User.skills.through.objects.filter(user_id=OuterRef("pk"), skill__slug=skill))
        )
    return (
        people.select_related("department")
        .prefetch_related("skills")
        .order_by("display_name", "id")
    )


def filter_options() -> dict[str, object]:
    """Departments, locations and skills that people actually have (three queries)."""
    return {
        "departments": list(Department.objects.order_by("name")),
        "locations": list(
            User.objects.filter(is_active=True)
            .exclude(location="")
            .order_by("location")
            .values_list("location", flat=True)
            .distinct()
        ),
        # Only skills an active (listed) person has: any other would filter to nobody.
        "skills": list(Skill.objects.filter(people__is_active=True).distinct().order_by("name")),
    }


def is_following(follower: User, followee: User) -> bool:
    return Follow.objects.filter(follower=follower, followee=followee).exists()


# No name, handle or email is longer than this (``User.email``), so no longer text matches.
LONGEST_PREFIX = 254


def suggestions(q: str, limit: int = 8) -> QuerySet[User]:
    """People whose name, handle or email starts with ``q`` (for pickers)."""
    q = q.strip().lstrip("@")
    if not q or len(q) > LONGEST_PREFIX:
        return User.objects.none()
    return (
        User.objects.filter(is_active=True)
        .filter(Q(display_name__istartswith=q) | Q(handle__istartswith=q) | Q(email__istartswith=q))
        .order_by("display_name")[:limit]
    )


def find_person(text: str) -> User | None:
    """The active person named by an @handle, an email address or an exact display name
    (adding someone to a space by what was typed)."""
    text = text.strip()
    if not text:
        return None
    people = User.objects.filter(is_active=True)
    return (
        people.filter(Q(handle=text.lstrip("@").lower()) | Q(email__iexact=text)).first()
        or people.filter(display_name__iexact=text).first()
    )


def mention_candidates(prefix: str, limit: int = 8) -> list[User]:
    """Active people to complete ``@prefix`` with: their handle, or a word of their name,
    starts with it (``sam`` and ``riv`` both find Sam Rivera), by name, at most ``limit``.

    One query with its department joined, whatever the prefix: the view caps its length,
    the LIKE patterns are escaped by Django and the LIMIT stops the scan early."""
    return list(
        User.objects.filter(is_active=True)
        .filter(
            Q(handle__istartswith=prefix)
            | Q(display_name__istartswith=prefix)
            | Q(display_name__icontains=f" {prefix}")
        )
        .select_related("department")
        .order_by("display_name", "id")[:limit]
    )


# What a complete profile has: what the directory and search find people by (title,
# department, location, skills) and the photo that lets colleagues recognise them. The
# "About you" text is optional and never asked for.
PROFILE_PARTS = ("a photo", "your job title", "your department", "your location", "your skills")


def missing_from_profile(user: User) -> list[str]:
    """The parts of ``user``'s profile still empty, in ``PROFILE_PARTS`` order (one query,
    for the skills)."""
    present = {
        "a photo": bool(user.avatar),
        "your job title": bool(user.job_title.strip()),
        "your department": user.department_id is not None,
        "your location": bool(user.location.strip()),
        "your skills": user.skills.exists(),
    }
    return [part for part in PROFILE_PARTS if not present[part]]
