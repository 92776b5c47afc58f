"""The foundation, end to end in Chromium, as the demo company's people use it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image

from agora.demo.company import DEMO_PASSWORD, seed_demo
from agora.media.models import Attachment
from agora.people import actions as people
from agora.posts.models import Comment, Post
from agora.testing.browser import sign_in
from agora.testing.personas import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo() -> None:
    seed_demo()


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "whiteboard.png"
    Image.new("RGB", (640, 360), "#2a6f97").save(path)
    return path


def test_an_engineer_posts_reacts_and_comments_without_reloading(demo, page, photo, live_server):
    sign_in(page, "ada@northwind.example", DEMO_PASSWORD)
    assert page.get_by_role("heading", name="Your spaces").is_visible()

    composer = page.locator("form.composer")
    composer.get_by_label("Message").fill(
        "Whiteboard from today's design review, thanks @sam-rivera! #design-review"
    )
    composer.locator("select[name=space]").select_option("")
    composer.locator("input[type=file]").set_input_files(str(photo))
    page.wait_for_function("document.getElementById('composer-files').textContent.length > 0")
    composer.get_by_role("button", name="Post").click()

    post_text = page.locator("article.post", has_text="Whiteboard from today's design review")
    post_text.wait_for()
    card = post_text.first
    assert page.url == f"{live_server.url}/"  # no navigation happened
    assert composer.get_by_label("Message").input_value() == ""  # the composer was reset
    mention = card.locator("a.mention")
    assert mention.inner_text() == "@Sam Rivera"
    assert card.locator("a.hashtag").inner_text() == "#design-review"
    image = card.locator(".gallery img")
    image.wait_for()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )

    thumbs = card.locator("button.reaction[data-kind=thumbs_up]")
    thumbs.click()
    page.wait_for_function(
        "c => c.querySelector('[data-kind=thumbs_up]').getAttribute('aria-pressed') === 'true'",
        arg=card.element_handle(),
    )
    assert card.locator("button.reaction[data-kind=thumbs_up] .reaction-count").inner_text() == "1"

    toggle = card.locator(".comment-toggle")
    assert toggle.inner_text().strip() == "Comment"
    toggle.click()
    comment_box = card.locator(".comment-form textarea").first
    comment_box.wait_for()
    comment_box.fill("Adding the photo of the second board later today.")
    card.locator(".comment-form").first.get_by_role("button", name="Comment").click()
    card.locator(".comment", has_text="photo of the second board").wait_for()
    # The card's count follows, without a reload (sent out of band with the comment).
    page.wait_for_function("t => t.innerText.trim() === '1 comment'", arg=toggle.element_handle())

    post = Post.objects.get(body__startswith="Whiteboard from today's design review")
    assert post.thumbs_up_count == 1
    assert Comment.objects.filter(post=post).count() == 1
    assert Attachment.objects.filter(link__post=post).count() == 1

    page.reload()
    card = page.locator(f"#post-{post.pk}")
    assert card.is_visible()
    assert re.search(r"1 comment\b", card.locator(".comment-toggle").inner_text())
    assert card.locator("button[data-kind=thumbs_up]").get_attribute("aria-pressed") == "true"

    # On the post's own page, the "N comments" line follows a new comment too.
    page.goto(post.get_absolute_url())
    count = page.locator("article.post .comment-count")
    assert count.inner_text() == "1 comment"
    page.get_by_label("Write a comment").fill("And here is the second board.")
    page.locator("#comments").get_by_role("button", name="Comment").click()
    page.locator(".comment", has_text="the second board.").wait_for()
    page.wait_for_function("c => c.innerText === '2 comments'", arg=count.element_handle())
    assert page.url.endswith(post.get_absolute_url())  # still no navigation


def test_a_secret_space_is_not_found_for_an_outsider(demo, page):
    sign_in(page, "ada@northwind.example", DEMO_PASSWORD)
    response = page.goto("/spaces/project-falcon/")
    assert response is not None and response.status == 200
    assert page.get_by_role("heading", name=re.compile("Project Falcon")).is_visible()

    page.context.clear_cookies()
    sign_in(page, "sam@northwind.example", DEMO_PASSWORD)
    response = page.goto("/spaces/project-falcon/")
    assert response is not None and response.status == 404
    assert page.get_by_role("heading", name="Not found").is_visible()
    assert "Project Falcon" not in page.content()
    page.goto("/spaces/")
    assert "Project Falcon" not in page.content()


def test_a_mention_is_completed_from_the_keyboard(cast, page):
    # Sabine comes before Sam Sales in the menu, so reaching Sam takes the arrow key.
    people.create_user("sabine@example.com", display_name="Sabine Adler", job_title="Designer")
    sign_in(page, cast.engineer.email, PASSWORD)
    box = page.locator("form.composer").get_by_label("Message")
    box.click()
    page.keyboard.type("Pricing question for @sa")
    menu = page.get_by_role("listbox", name="People to mention")
    menu.wait_for()
    options = menu.get_by_role("option")
    assert [" ".join(o.inner_text().split()) for o in options.all()] == [
        "SA Sabine Adler @sabine-adler Designer",
        "SS Sam Sales @sam-sales Sales person · Sales",
    ]
    # The textarea is the menu's combobox; the first person is chosen until one moves.
    assert box.get_attribute("aria-expanded") == "true"
    assert box.get_attribute("aria-activedescendant") == options.nth(0).get_attribute("id")
    page.keyboard.press("ArrowDown")
    assert options.nth(1).get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == options.nth(1).get_attribute("id")
    page.keyboard.press("Enter")
    menu.wait_for(state="detached")
    assert box.input_value() == "Pricing question for @sam-sales "
    page.keyboard.type("can you help?")
    page.locator("form.composer").get_by_role("button", name="Post").click()

    card = page.locator("article.post", has_text="Pricing question for")
    card.wait_for()
    mention = card.locator("a.mention")
    assert mention.inner_text() == "@Sam Sales"
    assert mention.get_attribute("href") == cast.salesperson.get_absolute_url()
    assert Post.objects.get(body__startswith="Pricing").body == (
        "Pricing question for @sam-sales can you help?"
    )

    # Escape closes the menu and leaves the text as typed.
    box.click()
    page.keyboard.type("cc @sa")
    menu.wait_for()
    page.keyboard.press("Escape")
    menu.wait_for(state="detached")
    assert box.input_value() == "cc @sa"
