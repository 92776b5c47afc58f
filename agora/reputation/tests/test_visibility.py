"""Leaderboards, expert lists and profile figures leak nothing from private or secret
spaces: persona × space visibility, as in agora/posts/tests/test_visibility.py.

In every case the moderator gives a thumbs-up to the engineer's post in one space (tagged
``#<visibility>news``); only people who may read that post may see the credit."""

from __future__ import annotations

import pytest
from django.urls import reverse

from agora.posts import actions as posts
from agora.reputation import actions as reputation
from agora.reputation import queries
from agora.reputation.tests.helpers import answer, ask
from agora.spaces.actions import do_remove_member
from agora.spaces.models import Membership, Visibility
from agora.testing.pages import without_csrf
from agora.testing.personas import PERSONAS

READERS = {
    Visibility.OPEN: {"engineer", "salesperson", "moderator", "outsider"},
    Visibility.PRIVATE: {"engineer", "salesperson", "moderator"},
    Visibility.SECRET: {"engineer", "moderator"},
}
MATRIX = [(p, v) for p in PERSONAS for v in Visibility]
IDS = [f"{p}-{v.value}" for p, v in MATRIX]

pytestmark = pytest.mark.django_db


@pytest.fixture
def credit(cast):
    """The engineer earns 15 points (from another department) in one space."""

    def give(visibility: Visibility) -> str:
        posts.do_add_reaction(cast.moderator, cast.post_in(visibility), "thumbs_up")
        return f"{visibility.value}news"

    return give


@pytest.mark.parametrize(("persona", "visibility"), MATRIX, ids=IDS)
def test_it_shows_credit_on_leaderboards_only_to_readers(
    cast, client_for, credit, persona, visibility
):
    tag = credit(visibility)
    allowed = persona in READERS[visibility]
    viewer = cast.persona(persona)
    for scope in ({}, {"tag": tag}, {"department": "engineering"}):
        urlargs = {"period": "all", **scope}
        html = client_for(persona).get(reverse("reputation:leaderboard"), urlargs).content
        assert (b'class="leaderboard-table' in html) is allowed, scope
    rows = queries.leaderboard(viewer, period="all")
    assert [(r.person, r.points) for r in rows] == ([(cast.engineer, 15)] if allowed else [])


@pytest.mark.parametrize(("persona", "visibility"), MATRIX, ids=IDS)
def test_it_answers_a_space_leaderboard_only_to_readers(
    cast, client_for, credit, persona, visibility
):
    credit(visibility)
    allowed = persona in READERS[visibility]
    response = client_for(persona).get(
        reverse("reputation:leaderboard"), {"space": cast.space(visibility).slug}
    )
    assert response.status_code == (200 if allowed else 404)
    if not allowed:  # the same answer as for a space that does not exist
        missing = client_for(persona).get(reverse("reputation:leaderboard"), {"space": "nope"})
        assert missing.status_code == 404
        assert cast.space(visibility).name.encode() not in response.content


@pytest.mark.parametrize(("persona", "visibility"), MATRIX, ids=IDS)
def test_it_lists_experts_of_a_tag_only_from_readable_posts(
    cast, client_for, credit, persona, visibility
):
    tag = credit(visibility)
    allowed = persona in READERS[visibility]
    client = client_for(persona)
    response = client.get(reverse("reputation:experts", args=[tag]))
    if allowed:
        assert response.status_code == 200
        assert 'class="card expert' in response.content.decode()
    else:  # the tag is used only where they cannot read: exactly like an unknown tag
        missing = client.get(reverse("reputation:experts", args=["nosuchtag"]))
        assert response.status_code == missing.status_code == 404
        assert _unnamed(response, tag) == _unnamed(missing, "nosuchtag")


@pytest.mark.parametrize(("persona", "visibility"), MATRIX, ids=IDS)
def test_it_filters_the_leaderboard_by_a_tag_only_for_its_readers(
    cast, client_for, credit, persona, visibility
):
    tag = credit(visibility)
    allowed = persona in READERS[visibility]
    client = client_for(persona)
    response = client.get(reverse("reputation:leaderboard"), {"tag": tag})
    if allowed:
        assert response.status_code == 200
        assert f'<option value="{tag}" selected>' in response.content.decode()
    else:
        missing = client.get(reverse("reputation:leaderboard"), {"tag": "nosuchtag"})
        assert response.status_code == missing.status_code == 404
        assert _unnamed(response, tag) == _unnamed(missing, "nosuchtag")


