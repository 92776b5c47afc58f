"""What a person's level lets them do. Levels are decided by the reputation app
(``reputation.levels``); the privileges they grant are read here, by every app that
offers a privileged control (pinning in posts, retagging and duplicates in qa)."""

from __future__ import annotations

from agora.people.models import Level, Standing, User

# The level each privilege needs (site moderators and administrators have them all).
PRIVILEGES = {
    "edit_tags": Level.LEADER,
    "mark_duplicate": Level.LEADER,
    "pin": Level.LEADER,
}
# Privileges used inside one space, and only by its members (the caller checks membership).
SPACE_PRIVILEGES = frozenset({"pin"})
# How the profile's level panel names each privilege ("Leaders can ...").
PRIVILEGE_TEXT = {
    "edit_tags": "edit the tags of questions",
    "mark_duplicate": "mark questions as duplicates",
    "pin": "pin posts in the spaces they belong to",
}


def standing_of(user: User) -> Standing:
    """The person's standing, read only (a New member without a row yet)."""
    found = Standing.objects.filter(user=user).first()
    return found or Standing(user=user, level=Level.NEW)


def privileges(user: User) -> frozenset[str]:
    """Every privilege ``user`` holds by level or role (one query at most), for pages that
    draw several controls. Space privileges still need membership of the space."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    if user.is_moderator or user.is_staff:
        return frozenset(PRIVILEGES)
    level = standing_of(user).level
    return frozenset(name for name, needed in PRIVILEGES.items() if level >= needed)


def has_privilege(user: User, privilege: str) -> bool:
    """Whether ``user`` holds ``privilege`` now (check it on the server for every use).

    Site moderators and administrators hold every privilege; deactivated accounts none.
    Space privileges (pinning) are used only in a space the person belongs to, which the
    caller checks. An unknown privilege is a programming error (``KeyError``).
    """
    if privilege not in PRIVILEGES:
        raise KeyError(f"No privilege called {privilege!r}.")
    return privilege in privileges(user)
