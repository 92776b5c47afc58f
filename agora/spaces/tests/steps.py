"""The requests a person makes about a space, and the rows a test reads back after them.

The request helpers return what the test client does (a response with ``redirect_chain``
when followed), so they carry no return type.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from agora.spaces.models import JoinRequest, Membership, Role, Space

COMPOSER = 'class="card composer"'
MISSING = "no-such-space"


def text(response: HttpResponse) -> str:
    """The page as a person reads it (entities such as &#x27; decoded)."""
    return html.unescape(response.content.decode())


def join(client: Client, space: Space | str, message: str = "", **kwargs: Any):
    url = reverse("spaces:join", args=[_slug(space)])
    return client.post(url, {"message": message}, **kwargs)


def leave(client: Client, space: Space | str, **kwargs: Any):
    return client.post(reverse("spaces:leave", args=[_slug(space)]), **kwargs)


def add(client: Client, space: Space | str, person: str, role: str = Role.MEMBER, **kwargs: Any):
    url = reverse("spaces:add_member", args=[_slug(space)])
    return client.post(url, {"person": person, "role": role}, **kwargs)


def set_role(client: Client, space: Space | str, user_id: int, role: str, **kwargs: Any):
    url = reverse("spaces:set_role", args=[_slug(space), user_id])
    return client.post(url, {"role": role}, **kwargs)


def remove(client: Client, space: Space | str, user_id: int, **kwargs: Any):
    url = reverse("spaces:remove", args=[_slug(space), user_id])
    return client.post(url, **kwargs)


def decide(client: Client, space: Space | str, request_id: int, decision: str, **kwargs: Any):
    url = reverse("spaces:decide_request", args=[_slug(space), request_id, decision])
    return client.post(url, **kwargs)


def members_url(space: Space | str) -> str:
    return reverse("spaces:members", args=[_slug(space)])


def members_page(client: Client, space: Space | str):
    return client.get(members_url(space))


def _slug(space: Space | str) -> str:
    return space if isinstance(space, str) else space.slug


@dataclass(frozen=True)
class Rows:
    """What a space's rows say: who belongs with which role, the member count, and the
    join requests (by the asker's name, with their status)."""

    members: dict[str, str]
    member_count: int
    requests: dict[str, str]


def rows(space: Space) -> Rows:
    members = Membership.objects.filter(space=space).values_list("user__display_name", "role")
    requests = JoinRequest.objects.filter(space=space).values_list("user__display_name", "status")
    count = Space.objects.values_list("member_count", flat=True).get(pk=space.pk)
    return Rows(members=dict(members), member_count=count, requests=dict(requests))


def with_member(before: Rows, name: str, role: str | None) -> Rows:
    """``before`` with ``name`` given ``role`` (None: no longer a member), counted."""
    members = dict(before.members)
    if role is None:
        members.pop(name)
    else:
        members[name] = role
    return Rows(members=members, member_count=len(members), requests=before.requests)


_CSRF = re.compile(r'(name="csrfmiddlewaretoken" value="|"X-CSRFToken": ")[^"]*"')


def looks_missing(response: HttpResponse, missing: HttpResponse) -> bool:
    """Whether ``response`` is the same page as the one for a space that does not exist
    (the CSRF tokens, masked afresh for every page, aside)."""

    def page(r: HttpResponse) -> str:
        return _CSRF.sub(r"\1", r.content.decode())

    return response.status_code == missing.status_code == 404 and page(response) == page(missing)
