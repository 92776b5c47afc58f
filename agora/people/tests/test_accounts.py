"""Accounts: signing in and out, resetting a password by email, sign-up and invitations.

Everything goes through the real pages (allauth's forms and Agora's invitation views), and
every email travels through a real SMTP server on loopback.
"""

from __future__ import annotations

import email
import email.policy
import re
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from agora.people import actions
from agora.people.models import Invitation, User
from agora.testing.personas import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
NEW_PASSWORD = "a-brand-new-lighthouse-47"


def body_of(raw: str) -> str:
    """The plain-text body of a raw message as the SMTP server received it."""
    message = email.message_from_string(raw, policy=email.policy.default)
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    content: str = part.get_content()
    return content


def only_link(raw: str, pattern: str) -> str:
    """The path of the one link in the message whose path matches ``pattern``."""
    links: list[str] = [urlsplit(u).path for u in re.findall(r"https?://\S+", body_of(raw))]
    matching = [path for path in links if re.fullmatch(pattern, path)]
    assert len(matching) == 1, links
    return matching[0]


def signed_in_user(client: Client) -> User | None:
    """Who the site thinks this browser is, judged by whether the home feed opens."""
    response = client.get(reverse("home"))
    if response.status_code == 302:
        assert response["Location"].startswith(LOGIN)
        return None
    assert response.status_code == 200
    user = response.wsgi_request.user
    assert isinstance(user, User)
    return user


def sign_in(client: Client, login: str, password: str):
    return client.post(LOGIN, {"login": login, "password": password})


@pytest.fixture
def admin(cast) -> User:
    return actions.create_user(
        "alex.admin@example.com", display_name="Alex Admin", password=PASSWORD, is_staff=True
    )


@pytest.fixture
def signup_domains(settings) -> None:
    settings.AGORA_SIGNUP_DOMAINS = ["example.com"]


# --- Signing in and out -------------------------------------------------------------------


