"""The top bar's search on a phone, in Chromium: behind a button that opens it over the
whole bar, usable from the keyboard, its suggestions the width of the screen; the desktop
keeps the box in the bar."""

from __future__ import annotations

from typing import Any

import pytest

from agora.testing.browser import sign_in
from agora.testing.personas import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _phone(browser: Any, live_server: Any, width: int) -> Any:
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": 800}
    )
    context.set_default_timeout(10_000)
    return context


@pytest.mark.parametrize("width", [320, 390, 430])
def test_on_a_phone_the_search_opens_full_width_with_suggestions_on_screen(
    browser, live_server, cast, width
):
    context = _phone(browser, live_server, width)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        sign_in(page, cast.engineer.email, PASSWORD)
        box = page.get_by_role("searchbox", name="Search Agora")
        toggle = page.get_by_role("button", name="Search", exact=True)
        assert not box.is_visible()
        assert toggle.get_attribute("aria-expanded") == "false"
        # Nothing in the top bar runs off the screen.
        assert page.evaluate("document.querySelector('.topbar').scrollWidth") <= width

        toggle.focus()
        page.keyboard.press("Enter")
        assert toggle.get_attribute("aria-expanded") == "true"
        assert page.evaluate("document.activeElement.id") == "topbar-q"
        field = box.bounding_box()
        assert field is not None and field["width"] >= 200
        assert field["x"] >= 0 and field["x"] + field["width"] <= width

        page.keyboard.type("sa")
        suggestions = page.locator("#topbar-suggestions")
        suggestions.get_by_role("link", name="Sam Sales").wait_for()
        panel = suggestions.bounding_box()
        assert panel is not None
        assert panel["x"] >= 0 and panel["x"] + panel["width"] <= width
        assert panel["width"] >= width - 2  # the whole width, not a column under the box
        for link in suggestions.get_by_role("link").all():
            place = link.bounding_box()
            assert place is not None and place["x"] + place["width"] <= width

        # Escape closes it and puts focus back on the button; Space opens it again.
        page.keyboard.press("Escape")
        assert not box.is_visible()
        assert toggle.get_attribute("aria-expanded") == "false"
        assert page.evaluate("document.activeElement.dataset.searchToggle") == ""
        page.keyboard.press(" ")
        assert box.is_visible()
        page.get_by_role("button", name="Close search").click()
        assert not box.is_visible()

        # Enter in the open box searches, as on a desktop.
        toggle.click()
        box.fill("pricing")
        page.keyboard.press("Enter")
        page.wait_for_url("**/search/?q=pricing")
    finally:
        context.close()
    assert not errors


def test_without_javascript_the_phone_search_button_opens_the_search_page(
    browser, live_server, cast
):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 800}, java_script_enabled=False
    )
    try:
        page = context.new_page()
        sign_in(page, cast.engineer.email, PASSWORD)
        page.get_by_role("link", name="Search", exact=True).click()
        page.wait_for_url("**/search/")
        assert page.get_by_role("main").get_by_role("searchbox").is_visible()
    finally:
        context.close()


def test_on_a_desktop_the_search_box_stays_in_the_top_bar(page, cast):
    sign_in(page, cast.engineer.email, PASSWORD)
    box = page.get_by_role("searchbox", name="Search Agora")
    assert box.is_visible()
    assert not page.locator("[data-search-toggle]").is_visible()
    assert not page.get_by_role("button", name="Close search").is_visible()
    field = box.bounding_box()
    assert field is not None and field["width"] >= 300
    box.fill("sa")
    page.locator("#topbar-suggestions").get_by_role("link", name="Sam Sales").wait_for()
    panel = page.locator("#topbar-suggestions").bounding_box()
    assert panel is not None and abs(panel["x"] - field["x"]) < 1  # under the box
