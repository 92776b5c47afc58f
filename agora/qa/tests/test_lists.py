"""The question lists, the question cards in feeds, and "Questions you could answer"."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from agora.people.models import Skill
from agora.posts import actions as posts
from agora.qa import actions
from agora.reputation.models import TagReputation

pytestmark = pytest.mark.django_db

LIST = reverse("qa:list")


def _rows(html: str) -> list[int]:
    return [
        int(n) for n in re.findall(r'<article class="card question-row" id="question-(\d+)"', html)
    ]


@pytest.fixture
def three(cast, ask, answer):
    """An unanswered question, an answered one, and one with an accepted answer."""
    unanswered = ask("open", title="Nobody has answered this question yet")
    answered = ask("open", title="Somebody answered but nobody accepted")
    answer(cast.moderator, answered)
    solved = ask("open", title="This question is solved for good")
    actions.check_accept(cast.engineer, answer(cast.moderator, solved).pk)
    return unanswered, answered, solved


def test_the_filters_show_open_unanswered_and_all(cast, client_for, three):
    unanswered, answered, solved = three
    client = client_for("salesperson")
    # Newest activity first: the answer to "solved" came last.
    assert _rows(client.get(LIST).content.decode()) == [answered.pk, unanswered.pk]
    assert _rows(client.get(LIST, {"show": "unanswered"}).content.decode()) == [unanswered.pk]
    everything = client.get(LIST, {"show": "all"}).content.decode()
    assert _rows(everything) == [solved.pk, answered.pk, unanswered.pk]
    assert 'aria-current="page">All</a>' in everything
    assert "Accepted</span>" in everything
    assert "Somebody answered but nobody accepted" in everything
    assert everything.count('<span class="person-name">Ada Engineer</span>') == 3  # the asker


def test_an_unknown_filter_falls_back_to_open_questions(cast, client_for, three):
    html = client_for("salesperson").get(LIST, {"show": "bogus"}).content.decode()
    assert 'aria-current="page">No accepted answer</a>' in html


def test_it_scopes_to_one_space_and_offers_its_tab(cast, client_for, ask):
    in_space = ask("open", title="A question in the open space")
    elsewhere = ask(None, title="A company-wide question for all")
    client = client_for("salesperson")
    html = client.get(LIST, {"space": cast.open_space.slug}).content.decode()
    assert _rows(html) == [in_space.pk]
    assert "Questions in Open Space" in html
    assert f'href="{LIST}?space={cast.open_space.slug}" aria-current="page">Questions</a>' in html
    assert f'href="/questions/ask/?space={cast.open_space.slug}"' in html
    assert f"?show=unanswered&amp;space={cast.open_space.slug}" in html
    assert elsewhere.pk in _rows(client.get(LIST).content.decode())
    space_page = client.get(cast.open_space.get_absolute_url()).content.decode()
    assert f'href="{LIST}?space={cast.open_space.slug}"' in space_page
    assert client.get(LIST, {"space": "no-such-space"}).status_code == 404


def test_it_filters_by_tag(cast, client_for, ask):
    tagged = ask(None, title="Which region hosts the EU data?", tags="gdpr")
    ask(None, title="Where is the coffee machine manual?", tags="office")
    html = client_for("outsider").get(LIST, {"tag": "#GDPR", "show": "all"}).content.decode()
    assert _rows(html) == [tagged.pk]
    assert "Tagged <span" in html
    assert f'href="{LIST}?show=all"' in html  # "Show every tag"
    nonsense = client_for("outsider").get(LIST, {"tag": "'; drop", "show": "all"})
    assert len(_rows(nonsense.content.decode())) == 2


def test_it_loads_more_with_a_cursor_and_never_repeats(cast, client_for, ask, settings):
    settings.AGORA_FEED_PAGE_SIZE = 4
    asked = [ask(None, title=f"Question number {i} about lunch") for i in range(10)]
    client = client_for("outsider")
    seen: list[int] = []
    html = client.get(LIST, {"show": "all"}).content.decode()
    while True:
        seen += _rows(html)
        found = re.search(r'id="load-more"><a class="button" href="([^"]+)"', html)
        if found is None:
            break
        html = client.get(found.group(1).replace("&amp;", "&"), HTTP_HX_REQUEST="true").content
        html = html.decode()
        assert "<html" not in html
    assert seen == [q.pk for q in reversed(asked)]


def test_a_bad_cursor_is_a_400_with_a_message(cast, client_for):
    response = client_for("outsider").get(LIST, {"before": "nonsense"})
    assert response.status_code == 400
    assert "This page link is not valid" in response.content.decode()


def test_the_empty_list_says_what_to_do(cast, client_for):
    html = client_for("outsider").get(LIST).content.decode()
    assert "No open questions here" in html


def test_feed_cards_show_the_question_label_title_and_answer_count(cast, client_for, ask, answer):
    question = ask("open", title="Does Beacon work offline?", body="Field teams ask.")
    answer(cast.moderator, question)
    html = client_for("salesperson").get(cast.open_space.get_absolute_url()).content.decode()
    card = html[html.index(f'id="post-{question.pk}"') :]
    card = card[: card.index("</article>")]
    assert '<span class="badge">Question</span>' in card
    assert f'<a href="{question.get_absolute_url()}">Does Beacon work offline?</a>' in card
    assert "1 answer" in card
    assert "Has an accepted answer" not in card
    assert 'class="card-comments"' not in card


def test_home_suggests_open_questions_the_viewer_could_answer(cast, client_for, ask, answer):
    sales = cast.salesperson
    in_my_space = ask("open", title="In a space Sam belongs to")
    by_reputation = ask(None, title="Tagged with what Sam earned credit in", tags="pricing")
    Skill.objects.get(name="Sales")  # the cast gives Sam the skill "Sales"
    by_skill = ask(None, title="Tagged with one of Sam's skills", tags="sales")
    ask(None, title="Company-wide, nothing Sam knows about", tags="kites")
    ask("open", by=sales, title="Sam's own question in his space")
    solved = ask("open", title="Already solved in Sam's space")
    actions.check_accept(cast.engineer, answer(cast.moderator, solved).pk)
    done = ask("open", title="Sam answered this one already")
    answer(sales, done)
    ask("secret", title="A secret question Sam cannot read", tags="pricing")
    TagReputation.objects.create(user=sales, tag_id=_tag("pricing"), total=20)
    home = client_for("salesperson").get(reverse("home")).content.decode()
    # The home page loads its "Questions you could answer" column after the feed.
    assert f'hx-get="{reverse("qa:suggested")}"' in home
    aside = client_for("salesperson").get(reverse("qa:suggested")).content.decode()
    titles = re.findall(r'<li><a href="/questions/\d+/">([^<]+)</a>', aside)
    assert titles == [
        by_skill.title.replace("'", "&#x27;"),
        by_reputation.title,
        in_my_space.title,
    ]


def test_home_suggests_five_at_most_newest_activity_first(cast, client_for, ask, answer):
    asked = [ask("open", title=f"Open question number {i}") for i in range(7)]
    answer(cast.moderator, asked[0])  # answered (not accepted): newest activity now
    aside = client_for("salesperson").get(reverse("qa:suggested")).content.decode()
    ids = [int(n) for n in re.findall(r'<li><a href="/questions/(\d+)/">', aside)]
    assert ids == [asked[0].pk, asked[6].pk, asked[5].pk, asked[4].pk, asked[3].pk]


def _tag(name: str) -> int:
    return posts.tags_for([name])[0].pk
