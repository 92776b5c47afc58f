"""Belonging to spaces: joining, asking, deciding, adding, roles, leaving and removal.

Also the space directory, creating a space and its settings. Every flow is driven through
the pages a person uses; what is asserted is what they would notice (the page, the message
shown, who can read what) and the counters, which must always equal the membership rows.
"""

from __future__ import annotations

import html
import re

import pytest
from django.http import HttpResponse
from django.urls import reverse

from agora.people import actions as people_actions
from agora.posts import actions as post_actions
from agora.spaces import actions
from agora.spaces.models import JoinRequest, Membership, Role, Space
from agora.testing.budgets import PAGE_BASE
from agora.testing.concurrency import run_together

pytestmark = pytest.mark.django_db

COMPOSER = 'class="card composer"'


def text(response: HttpResponse) -> str:
    """The page as a person reads it (entities such as &#x27; decoded)."""
    return html.unescape(response.content.decode())


def join(client, space, message: str = ""):
    return client.post(reverse("spaces:join", args=[space.slug]), {"message": message}, follow=True)


def members_page(client, space):
    return client.get(reverse("spaces:members", args=[space.slug]))


def decide(client, space, join_request, decision: str, **kwargs):
    url = reverse("spaces:decide_request", args=[space.slug, join_request.pk, decision])
    return client.post(url, **kwargs)


def add(client, space, person: str, role: str = Role.MEMBER):
    url = reverse("spaces:add_member", args=[space.slug])
    return client.post(url, {"person": person, "role": role}, follow=True)


def set_role(client, space, user, role: str):
    url = reverse("spaces:set_role", args=[space.slug, user.pk])
    return client.post(url, {"role": role}, follow=True)


def remove(client, space, user):
    return client.post(reverse("spaces:remove", args=[space.slug, user.pk]), follow=True)


def leave(client, space):
    return client.post(reverse("spaces:leave", args=[space.slug]), follow=True)


def role_of(space, user) -> str | None:
    membership = Membership.objects.filter(space=space, user=user).first()
    return membership.role if membership else None


def member_count(space: Space) -> int:
    space.refresh_from_db(fields=["member_count"])
    return space.member_count


def space_names(response) -> list[str]:
    """The names on the space cards of a directory page, in order."""
    return re.findall(
        r'class="h3"><a href="[^"]+">.*?</span></span>\s*([^<]+?)</a>', text(response), re.S
    )


# Joining an open space


def test_it_joins_an_open_space_at_once_and_shows_the_composer(cast, client_for) -> None:
    olly = client_for("outsider")
    before = olly.get(cast.open_space.get_absolute_url())
    assert COMPOSER not in before.content.decode()
    assert "as a visitor" in before.content.decode()
    count = member_count(cast.open_space)

    response = join(olly, cast.open_space)

    assert response.redirect_chain[-1][0] == cast.open_space.get_absolute_url()
    assert "Welcome! You are now a member." in text(response)
    assert COMPOSER in response.content.decode()
    assert member_count(cast.open_space) == count + 1
    assert role_of(cast.open_space, cast.outsider) == Role.MEMBER


def test_it_says_so_when_a_member_joins_again(cast, client_for) -> None:
    count = member_count(cast.open_space)
    response = join(client_for("salesperson"), cast.open_space)
    assert "You are already a member." in text(response)
    assert member_count(cast.open_space) == count


# Asking to join a private space


def test_it_sends_a_request_to_join_a_private_space_to_its_managers(cast, client_for) -> None:
    olly = client_for("outsider")
    count = member_count(cast.private_space)

    response = join(olly, cast.private_space, "I sell to the bank team")

    page = text(response)
    assert "Your request has been sent to the space's owners." in page
    assert "You have asked to join." in page
    assert cast.private_post.body.split("#")[0].strip() not in page
    assert member_count(cast.private_space) == count
    for manager in ("engineer", "moderator"):
        members = text(members_page(client_for(manager), cast.private_space))
        assert "Waiting to join" in members
        assert "Olly Outsider" in members
        assert "“I sell to the bank team”" in members
        space_page = client_for(manager).get(cast.private_space.get_absolute_url())
        assert "1 waiting" in space_page.content.decode()


