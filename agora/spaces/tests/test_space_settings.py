"""A space's settings (``check_update_space``): its owners and moderators change its name,
description, kind, visibility and who starts posts; nobody else sees the form."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from agora.spaces.models import Posting, Space
from agora.spaces.tests.conftest import PERSONAS
from agora.spaces.tests.steps import MISSING, looks_missing, text
from agora.testing.database import changes, snapshot

pytestmark = pytest.mark.django_db

MANAGERS = {"owner", "space_moderator"}
FORM = {
    "name": "Sales floor",
    "description": "Deals in flight",
    "kind": "team",
    "posting": "managers",
}
# Managers save; to everyone else the settings are 403, or 404 where the space is secret
# to them (none of them is in the secret space).
CASES = [
    (v, p, "saved" if p in MANAGERS else 404 if v == "secret" else 403)
    for v in ("open", "private", "secret")
    for p in PERSONAS
]


def settings_url(space: Space | str) -> str:
    return reverse("spaces:edit", args=[space if isinstance(space, str) else space.slug])


def fields(space: Space) -> tuple[str, str, str, str, str]:
    space.refresh_from_db()
    return (space.name, space.description, space.kind, space.visibility, space.posting)


@pytest.mark.parametrize(("visibility", "persona", "outcome"), CASES)
def test_it_saves_settings_for_managers_only(cast, as_, visibility, persona, outcome) -> None:
    space = cast.space(visibility)
    client = as_(persona)
    before = fields(space)
    everything = snapshot()

    form = client.get(settings_url(space))
    response = client.post(settings_url(space), {**FORM, "visibility": visibility})

    if outcome == "saved":
        assert form.status_code == 200
        assert f'value="{before[0]}"' in text(form)
        assert response["Location"] == space.get_absolute_url()
        assert "Sales floor" in text(client.get(response["Location"]))
        assert fields(space) == ("Sales floor", "Deals in flight", "team", visibility, "managers")
        return
    if outcome == 404:
        assert looks_missing(form, client.get(settings_url(MISSING)))
        assert looks_missing(response, client.post(settings_url(MISSING), FORM))
    else:
        assert form.status_code == response.status_code == 403
        assert "Only this space's owners and moderators can do that." in text(response)
        assert "Settings" not in client.get(space.get_absolute_url()).content.decode()
    assert fields(space) == before
    assert changes(everything, snapshot()) == []


def test_it_shows_who_starts_posts_in_the_settings(cast, client_for) -> None:
    ada = client_for("engineer")
    ada.post(settings_url(cast.open_space), {**FORM, "name": "Open Space", "visibility": "open"})

    page = text(ada.get(settings_url(cast.open_space)))

    assert "<legend>Who starts posts?</legend>" in page
    checked = re.findall(r'<input type="radio" name="posting" value="(\w+)"[^>]*checked', page)
    assert checked == [Posting.MANAGERS]
    assert "Owners and moderators: Only owners and moderators start posts" in page


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"name": ""}, "This field is required."),
        ({"posting": "nobody"}, "Select a valid choice. nobody is not one of the available"),
        ({"posting": ""}, "This field is required."),
        ({"visibility": "hidden"}, "Select a valid choice. hidden is not one of the available"),
    ],
)
def test_it_answers_invalid_settings_with_400_and_changes_nothing(
    cast, client_for, change, message
) -> None:
    ada = client_for("engineer")
    before = fields(cast.open_space)
    everything = snapshot()

    response = ada.post(settings_url(cast.open_space), {**FORM, "visibility": "open", **change})

    assert response.status_code == 400
    assert message in text(response)
    assert fields(cast.open_space) == before
    assert changes(everything, snapshot()) == []


@pytest.mark.parametrize("persona", ["member", "outsider", "site_moderator"])
def test_it_refuses_an_invalid_form_from_non_managers_with_403_not_its_errors(
    cast, as_, persona
) -> None:
    client = as_(persona)
    response = client.post(settings_url(cast.open_space), {"name": ""})
    assert response.status_code == 403
    assert "This field is required." not in text(response)