def _unnamed(response, tag: str) -> bytes:
    """The page without its CSRF token and the tag it was asked about."""
    return without_csrf(response.content).replace(tag.encode(), b"")


@pytest.mark.parametrize(("persona", "visibility"), MATRIX, ids=IDS)
def test_it_offers_only_tags_of_readable_posts(cast, client_for, credit, persona, visibility):
    tag = credit(visibility)
    allowed = persona in READERS[visibility]
    html = client_for(persona).get(reverse("reputation:leaderboard")).content.decode()
    assert (f'value="{tag}"' in html) is allowed


@pytest.mark.parametrize(("persona", "visibility"), MATRIX, ids=IDS)
def test_it_shows_profile_figures_only_from_readable_posts(
    cast, client_for, credit, persona, visibility
):
    tag = credit(visibility)
    allowed = persona in READERS[visibility]
    seen = queries.credibility(cast.persona(persona), cast.engineer)
    assert (seen.points, seen.thumbs_up) == ((15, 1) if allowed else (0, 0))
    assert seen.top_tags == ([(tag, 15)] if allowed else [])
    html = client_for(persona).get(cast.engineer.get_absolute_url()).content.decode()
    assert (f"#{tag}" in html) is allowed


@pytest.mark.parametrize(("persona", "visibility"), MATRIX, ids=IDS)
def test_it_shows_a_badge_only_to_readers_of_the_post_that_earned_it(
    cast, client_for, persona, visibility
):
    # The engineer's first question earns "Curious" on it; reaching ten colleagues across
    # departments would earn "Bridge builder" on no post at all.
    ask(cast.engineer, space=cast.space(visibility), title="Who owns the launch checklist?")
    allowed = persona in READERS[visibility] or persona == "engineer"  # one's own: all
    html = client_for(persona).get(cast.engineer.get_absolute_url()).content.decode()
    assert ("<strong>Curious</strong>" in html) is allowed
    assert ("No badges yet." in html) is not allowed
    badges = queries.credibility(cast.persona(persona), cast.engineer).badges
    assert [b.badge.name for b in badges] == (["Curious"] if allowed else [])


def test_it_shows_badges_that_no_post_earned_to_everyone(cast, client_for):
    reputation.award_badge(cast.engineer, "bridge_builder")
    html = client_for("outsider").get(cast.engineer.get_absolute_url()).content.decode()
    assert "<strong>Bridge builder</strong>" in html


def test_it_shows_an_expert_only_the_answers_a_viewer_may_read(cast, client_for):
    open_question = ask(
        cast.salesperson,
        space=cast.open_space,
        title="How do we roll out a cluster?",
        tags=["kubernetes"],
    )
    secret_question = ask(
        cast.engineer,
        space=cast.secret_space,
        title="Falcon launch checklist for clusters",
        tags=["kubernetes"],
    )
    for question in (open_question, secret_question):
        posts.do_add_reaction(cast.engineer, answer(cast.moderator, question).post, "thumbs_up")
    url = reverse("reputation:experts", args=["kubernetes"])

    outsider = client_for("outsider").get(url).content.decode()
    assert "How do we roll out a cluster?" in outsider
    assert "Falcon" not in outsider
    [expert] = queries.experts(cast.outsider, open_question.post.tags.get())
    assert (expert.person, expert.points) == (cast.moderator, 15)

    engineer = client_for("engineer").get(url).content.decode()
    assert "Falcon launch checklist" in engineer
    [expert] = queries.experts(cast.engineer, open_question.post.tags.get())
    assert expert.points == 30
    assert len(expert.best_answers) == 2


def test_it_forgets_credit_in_a_space_at_once_for_a_removed_member(cast, client_for):
    posts.do_add_reaction(cast.moderator, cast.private_post, "thumbs_up")
    assert queries.leaderboard(cast.salesperson, period="all")
    membership = Membership.objects.get(space=cast.private_space, user=cast.salesperson)
    do_remove_member("owner", membership)
    assert queries.leaderboard(cast.salesperson, period="all") == []
    assert queries.credibility(cast.salesperson, cast.engineer).points == 0
