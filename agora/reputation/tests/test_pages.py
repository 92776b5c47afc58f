"""The leaderboard, expert and profile pages: what they show, and to whom."""

from __future__ import annotations

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from agora.people.models import Level, Standing
from agora.posts import actions as posts
from agora.qa import actions as qa
from agora.reputation import actions as reputation
from agora.reputation.models import BadgeAward
from agora.reputation.tests.helpers import answer, ask, set_policy
from agora.testing.crowd import make_crowd

pytestmark = pytest.mark.django_db

LEADERBOARD = "reputation:leaderboard"


def _no_inline_styles_or_scripts(html: str) -> None:
    assert " style=" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)


def test_it_ranks_people_with_their_thumbs_up_and_accepted_answers(cast, client_for):
    question = ask(cast.salesperson, tags=["deploys"])
    qa.do_accept(answer(cast.engineer, question), accepter=cast.salesperson)
    posts.do_add_reaction(cast.salesperson, cast.company_post, "thumbs_up")
    response = client_for("outsider").get(reverse(LEADERBOARD))
    html = response.content.decode()
    assert response.status_code == 200
    _no_inline_styles_or_scripts(html)
    rows = re.findall(r"<tr( class=\"is-me\"[^>]*)?>\s*<td class=\"num rank\">(\d+)</td>", html)
    assert [rank for _, rank in rows] == ["1", "2"]
    first = html[html.index('<td class="num rank">1</td>') : html.index('<td class="num rank">2')]
    assert "Ada Engineer" in first
    assert "<strong>30</strong>" in first  # 15 for the thumbs-up + 15 for the accept
    assert "Engineering" in first


def test_it_highlights_the_viewers_own_row(cast, client_for):
    posts.do_add_reaction(cast.salesperson, cast.company_post, "thumbs_up")
    html = client_for("engineer").get(reverse(LEADERBOARD)).content.decode()
    assert '<tr class="is-me" aria-current="true">' in html
    assert '<span class="badge">You</span></span>' in html  # on the name line
    other = client_for("salesperson").get(reverse(LEADERBOARD)).content.decode()
    assert "is-me" not in other


def test_it_labels_every_control_and_marks_the_chosen_period(cast, client_for):
    html = client_for("engineer").get(reverse(LEADERBOARD), {"period": "week"}).content.decode()
    for name in ("space", "tag", "department"):
        assert f'<label for="leaderboard-{name}">' in html
        assert f'<select id="leaderboard-{name}" name="{name}">' in html
    assert re.search(r'aria-current="page">This week<', html)
    assert "Nobody has earned credit here in this period yet" in html


def test_it_counts_a_period_from_when_credit_was_earned(cast, client_for):
    ten_days_ago = timezone.now() - timedelta(days=10)
    with mock.patch("django.utils.timezone.now", return_value=ten_days_ago):
        posts.do_add_reaction(cast.salesperson, cast.company_post, "thumbs_up")
    client = client_for("outsider")
    week = client.get(reverse(LEADERBOARD), {"period": "week"}).content.decode()
    month = client.get(reverse(LEADERBOARD), {"period": "month"}).content.decode()
    assert "leaderboard-table" not in week
    assert "leaderboard-table" in month


def test_it_filters_by_space_tag_and_department_together(cast, client_for):
    posts.do_add_reaction(cast.salesperson, cast.open_post, "thumbs_up")  # #opennews
    posts.do_add_reaction(cast.salesperson, cast.company_post, "thumbs_up")  # #welcome
    client = client_for("engineer")
    scoped = {"period": "all", "space": cast.open_space.slug, "tag": "opennews"}
    html = client.get(reverse(LEADERBOARD), {**scoped, "department": "engineering"}).content
    assert b"<strong>15</strong>" in html
    html = client.get(reverse(LEADERBOARD), {**scoped, "department": "sales"}).content
    assert b"leaderboard-table" not in html
    html = client.get(reverse(LEADERBOARD), {"period": "all", "tag": "welcome"}).content
    assert b"<strong>15</strong>" in html
    assert b"Show the whole company" in html


