"""Deciding a request to join a private space (``check_decide_request``): its owners and
moderators approve (the person becomes a member and reads it at once) or decline, once."""

from __future__ import annotations

import pytest

from agora.people import actions as people_actions
from agora.spaces import actions
from agora.spaces.models import JoinRequest, Role
from agora.spaces.tests.conftest import PERSONAS
from agora.spaces.tests.steps import (
    MISSING,
    Rows,
    decide,
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

MANAGERS = {"owner", "space_moderator"}


@pytest.fixture
def kims_request(cast, client_for, kim) -> JoinRequest:
    join(client_for(kim), cast.private_space, "I sell to the bank team")
    return JoinRequest.objects.get(space=cast.private_space, user=kim)


@pytest.mark.parametrize("decision", ["approve", "decline"])
@pytest.mark.parametrize("persona", PERSONAS)
def test_it_lets_only_managers_decide_requests(
    cast, people, as_, client_for, kim, kims_request, persona, decision
) -> None:
    space = cast.private_space
    client = as_(persona)
    kim_client = client_for(kim)
    before = rows(space)
    everything = snapshot()

    response = decide(client, space, kims_request.pk, decision)

    if persona not in MANAGERS:
        assert response.status_code == 403
        assert "Only this space's owners and moderators can do that." in text(response)
        assert changes(everything, snapshot()) == []
        assert kim_client.get(cast.private_post.get_absolute_url()).status_code == 404
        return
    assert response["Location"] == members_url(space)
    verb = "approved" if decision == "approve" else "declined"
    page = text(client.get(response["Location"]))
    assert f"Kim Newcomer's request was {verb}." in page
    assert "Waiting to join" not in page
    status = JoinRequest.Status.APPROVED if decision == "approve" else JoinRequest.Status.DECLINED
    after = Role.MEMBER if decision == "approve" else None
    expected = with_member(before, "Kim Newcomer", after) if after else before
    assert rows(space) == Rows(
        members=expected.members,
        member_count=expected.member_count,
        requests={"Kim Newcomer": status},
    )
    kims_request.refresh_from_db()
    assert kims_request.decided_by == people[persona]
    readable = 200 if decision == "approve" else 404
    assert kim_client.get(cast.private_post.get_absolute_url()).status_code == readable


def test_it_lets_a_declined_person_ask_again(cast, client_for, kim, kims_request) -> None:
    decide(client_for("engineer"), cast.private_space, kims_request.pk, "decline")
    kim_client = client_for(kim)
    assert members_page(kim_client, cast.private_space).status_code == 403
    assert "Ask to join" in kim_client.get(cast.private_space.get_absolute_url()).content.decode()

    join(kim_client, cast.private_space)

    assert JoinRequest.objects.filter(
        space=cast.private_space, user=kim, status=JoinRequest.Status.PENDING
    ).exists()


def test_it_decides_a_request_only_once(cast, client_for, kims_request) -> None:
    ada, maya = client_for("engineer"), client_for("moderator")
    decide(ada, cast.private_space, kims_request.pk, "approve")
    before = rows(cast.private_space)

    again = decide(maya, cast.private_space, kims_request.pk, "approve", follow=True)
    declined = decide(ada, cast.private_space, kims_request.pk, "decline", follow=True)

    assert "Kim Newcomer's request was already approved." in text(again)
    assert "Kim Newcomer's request was already approved." in text(declined)
    assert rows(cast.private_space) == before
    kims_request.refresh_from_db()
    assert kims_request.decided_by == cast.engineer


@pytest.mark.parametrize("persona", ["member", "outsider", "site_moderator"])
def test_it_answers_404_to_people_outside_a_secret_space(cast, as_, kims_request, persona):
    client = as_(persona)
    everything = snapshot()
    response = decide(client, cast.secret_space, kims_request.pk, "approve")
    assert looks_missing(response, decide(client, MISSING, kims_request.pk, "approve"))
    assert changes(everything, snapshot()) == []


def test_it_does_not_decide_a_request_through_another_space(cast, client_for, kims_request):
    ada = client_for("engineer")
    everything = snapshot()

    response = decide(ada, cast.secret_space, kims_request.pk, "approve")

    assert response.status_code == 404
    assert "That request no longer exists." in text(response)
    assert changes(everything, snapshot()) == []


def test_it_answers_404_for_a_decision_that_is_not_one(cast, client_for, kims_request):
    ada = client_for("engineer")
    everything = snapshot()
    assert decide(ada, cast.private_space, kims_request.pk, "maybe").status_code == 404
    assert changes(everything, snapshot()) == []


def test_it_does_not_approve_someone_whose_account_was_deactivated(cast, client_for) -> None:
    # Their request was made while they still worked here (no action deactivates yet).
    gone = people_actions.create_user("gone@example.com", display_name="Gail Gone", is_active=False)
    actions.do_join(gone, cast.private_space)
    gones_request = JoinRequest.objects.get(user=gone)
    ada = client_for("engineer")
    everything = snapshot()

    response = decide(ada, cast.private_space, gones_request.pk, "approve")

    assert response.status_code == 400
    assert "Gail Gone's account is deactivated." in text(response)
    assert changes(everything, snapshot()) == []
