"""Creating a space (``check_create_space``): any employee may, and owns it; the form's
fields must make sense, or nothing is written."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from agora.spaces import actions
from agora.spaces.models import Posting, Role, Space
from agora.spaces.tests.conftest import PERSONAS
from agora.spaces.tests.steps import COMPOSER, Rows, rows, text
from agora.testing.concurrency import run_together
from agora.testing.database import changes, snapshot

pytestmark = pytest.mark.django_db

FORM = {
    "name": "Bank partners",
    "description": "Who we sell to",
    "kind": "team",
    "visibility": "secret",
    "posting": "members",
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_it_makes_the_creator_the_owner_of_a_new_space(cast, people, as_, persona) -> None:
    client = as_(persona)

    response = client.post(reverse("spaces:create"), FORM, follow=True)

    space = Space.objects.get(name="Bank partners")
    assert response.redirect_chain[-1][0] == space.get_absolute_url()
    page = text(response)
    assert "you are owner" in page
    assert COMPOSER in page
    name = people[persona].display_name
    assert rows(space) == Rows(members={name: Role.OWNER}, member_count=1, requests={})
    assert (space.created_by, space.visibility, space.posting) == (
        people[persona],
        "secret",
        Posting.MEMBERS,
    )
    others = [p for p in PERSONAS if p != persona]
    assert all(as_(p).get(space.get_absolute_url()).status_code == 404 for p in others)


def test_it_creates_a_space_where_only_its_managers_start_posts(cast, client_for) -> None:
    sam = client_for("salesperson")
    form = {**FORM, "name": "Sales news", "visibility": "open", "posting": "managers"}

    response = sam.post(reverse("spaces:create"), form, follow=True)

    space = Space.objects.get(name="Sales news")
    assert space.posting == Posting.MANAGERS
    assert COMPOSER in response.content.decode()  # its owner starts posts there


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"kind": "spaceship"}, "Select a valid choice. spaceship is not one of the available"),
        ({"visibility": "public"}, "Select a valid choice. public is not one of the available"),
        ({"posting": "everyone"}, "Select a valid choice. everyone is not one of the available"),
        ({"posting": ""}, "This field is required."),
        ({"name": "   "}, "This field is required."),
    ],
)
def test_it_answers_an_invalid_space_form_with_400_and_keeps_what_was_typed(
    cast, client_for, change, message
) -> None:
    sam = client_for("salesperson")
    everything = snapshot()

    response = sam.post(reverse("spaces:create"), {**FORM, "name": "Robotics guild", **change})

    assert response.status_code == 400
    page = text(response)
    assert message in page
    assert "Who we sell to</textarea>" in page
    assert changes(everything, snapshot()) == []


def test_it_gives_spaces_with_the_same_name_their_own_pages(cast, client_for) -> None:
    first = actions.check_create_space(
        cast.engineer, name="Coffee", kind="community", visibility="open"
    )
    second = actions.check_create_space(
        cast.salesperson, name="Coffee", kind="community", visibility="open"
    )
    assert first.slug != second.slug
    ada = client_for("engineer")
    assert "you are owner" in ada.get(first.get_absolute_url()).content.decode()
    assert "you are owner" not in ada.get(second.get_absolute_url()).content.decode()


def test_it_gives_a_space_named_new_its_own_page(cast, client_for) -> None:
    space = actions.check_create_space(cast.engineer, name="New", kind="idea", visibility="open")
    response = client_for("engineer").get(space.get_absolute_url())
    assert response.status_code == 200
    assert "<h1>Create a space</h1>" not in response.content.decode()
    assert "you are owner" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_it_gives_spaces_created_at_the_same_moment_with_one_name_their_own_pages(cast):
    run_together(
        [
            lambda: actions.check_create_space(
                cast.outsider, name="Launch Party", kind="community", visibility="open"
            )
        ]
        * 6
    )
    slugs = list(
        Space.objects.filter(name="Launch Party").order_by("slug").values_list("slug", flat=True)
    )
    assert len(slugs) == len(set(slugs)) == 6


def test_it_dates_a_space_created_in_the_past_and_its_owner_from_then(cast, client_for) -> None:
    # An import, or the demo's history: the space says when it was really created.
    then = timezone.now() - timedelta(days=90)
    space = actions.do_create_space(
        cast.engineer, name="Old team", kind="team", visibility="open", created_at=then
    )
    assert space.created_at == then
    assert space.memberships.get().created_at == then
    page = client_for("engineer").get(space.get_absolute_url()).content.decode()
    assert f'Created <time datetime="{then.isoformat()}"' in page
