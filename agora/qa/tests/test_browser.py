"""Questions and answers end to end in Chromium: ask, answer, thumbs-up, accept, credit."""

from __future__ import annotations

import re

import pytest

from agora.core import policy
from agora.qa.models import Answer, Question
from agora.testing.browser import sign_in
from agora.testing.personas import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _switch_to(page, email: str) -> None:
    page.context.clear_cookies()
    sign_in(page, email, PASSWORD)


def test_ask_answer_thumbs_up_accept_and_see_the_credit(cast, page, live_server):
    # Sam (Sales) asks in the open space; Ada (Engineering) has no credit this week yet.
    sign_in(page, cast.salesperson.email, PASSWORD)
    page.goto("/leaderboard/?period=week")
    assert "Ada Engineer" not in page.locator("main").inner_text()

    page.goto(f"/questions/ask/?space={cast.open_space.slug}")
    assert page.get_by_label("Ask in").input_value() == cast.open_space.slug
    page.get_by_label("Your question").fill("Can Atlas export audit logs to S3 every night?")
    page.get_by_label("Details").fill("A customer asks for **nightly** exports.")
    page.get_by_label("Tags").fill("atlas, audit-log")
    page.get_by_role("button", name="Ask your question").click()
    page.wait_for_url(re.compile(r".*/questions/\d+/$"))
    question_url = page.url
    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text() == "Can Atlas export audit logs to S3 every night?"
    assert page.locator(".tag-list").inner_text().split() == ["#atlas", "#audit-log"]
    question = Question.objects.get()

    # Ada answers from another account, without a reload.
    _switch_to(page, cast.engineer.email)
    page.goto(question_url)
    page.get_by_role("textbox", name="Your answer").fill(
        "Yes: schedule a bulk audit export to your bucket."
    )
    page.get_by_role("button", name="Post your answer").click()
    card = page.locator("article.answer", has_text="schedule a bulk audit export")
    card.wait_for()
    assert page.url == question_url
    assert page.locator("#answers-count").inner_text() == "1 answer"
    assert page.get_by_role("textbox", name="Your answer").input_value() == ""
    answer = Answer.objects.get()

    # Sam gives it a thumbs-up and accepts it.
    _switch_to(page, cast.salesperson.email)
    page.goto(question_url)
    card = page.locator(f"#answer-{answer.pk}")
    card.locator("button.reaction[data-kind=thumbs_up]").click()
    page.wait_for_function(
        "id => document.querySelector(`#answer-${id} [data-kind=thumbs_up]`)"
        ".getAttribute('aria-pressed') === 'true'",
        arg=answer.pk,
    )
    page.get_by_role("button", name="Accept the answer by Ada Engineer").click()
    accepted = page.locator(f"#answer-{answer.pk} .mark-accepted")
    accepted.wait_for()
    assert " ".join(accepted.inner_text().split()) == "Accepted answer"
    assert accepted.locator("svg.icon-circle-check").count() == 1
    assert page.get_by_role("button", name="Unaccept the answer by Ada Engineer").is_visible()
    assert page.url == question_url
    answer.refresh_from_db()
    assert answer.is_accepted and answer.thumbs_up_count == 1

    # Ada's credit: a cross-department thumbs-up and an accepted answer.
    knobs = policy.current()
    earned = (
        round(knobs["reputation.thumbs_up_points"] * knobs["reputation.cross_department_factor"])
        + knobs["reputation.accepted_answer_points"]
    )
    page.goto("/leaderboard/?period=week")
    row = page.locator("main tr, main li").filter(has_text="Ada Engineer")
    assert row.count() == 1
    assert re.search(rf"\b{earned}\b", row.inner_text())
    page.goto(cast.engineer.get_absolute_url())
    assert re.search(rf"\b{earned}\s+reputation\b", page.locator("main").inner_text())

    # The question now shows as answered in the lists and on the feed card.
    page.goto("/questions/?show=all")
    listed = page.locator(f"#question-{question.pk}")
    assert "Accepted" in listed.inner_text()
    page.goto(cast.open_space.get_absolute_url())
    assert "Has an accepted answer" in page.locator(f"#post-{question.pk}").inner_text()
