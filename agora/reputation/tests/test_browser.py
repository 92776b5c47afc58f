"""The reputation and notification pages in Chromium: axe-core's WCAG 2.2 AA rules in
light and dark, the htmx swap of the leaderboard, and no sideways scrolling on a phone."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.utils import timezone

from agora.notifications.models import NotificationKind
from agora.people.models import Level, Standing
from agora.posts import actions as posts
from agora.qa import actions as qa
from agora.reputation.tests.helpers import answer, ask
from agora.testing.browser import sign_in
from agora.testing.notices import notify
from agora.testing.personas import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(settings.PROJECT_DIR) / "node_modules" / "axe-core" / "axe.min.js"


def _violations(page: Any) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, {runOnly: {type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}});
            return r.violations.map(v => v.id + ' (' + v.impact + '): ' +
                v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
        }"""
    )
    return list(result)


@pytest.fixture
def credit(cast) -> None:
    """Credit, levels (one in a grace period), badges and notifications to draw."""
    question = ask(cast.salesperson, space=cast.open_space, tags=["deploys"])
    reply = answer(cast.engineer, question)
    qa.do_accept(reply, accepter=cast.salesperson)
    for person in (cast.salesperson, cast.moderator, cast.outsider):
        posts.do_add_reaction(person, cast.company_post, "thumbs_up")
    posts.do_add_reaction(
        cast.engineer, answer(cast.moderator, question, "Or Mondays.").post, "thumbs_up"
    )
    Standing.objects.update_or_create(
        user=cast.moderator,
        defaults={"level": Level.LEADER, "below_since": timezone.now() - timedelta(days=2)},
    )
    Standing.objects.update_or_create(user=cast.engineer, defaults={"level": Level.CONTRIBUTOR})
    notify([cast.moderator.pk], NotificationKind.LEVEL, text="You are now a Leader.")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_reputation_pages_have_no_accessibility_violations(
    browser, live_server, cast, credit, scheme
):
    if not AXE.exists():
        pytest.fail(f"axe-core is missing at {AXE}; run `npm ci`.")
    context = browser.new_context(base_url=live_server.url, bypass_csp=True, color_scheme=scheme)
    page = context.new_page()
    try:
        # The moderator: their profile's feed has no image posts (the cast's images have
        # no alt text, which is the posts' concern, not this page's).
        sign_in(page, cast.moderator.email, PASSWORD)
        paths = [
            "/notifications/",  # first: its notifications are still unread
            "/leaderboard/",
            "/leaderboard/?period=all",
            f"/leaderboard/?period=all&tag=deploys&space={cast.open_space.slug}",
            "/leaderboard/?period=week&department=finance",  # the empty state
            "/leaderboard/experts/deploys/",
            "/tags/deploys/",
            cast.moderator.get_absolute_url(),  # with the level panel and its grace warning
            cast.salesperson.get_absolute_url(),
        ]
        found = {}
        for path in paths:
            response = page.goto(path)
            assert response is not None and response.status == 200, path
            if problems := _violations(page):
                found[path] = problems
        assert found == {}
    finally:
        context.close()


def test_the_leaderboard_swaps_its_results_and_fits_a_phone(browser, live_server, cast, credit):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 360, "height": 800})
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        sign_in(page, cast.salesperson.email, PASSWORD)
        page.goto("/leaderboard/?period=all")
        assert page.locator("tbody tr").count() >= 2
        page.get_by_label("Department").select_option("engineering")
        page.wait_for_url("**department=engineering**")
        assert page.locator("tbody tr").count() == 1
        assert "Ada Engineer" in page.locator("tbody").inner_text()
        assert page.get_by_label("Department").input_value() == "engineering"
        page.get_by_role("link", name="This week").click()
        page.wait_for_url("**period=week**")
        assert "department=engineering" in page.url
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0
    finally:
        context.close()
    assert not errors


def test_following_from_a_profile_changes_its_follower_count(cast, page):
    sign_in(page, cast.salesperson.email, PASSWORD)
    page.goto(cast.engineer.get_absolute_url())
    count = page.locator(f"#follower-count-{cast.engineer.pk}")
    assert count.inner_text() == "0 followers"
    page.get_by_role("button", name="Follow").click()
    following = page.get_by_role("button", name="Following")
    following.wait_for()
    assert following.get_attribute("aria-pressed") == "true"
    page.wait_for_function("c => c.innerText === '1 follower'", arg=count.element_handle())
    following.click()
    page.get_by_role("button", name="Follow", exact=True).wait_for()
    page.wait_for_function("c => c.innerText === '0 followers'", arg=count.element_handle())
