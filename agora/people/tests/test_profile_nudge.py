"""The home page asks people to complete their profile only while something is missing
(a photo, job title, department, location or skills), and names what."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from agora.people import actions
from agora.people.models import Department
from agora.testing.personas import PASSWORD, png_bytes

pytestmark = pytest.mark.django_db

NUDGE = "Complete your profile</a>"


def home(client: Client) -> str:
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


def test_it_names_everything_a_newcomer_has_not_filled_in(cast, client_for) -> None:
    nina = actions.create_user("nina@example.com", display_name="Nina New", password=PASSWORD)
    page = home(client_for(nina))
    assert NUDGE in page
    assert (
        "add a photo, your job title, your department, your location and your skills "
        "so colleagues can find you."
    ) in page


def test_it_names_only_what_is_missing(cast, client_for) -> None:
    # The cast have a title, a department, a location and skills, but no photo.
    page = home(client_for("engineer"))
    assert NUDGE in page
    assert "add a photo so colleagues can find you." in page


def test_it_stops_asking_once_the_profile_is_complete(cast, client_for) -> None:
    client = client_for("engineer")
    assert NUDGE in home(client)  # drawn once, and cached under the profile's version
    photo = SimpleUploadedFile("me.png", png_bytes(), content_type="image/png")
    response = client.post(
        reverse("people:edit"),
        {
            "display_name": "Ada Engineer",
            "job_title": "Staff engineer",
            "department": Department.objects.get(slug="engineering").pk,
            "location": "Porto",
            "skills": "Kubernetes, Go",
            "bio": "",  # "About you" is optional
            "avatar": photo,
        },
    )
    assert response.status_code == 302
    page = home(client)
    assert NUDGE not in page
    assert "Your profile</h2>" not in page


def test_it_asks_again_when_something_is_emptied(cast, client_for) -> None:
    cast.engineer.avatar = "avatars/ada.png"  # a photo, as far as the profile goes
    cast.engineer.save(update_fields=["avatar"])
    client = client_for("engineer")
    assert NUDGE not in home(client)  # complete, and cached so
    actions.do_update_profile(cast.engineer, skills=[], location="")
    page = home(client)
    assert "add your location and your skills so colleagues can find you." in page
