"""Videos, images and documents end to end in Chromium: attached in the composer with an
upload progress bar, checked and processed by the server, then played, viewed and
downloaded, and hidden from people who may not read the post."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from agora.media.models import Attachment
from agora.posts.models import Comment, Post
from agora.testing.browser import sign_in
from agora.testing.media import captions_file, pdf_file, png_file, webm_clip
from agora.testing.personas import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Notes every change of the composer's progress box (it is shown, filled and hidden again
# within one request, too fast to catch by polling).
RECORD_PROGRESS = """form => {
    const box = form.querySelector('[data-upload-progress]');
    const submit = form.querySelector('button[type=submit]');
    window.progressSeen = [];
    new MutationObserver(() => window.progressSeen.push({
        shown: !box.hidden,
        value: box.querySelector('progress').value,
        text: box.querySelector('[data-upload-percent]').textContent,
        busy: submit.disabled,
    })).observe(box, {attributes: true, childList: true, subtree: true, characterData: true});
}"""

SEEK = """video => new Promise(resolve => {
    video.addEventListener('seeked', () => resolve(video.currentTime), {once: true});
    video.currentTime = 1.5;
})"""


def throttled(*, upload: int) -> dict[str, object]:
    """Chromium's network conditions: ``upload`` bytes per second (-1: no limit)."""
    return {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": upload}


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    return {
        "video": webm_clip(tmp_path / "test-pattern.webm"),
        "image": png_file(tmp_path / "whiteboard.png"),
        "image2": png_file(tmp_path / "second-board.png", color="#884400"),
        "pdf": pdf_file(tmp_path / "q3-plan.pdf"),
        "captions": captions_file(tmp_path / "test-pattern.vtt"),
    }


def test_a_video_images_and_a_document_are_posted_played_viewed_and_downloaded(
    cast, page, files, live_server
):
    sign_in(page, cast.engineer.email, PASSWORD)
    composer = page.locator("form.composer")
    composer.get_by_label("Message").fill("Demo of the new test pattern, plus the Q3 plan")
    composer.locator("select[name=space]").select_option(cast.secret_space.slug)
    composer.locator("input[name=files]").set_input_files(
        [str(files["video"]), str(files["image"]), str(files["pdf"])]
    )
    composer.locator("input[name=files]").set_input_files(str(files["image2"]))  # adds one

    # The chosen files are listed with their kind and size; images ask for a description.
    chosen = composer.locator(".attach-item")
    assert chosen.count() == 4
    assert re.search(r"Video · \d+(\.\d)? KB", chosen.nth(0).inner_text())
    assert "Document" in chosen.nth(2).inner_text()
    composer.get_by_label("Describe whiteboard.png").fill("Whiteboard with the Q3 plan")
    assert composer.get_by_label("Describe whiteboard.png").get_attribute("name") == "alt_text_1"
    composer.locator("input[name=captions]").set_input_files(str(files["captions"]))

    # Chromium sends at 64 KB/s for a while, so the upload can be watched.
    network = page.context.new_cdp_session(page)
    network.send("Network.enable")
    network.send("Network.emulateNetworkConditions", throttled(upload=64 * 1024))
    page.evaluate(RECORD_PROGRESS, composer.element_handle())
    composer.get_by_role("button", name="Post").click()
    composer.locator("[data-upload-progress] progress").wait_for()
    assert composer.get_by_role("button", name="Post").is_disabled()
    card = page.locator("article.post", has_text="Demo of the new test pattern")
    card.wait_for()
    network.send("Network.emulateNetworkConditions", throttled(upload=-1))

    # The bar filled up while sending, with the button disabled; then all was reset.
    seen = page.evaluate("window.progressSeen")
    assert any(s["shown"] and s["busy"] and 0 < s["value"] < 100 for s in seen), seen
    assert any(s["shown"] and s["text"].startswith("100%") for s in seen), seen
    assert not composer.locator("[data-upload-progress]").is_visible()
    assert composer.locator(".attach-item").count() == 0
    assert composer.locator("input[name=captions]").count() == 0
    assert composer.get_by_label("Message").input_value() == ""
    assert composer.get_by_role("button", name="Post").is_enabled()

    post = Post.objects.get(body__startswith="Demo of the new test pattern")
    assert post.space == cast.secret_space
    stored = Attachment.objects.filter(link__post=post)
    assert sorted(a.kind for a in stored) == ["document", "image", "image", "video"]
    video_row = stored.get(kind="video")
    assert video_row.status == "ready"
    assert video_row.duration == pytest.approx(2, abs=0.2)
    assert (video_row.width, video_row.height) == (320, 240)

    # The images: gallery tiles with the author's description.
    assert card.locator(".gallery-item").count() == 2
    tile = card.locator(".gallery-item").first
    image = tile.locator("img")
    assert image.get_attribute("alt") == "Whiteboard with the Q3 plan"
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )

    # The video: plays inline with its poster, length and captions; seeking works.
    video = card.locator("video")
    assert video.get_attribute("poster")
    assert card.locator(".video-duration").inner_text().endswith("0:02")
    page.wait_for_function("v => v.readyState >= 2", arg=video.element_handle(), timeout=15_000)
    assert page.evaluate(SEEK, video.element_handle()) == pytest.approx(1.5, abs=0.05)
    src = video.locator("source").get_attribute("src")
    assert src
    ranged = page.request.get(src, headers={"Range": "bytes=100-199"})
    assert ranged.status == 206
    assert ranged.headers["content-range"] == f"bytes 100-199/{video_row.file.size}"
    assert len(ranged.body()) == 100
    poster = page.request.get(video.get_attribute("poster") or "")
    assert poster.status == 200 and poster.headers["content-type"] == "image/jpeg"
    track = video.locator("track")
    assert track.get_attribute("kind") == "captions"
    captions = page.request.get(track.get_attribute("src") or "")
    assert captions.status == 200 and captions.headers["content-type"].startswith("text/vtt")
    assert captions.text().startswith("WEBVTT")

    # The full-size view: a dialog with the description as caption; Escape closes it and
    # focus returns to the tile.
    tile.click()
    viewer = page.locator("dialog.lightbox")
    viewer.wait_for()
    assert viewer.locator(".lightbox-caption").inner_text() == "Whiteboard with the Q3 plan"
    full = viewer.locator("img")
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=full.element_handle())
    assert full.evaluate("img => img.naturalWidth") == 640  # the full image, not the preview
    viewer.get_by_role("button", name="Next").click()
    assert viewer.locator(".lightbox-count").inner_text() == "Image 2 of 2"
    assert "No description" in viewer.locator(".lightbox-caption").inner_text()
    page.keyboard.press("ArrowRight")  # round to the first again
    assert viewer.locator(".lightbox-caption").inner_text() == "Whiteboard with the Q3 plan"
    page.keyboard.press("Escape")
    viewer.wait_for(state="hidden")
    assert tile.evaluate("tile => document.activeElement === tile")

    # The document: name, type and size, and a download.
    document = card.locator("a.document")
    assert re.search(r"q3-plan\.pdf\s+PDF document · \d", document.inner_text())
    with page.expect_download() as download:
        document.click()
    assert download.value.suggested_filename == "q3-plan.pdf"
    href = document.get_attribute("href") or ""
    assert page.request.get(href).headers["content-disposition"].startswith("attachment")

    # Someone outside the secret space finds none of it.
    urls = [src, video.get_attribute("poster") or "", href]
    page.context.clear_cookies()
    sign_in(page, cast.outsider.email, PASSWORD)
    for url in urls:
        assert page.request.get(url).status == 404, url
    response = page.goto(src)
    assert response is not None and response.status == 404


