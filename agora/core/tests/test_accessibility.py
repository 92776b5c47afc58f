"""Every main page passes axe-core's WCAG 2.2 AA rules in Chromium, light and dark."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from agora.demo.company import DEMO_PASSWORD, seed_demo
from agora.people.models import User
from agora.posts.models import Post
from agora.qa.models import Question
from agora.testing.browser import sign_in
from agora.testing.media import captions_file, pdf_file, png_file, webm_clip

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(settings.PROJECT_DIR) / "node_modules" / "axe-core" / "axe.min.js"
PAGES = [
    "/",
    "/?tab=company",
    "/spaces/",
    "/spaces/atlas-platform/",
    "/spaces/atlas-platform/members/",
    "/spaces/atlas-platform/settings/",  # Ada moderates it
    "/spaces/announcements/",  # only its managers start posts: Ada sees the notice
    "/spaces/cobalt-analytics/",
    "/spaces/tech-talks/",  # the video space (its talks still processing: no worker here)
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


def post_with_media(folder: Path) -> Post:
    """A post with a video (and captions), two images and a document, and a comment with
    an image and a document, sent through the same form the composer posts."""
    client = Client()
    client.force_login(User.objects.get(email="ada@northwind.example"))
    with ExitStack() as files:
        response = client.post(
            reverse("posts:create"),
            {
                "body": "The launch video, the booth photos and the brief #launch",
                "space": "atlas-platform",
                "files": [
                    files.enter_context(webm_clip(folder / "launch.webm").open("rb")),
                    files.enter_context(png_file(folder / "booth.png").open("rb")),
                    files.enter_context(png_file(folder / "stage.png", color="#884400").open("rb")),
                    files.enter_context(pdf_file(folder / "launch-brief.pdf").open("rb")),
                ],
                "alt_text_1": "Our booth, with the Atlas banner",
                "captions": files.enter_context(captions_file(folder / "launch.vtt").open("rb")),
            },
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    post = Post.objects.get(body__startswith="The launch video")
    with ExitStack() as files:
        response = client.post(
            reverse("posts:comments", args=[post.pk]),
            {
                "body": "The brief as printed",
                "files": [
                    files.enter_context(png_file(folder / "print.png").open("rb")),
                    files.enter_context(pdf_file(folder / "printed.pdf").open("rb")),
                ],
                "alt_text_0": "The printed brief on a desk",
            },
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    return post


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_main_pages_have_no_accessibility_violations(browser, live_server, scheme, tmp_path):
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
        with_media = post_with_media(tmp_path).get_absolute_url()
        for path in [*PAGES, discussed.get_absolute_url(), question.get_absolute_url(), with_media]:
            response = page.goto(path)
            assert response is not None and response.status == 200, path
            problems = violations(page)
            if problems:
                found[path] = problems
        # The parts drawn by agora.js: the full-size image viewer, and the composer's list
        # of chosen files with a description field per image.
        page.goto(with_media)
        page.locator("article.post .gallery-item").first.click()
        page.locator("dialog.lightbox").wait_for()
        if problems := violations(page):
            found["image viewer"] = problems
        page.goto("/")
        page.locator("form.composer input[name=files]").set_input_files(
            [
                str(tmp_path / "launch.webm"),
                str(tmp_path / "booth.png"),
                str(tmp_path / "launch-brief.pdf"),
            ]
        )
        page.locator("form.composer .attach-captions").wait_for()
        if problems := violations(page):
            found["composer with files"] = problems
        assert found == {}
    finally:
        context.close()


# What a control's name would be without any emoji font: the name a screen reader gets
# (aria-label, or the text that is not aria-hidden), which must have a letter or a digit,
# and the glyphs drawn for sighted people (aria-hidden text), which must not be emoji or
# symbols: those are the empty boxes this page would otherwise show.
CONTROL_NAMES = r"""() => {
    const glyph = new RegExp('[\\p{Extended_Pictographic}\\u2190-\\u21ff\\u22ef' +
        '\\u2300-\\u23ff\\u25a0-\\u27bf\\u2b00-\\u2bff]', 'u');
    const shown = el => el.getClientRects().length > 0;
    function spoken(node) {
        if (node.nodeType === Node.TEXT_NODE) return node.textContent;
        if (node.nodeType !== Node.ELEMENT_NODE) return '';
        if (node.getAttribute('aria-hidden') === 'true') return '';
        if (node.tagName === 'IMG') return node.getAttribute('alt') || '';
        if (node.tagName === 'svg' || node.tagName === 'TEMPLATE') return '';
        return Array.from(node.childNodes).map(spoken).join('');
    }
    function name(el) {
        const label = el.getAttribute('aria-label');
        if (label) return label;
        const by = el.getAttribute('aria-labelledby');
        if (by) {
            return by.split(' ').map(id => document.getElementById(id))
                .map(part => (part ? spoken(part) : '')).join(' ');
        }
        return spoken(el) || el.getAttribute('title') || '';
    }
    const problems = [];
    const controls = document.querySelectorAll(
        'a[href], button, summary, [role=button], [role=menuitem], label.file-button');
    for (const el of controls) {
        if (!shown(el) || el.closest('.prose')) continue;  // what people wrote is content
        const what = el.outerHTML.slice(0, 120);
        if (!/[\p{L}\p{N}]/u.test(name(el))) problems.push('no name: ' + what);
        for (const hidden of el.querySelectorAll('[aria-hidden=true]')) {
            if (glyph.test(hidden.textContent)) problems.push('glyph icon: ' + what);
        }
    }
    for (const reaction of document.querySelectorAll('button.reaction')) {
        if (!reaction.querySelector('svg.icon')) {
            problems.push('reaction without icon: ' + reaction.outerHTML.slice(0, 120));
        }
    }
    return problems;
}"""


def test_no_control_relies_on_an_emoji_or_symbol_glyph(browser, live_server, tmp_path):
    seed_demo()
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        sign_in(page, "admin@northwind.example", DEMO_PASSWORD)  # who sees every control
        discussed = Post.objects.filter(space__slug="atlas-platform").order_by("-comment_count")[0]
        question = Question.objects.filter(answers__is_official=True).order_by("-answer_count")[0]
        found = {}
        for path in [
            *PAGES,
            "/notifications/",
            "/leaderboard/",
            discussed.get_absolute_url(),
            question.get_absolute_url(),
        ]:
            page.goto(path)
            # Open every comment thread and menu, so their controls are drawn and counted.
            for toggle in page.locator(".comment-toggle[hx-get]").all()[:3]:
                toggle.click()
            page.wait_for_load_state("networkidle")
            if problems := page.evaluate(CONTROL_NAMES):
                found[path] = problems
        assert page.locator("button.reaction").count() > 0
        assert found == {}
    finally:
        context.close()
