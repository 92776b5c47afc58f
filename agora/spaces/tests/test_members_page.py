"""A space's members page (members only; the managers also see the requests and the
controls), its query budget, and the member counts every membership change keeps."""

from __future__ import annotations

import re

import pytest

from agora.people import actions as people_actions
from agora.posts import actions as post_actions
from agora.spaces import actions
from agora.spaces.models import JoinRequest, Membership, Space
from agora.spaces.tests.steps import add, decide, join, leave, members_page, remove, text
from agora.testing.budgets import PAGE_BASE

pytestmark = pytest.mark.django_db


def member_count(space: Space) -> int:
    space.refresh_from_db(fields=["member_count"])
    return space.member_count


def test_it_shows_the_members_page_to_members_only(cast, client_for) -> None:
    sam = members_page(client_for("salesperson"), cast.private_space)
    assert sam.status_code == 200
    page = text(sam)
    for name in ("Ada Engineer", "Maya Moderator", "Sam Sales"):
        assert name in page
    assert "Add people" not in page
    olly = members_page(client_for("outsider"), cast.private_space)
    assert olly.status_code == 403
    assert "Only members of Private Space can see who belongs to it." in text(olly)
    assert "Sam Sales" not in text(olly)
    assert members_page(client_for("outsider"), cast.secret_space).status_code == 404


def test_members_page_budget(cast, client_for, django_assert_num_queries) -> None:
    # PAGE_BASE + space + my membership + members (with user and department)
    # + pending requests (with user and department)
    ada = client_for("engineer")
    with django_assert_num_queries(PAGE_BASE + 4):
        assert members_page(ada, cast.open_space).status_code == 200
    for i in range(12):
        person = people_actions.create_user(f"m{i}@example.com", display_name=f"Member {i}")
        actions.do_join(person, cast.open_space)
        asker = people_actions.create_user(f"a{i}@example.com", display_name=f"Asker {i}")
        actions.do_join(asker, cast.private_space)
    with django_assert_num_queries(PAGE_BASE + 4):
        response = members_page(ada, cast.open_space)
    assert response.content.count(b'class="member-row"') == 15
    with django_assert_num_queries(PAGE_BASE + 4):
        response = members_page(ada, cast.private_space)
    assert response.content.count(b'class="member-row"') == 15


def test_it_keeps_member_counts_equal_to_membership_rows(cast, client_for, more_spaces) -> None:
    ada, maya, sam, olly = (
        client_for(p) for p in ("engineer", "moderator", "salesperson", "outsider")
    )
    extra = people_actions.create_user("kim@example.com", display_name="Kim Extra")
    kim = client_for(extra)

    join(olly, cast.open_space)
    join(olly, cast.open_space)
    join(kim, cast.open_space)
    join(olly, cast.private_space)
    join(kim, cast.private_space)
    requests = {jr.user_id: jr for jr in JoinRequest.objects.filter(space=cast.private_space)}
    decide(ada, cast.private_space, requests[cast.outsider.pk].pk, "approve")
    decide(maya, cast.private_space, requests[cast.outsider.pk].pk, "approve")
    decide(maya, cast.private_space, requests[extra.pk].pk, "decline")
    add(maya, cast.secret_space, "@olly-outsider")
    add(maya, cast.secret_space, "olly@example.com")
    add(ada, cast.secret_space, "Kim Extra")
    leave(kim, cast.secret_space)
    leave(ada, cast.secret_space)  # refused: the only owner
    remove(ada, cast.open_space, cast.salesperson.pk)
    remove(ada, cast.open_space, cast.salesperson.pk)
    leave(sam, cast.private_space)
    join(olly, more_spaces["payments"])
    join(kim, more_spaces["pricing"])
    add(sam, more_spaces["pricing"], "@olly-outsider")
    post_actions.check_create_post(
        cast.outsider, space=more_spaces["payments"], body="Hello payments"
    )

    expected = {
        cast.open_space: 4,  # Ada, Maya, Olly, Kim
        cast.private_space: 3,  # Ada, Maya, Olly
        cast.secret_space: 3,  # Ada, Maya, Olly
        more_spaces["payments"]: 2,  # Ada, Olly
        more_spaces["pricing"]: 2,  # Sam, Olly
    }
    for space, count in expected.items():
        assert member_count(space) == Membership.objects.filter(space=space).count() == count


def test_it_shows_role_controls_only_where_the_viewer_may_use_them(cast, client_for) -> None:
    def controls(persona: str) -> set[str]:
        page = text(members_page(client_for(persona), cast.private_space))
        return set(re.findall(r'aria-label="Remove ([^"]+)"', page))

    assert controls("engineer") == {"Maya Moderator", "Sam Sales"}
    assert controls("moderator") == {"Sam Sales"}  # owners are for owners
    assert controls("salesperson") == set()
