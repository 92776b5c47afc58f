"""Removing a member (``check_remove_member``): a space's owners and moderators do it and
the person loses access at once; only owners remove owners, and a space keeps one."""

from __future__ import annotations

import pytest

from agora.posts import actions as post_actions
from agora.spaces import actions
from agora.spaces.models import Role
from agora.spaces.tests.conftest import PERSONAS
from agora.spaces.tests.steps import (
    MISSING,
    looks_missing,
    members_page,
    members_url,
    remove,
    rows,
    text,
    with_member,
)
from agora.testing.database import changes, snapshot

pytestmark = pytest.mark.django_db

MANAGERS = {"owner", "space_moderator"}
CASES = [
    (v, p, "removed" if p in MANAGERS else 404 if v == "secret" else 403)
    for v in ("open", "private", "secret")
    for p in PERSONAS
]


@pytest.mark.parametrize(("visibility", "persona", "outcome"), CASES)
def test_it_lets_managers_remove_a_member_who_loses_access_at_once(
    cast, as_, client_for, kim, visibility, persona, outcome
) -> None:
    space = cast.space(visibility)
    actions.do_add_member(space, kim)
    kims_post = post_actions.check_create_post(kim, space=space, body="Hello from Kim")
    kim_client = client_for(kim)
    client = as_(persona)
    before = rows(space)
    everything = snapshot()

    response = remove(client, space, kim.pk)

    if outcome == "removed":
        assert response["Location"] == members_url(space)
        assert "Kim Newcomer was removed." in text(client.get(response["Location"]))
        assert rows(space) == with_member(before, "Kim Newcomer", None)
        readable = 200 if visibility == "open" else 404
        assert kim_client.get(kims_post.get_absolute_url()).status_code == readable
        return
    if outcome == 404:
        assert looks_missing(response, remove(client, MISSING, kim.pk))
    else:
        assert response.status_code == 403
        assert "Only this space's owners and moderators can do that." in text(response)
    assert changes(everything, snapshot()) == []
    assert kim_client.get(kims_post.get_absolute_url()).status_code == 200


def test_it_does_not_let_a_moderator_remove_an_owner(cast, client_for) -> None:
    before = rows(cast.private_space)
    response = remove(client_for("moderator"), cast.private_space, cast.engineer.pk)
    assert response.status_code == 403
    assert "Only owners can remove an owner." in text(response)
    assert rows(cast.private_space) == before


def test_it_lets_an_owner_remove_another_owner_but_keeps_the_last(cast, client_for) -> None:
    ada = client_for("engineer")
    actions.do_set_role(Role.OWNER, cast.open_space.memberships.get(user=cast.salesperson), "owner")
    before = rows(cast.open_space)

    removed = remove(ada, cast.open_space, cast.salesperson.pk)
    last = remove(ada, cast.open_space, cast.engineer.pk)

    assert removed.status_code == 302
    assert last.status_code == 400
    assert "A space needs at least one owner." in text(last)
    assert rows(cast.open_space) == with_member(before, "Sam Sales", None)


def test_it_answers_404_when_removing_someone_who_is_not_a_member(cast, client_for) -> None:
    ada = client_for("engineer")
    everything = snapshot()
    response = remove(ada, cast.private_space, cast.outsider.pk)
    assert response.status_code == 404
    assert "That person is not a member of this space." in text(response)
    assert changes(everything, snapshot()) == []


def test_it_hides_the_members_page_from_a_removed_member(cast, client_for) -> None:
    sam = client_for("salesperson")
    remove(client_for("moderator"), cast.private_space, cast.salesperson.pk)
    assert members_page(sam, cast.private_space).status_code == 403