def test_it_does_not_duplicate_a_request_on_a_second_click(cast, client_for) -> None:
    olly = client_for("outsider")
    join(olly, cast.private_space)

    second = join(olly, cast.private_space)

    assert "You have already asked to join; the owners will decide soon." in text(second)
    assert JoinRequest.objects.filter(space=cast.private_space, user=cast.outsider).count() == 1
    members = members_page(client_for("engineer"), cast.private_space).content.decode()
    assert members.count("Olly Outsider") == 1


def test_it_lets_an_approved_person_read_the_private_posts(cast, client_for) -> None:
    olly = client_for("outsider")
    join(olly, cast.private_space)
    assert olly.get(cast.private_post.get_absolute_url()).status_code == 404
    count = member_count(cast.private_space)
    join_request = JoinRequest.objects.get(space=cast.private_space, user=cast.outsider)

    response = decide(
        client_for("moderator"), cast.private_space, join_request, "approve", follow=True
    )

    page = text(response)
    assert "Olly Outsider's request was approved." in page
    assert "Waiting to join" not in page
    assert olly.get(cast.private_post.get_absolute_url()).status_code == 200
    assert member_count(cast.private_space) == count + 1
    assert role_of(cast.private_space, cast.outsider) == Role.MEMBER


def test_it_keeps_a_private_space_closed_to_a_declined_person(cast, client_for) -> None:
    olly = client_for("outsider")
    join(olly, cast.private_space)
    join_request = JoinRequest.objects.get(space=cast.private_space, user=cast.outsider)

    response = decide(
        client_for("engineer"), cast.private_space, join_request, "decline", follow=True
    )

    assert "Olly Outsider's request was declined." in text(response)
    assert olly.get(cast.private_post.get_absolute_url()).status_code == 404
    assert members_page(olly, cast.private_space).status_code == 403
    # They may ask again later.
    assert "Ask to join" in olly.get(cast.private_space.get_absolute_url()).content.decode()
    assert role_of(cast.private_space, cast.outsider) is None


def test_it_decides_a_request_only_once(cast, client_for) -> None:
    join(client_for("outsider"), cast.private_space)
    join_request = JoinRequest.objects.get(space=cast.private_space, user=cast.outsider)
    ada = client_for("engineer")
    decide(ada, cast.private_space, join_request, "approve")
    count = member_count(cast.private_space)

    again = decide(
        client_for("moderator"), cast.private_space, join_request, "approve", follow=True
    )
    declined = decide(ada, cast.private_space, join_request, "decline", follow=True)

    assert "Olly Outsider's request was already approved." in text(again)
    assert "Olly Outsider's request was already approved." in text(declined)
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.APPROVED
    assert join_request.decided_by == cast.engineer
    assert member_count(cast.private_space) == count
    assert role_of(cast.private_space, cast.outsider) == Role.MEMBER


@pytest.mark.parametrize("persona", ["salesperson", "outsider"])
def test_it_refuses_to_let_non_managers_decide_requests(cast, client_for, persona) -> None:
    join(client_for("outsider"), cast.private_space)
    join_request = JoinRequest.objects.get(space=cast.private_space, user=cast.outsider)

    for decision in ("approve", "decline"):
        response = decide(client_for(persona), cast.private_space, join_request, decision)
        assert response.status_code == 403

    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.PENDING
    assert role_of(cast.private_space, cast.outsider) is None


@pytest.mark.parametrize("persona", ["salesperson", "outsider"])
def test_it_answers_404_to_a_non_member_joining_a_secret_space(cast, client_for, persona) -> None:
    count = member_count(cast.secret_space)
    response = client_for(persona).post(reverse("spaces:join", args=[cast.secret_space.slug]))
    assert response.status_code == 404
    assert cast.secret_space.name not in response.content.decode()
    assert member_count(cast.secret_space) == count
    assert not JoinRequest.objects.filter(space=cast.secret_space).exists()


# Adding people


@pytest.mark.parametrize(
    "named_as",
    ["@olly-outsider", "olly-outsider", "olly@example.com", "OLLY@example.com", "olly outsider"],
)
def test_it_adds_a_person_named_by_handle_email_or_name(cast, client_for, named_as) -> None:
    olly = client_for("outsider")
    assert olly.get(cast.secret_post.get_absolute_url()).status_code == 404
    count = member_count(cast.secret_space)

    response = add(client_for("moderator"), cast.secret_space, named_as)

    assert "Olly Outsider is now a member." in text(response)
    assert member_count(cast.secret_space) == count + 1
    assert olly.get(cast.secret_space.get_absolute_url()).status_code == 200
    assert olly.get(cast.secret_post.get_absolute_url()).status_code == 200


