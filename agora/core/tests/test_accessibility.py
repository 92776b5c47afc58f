"""Every main page passes axe-core's WCAG 2.2 AA rules in Chromium, light and dark."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

from agora.core.demo import DEMO_PASSWORD, seed_demo
from agora.posts.models import Post
from agora.qa.models import Question
from agora.testing.browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(settings.PROJECT_DIR) / "node_modules" / "axe-core" / "axe.min.js"
PAGES = [
    "/",
    "/?tab=company",
    "/spaces/",
    "/spaces/atlas-platform/",
    "/spaces/atlas-platform/members/",
    "/spaces/cobalt-analytics/",
    "/people/",
    "/people/sam-rivera/",
    "/people/me/edit/",
    "/posts/new/",
    "/tags/release/",
    "/spaces/new/",
    "/questions/",
    "/questions/?space=atlas-platform&show=all",
    "/questions/ask/",
]


def violations(page) -> list[str]:
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


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_main_pages_have_no_accessibility_violations(browser, live_server, scheme):
    if not AXE.exists():
        pytest.fail(f"axe-core is missing at {AXE}; run `npm ci`.")
    seed_demo()
    # axe is injected as an inline script, which Agora's CSP rightly forbids.
    context = browser.new_context(base_url=live_server.url, bypass_csp=True, color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto("/accounts/login/")
        found = {}
        if problems := violations(page):
            found["/accounts/login/"] = problems
        sign_in(page, "ada@northwind.example", DEMO_PASSWORD)
        discussed = Post.objects.filter(space__slug="atlas-platform").order_by("-comment_count")[0]
        # A question with an accepted answer, an official one and comments on answers.
        question = Question.objects.filter(answers__is_official=True).order_by("-answer_count")[0]
        for path in [*PAGES, discussed.get_absolute_url(), question.get_absolute_url()]:
            response = page.goto(path)
            assert response is not None and response.status == 200, path
            problems = violations(page)
            if problems:
                found[path] = problems
        assert found == {}
    finally:
        context.close()
