"""Adding people to a space (``check_add_member``): its owners and moderators add anyone
active, named by @handle, email or name; only owners add owners."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from agora.core.errors import ActionError
from agora.people import actions as people_actions
from agora.spaces import actions
from agora.spaces.models import JoinRequest, Role
from agora.spaces.tests.conftest import PERSONAS
from agora.spaces.tests.steps import (
    MISSING,
    add,
    join,
    looks_missing,
    members_page,
    members_url,
    rows,
    text,
    with_member,
)
from agora.testing.database import changes, snapshot

pytestmark = pytest.mark.django_db

MANAGERS_ONLY = "Only this space's owners and moderators can do that."
# Adding Kim with a role: "added", or the refusal's status (the space's managers are
# refused only the owner role; everyone else 403, or 404 where the space is secret to them).
MANAGERS = {"owner", "space_moderator"}


def expected(persona: str, visibility: str, role: str) -> str | int:
    if persona not in MANAGERS:
        return 404 if visibility == "secret" and persona != "owner" else 403
    if role == Role.OWNER and persona != "owner":
        return 403
    return "added"


CASES = [
    (v, p, r, expected(p, v, r))
    for v in ("open", "private", "secret")
    for p in PERSONAS
    for r in (Role.MEMBER, Role.MODERATOR, Role.OWNER)
]


@pytest.mark.parametrize(("visibility", "persona", "role", "outcome"), CASES)
def test_it_lets_managers_add_people_and_only_owners_add_owners(
    cast, as_, kim, visibility, persona, role, outcome
) -> None:
    space = cast.space(visibility)
    client = as_(persona)
    before = rows(space)
    everything = snapshot()

    response = add(client, space, "@kim-newcomer", role)

    if outcome == "added":
        assert response["Location"] == members_url(space)
        assert "Kim Newcomer is now a member." in text(client.get(response["Location"]))
        assert rows(space) == with_member(before, "Kim Newcomer", role)
        return
    if outcome == 404:
        assert looks_missing(response, add(client, MISSING, "@kim-newcomer", role))
    else:
        assert response.status_code == 403
        message = "Only owners can add owners." if persona in MANAGERS else MANAGERS_ONLY
        assert message in text(response)
    assert changes(everything, snapshot()) == []


@pytest.mark.parametrize(
    "named_as",
    ["@olly-outsider", "olly-outsider", "olly@example.com", "OLLY@example.com", "olly outsider"],
)
def test_it_adds_a_person_named_by_handle_email_or_name(cast, client_for, named_as) -> None:
    olly = client_for("outsider")
    assert olly.get(cast.secret_post.get_absolute_url()).status_code == 404
    before = rows(cast.secret_space)

    response = add(client_for("moderator"), cast.secret_space, named_as, follow=True)

    assert "Olly Outsider is now a member." in text(response)
    assert rows(cast.secret_space) == with_member(before, "Olly Outsider", Role.MEMBER)
    assert olly.get(cast.secret_space.get_absolute_url()).status_code == 200
    assert olly.get(cast.secret_post.get_absolute_url()).status_code == 200


def test_it_says_so_when_the_person_added_already_belongs(cast, client_for) -> None:
    before = rows(cast.private_space)
    response = add(
        client_for("engineer"), cast.private_space, "@sam-sales", Role.OWNER, follow=True
    )
    assert "Sam Sales is already a member." in text(response)
    assert rows(cast.private_space) == before  # the role did not change either


@pytest.mark.parametrize(
    ("person", "role", "message"),
    [
        ("Nobody Atall", Role.MEMBER, "Nobody called “Nobody Atall” works here."),
        ("gone@example.com", Role.MEMBER, "Nobody called “gone@example.com” works here."),
        ("   ", Role.MEMBER, "Name the person to add: their name, @handle or email."),
        ("@kim-newcomer", "admin", "That is not a role in this space."),
    ],
)
def test_it_refuses_unknown_or_deactivated_people_and_roles_with_400(
    cast, client_for, kim, person, role, message
) -> None:
    people_actions.create_user("gone@example.com", display_name="Gail Gone", is_active=False)
    ada = client_for("engineer")
    everything = snapshot()

    response = add(ada, cast.secret_space, person, role)

    assert response.status_code == 400
    page = text(response)
    assert message in page
    assert "Add people" in page  # the members page, to try again
    assert changes(everything, snapshot()) == []


def test_it_refuses_a_deactivated_person_to_trusted_callers_too(cast) -> None:
    gone = people_actions.create_user("gone@example.com", display_name="Gail Gone", is_active=False)
    before = rows(cast.secret_space)
    with pytest.raises(ActionError, match=re.escape("Gail Gone's account is deactivated.")):
        actions.do_add_member(cast.secret_space, gone)
    assert rows(cast.secret_space) == before


def test_it_clears_a_pending_request_when_the_person_is_added(cast, client_for) -> None:
    join(client_for("outsider"), cast.private_space)
    ada = client_for("engineer")

    response = add(ada, cast.private_space, "@olly-outsider", follow=True)

    assert "Waiting to join" not in text(response)
    assert rows(cast.private_space).requests == {"Olly Outsider": JoinRequest.Status.APPROVED}
    assert rows(cast.private_space).members["Olly Outsider"] == Role.MEMBER


def test_it_offers_the_owner_role_only_to_owners(cast, client_for) -> None:
    def roles_offered(persona: str) -> list[str]:
        page = text(members_page(client_for(persona), cast.open_space))
        select = re.search(r'<select id="add-role" name="role">(.*?)</select>', page, re.S)
        assert select is not None
        return re.findall(r'<option value="(\w+)"', select.group(1))

    assert roles_offered("engineer") == [Role.OWNER, Role.MODERATOR, Role.MEMBER]
    assert roles_offered("moderator") == [Role.MODERATOR, Role.MEMBER]


def test_it_dates_a_member_added_in_the_past_and_the_request_it_settles(cast) -> None:
    then = timezone.now() - timedelta(days=12)
    actions.do_join(cast.outsider, cast.private_space, message="Please", at=then)
    added = then + timedelta(days=1)
    assert actions.do_add_member(cast.private_space, cast.outsider, at=added)
    assert cast.private_space.memberships.get(user=cast.outsider).created_at == added
    request = JoinRequest.objects.get(user=cast.outsider)
    assert (request.status, request.decided_at) == (JoinRequest.Status.APPROVED, added)