def test_it_says_so_when_the_person_added_already_belongs(cast, client_for) -> None:
    count = member_count(cast.private_space)
    response = add(client_for("engineer"), cast.private_space, "@sam-sales")
    assert "Sam Sales is already a member." in text(response)
    assert member_count(cast.private_space) == count


def test_it_says_clearly_when_nobody_matches_the_person_to_add(cast, client_for) -> None:
    count = member_count(cast.secret_space)
    response = add(client_for("engineer"), cast.secret_space, "Nobody Atall")
    assert "Nobody called “Nobody Atall” works here." in text(response)
    assert member_count(cast.secret_space) == count


def test_it_does_not_find_deactivated_people_to_add(cast, client_for) -> None:
    people_actions.create_user("gone@example.com", display_name="Gail Gone", is_active=False)
    response = add(client_for("engineer"), cast.secret_space, "gone@example.com")
    assert "Nobody called “gone@example.com” works here." in text(response)
    assert not Membership.objects.filter(space=cast.secret_space, user__handle="gail-gone").exists()


def test_it_clears_a_pending_request_when_the_person_is_added(cast, client_for) -> None:
    join(client_for("outsider"), cast.private_space)
    response = add(client_for("engineer"), cast.private_space, "@olly-outsider")
    assert "Waiting to join" not in text(response)
    assert not JoinRequest.objects.filter(status=JoinRequest.Status.PENDING).exists()


def test_it_lets_only_owners_add_owners(cast, client_for) -> None:
    refused = add(client_for("moderator"), cast.open_space, "@olly-outsider", role=Role.OWNER)
    assert "Only owners can add owners." in text(refused)
    assert role_of(cast.open_space, cast.outsider) is None

    added = add(client_for("engineer"), cast.open_space, "@olly-outsider", role=Role.OWNER)
    assert "Olly Outsider is now a member." in text(added)
    assert role_of(cast.open_space, cast.outsider) == Role.OWNER


@pytest.mark.parametrize("persona", ["salesperson", "outsider"])
def test_it_refuses_member_management_to_non_managers(cast, client_for, persona) -> None:
    client = client_for(persona)
    slug = cast.open_space.slug
    assert (
        client.post(
            reverse("spaces:add_member", args=[slug]), {"person": "@olly-outsider"}
        ).status_code
        == 403
    )
    url = reverse("spaces:set_role", args=[slug, cast.salesperson.pk])
    assert client.post(url, {"role": Role.OWNER}).status_code == 403
    assert client.post(reverse("spaces:remove", args=[slug, cast.moderator.pk])).status_code == 403
    assert role_of(cast.open_space, cast.salesperson) == Role.MEMBER
    assert role_of(cast.open_space, cast.moderator) == Role.MODERATOR
    assert role_of(cast.open_space, cast.outsider) is None


# Roles


def test_it_lets_only_owners_make_owners(cast, client_for) -> None:
    refused = set_role(client_for("moderator"), cast.private_space, cast.salesperson, Role.OWNER)
    assert "Only owners can make or unmake owners." in text(refused)
    assert role_of(cast.private_space, cast.salesperson) == Role.MEMBER

    made = set_role(client_for("engineer"), cast.private_space, cast.salesperson, Role.OWNER)
    assert "Sam Sales is now Owner." in text(made)
    assert role_of(cast.private_space, cast.salesperson) == Role.OWNER


def test_it_lets_managers_make_moderators(cast, client_for) -> None:
    response = set_role(
        client_for("moderator"), cast.private_space, cast.salesperson, Role.MODERATOR
    )
    assert "Sam Sales is now Moderator." in text(response)
    assert role_of(cast.private_space, cast.salesperson) == Role.MODERATOR


