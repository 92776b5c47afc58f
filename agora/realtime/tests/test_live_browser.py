"""Two people at once, in Chromium, on ``agora serve`` as ``make run`` starts it (its
default mode and its own worker): one posts and mentions the other, whose open page
shows the new post and the notification without a reload."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from agora.testing.browser import ARTIFACTS
from agora.testing.fixtures import embedded_env, free_port, wait_until_up
from agora.testing.media import make_video

pytestmark = pytest.mark.browser

AGORA = [sys.executable, "-m", "agora.cli"]
PASSWORD = "a-long-enough-passphrase"
PEOPLE = {"ana@example.com": "Ana Author", "ben@example.com": "Ben Reader"}


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    env = embedded_env(tmp_path)
    subprocess.run([*AGORA, "migrate", "-v", "0"], env=env, check=True)
    people = "; ".join(
        f"create_user({email!r}, display_name={name!r}, password={PASSWORD!r})"
        for email, name in PEOPLE.items()
    )
    subprocess.run(
        [*AGORA, "shell", "-c", f"from agora.people.actions import create_user; {people}"],
        env=env,
        check=True,
        capture_output=True,
    )
    port = free_port()
    server = subprocess.Popen(
        [*AGORA, "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(port)
        yield base, env
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()


def _person(browser: Any, base: str, email: str, width: int) -> Any:
    context = browser.new_context(base_url=base, viewport={"width": width, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")
    page.wait_for_function("document.body.dataset.live === 'on'")
    return page


def _as_ana(env: dict[str, str], code: str) -> str:
    """Run ``code`` as Ana in a process of its own (``ana`` is her user); its output."""
    done = subprocess.run(
        [*AGORA, "shell", "-c",
         "from agora.people.models import User\n"
         "ana = User.objects.get(email='ana@example.com')\n" + code],
        env=env, check=True, capture_output=True, text=True,
    )  # fmt: skip
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


def test_a_mention_reaches_the_other_persons_open_page_without_a_reload(browser, served):
    served, env = served
    ben = _person(browser, served, "ben@example.com", 390)  # on a phone
    streams: list[str] = []
    ben.context.on("request", lambda r: streams.append(r.url) if "/events/" in r.url else None)
    other_tab = ben.context.new_page()  # Ben has Agora open in a second tab too
    other_tab.goto("/notifications/")
    other_tab.wait_for_function("document.body.dataset.live === 'on'")
    ana = _person(browser, served, "ana@example.com", 1280)
    errors: list[str] = []
    ben.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        time.sleep(0.5)  # both streams are open
        composer = ana.locator("form.composer")
        composer.get_by_label("Message").fill("Lunch at noon? @ben-reader")
        composer.get_by_role("button", name="Post").click()
        ana.locator("article.post", has_text="Lunch at noon?").wait_for()

        # Ben's page says a post arrived, and his bell counts the mention, unreloaded.
        ben.locator("#new-posts", has_text="1 new post").wait_for()
        ben.locator("#bell .bell-count", has_text="1").wait_for()
        other_tab.locator("#bell .bell-count", has_text="1").wait_for()  # the other tab too
        assert streams == []  # both tabs share the one stream the first tab opened
        assert "Lunch at noon?" not in ben.locator("#feed-items").inner_text()
        ben.locator("#new-posts").click()
        ben.locator("article.post", has_text="Lunch at noon?").wait_for()

        # Ana's comment appears under the post on Ben's page.
        card = ana.locator("article.post", has_text="Lunch at noon?")
        ben.locator("article.post", has_text="Lunch at noon?").locator(".comment-toggle").click()
        ben.locator(".comment-form textarea").first.wait_for()
        card.locator(".comment-toggle").click()
        card.locator(".comment-form textarea").first.fill("Booked a table.")
        card.locator(".comment-form").first.get_by_role("button", name="Comment").click()
        ben.locator(".comment", has_text="Booked a table.").wait_for()
        # Ana's thumbs-up shows in Ben's count.
        assert ana.locator(".comment", has_text="Booked a table.").count() == 1  # not twice
        card.locator("footer form.reactions button[data-kind=thumbs_up]").click()
        ben_card = ben.locator("article.post", has_text="Lunch at noon?")
        ben_card.locator(
            "footer form.reactions button[data-kind=thumbs_up] .reaction-count", has_text="1"
        ).wait_for()
        ARTIFACTS.mkdir(exist_ok=True)
        ben.screenshot(path=str(ARTIFACTS / "live-ben-phone.png"), full_page=True)
        ana.screenshot(path=str(ARTIFACTS / "live-ana-desktop.png"), full_page=True)
        # A question Ben reads gets an answer, written by another process.
        question = _as_ana(
            env,
            "from agora.qa.actions import do_ask\n"
            "print(do_ask(ana, space=None, title='Where is the VPN guide?', body='?').post.pk)",
        )
        ben.goto(f"/questions/{question}/")
        ben.wait_for_function("document.body.dataset.live === 'on'")
        ben.wait_for_timeout(500)
        _as_ana(
            env,
            "from agora.qa.actions import do_answer\n"
            "from agora.qa.models import Question\n"
            f"do_answer(ana, Question.objects.get(post_id={question}), 'On the intranet.')",
        )
        ben.locator("#answer-list .answer", has_text="On the intranet.").wait_for()
        assert ben.locator("#answers-count").inner_text() == "1 answer"
        assert not errors, errors
        # When the tab holding the stream closes, the other one takes it over.
        ben.close()
        other_tab.wait_for_function("true")
        deadline = time.monotonic() + 10
        while not streams and time.monotonic() < deadline:
            other_tab.wait_for_timeout(100)
        assert len(streams) == 1 and "last=" in streams[0]  # resuming where it was
    finally:
        ben.context.close()
        ana.context.close()


def test_a_video_that_finishes_processing_plays_on_the_open_page(browser, served, tmp_path):
    """Ben has Ana's post open while her video is still being processed; when the worker
    is done, the notice becomes the player without a reload."""
    base, env = served
    clip = make_video(tmp_path / "demo.mp4")
    post_id = _as_ana(
        env,
        "from django.core.files.uploadedfile import SimpleUploadedFile\n"
        "from agora.media.uploads import Upload\n"
        "from agora.posts.actions import check_create_post\n"
        f"data = open({str(clip)!r}, 'rb').read()\n"
        "post = check_create_post(ana, space=None, body='The launch demo',"
        " uploads=[Upload(SimpleUploadedFile('demo.mp4', data))])\n"
        "print(post.pk)",
    )
    attachment = f"Attachment.objects.get(link__post_id={post_id})"
    # The server's worker makes it ready; then it is processing again, as if Ben had
    # opened the post a moment earlier (the worker is faster than a browser here).
    for _ in range(60):
        if (
            _as_ana(env, f"from agora.media.models import Attachment\nprint({attachment}.status)")
            == "ready"
        ):
            break
        time.sleep(0.5)
    else:
        raise AssertionError("the worker did not process the video")
    _as_ana(
        env,
        "from agora.media.models import Attachment\n"
        f"a = {attachment}\nAttachment.objects.filter(pk=a.pk).update(status='processing')",
    )
    ben = _person(browser, base, "ben@example.com", 390)
    ben.goto(f"/posts/{post_id}/")
    ben.get_by_text("Processing video…").wait_for()
    _as_ana(
        env,
        "from agora.core import events\n"
        "from agora.media.events import AttachmentsChanged\n"
        "from agora.media.models import Attachment\n"
        f"a = {attachment}\nAttachment.objects.filter(pk=a.pk).update(status='ready')\n"
        "events.emit(AttachmentsChanged((a.pk,)))",
    )  # what the worker's video task does when it is done
    ben.locator("[data-video] video").wait_for()
    assert ben.get_by_text("Processing video…").count() == 0
    ben.screenshot(path=str(ARTIFACTS / "live-video-ready-phone.png"))
    ben.context.close()
