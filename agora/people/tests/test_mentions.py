"""The @mention menu's endpoint (people:mentions): who is offered for the letters typed
after "@", what each option says and inserts, what it refuses, and what it costs."""

from __future__ import annotations

import html
import re

import pytest
from django.urls import reverse

from agora.people import actions
from agora.people.models import Department, User

pytestmark = pytest.mark.django_db

URL = reverse("people:mentions")


def offered(client, prefix: str) -> list[str]:
    """The handles the menu offers, in order (what choosing each would insert)."""
    response = client.get(URL, {"q": prefix})
    assert response.status_code == 200
    return re.findall(r'data-value="@([^"]+)"', response.content.decode())


@pytest.fixture
def people(cast) -> dict[str, User]:
    design = Department.objects.create(slug="design", name="Design")
    made = {
        "sam": actions.create_user(
            "sam.rivera@example.com",
            display_name="Sam Rivera",
            job_title="Account Executive",
            department=design,
        ),
        "rosa": actions.create_user("rosa@example.com", display_name="Rosa Samuels"),
        "gone": actions.create_user("samira@example.com", display_name="Samira Gone"),
    }
    made["gone"].is_active = False
    made["gone"].save(update_fields=["is_active"])
    return made


def test_it_offers_people_whose_handle_or_a_word_of_whose_name_starts_with_the_letters(
    cast, client_for, people
) -> None:
    client = client_for("engineer")
    # Sam Sales (the cast's salesperson), Sam Rivera, and Rosa Samuels by her surname; by name.
    assert offered(client, "sam") == ["rosa-samuels", "sam-rivera", "sam-sales"]
    assert offered(client, "RIV") == ["sam-rivera"]
    assert offered(client, "sam-r") == ["sam-rivera"]  # the handle, hyphen and all
    assert offered(client, "amuel") == []  # the start of a word, not anywhere in it
    assert offered(client, "zzz") == []


def test_it_leaves_out_deactivated_people(cast, client_for, people) -> None:
    assert "samira-gone" not in offered(client_for("engineer"), "sami")


def test_it_draws_an_option_with_the_name_handle_title_and_department(
    cast, client_for, people
) -> None:
    page = client_for("engineer").get(URL, {"q": "riv"}).content.decode()
    assert '<ul class="mention-menu" role="listbox" aria-label="People to mention">' in page
    option = re.search(
        r'<li class="mention-option" role="option" id="([^"]+)"[^>]*>(.*?)</li>', page
    )
    assert option, page
    assert option[1] == f"mention-option-{people['sam'].pk}"
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", option[2])).split())
    assert text == "SR Sam Rivera @sam-rivera Account Executive · Design"


def test_it_offers_at_most_eight(cast, client_for) -> None:
    for n in range(12):
        actions.create_user(f"kim{n}@example.com", display_name=f"Kim Number{n:02}")
    assert len(offered(client_for("engineer"), "kim")) == 8


def test_it_takes_like_wildcards_literally(cast, client_for, people) -> None:
    client = client_for("engineer")
    assert offered(client, "s_m") == []
    assert client.get(URL, {"q": "s%m"}).status_code == 400  # not a name's letters at all


@pytest.mark.parametrize(
    "query",
    [{}, {"q": ""}, {"q": "sam rivera"}, {"q": "x" * 65}, {"q": "<script>"}, {"q": "a\u200bb"}],
)
def test_it_answers_400_to_what_cannot_start_a_mention(cast, client_for, query) -> None:
    response = client_for("engineer").get(URL, query)
    assert response.status_code == 400
    assert "first letters of a name or handle" in response.content.decode()


def test_it_costs_the_same_few_queries_whatever_it_finds(
    cast, client_for, people, django_assert_num_queries
) -> None:
    client = client_for("engineer")
    client.get(URL, {"q": "s"})  # the session is read; later requests cost the same
    for prefix in ("s", "sam", "zzz", "x" * 64):
        # the session, the signed-in person, and the people offered (departments joined)
        with django_assert_num_queries(3):
            assert client.get(URL, {"q": prefix}).status_code == 200


def test_it_is_for_people_who_are_signed_in(cast, client) -> None:
    response = client.get(URL, {"q": "sam"})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
