"""Joining a space (``check_join``): an open one at once, a private one by asking its
managers, a secret one never (404 to anyone outside it, like a space that does not exist).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from agora.spaces import actions
from agora.spaces.models import JoinRequest, Role
from agora.spaces.tests.conftest import PERSONAS
from agora.spaces.tests.steps import (
    COMPOSER,
    MISSING,
    join,
    looks_missing,
    members_page,
    rows,
    text,
    with_member,
)
from agora.testing.database import changes, snapshot

pytestmark = pytest.mark.django_db

# What joining does, by persona and space: "already" a member, "joined", "requested", or 404.
OUTCOMES: dict[str, dict[str, str | int]] = {
    "open": {
        "owner": "already",
        "space_moderator": "already",
        "member": "already",
        "outsider": "joined",
        "site_moderator": "joined",
    },
    "private": {
        "owner": "already",
        "space_moderator": "already",
        "member": "already",
        "outsider": "requested",
        "site_moderator": "requested",
    },
    "secret": {
        "owner": "already",
        "space_moderator": "already",
        "member": 404,
        "outsider": 404,
        "site_moderator": 404,
    },
}
CASES = [(v, p, OUTCOMES[v][p]) for v in OUTCOMES for p in PERSONAS]


@pytest.mark.parametrize(("visibility", "persona", "outcome"), CASES)
def test_it_joins_asks_or_hides_by_persona_and_visibility(
    cast, people, as_, visibility, persona, outcome
) -> None:
    space = cast.space(visibility)
    client = as_(persona)
    name = people[persona].display_name
    before = rows(space)
    everything = snapshot()

    response = join(client, space, "I work with this team", follow=True)

    if outcome == 404:
        assert looks_missing(response, join(client, MISSING))
        assert changes(everything, snapshot()) == []
        return
    assert response.redirect_chain[-1][0] == space.get_absolute_url()
    page = text(response)
    if outcome == "already":
        assert "You are already a member." in page
        assert rows(space) == before
    elif outcome == "joined":
        assert "Welcome! You are now a member." in page
        assert COMPOSER in page
        assert rows(space) == with_member(before, name, Role.MEMBER)
    else:
        assert "Your request has been sent to the space's owners." in page
        assert "You have asked to join." in page
        assert rows(space).members == before.members
        assert rows(space).member_count == before.member_count
        assert rows(space).requests == {**before.requests, name: JoinRequest.Status.PENDING}


def test_it_shows_a_visitor_the_composer_once_they_join(cast, client_for) -> None:
    olly = client_for("outsider")
    before = olly.get(cast.open_space.get_absolute_url()).content.decode()
    assert COMPOSER not in before
    assert "as a visitor" in before

    join(olly, cast.open_space)

    assert COMPOSER in olly.get(cast.open_space.get_absolute_url()).content.decode()


def test_it_shows_the_managers_a_request_with_its_message(cast, client_for) -> None:
    join(client_for("outsider"), cast.private_space, "I sell to the bank team")

    for manager in ("engineer", "moderator"):
        members = text(members_page(client_for(manager), cast.private_space))
        assert "Waiting to join" in members
        assert "Olly Outsider" in members
        assert "“I sell to the bank team”" in members
        space_page = client_for(manager).get(cast.private_space.get_absolute_url())
        assert "1 waiting" in space_page.content.decode()
    closed = text(client_for("outsider").get(cast.private_space.get_absolute_url()))
    assert cast.private_post.body.split("#")[0].strip() not in closed


def test_it_does_not_duplicate_a_request_on_a_second_click(cast, client_for) -> None:
    olly = client_for("outsider")
    join(olly, cast.private_space)
    before = rows(cast.private_space)

    second = join(olly, cast.private_space, follow=True)

    assert "You have already asked to join; the owners will decide soon." in text(second)
    assert rows(cast.private_space) == before
    members = members_page(client_for("engineer"), cast.private_space).content.decode()
    assert members.count("Olly Outsider") == 1


def test_it_answers_404_for_a_space_that_does_not_exist(cast, client_for) -> None:
    olly = client_for("outsider")
    everything = snapshot()
    response = join(olly, MISSING)
    assert response.status_code == 404
    assert changes(everything, snapshot()) == []


def test_it_dates_a_join_and_a_request_made_in_the_past(cast) -> None:
    then = timezone.now() - timedelta(days=30)
    assert actions.do_join(cast.outsider, cast.open_space, at=then) == "joined"
    assert cast.open_space.memberships.get(user=cast.outsider).created_at == then
    assert actions.do_join(cast.outsider, cast.private_space, message="Hi", at=then) == "requested"
    assert JoinRequest.objects.get(user=cast.outsider).created_at == then
