"""Who does what to a space, for every spaces test module.

The five people a space's rules tell apart, each a signed-in client: its owner (the cast's
engineer, who owns every cast space), a space moderator (the cast's moderator, who
moderates them all), a member (the salesperson: the open and private spaces only), an
outsider (in none) and a site moderator who belongs to none (moderating content never lets
anyone manage a space). ``kim`` is someone to be added, promoted and removed.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from agora.people import actions as people_actions
from agora.people.models import User
from agora.spaces import actions
from agora.spaces.models import Space
from agora.testing.personas import Cast

PERSONAS = ("owner", "space_moderator", "member", "outsider", "site_moderator")


@pytest.fixture
def people(cast: Cast) -> dict[str, User]:
    site_moderator = people_actions.create_user(
        "sid@example.com", display_name="Sid Sitemod", is_moderator=True
    )
    return {
        "owner": cast.engineer,
        "space_moderator": cast.moderator,
        "member": cast.salesperson,
        "outsider": cast.outsider,
        "site_moderator": site_moderator,
    }


@pytest.fixture
def as_(
    people: dict[str, User], client_for: Callable[[str | User], Client]
) -> Callable[[str], Client]:
    """``as_("member")``: a client signed in as that persona."""
    return lambda persona: client_for(people[persona])


@pytest.fixture
def kim(db: None) -> User:
    return people_actions.create_user("kim@example.com", display_name="Kim Newcomer")


@pytest.fixture
def more_spaces(cast: Cast) -> dict[str, Space]:
    """An open product space by the engineer and a private idea space by the salesperson."""
    payments = actions.do_create_space(
        cast.engineer,
        name="Payments API",
        description="Cards and wires",
        kind="product",
        visibility="open",
    )
    pricing = actions.do_create_space(
        cast.salesperson,
        name="Deal desk",
        description="Pricing ideas for big customers",
        kind="idea",
        visibility="private",
    )
    return {"payments": payments, "pricing": pricing}