def test_it_signs_in_with_email_and_password(cast) -> None:
    client = Client()
    response = sign_in(client, cast.engineer.email, PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert signed_in_user(client) == cast.engineer


def test_it_signs_in_whatever_the_case_of_the_email(cast) -> None:
    client = Client()
    sign_in(client, "  ADA@Example.COM ", PASSWORD)
    assert signed_in_user(client) == cast.engineer


def test_it_refuses_a_wrong_password_with_a_clear_error(cast) -> None:
    client = Client()
    response = sign_in(client, cast.engineer.email, "not-my-password")
    assert response.status_code == 200
    assert "email address and/or password you specified are not correct" in (
        response.content.decode()
    )
    assert signed_in_user(client) is None


def test_it_signs_out(cast) -> None:
    client = Client()
    sign_in(client, cast.engineer.email, PASSWORD)
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert response["Location"] == reverse("account_login")
    assert signed_in_user(client) is None


def test_it_does_not_sign_in_a_deactivated_person(cast) -> None:
    gone = actions.create_user(
        "gone@example.com", display_name="Gone Person", password=PASSWORD, is_active=False
    )
    client = Client()
    response = client.post(LOGIN, {"login": gone.email, "password": PASSWORD}, follow=True)
    assert response.redirect_chain == [(reverse("account_inactive"), 302)]
    assert "This account is inactive." in response.content.decode()
    assert signed_in_user(client) is None


# --- Password reset by email --------------------------------------------------------------


def test_it_resets_a_forgotten_password_through_a_link_sent_by_email(cast, smtp_server) -> None:
    client = Client()
    response = client.post(reverse("account_reset_password"), {"email": cast.engineer.email})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_done")

    [message] = smtp_server.messages_to(cast.engineer.email)
    link = only_link(message, r"/accounts/password/reset/key/[0-9a-z]+-.+/")
    # The key moves into the session so that it never sits in a Referer header.
    opened = client.get(link)
    assert opened.status_code == 302
    form_url = opened["Location"]
    assert form_url.endswith("-set-password/")
    assert client.get(form_url).status_code == 200
    done = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert done.status_code == 302
    assert signed_in_user(client) == cast.engineer

    fresh = Client()
    sign_in(fresh, cast.engineer.email, PASSWORD)
    assert signed_in_user(fresh) is None
    sign_in(fresh, cast.engineer.email, NEW_PASSWORD)
    assert signed_in_user(fresh) == cast.engineer


def test_it_accepts_a_password_reset_link_only_once(cast, smtp_server) -> None:
    Client().post(reverse("account_reset_password"), {"email": cast.engineer.email})
    [message] = smtp_server.messages_to(cast.engineer.email)
    link = only_link(message, r"/accounts/password/reset/key/[0-9a-z]+-.+/")
    first = Client()
    form_url = first.get(link)["Location"]
    first.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    second = Client()
    response = second.get(link)
    assert response.status_code == 200
    assert "Bad Token" in response.content.decode()
    assert signed_in_user(second) is None


# --- Self sign-up -------------------------------------------------------------------------


SIGNUP = {
    "display_name": "Nina Newcomer",
    "email": "nina@example.com",
    "password1": NEW_PASSWORD,
    "password2": NEW_PASSWORD,
}


def test_it_closes_self_sign_up_by_default(cast) -> None:
    client = Client()
    page = client.get(reverse("account_signup"))
    assert "Sign-up is by invitation" in page.content.decode()
    assert "Ask an administrator for an invitation" in client.get(LOGIN).content.decode()

    client.post(reverse("account_signup"), SIGNUP)
    assert not User.objects.filter(email="nina@example.com").exists()
    assert signed_in_user(client) is None


def test_it_signs_up_a_company_address_when_its_domain_is_open(cast, signup_domains) -> None:
    client = Client()
    assert "Create your account" in client.get(LOGIN).content.decode()
    response = client.post(reverse("account_signup"), {**SIGNUP, "email": "Nina@Example.com"})
    assert response.status_code == 302
    nina = User.objects.get(email="nina@example.com")
    assert nina.display_name == "Nina Newcomer"
    assert nina.handle == "nina-newcomer"
    assert signed_in_user(client) == nina
    assert Client().login(username="nina@example.com", password=NEW_PASSWORD)


def test_it_refuses_sign_up_from_another_domain(cast, signup_domains) -> None:
    client = Client()
    response = client.post(reverse("account_signup"), {**SIGNUP, "email": "nina@elsewhere.org"})
    assert response.status_code == 200
    assert "Sign-up is open to company addresses only (@example.com)." in (
        response.content.decode()
    )
    assert not User.objects.filter(email__iexact="nina@elsewhere.org").exists()
    assert signed_in_user(client) is None


# --- Invitations ----------------------------------------------------------------------------


INVITE = reverse("people:invite")
TOKEN_PATH = r"/invitation/[^/]+/"


def invite(admin: User, *addresses: str):
    client = Client()
    client.force_login(admin)
    return client.post(INVITE, {"emails": "\n".join(addresses)})


def invitation_link(smtp_server, address: str) -> str:
    [message] = smtp_server.messages_to(address)
    return only_link(message, TOKEN_PATH)


def accept(link: str, name: str = "Nina Newcomer", password: str = NEW_PASSWORD, again=None):
    client = Client()
    response = client.post(
        link,
        {"display_name": name, "password": password, "password_again": again or password},
    )
    return client, response


@pytest.mark.parametrize("persona", ["engineer", "moderator", "outsider"])
def test_it_lets_only_administrators_open_the_invitation_page(client_for, persona) -> None:
    client = client_for(persona)
    response = client.get(INVITE)
    assert response.status_code == 403
    assert "Only administrators can invite people." in response.content.decode()
    assert client.post(INVITE, {"emails": "nina@example.com"}).status_code == 403
    assert not Invitation.objects.exists()


def test_it_shows_the_invitation_page_to_administrators(admin) -> None:
    client = Client()
    client.force_login(admin)
    response = client.get(INVITE)
    assert response.status_code == 200
    assert "Send invitations" in response.content.decode()


def test_it_emails_an_invitation_link(admin, smtp_server) -> None:
    response = invite(admin, "nina@example.com")
    assert response.status_code == 302
    [message] = smtp_server.messages_to("nina@example.com")
    assert "Alex Admin invited you to Agora" in message
    assert re.fullmatch(TOKEN_PATH, invitation_link(smtp_server, "nina@example.com"))


def test_it_creates_the_account_and_signs_in_when_an_invitation_is_accepted(
    admin, smtp_server
) -> None:
    invite(admin, "nina@example.com")
    link = invitation_link(smtp_server, "nina@example.com")
    page = Client().get(link)
    assert page.status_code == 200
    assert "nina@example.com" in page.content.decode()

    client, response = accept(link)
    assert response.status_code == 302
    assert response["Location"] == reverse("people:edit")
    nina = User.objects.get(email="nina@example.com")
    assert nina.display_name == "Nina Newcomer"
    assert signed_in_user(client) == nina
    assert client.get(response["Location"]).status_code == 200

    fresh = Client()
    sign_in(fresh, "nina@example.com", NEW_PASSWORD)
    assert signed_in_user(fresh) == nina


def test_it_accepts_an_invitation_link_only_once(admin, smtp_server) -> None:
    invite(admin, "nina@example.com")
    link = invitation_link(smtp_server, "nina@example.com")
    accept(link)

    client, response = accept(link, name="Someone Else", password="another-fine-password-9")
    assert response.status_code == 404
    assert "not valid or has already been used" in response.content.decode()
    assert client.get(link).status_code == 404
    assert User.objects.filter(email="nina@example.com").get().display_name == "Nina Newcomer"
    assert signed_in_user(client) is None


def test_it_answers_an_unknown_invitation_token_with_a_clear_404(cast) -> None:
    response = Client().get("/invitation/not-a-real-token/")
    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()


def test_it_refuses_mismatched_passwords_and_creates_nothing(admin, smtp_server) -> None:
    invite(admin, "nina@example.com")
    link = invitation_link(smtp_server, "nina@example.com")
    client, response = accept(link, again="a-different-password-8")
    assert response.status_code == 400
    assert "The two passwords differ." in response.content.decode()
    assert not User.objects.filter(email="nina@example.com").exists()
    assert signed_in_user(client) is None
    # The link still works for a second, correct attempt.
    assert accept(link)[1].status_code == 302


@pytest.mark.parametrize(
    ("password", "complaint"),
    [
        ("short", "This password is too short."),
        ("password123", "This password is too common."),
        ("83920174651", "This password is entirely numeric."),
        ("nina@example.com", "The password is too similar to the email."),
    ],
)
def test_it_refuses_a_weak_password_and_creates_nothing(
    admin, smtp_server, password, complaint
) -> None:
    invite(admin, "nina@example.com")
    link = invitation_link(smtp_server, "nina@example.com")
    client, response = accept(link, password=password)
    assert response.status_code == 400
    assert complaint in response.content.decode()
    assert not User.objects.filter(email="nina@example.com").exists()
    assert signed_in_user(client) is None
    assert accept(link)[1].status_code == 302


def test_it_refuses_to_invite_an_address_that_already_has_an_account(
    admin, cast, smtp_server
) -> None:
    response = invite(admin, "ADA@example.com")
    assert response.status_code == 400
    assert "ada@example.com already has an account." in response.content.decode()
    assert smtp_server.messages_to("ada@example.com") == []
    assert not Invitation.objects.exists()