def test_it_does_not_let_a_moderator_demote_or_remove_an_owner(cast, client_for) -> None:
    maya = client_for("moderator")
    demoted = set_role(maya, cast.private_space, cast.engineer, Role.MEMBER)
    assert "Only owners can make or unmake owners." in text(demoted)
    removed = remove(maya, cast.private_space, cast.engineer)
    assert "Only owners can remove an owner." in text(removed)
    assert role_of(cast.private_space, cast.engineer) == Role.OWNER


def test_it_keeps_the_last_owner(cast, client_for) -> None:
    ada = client_for("engineer")
    space = cast.private_space
    count = member_count(space)

    demoted = set_role(ada, space, cast.engineer, Role.MEMBER)
    assert "A space needs at least one owner." in text(demoted)
    removed = remove(ada, space, cast.engineer)
    assert "A space needs at least one owner." in text(removed)
    left = leave(ada, space)
    assert left.redirect_chain[-1][0] == space.get_absolute_url()
    assert "You are this space's only owner; make someone else an owner before you leave." in text(
        left
    )

    assert role_of(space, cast.engineer) == Role.OWNER
    assert member_count(space) == count
    assert ada.get(cast.private_post.get_absolute_url()).status_code == 200


def test_it_lets_an_owner_leave_once_someone_else_owns_the_space(cast, client_for) -> None:
    ada = client_for("engineer")
    set_role(ada, cast.private_space, cast.salesperson, Role.OWNER)

    response = leave(ada, cast.private_space)

    assert "You left Private Space." in text(response)
    assert role_of(cast.private_space, cast.engineer) is None
    assert role_of(cast.private_space, cast.salesperson) == Role.OWNER


# Leaving and removal


def test_it_lets_a_member_leave(cast, client_for) -> None:
    sam = client_for("salesperson")
    count = member_count(cast.private_space)

    response = leave(sam, cast.private_space)

    assert response.redirect_chain[-1][0] == reverse("spaces:directory")
    assert "You left Private Space." in text(response)
    assert member_count(cast.private_space) == count - 1
    assert sam.get(cast.private_post.get_absolute_url()).status_code == 404
    assert "Ask to join" in sam.get(cast.private_space.get_absolute_url()).content.decode()


def test_it_removes_a_member_at_once(cast, client_for) -> None:
    sam = client_for("salesperson")
    assert sam.get(cast.private_post.get_absolute_url()).status_code == 200
    count = member_count(cast.private_space)

    response = remove(client_for("moderator"), cast.private_space, cast.salesperson)

    assert "Sam Sales was removed." in text(response)
    assert sam.get(cast.private_post.get_absolute_url()).status_code == 404
    assert members_page(sam, cast.private_space).status_code == 403
    assert member_count(cast.private_space) == count - 1


def test_it_answers_404_when_removing_someone_who_is_not_a_member(cast, client_for) -> None:
    response = client_for("engineer").post(
        reverse("spaces:remove", args=[cast.private_space.slug, cast.outsider.pk])
    )
    assert response.status_code == 404
    assert "That person is not a member of this space." in text(response)


# The members page


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


# The directory


@pytest.fixture
def more_spaces(cast) -> dict[str, Space]:
    payments = actions.create_space(
        cast.engineer,
        name="Payments API",
        description="Cards and wires",
        kind="product",
        visibility="open",
    )
    pricing = actions.create_space(
        cast.salesperson,
        name="Deal desk",
        description="Pricing ideas for big customers",
        kind="idea",
        visibility="private",
    )
    return {"payments": payments, "pricing": pricing}


def test_it_filters_the_directory_by_kind(cast, client_for, more_spaces) -> None:
    olly = client_for("outsider")
    url = reverse("spaces:directory")
    assert space_names(olly.get(url, {"kind": "product"})) == ["Payments API"]
    assert space_names(olly.get(url, {"kind": "idea"})) == ["Deal desk"]
    assert sorted(space_names(olly.get(url, {"kind": "team"}))) == ["Open Space", "Private Space"]
    # An unknown kind is ignored rather than matching nothing.
    assert len(space_names(olly.get(url, {"kind": "spaceship"}))) == 4


