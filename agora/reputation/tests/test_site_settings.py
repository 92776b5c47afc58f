"""Reputation policy is edited by administrators in the admin and applies at once."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from agora.core import policy
from agora.core.actions import set_site_setting
from agora.core.models import SiteSetting
from agora.people.actions import create_user
from agora.posts import actions as posts
from agora.reputation.tests.helpers import totals

pytestmark = pytest.mark.django_db

KEY = "reputation.thumbs_up_points"


@pytest.fixture
def admin_client(cast) -> Client:
    admin = create_user("root@example.com", display_name="Root", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(admin)
    return client


def test_it_applies_an_edited_setting_at_once(cast, admin_client):
    same_department = [
        create_user(f"e{i}@example.com", display_name=f"E {i}", department=cast.engineer.department)
        for i in range(2)
    ]
    response = admin_client.post(reverse("admin:core_sitesetting_add"), {"key": KEY, "value": "25"})
    assert response.status_code == 302
    posts.do_add_reaction(same_department[0], cast.company_post, "thumbs_up")
    assert totals(cast.engineer)[0] == 25

    setting = SiteSetting.objects.get(key=KEY)
    response = admin_client.post(
        reverse("admin:core_sitesetting_change", args=[setting.pk]), {"key": KEY, "value": "40"}
    )
    assert response.status_code == 302
    posts.do_add_reaction(same_department[1], cast.company_post, "thumbs_up")
    assert totals(cast.engineer)[0] == 65


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        (KEY, "2.5", "must be a whole number"),
        (KEY, "true", "must be a number, not true or false"),
        (KEY, "-5", "cannot be negative"),
        (KEY, '"ten"', "must be a whole number"),
        ("reputation.cross_department_factor", '"lots"', "must be a number"),
        ("reputation.made_up", "3", "Select a valid choice"),
    ],
)
def test_it_refuses_values_of_the_wrong_type(cast, admin_client, key, value, message):
    response = admin_client.post(
        reverse("admin:core_sitesetting_add"), {"key": key, "value": value}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not SiteSetting.objects.exists()


def test_it_goes_back_to_the_default_once_a_setting_is_deleted(cast, admin_client):
    setting = set_site_setting(KEY, 25)
    assert policy.get(KEY) == 25
    response = admin_client.post(
        reverse("admin:core_sitesetting_delete", args=[setting.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not SiteSetting.objects.filter(key=KEY).exists()
    assert policy.get(KEY) == 10


def test_it_shows_what_each_setting_means(cast, admin_client):
    set_site_setting("reputation.daily_vote_cap", 150)
    listing = admin_client.get(reverse("admin:core_sitesetting_changelist")).content.decode()
    assert "Most points a person can earn from thumbs-up in one day" in listing
    form = admin_client.get(reverse("admin:core_sitesetting_add")).content.decode()
    assert "Points for a thumbs-up on a post or answer. (default 10)" in form
    assert "takes effect at once" in form


def test_it_falls_back_to_the_default_for_a_stored_value_that_no_longer_fits(cast):
    SiteSetting.objects.create(key=KEY, value="many")
    assert policy.get(KEY) == 10


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        (KEY, 12, 12),
        (KEY, 12.0, 12),
        (KEY, "12", 12),
        ("reputation.cross_department_factor", 2, 2.0),
        ("reputation.cross_department_factor", "1.25", 1.25),
    ],
)
def test_it_coerces_values_to_their_knobs_type(key, value, expected):
    converted = policy.coerce(key, value)
    assert converted == expected
    assert type(converted) is type(expected)


@pytest.mark.parametrize("value", [float("nan"), float("inf"), None, [1], True])
def test_it_refuses_numbers_that_are_not_numbers(value):
    with pytest.raises(ValueError, match=r"reputation\.cross_department_factor"):
        policy.coerce("reputation.cross_department_factor", value)
