"""Changing a member's role (``check_set_role``): a space's owners and moderators do it;
only owners make or unmake owners, and a space always keeps one."""

from __future__ import annotations

import pytest

from agora.spaces import actions
from agora.spaces.models import Role
from agora.spaces.tests.conftest import PERSONAS
from agora.spaces.tests.steps import (
    MISSING,
    looks_missing,
    members_url,
    rows,
    set_role,
    text,
    with_member,
)
from agora.testing.database import changes, snapshot

pytestmark = pytest.mark.django_db

MANAGERS = {"owner", "space_moderator"}


@pytest.fixture
def kim_everywhere(cast, kim):
    for space in (cast.open_space, cast.private_space, cast.secret_space):
        actions.do_add_member(space, kim)
    return kim


def expected(persona: str, visibility: str, role: str) -> str | int:
    if persona not in MANAGERS:
        return 404 if visibility == "secret" else 403
    if role == Role.OWNER and persona != "owner":
        return 403
    return "set"


CASES = [
    (v, p, r, expected(p, v, r))
    for v in ("open", "private", "secret")
    for p in PERSONAS
    for r in (Role.MODERATOR, Role.OWNER)
]


@pytest.mark.parametrize(("visibility", "persona", "role", "outcome"), CASES)
def test_it_lets_managers_set_roles_and_only_owners_make_owners(
    cast, as_, kim_everywhere, visibility, persona, role, outcome
) -> None:
    space = cast.space(visibility)
    client = as_(persona)
    before = rows(space)
    everything = snapshot()

    response = set_role(client, space, kim_everywhere.pk, role)

    if outcome == "set":
        assert response["Location"] == members_url(space)
        label = {Role.MODERATOR: "Moderator", Role.OWNER: "Owner"}[role]
        assert f"Kim Newcomer is now {label}." in text(client.get(response["Location"]))
        assert rows(space) == with_member(before, "Kim Newcomer", role)
        return
    if outcome == 404:
        assert looks_missing(response, set_role(client, MISSING, kim_everywhere.pk, role))
    else:
        assert response.status_code == 403
        if persona in MANAGERS:
            assert "Only owners can make or unmake owners." in text(response)
        else:
            assert "Only this space's owners and moderators can do that." in text(response)
    assert changes(everything, snapshot()) == []


def test_it_does_not_let_a_moderator_demote_an_owner(cast, client_for) -> None:
    maya = client_for("moderator")
    before = rows(cast.private_space)

    response = set_role(maya, cast.private_space, cast.engineer.pk, Role.MEMBER)

    assert response.status_code == 403
    assert "Only owners can make or unmake owners." in text(response)
    assert rows(cast.private_space) == before


def test_it_keeps_the_last_owner(cast, client_for) -> None:
    ada = client_for("engineer")
    before = rows(cast.private_space)

    response = set_role(ada, cast.private_space, cast.engineer.pk, Role.MEMBER)

    assert response.status_code == 400
    assert "A space needs at least one owner." in text(response)
    assert rows(cast.private_space) == before
    assert ada.get(cast.private_post.get_absolute_url()).status_code == 200


def test_it_lets_an_owner_step_down_once_there_is_another(cast, client_for) -> None:
    ada = client_for("engineer")
    set_role(ada, cast.private_space, cast.salesperson.pk, Role.OWNER)
    before = rows(cast.private_space)

    set_role(ada, cast.private_space, cast.engineer.pk, Role.MODERATOR)

    assert rows(cast.private_space) == with_member(before, "Ada Engineer", Role.MODERATOR)


@pytest.mark.parametrize(
    ("who", "role", "status", "message"),
    [
        ("outsider", Role.MODERATOR, 404, "That person is not a member of this space."),
        ("salesperson", "admin", 400, "That is not a role in this space."),
        ("salesperson", "", 400, "That is not a role in this space."),
    ],
)
def test_it_refuses_non_members_and_unknown_roles(cast, client_for, who, role, status, message):
    ada = client_for("engineer")
    everything = snapshot()

    response = set_role(ada, cast.open_space, cast.persona(who).pk, role)

    assert response.status_code == status
    assert message in text(response)
    assert "Add people" in text(response)  # the members page, to try again
    assert changes(everything, snapshot()) == []