def test_it_searches_the_directory_by_name_and_description(cast, client_for, more_spaces) -> None:
    olly = client_for("outsider")
    url = reverse("spaces:directory")
    assert space_names(olly.get(url, {"q": "payments"})) == ["Payments API"]
    assert space_names(olly.get(url, {"q": "PRICING"})) == ["Deal desk"]
    assert space_names(olly.get(url, {"q": "secret"})) == []
    assert "No spaces match" in olly.get(url, {"q": "secret"}).content.decode()
    ada = client_for("engineer")
    assert space_names(ada.get(url, {"q": "secret"})) == ["Secret Space"]


def test_it_lists_only_my_spaces_when_asked(cast, client_for, more_spaces) -> None:
    url = reverse("spaces:directory")
    sam = sorted(space_names(client_for("salesperson").get(url, {"mine": "1"})))
    assert sam == ["Deal desk", "Open Space", "Private Space"]
    assert space_names(client_for("outsider").get(url, {"mine": "1"})) == []
    mine_ideas = client_for("salesperson").get(url, {"mine": "1", "kind": "idea"})
    assert space_names(mine_ideas) == ["Deal desk"]


def test_it_shows_what_each_person_can_do_on_the_directory_cards(cast, client_for) -> None:
    olly = client_for("outsider")
    join(olly, cast.private_space)
    page = olly.get(reverse("spaces:directory")).content.decode()
    assert "Request sent" in page
    assert f'action="{reverse("spaces:join", args=[cast.open_space.slug])}"' in page


def test_it_pages_through_the_directory(cast, client_for) -> None:
    for i in range(30):
        actions.create_space(
            cast.salesperson, name=f"Guild {i:02}", kind="community", visibility="open"
        )
    olly = client_for("outsider")
    url = reverse("spaces:directory")

    first = olly.get(url, {"kind": "community"})
    second = olly.get(url, {"kind": "community", "page": "2"})

    assert len(space_names(first)) == 24
    assert "Page 1 of 2" in first.content.decode()
    assert "?kind=community&amp;page=2" in first.content.decode()
    assert len(space_names(second)) == 6
    assert set(space_names(first)).isdisjoint(space_names(second))
    assert "?kind=community&amp;page=1" in second.content.decode()
    # A page number out of range shows the last page rather than an error.
    assert space_names(olly.get(url, {"kind": "community", "page": "99"})) == space_names(second)


def test_it_answers_the_directory_filter_with_the_results_fragment_for_htmx(
    cast, client_for
) -> None:
    response = client_for("outsider").get(
        reverse("spaces:directory"), {"q": "open"}, HTTP_HX_REQUEST="true"
    )
    assert "<html" not in response.content.decode()
    assert space_names(response) == ["Open Space"]


# Creating a space


def test_it_makes_the_creator_the_owner_of_a_new_space(cast, client_for) -> None:
    sam = client_for("salesperson")
    response = sam.post(
        reverse("spaces:create"),
        {
            "name": "Bank partners",
            "description": "Who we sell to",
            "kind": "team",
            "visibility": "secret",
        },
        follow=True,
    )
    space = Space.objects.get(name="Bank partners")
    assert response.redirect_chain[-1][0] == space.get_absolute_url()
    page = text(response)
    assert "you are owner" in page
    assert COMPOSER in page
    assert role_of(space, cast.salesperson) == Role.OWNER
    assert member_count(space) == 1
    assert space.created_by == cast.salesperson
    assert client_for("outsider").get(space.get_absolute_url()).status_code == 404


def test_it_answers_an_invalid_space_form_with_400_and_keeps_the_name(cast, client_for) -> None:
    sam = client_for("salesperson")
    response = sam.post(
        reverse("spaces:create"),
        {"name": "Robotics guild", "kind": "spaceship", "visibility": "open"},
    )
    assert response.status_code == 400
    page = text(response)
    assert "Select a valid choice. spaceship is not one of the available choices." in page
    assert 'value="Robotics guild"' in page
    assert not Space.objects.filter(name="Robotics guild").exists()

    blank = sam.post(
        reverse("spaces:create"), {"name": "   ", "kind": "team", "visibility": "open"}
    )
    assert blank.status_code == 400
    assert "This field is required." in text(blank)


def test_it_gives_spaces_with_the_same_name_their_own_pages(cast, client_for) -> None:
    first = actions.create_space(cast.engineer, name="Coffee", kind="community", visibility="open")
    second = actions.create_space(
        cast.salesperson, name="Coffee", kind="community", visibility="open"
    )
    assert first.slug != second.slug
    ada = client_for("engineer")
    assert "you are owner" in ada.get(first.get_absolute_url()).content.decode()
    assert "you are owner" not in ada.get(second.get_absolute_url()).content.decode()


