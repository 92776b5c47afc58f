"""The installable web app: a manifest browsers accept, icons of the sizes it names, and a
service worker that shows the offline page when there is no network (in Chromium)."""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image

from agora.testing.browser import sign_in
from agora.testing.personas import PASSWORD

pytestmark = pytest.mark.django_db


def test_the_manifest_names_the_app_and_every_icon_it_names_is_served(client):
    response = client.get("/manifest.webmanifest")  # browsers send no cookies for it
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "Agora" and manifest["display"] == "standalone"
    assert manifest["start_url"] == "/" and manifest["scope"] == "/"
    pngs = [i for i in manifest["icons"] if i["type"] == "image/png"]
    # Chromium's install rule: a 192 and a 512 pixel icon, and a maskable one.
    assert {i["sizes"] for i in pngs} >= {"192x192", "512x512"}
    assert any(i["purpose"] == "maskable" for i in pngs)
    for entry in pngs:
        icon = client.get(entry["src"])
        assert icon.status_code == 200 and icon["Content-Type"] == "image/png"
        image = Image.open(io.BytesIO(icon.content))
        assert f"{image.width}x{image.height}" == entry["sizes"]
        # The logo's white diamond in the middle, on blue a little to its left.
        middle = image.convert("RGB").getpixel((image.width // 2, image.height // 2))
        assert middle == (255, 255, 255)
        beside = image.convert("RGB").getpixel((image.width // 8, image.height // 2))
        assert beside == (0x1F, 0x5F, 0xBF)
    assert client.get("/icons/any-64.png").status_code == 404
    assert client.get("/icons/huge-512.png").status_code == 404


def test_every_page_links_the_manifest(client_for):
    page = client_for("engineer").get("/")
    assert '<link rel="manifest" href="/manifest.webmanifest">' in page.text
    assert 'data-service-worker="/sw.js"' in page.text


def test_the_service_worker_is_served_from_the_root_and_keeps_no_page(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Cache-Control"] == "no-cache"  # a new release's worker is seen at once
    assert 'const OFFLINE = "/offline/";' in response.text
    assert "cache.put" not in response.text  # it stores what install lists, nothing else
    offline = client.get("/offline/")
    assert offline.status_code == 200 and "You are offline" in offline.text


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_without_a_network_a_page_shows_the_offline_page(page, cast):
    sign_in(page, cast.engineer.email, PASSWORD)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()  # now the page is controlled by the worker
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    page.context.set_offline(True)
    try:
        page.goto("/spaces/")
        assert page.get_by_role("heading", name="You are offline").is_visible()
        page.screenshot(path="test-artifacts/offline-page.png")
    finally:
        page.context.set_offline(False)
    page.goto("/spaces/")
    assert page.get_by_role("heading", name="Spaces").first.is_visible()