def test_it_answers_htmx_with_the_results_fragment(cast, client_for):
    response = client_for("engineer").get(
        reverse(LEADERBOARD), {"period": "all"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<div class="leaderboard-panel" id="leaderboard">')
    assert "<html" not in html


def test_it_falls_back_to_this_month_for_an_unknown_period(cast, client_for):
    html = client_for("engineer").get(reverse(LEADERBOARD), {"period": "ever"}).content.decode()
    assert re.search(r'aria-current="page">This month<', html)


@pytest.mark.parametrize("query", [{"tag": "nothing-here"}, {"department": "nowhere"}])
def test_it_answers_404_for_an_unknown_tag_or_department(cast, client_for, query):
    assert client_for("engineer").get(reverse(LEADERBOARD), query).status_code == 404


def test_it_shows_a_level_label_for_contributors_and_leaders_only(cast, client_for):
    for person in (cast.engineer, cast.salesperson, cast.moderator):
        posts.do_add_reaction(
            cast.outsider,
            posts.check_create_post(person, space=None, body="Hello from me"),
            "thumbs_up",
        )
    Standing.objects.create(user=cast.engineer, level=Level.LEADER)
    Standing.objects.create(user=cast.salesperson, level=Level.CONTRIBUTOR)
    Standing.objects.create(user=cast.moderator, level=Level.MEMBER)
    html = client_for("outsider").get(reverse(LEADERBOARD)).content.decode()
    assert '<span class="level-label level-leader">Leader</span>' in html
    assert '<span class="level-label level-contributor">Contributor</span>' in html
    assert "level-member" not in html


def test_it_lists_the_experts_of_a_tag_with_their_best_answers(cast, client_for):
    question = ask(cast.salesperson, title="How do we deploy on Fridays?", tags=["deploys"])
    reply = answer(cast.engineer, question)
    qa.do_accept(reply, accepter=cast.salesperson)
    html = client_for("outsider").get(reverse("reputation:experts", args=["deploys"])).content
    page = html.decode()
    _no_inline_styles_or_scripts(page)
    assert "Experts in #deploys" in page
    assert "Ada Engineer" in page and "Engineering" in page
    assert "<strong>15</strong> points in #deploys" in page
    assert f'href="{reply.get_absolute_url()}">How do we deploy on Fridays?</a>' in page


def test_it_answers_404_for_experts_of_an_unknown_tag(cast, client_for):
    response = client_for("engineer").get(reverse("reputation:experts", args=["nope"]))
    assert response.status_code == 404


def test_it_links_a_tag_page_to_its_experts(cast, client_for):
    html = client_for("outsider").get(reverse("posts:tag", args=["welcome"])).content.decode()
    assert f'href="{reverse("reputation:experts", args=["welcome"])}"' in html
    assert "Experts in #welcome" in html


def test_it_shows_credibility_and_badges_on_a_profile(cast, client_for):
    question = ask(cast.salesperson, tags=["deploys"])
    qa.do_accept(answer(cast.engineer, question), accepter=cast.salesperson)
    posts.do_add_reaction(cast.salesperson, cast.company_post, "thumbs_up")
    html = client_for("outsider").get(cast.engineer.get_absolute_url()).content.decode()
    _no_inline_styles_or_scripts(html)
    assert '<span class="level-label level-member">Member</span>' in html  # promoted
    assert "<strong>30</strong> reputation" in html
    assert "<strong>1</strong> thumbs-up" in html
    assert "<strong>1</strong> accepted answer<" in html
    assert "Problem solver" in html and "Had a first answer accepted." in html
    assert '<svg class="icon icon-circle-check badge-icon"' in html
    assert "#deploys" in html and "#welcome" in html
    assert "How to become" not in html  # the level panel is for the person themself


def test_it_shows_my_progress_to_the_next_level_on_my_profile(cast, client_for):
    posts.do_add_reaction(cast.salesperson, cast.company_post, "thumbs_up")
    reputation.evaluate_level(cast.engineer)
    html = client_for("engineer").get(cast.engineer.get_absolute_url()).content.decode()
    _no_inline_styles_or_scripts(html)
    assert "How to become a Contributor" in html
    assert '<progress class="step-bar" max="100" value="15"' in html  # 15 of 100 points
    assert 'aria-labelledby="next-step-1"' in html
    assert "Your Member level is in its grace period" not in html


def test_it_warns_me_during_a_grace_period(cast, client_for):
    set_policy({"levels.member_reputation": 10})
    posts.do_add_reaction(cast.salesperson, cast.company_post, "thumbs_up")
    reputation.evaluate_level(cast.engineer)
    set_policy({"levels.member_reputation": 100})
    reputation.evaluate_level(cast.engineer)
    html = client_for("engineer").get(cast.engineer.get_absolute_url()).content.decode()
    assert "Your Member level is in its grace period" in html
    assert 'aria-labelledby="keep-step-1"' in html


def test_it_lists_badges_newest_first(cast, client_for):
    for person in make_crowd(10):
        posts.do_add_reaction(person, cast.company_post, "thumbs_up")
    answer(cast.engineer, ask(cast.salesperson))
    assert BadgeAward.objects.filter(user=cast.engineer).count() == 2
    html = client_for("engineer").get(cast.engineer.get_absolute_url()).content.decode()
    assert html.index("Helper") < html.index("Nice post")
