"""The installable web app: its manifest, icons, service worker and offline page.

A phone or desktop browser can install Agora from its menu ("Add to Home screen",
"Install app"): the manifest names it and its icons, drawn here from the logo's shapes
(Pillow, once per process), so nothing built is committed. The service worker only
answers page loads that fail for want of a network with the offline page: it keeps no
page, post or person, so nothing private stays on a device.
"""

from __future__ import annotations

import functools
import io
import json

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_GET
from PIL import Image, ImageDraw

from agora.core.caching import RELEASE

BLUE = "#1f5fbf"  # the logo's (agora/core/static/agora/icon.svg)
BACKGROUND = "#f4f5f7"
SIZES = (192, 512)


@login_not_required  # browsers fetch the manifest without cookies
@require_GET
def manifest(request: HttpRequest) -> JsonResponse:
    name = settings.SITE_NAME
    icons = [{"src": static("agora/icon.svg"), "sizes": "any", "type": "image/svg+xml"}]
    icons += [
        {"src": reverse("app_icon", args=[kind, size]), "sizes": f"{size}x{size}",
         "type": "image/png", "purpose": purpose}
        for kind, purpose in (("any", "any"), ("maskable", "maskable"))
        for size in SIZES
    ]  # fmt: skip
    data = {
        "name": name,
        "short_name": name[:12],
        "description": f"{name}: your colleagues' news, questions and answers",
        "id": "/",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": BACKGROUND,
        "theme_color": BLUE,
        "icons": icons,
    }
    response = JsonResponse(data, content_type="application/manifest+json")
    response["Cache-Control"] = "public, max-age=3600"
    return response


@functools.cache
def draw_icon(kind: str, size: int) -> bytes:
    """The logo as a PNG: a blue rounded square with a white diamond; ``maskable`` fills
    the whole square and keeps the diamond inside the safe zone (the middle 80%)."""
    scale = 4  # drawn large and scaled down: smooth edges
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    if kind == "maskable":
        pen.rectangle((0, 0, big, big), fill=BLUE)
        reach = big * 0.28
    else:
        pen.rounded_rectangle((0, 0, big - 1, big - 1), radius=big * 7 / 32, fill=BLUE)
        reach = big * 11 / 32
    middle = big / 2
    pen.polygon(
        [(middle, middle - reach), (middle + reach, middle), (middle, middle + reach),
         (middle - reach, middle)],
        fill="white",
    )  # fmt: skip
    out = io.BytesIO()
    image.resize((size, size), Image.Resampling.LANCZOS).save(out, "PNG", optimize=True)
    return out.getvalue()


@login_not_required
@require_GET
def icon(request: HttpRequest, kind: str, size: int) -> HttpResponse:
    if kind not in ("any", "maskable") or size not in SIZES:
        raise Http404("No such icon")
    response = HttpResponse(draw_icon(kind, size), content_type="image/png")
    response["Cache-Control"] = "public, max-age=86400"
    return response


@login_not_required
@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    """Served from the root, so that it may answer for every page of the site."""
    offline_url = reverse("offline")
    context = {  # as JSON: the script reads them as its own literals
        "cache": json.dumps(f"agora-offline-{RELEASE}-{static('agora/agora.css')}"),
        "offline": json.dumps(offline_url),
        "assets": json.dumps([offline_url, static("agora/agora.css"), static("agora/icon.svg")]),
    }
    body = render_to_string("core/sw.js", context)
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response


@login_not_required
@require_GET
def offline(request: HttpRequest) -> HttpResponse:
    return render(request, "core/offline.html")
