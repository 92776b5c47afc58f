"""Leaving a space (``check_leave``): members go at once and lose what only members read;
the only owner must hand the space over first; nobody leaves what they are not in."""

from __future__ import annotations

import pytest
from django.urls import reverse

from agora.spaces.models import Role
from agora.spaces.tests.conftest import PERSONAS
from agora.spaces.tests.steps import (
    MISSING,
    leave,
    looks_missing,
    members_page,
    rows,
    set_role,
    text,
    with_member,
)
from agora.testing.database import changes, snapshot

pytestmark = pytest.mark.django_db

ONLY_OWNER = "You are this space's only owner; make someone else an owner before you leave."
# What leaving does: "left", "only owner" (400), "not a member" (400), or 404.
OUTCOMES: dict[str, dict[str, str | int]] = {
    "open": {
        "owner": "only owner",
        "space_moderator": "left",
        "member": "left",
        "outsider": "not a member",
        "site_moderator": "not a member",
    },
    "private": {
        "owner": "only owner",
        "space_moderator": "left",
        "member": "left",
        "outsider": "not a member",
        "site_moderator": "not a member",
    },
    "secret": {
        "owner": "only owner",
        "space_moderator": "left",
        "member": 404,
        "outsider": 404,
        "site_moderator": 404,
    },
}
CASES = [(v, p, OUTCOMES[v][p]) for v in OUTCOMES for p in PERSONAS]


@pytest.mark.parametrize(("visibility", "persona", "outcome"), CASES)
def test_it_lets_members_leave_and_refuses_everyone_else(
    cast, people, as_, visibility, persona, outcome
) -> None:
    space = cast.space(visibility)
    client = as_(persona)
    before = rows(space)
    everything = snapshot()

    response = leave(client, space)

    if outcome == "left":
        assert response["Location"] == reverse("spaces:directory")
        assert f"You left {space.name}." in text(client.get(response["Location"]))
        assert rows(space) == with_member(before, people[persona].display_name, None)
        post = cast.post_in(visibility)
        readable = 200 if visibility == "open" else 404
        assert client.get(post.get_absolute_url()).status_code == readable
        return
    if outcome == 404:
        assert looks_missing(response, leave(client, MISSING))
    elif outcome == "only owner":
        # The members page, where they can make someone else an owner.
        assert response.status_code == 400
        assert ONLY_OWNER in text(response)
        assert "Set role" in text(response)
        assert ONLY_OWNER not in text(members_page(client, space))  # said once
    else:
        assert response.status_code == 400
        assert f"You are not a member of {space.name}." in text(response)
    assert changes(everything, snapshot()) == []


def test_it_lets_an_owner_leave_once_someone_else_owns_the_space(cast, client_for) -> None:
    ada = client_for("engineer")
    set_role(ada, cast.private_space, cast.salesperson.pk, Role.OWNER)
    before = rows(cast.private_space)

    response = leave(ada, cast.private_space, follow=True)

    assert "You left Private Space." in text(response)
    assert rows(cast.private_space) == with_member(before, "Ada Engineer", None)
    assert rows(cast.private_space).members["Sam Sales"] == Role.OWNER
    assert ada.get(cast.private_post.get_absolute_url()).status_code == 404
    assert "Ask to join" in ada.get(cast.private_space.get_absolute_url()).content.decode()
