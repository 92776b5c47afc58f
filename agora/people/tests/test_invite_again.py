"""Inviting an address that already has a pending invitation: the same invitation is sent
again and the page says so; there is never a second one, even when two administrators
invite the same person at the same moment."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from agora.people import actions
from agora.people.models import Invitation, User
from agora.testing.concurrency import run_together
from agora.testing.personas import PASSWORD

INVITE = reverse("people:invite")
NINA = "nina@example.com"


def make_admin(email: str, name: str) -> User:
    return actions.create_user(email, display_name=name, password=PASSWORD, is_staff=True)


@pytest.fixture
def priya(cast) -> User:
    return make_admin("priya.admin@example.com", "Priya Admin")


@pytest.fixture
def alex(cast) -> User:
    return make_admin("alex.admin@example.com", "Alex Admin")


def invite(admin: User, *addresses: str):
    client = Client()
    client.force_login(admin)
    return client.post(INVITE, {"emails": "\n".join(addresses)}, follow=True)


def links(mailbox, address: str) -> list[str]:
    return [
        re.search(r"https?://\S+/invitation/\S+/", m).group(0)  # type: ignore[union-attr]
        for m in mailbox.messages_to(address)
    ]


@pytest.mark.django_db
def test_it_sends_the_pending_invitation_again_and_says_who_invited_when(
    priya, alex, smtp_server
) -> None:
    assert invite(priya, NINA).status_code == 200
    day = timezone.localdate()

    response = invite(alex, "Nina@Example.com")
    assert response.status_code == 200
    assert (
        f"{NINA} was already invited on {day.day} {day:%B} by Priya Admin; "
        "the invitation was sent again."
    ) in response.content.decode()
    assert "Invitation sent to" not in response.content.decode()
    [invitation] = Invitation.objects.all()
    assert (invitation.email, invitation.invited_by) == (NINA, priya)
    # The email went out again, with the same link, which still works once.
    first, second = links(smtp_server, NINA)
    assert first == second
    assert invitation.token in second


@pytest.mark.django_db
def test_it_says_you_to_the_administrator_who_invited_them_and_names_an_old_year(
    priya, smtp_server
) -> None:
    invite(priya, NINA)
    Invitation.objects.update(created_at=timezone.now() - timedelta(days=400))
    day = timezone.localdate(Invitation.objects.get().created_at)

    response = invite(priya, NINA, "omar@example.com")
    text = response.content.decode()
    assert f"{NINA} was already invited on {day.day} {day:%B %Y} by you;" in text
    assert "Invitation sent to omar@example.com." in text
    assert Invitation.objects.count() == 2
    assert len(smtp_server.messages_to(NINA)) == 2


@pytest.mark.django_db
def test_it_invites_again_once_the_earlier_invitation_was_used(priya, smtp_server) -> None:
    invite(priya, NINA)
    Invitation.objects.update(accepted_at=timezone.now())  # used, then the account was removed
    assert "Invitation sent to nina@example.com." in invite(priya, NINA).content.decode()
    assert Invitation.objects.filter(accepted_at__isnull=True).count() == 1


@pytest.mark.django_db
def test_the_database_refuses_a_second_pending_invitation_whatever_the_case(priya) -> None:
    Invitation.objects.create(email=NINA, token="first", invited_by=priya)
    with pytest.raises(IntegrityError), transaction.atomic():
        Invitation.objects.create(email="NINA@example.com", token="second", invited_by=priya)


@pytest.mark.django_db(transaction=True)
def test_two_administrators_inviting_at_once_make_one_invitation(priya, alex, mailoutbox):
    run_together([lambda: actions.do_invite(priya, NINA), lambda: actions.do_invite(alex, NINA)])
    [invitation] = Invitation.objects.all()
    assert invitation.accepted_at is None
    # Both sent the one invitation's link.
    assert [m.to for m in mailoutbox] == [[NINA], [NINA]]
    assert all(invitation.token in m.body for m in mailoutbox)
