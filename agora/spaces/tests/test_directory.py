"""The space directory: every space a person may know exists, filtered by kind, searched
by name and description, "mine", paged, and as a fragment for htmx."""

from __future__ import annotations

import re

import pytest
from django.http import HttpResponse
from django.urls import reverse

from agora.spaces import actions
from agora.spaces.tests.steps import join, text

pytestmark = pytest.mark.django_db


def space_names(response: HttpResponse) -> list[str]:
    """The names on the space cards of a directory page, in order."""
    return re.findall(
        r'class="h3"><a href="[^"]+">.*?</span></span>\s*([^<]+?)</a>', text(response), re.S
    )


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
        actions.do_create_space(
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