def test_it_gives_a_space_named_new_its_own_page(cast, client_for) -> None:
    space = actions.create_space(cast.engineer, name="New", kind="idea", visibility="open")
    response = client_for("engineer").get(space.get_absolute_url())
    assert response.status_code == 200
    assert "<h1>Create a space</h1>" not in response.content.decode()
    assert "you are owner" in response.content.decode()


# Settings


def test_it_saves_settings_for_managers(cast, client_for) -> None:
    maya = client_for("moderator")
    url = reverse("spaces:edit", args=[cast.private_space.slug])
    form = maya.get(url)
    assert form.status_code == 200
    assert 'value="Private Space"' in form.content.decode()

    response = maya.post(
        url,
        {
            "name": "Sales floor",
            "description": "Deals in flight",
            "kind": "team",
            "visibility": "private",
        },
        follow=True,
    )

    assert response.redirect_chain[-1][0] == cast.private_space.get_absolute_url()
    assert "Sales floor" in text(response)
    cast.private_space.refresh_from_db()
    assert (cast.private_space.name, cast.private_space.description) == (
        "Sales floor",
        "Deals in flight",
    )


def test_it_answers_invalid_settings_with_400_and_changes_nothing(cast, client_for) -> None:
    url = reverse("spaces:edit", args=[cast.open_space.slug])
    response = client_for("engineer").post(url, {"name": "", "kind": "team", "visibility": "open"})
    assert response.status_code == 400
    assert "This field is required." in text(response)
    cast.open_space.refresh_from_db()
    assert cast.open_space.name == "Open Space"


@pytest.mark.parametrize(
    ("persona", "visibility"),
    [
        ("salesperson", "open"),
        ("salesperson", "private"),
        ("outsider", "open"),
        ("outsider", "private"),
    ],
)
def test_it_refuses_settings_to_non_managers(cast, client_for, persona, visibility) -> None:
    space = cast.space(visibility)
    client = client_for(persona)
    url = reverse("spaces:edit", args=[space.slug])
    assert client.get(url).status_code == 403
    response = client.post(url, {"name": "Taken over", "kind": "idea", "visibility": "open"})
    assert response.status_code == 403
    assert "Only this space's owners and moderators can do that." in text(response)
    space.refresh_from_db()
    assert space.name != "Taken over"
    assert "Settings" not in client.get(space.get_absolute_url()).content.decode()


def test_it_answers_404_for_secret_space_settings_to_outsiders(cast, client_for) -> None:
    for persona in ("salesperson", "outsider"):
        client = client_for(persona)
        url = reverse("spaces:edit", args=[cast.secret_space.slug])
        assert client.get(url).status_code == 404
        assert (
            client.post(url, {"name": "Found it", "kind": "idea", "visibility": "open"}).status_code
            == 404
        )
    cast.secret_space.refresh_from_db()
    assert cast.secret_space.name == "Secret Space"


# Counters


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
    decide(ada, cast.private_space, requests[cast.outsider.pk], "approve")
    decide(maya, cast.private_space, requests[cast.outsider.pk], "approve")
    decide(maya, cast.private_space, requests[extra.pk], "decline")
    add(maya, cast.secret_space, "@olly-outsider")
    add(maya, cast.secret_space, "olly@example.com")
    add(ada, cast.secret_space, "Kim Extra")
    leave(kim, cast.secret_space)
    leave(ada, cast.secret_space)  # refused: the only owner
    remove(ada, cast.open_space, cast.salesperson)
    remove(ada, cast.open_space, cast.salesperson)
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


@pytest.mark.django_db(transaction=True)
def test_it_gives_spaces_created_at_the_same_moment_with_one_name_their_own_pages(cast):
    run_together(
        [
            lambda: actions.create_space(
                cast.outsider, name="Launch Party", kind="community", visibility="open"
            )
        ]
        * 6
    )
    slugs = list(
        Space.objects.filter(name="Launch Party").order_by("slug").values_list("slug", flat=True)
    )
    assert len(slugs) == len(set(slugs)) == 6