def test_a_comment_carries_an_image_and_a_document(cast, page, files):
    sign_in(page, cast.salesperson.email, PASSWORD)
    page.goto(cast.open_post.get_absolute_url())
    form = page.locator("#comments form.comment-form")
    form.get_by_label("Write a comment").fill("The plan and the whiteboard from the review")
    form.locator("input[name=files]").set_input_files([str(files["pdf"]), str(files["image"])])
    form.get_by_label("Describe whiteboard.png").fill("Whiteboard after the review")
    form.get_by_role("button", name="Comment").click()

    comment = page.locator("article.comment", has_text="The plan and the whiteboard")
    comment.wait_for()
    assert comment.locator(".gallery img").get_attribute("alt") == "Whiteboard after the review"
    assert "q3-plan.pdf" in comment.locator("a.document").inner_text()
    assert form.locator(".attach-item").count() == 0

    saved = Comment.objects.get(body__startswith="The plan and the whiteboard")
    assert sorted(a.kind for a in saved.files.all()) == ["document", "image"]
    page.reload()  # drawn the same from the thread's query
    comment = page.locator(f"#comment-{saved.pk}")
    assert comment.locator(".gallery img").get_attribute("alt") == "Whiteboard after the review"
    assert comment.locator("a.document").count() == 1


def test_the_compose_page_keeps_the_text_and_files_when_a_file_is_refused(
    cast, page, tmp_path, live_server
):
    page_file = tmp_path / "notes.txt"
    page_file.write_text("<!doctype html><html><script>alert(1)</script></html>")
    photo = png_file(tmp_path / "team.png")
    sign_in(page, cast.engineer.email, PASSWORD)
    page.goto("/posts/new/")
    form = page.locator("form.composer-page")
    form.get_by_label("Message").fill("Team photo from the offsite")
    form.locator("input[name=files]").set_input_files([str(photo), str(page_file)])
    form.get_by_label("Describe team.png").fill("Twelve people on a beach")
    form.get_by_role("button", name="Post").click()

    error = page.locator(".form-error", has_text="notes.txt")
    error.wait_for()
    form = page.locator("form.composer-page")
    assert form.get_by_label("Message").input_value() == "Team photo from the offsite"
    assert form.locator(".attach-item").count() == 2  # the files are still chosen
    assert form.get_by_label("Describe team.png").input_value() == "Twelve people on a beach"
    assert not Post.objects.filter(body__startswith="Team photo").exists()

    form.get_by_role("button", name="Remove notes.txt").click()
    form.get_by_role("button", name="Post").click()
    page.wait_for_url(f"{live_server.url}/")  # home, where the new post is on top
    card = page.locator("article.post", has_text="Team photo from the offsite")
    assert card.locator(".gallery img").get_attribute("alt") == "Twelve people on a beach"
