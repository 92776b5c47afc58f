"""People in the administration: an administrator editing a person writes through the
people actions (profile, account, password), names official voices, and creates accounts
as every other way in does."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from agora.people import actions
from agora.people.models import Department, User
from agora.qa import actions as qa
from agora.qa.models import Answer

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-brand-new-lighthouse-47"
FLAGS = ("is_active", "is_moderator", "is_official_voice", "is_staff", "is_superuser")


def _change(client: Client, user: User, **changes: Any) -> Any:
    """Post the person's admin page as it was shown, with ``changes`` made."""
    data: dict[str, Any] = {
        "email": user.email,
        "handle": user.handle,
        "display_name": user.display_name,
        "job_title": user.job_title,
        "department": user.department_id or "",
        "location": user.location,
        "bio": user.bio,
        "skills": [s.pk for s in user.skills.all()],
        "groups": [],
        "user_permissions": [],
        **{flag: getattr(user, flag) for flag in FLAGS},
        **changes,
    }
    for flag in FLAGS:  # a ticked box is sent, an unticked one is not
        if data[flag]:
            data[flag] = "on"
        else:
            del data[flag]
    return client.post(reverse("admin:people_user_change", args=[user.pk]), data)


def test_naming_an_official_voice_lets_them_mark_their_answer_official(cast, admin_client):
    response = _change(admin_client, cast.salesperson, is_official_voice=True)
    assert response.status_code == 302
    cast.salesperson.refresh_from_db()
    assert cast.salesperson.is_official_voice
    listing = admin_client.get(reverse("admin:people_user_changelist"), {"is_official_voice": 1})
    assert "Sam Sales" in listing.content.decode()

    question = qa.check_ask(cast.engineer, space=None, title="Is the price book current?", body="")
    answer = qa.check_answer(cast.salesperson, question.pk, "Yes, updated every Monday.")
    client = Client()
    client.force_login(cast.salesperson)
    marked = client.post(reverse("qa:official", args=[answer.pk]), {"on": "1"})
    assert marked.status_code == 302
    assert Answer.objects.get(pk=answer.pk).is_official
    page = client.get(question.get_absolute_url()).content.decode()
    assert "Official answer" in page


def test_it_edits_a_profile_through_the_profile_action(cast, admin_client):
    person = cast.engineer
    followers = person.follower_count
    kept = person.skills.get(name="Agora")
    response = _change(
        admin_client,
        person,
        display_name="Ada Lovelace",
        job_title="Principal engineer",
        skills=[kept.pk],
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.display_name, person.job_title) == ("Ada Lovelace", "Principal engineer")
    assert [s.name for s in person.skills.all()] == ["Agora"]
    assert person.follower_count == followers
    assert person.handle == "ada-engineer"


@pytest.mark.parametrize(
    ("handle", "message"),
    [
        ("admin", "“admin” names one of Agora&#x27;s own pages."),
        ("sam-sales", "@sam-sales is someone else&#x27;s handle."),
        ("-dash", "A handle is up to 40 letters"),
    ],
)
def test_it_refuses_a_handle_that_cannot_be_and_changes_nothing(
    cast, admin_client, handle, message
):
    response = _change(admin_client, cast.engineer, handle=handle, is_moderator=True)
    assert response.status_code == 200
    assert message in response.content.decode()
    cast.engineer.refresh_from_db()
    assert (cast.engineer.handle, cast.engineer.is_moderator) == ("ada-engineer", False)


def test_it_creates_an_account_as_every_other_way_in_does(cast, admin_client):
    response = admin_client.post(
        reverse("admin:people_user_add"),
        {
            "email": "Nina@Example.com",
            "handle": "nina",
            "display_name": "Nina Newcomer",
            "usable_password": "true",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )
    assert response.status_code == 302
    nina = User.objects.get(handle="nina")
    assert response["Location"] == reverse("admin:people_user_change", args=[nina.pk])
    assert (nina.email, nina.display_name) == ("nina@example.com", "Nina Newcomer")
    assert Client().login(username="nina@example.com", password=NEW_PASSWORD)


def test_it_sets_a_password_through_the_action(cast, admin_client):
    url = reverse("admin:auth_user_password_change", args=[cast.outsider.pk])
    response = admin_client.post(
        url, {"usable_password": "true", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert response.status_code == 302
    assert Client().login(username=cast.outsider.email, password=NEW_PASSWORD)


def test_accounts_are_deactivated_not_deleted(cast, admin_client):
    delete = reverse("admin:people_user_delete", args=[cast.outsider.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert _change(admin_client, cast.outsider, is_active=False).status_code == 302
    cast.outsider.refresh_from_db()
    assert not cast.outsider.is_active
    assert not Client().login(username=cast.outsider.email, password="whatever")


def test_djangos_createsuperuser_creates_the_account_through_the_action(cast):
    call_command("createsuperuser", email="Root@Example.com", interactive=False, verbosity=0)
    root = User.objects.get(email="root@example.com")
    assert (root.handle, root.display_name) == ("root", "root")
    assert root.is_superuser and root.is_staff
    assert not root.has_usable_password()


def test_it_keeps_departments_through_the_people_actions(cast, admin_client):
    response = admin_client.post(
        reverse("admin:people_department_add"), {"name": "Legal", "slug": "legal"}
    )
    assert response.status_code == 302
    legal = Department.objects.get(slug="legal")
    actions.do_update_profile(cast.outsider, skills=[], department=legal)
    delete = reverse("admin:people_department_delete", args=[legal.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 302
    assert not Department.objects.filter(slug="legal").exists()
    cast.outsider.refresh_from_db()
    assert cast.outsider.department is None
