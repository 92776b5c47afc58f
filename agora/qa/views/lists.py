"""Question lists: no accepted answer, unanswered, all; company-wide or one space; by tag."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from agora.core import markdown
from agora.core.htmx import bad_request, render_page
from agora.core.pagination import BadCursor
from agora.qa import queries
from agora.spaces.access import SpaceAccess, access_space
from agora.spaces.viewer import viewer_for


@require_GET
def question_list(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    show = request.GET.get("show", "open")
    if show not in queries.FILTERS:
        show = "open"
    tag = request.GET.get("tag", "").strip().lstrip("#").lower()
    if not markdown.TAG_RE.fullmatch(tag):
        tag = ""
    access: SpaceAccess | None = None
    slug = request.GET.get("space", "")
    if slug:
        access = access_space(viewer.user, slug)  # a secret space is 404 to outsiders
    space = access.space if access is not None else None
    try:
        page = queries.question_list(
            viewer.user,
            show=show,
            space=space,
            tag=tag,
            cursor=request.GET.get("before"),
            size=settings.AGORA_FEED_PAGE_SIZE,
        )
    except BadCursor as exc:
        return bad_request(request, str(exc))
    in_space = {"space": space.slug} if space is not None else {}
    scope = {**in_space, **({"tag": tag} if tag else {})}
    base = reverse("qa:list")
    context = {
        "viewer": viewer,
        "page": page,
        "show": show,
        "tag": tag,
        "space": space,
        "access": access,
        "filters": [
            (key, label, f"{base}?{urlencode({'show': key, **scope})}")
            for key, label in queries.FILTERS.items()
        ],
        "ask_url": f"{reverse('qa:ask')}?{urlencode(in_space)}" if in_space else reverse("qa:ask"),
        "clear_tag_url": f"{base}?{urlencode({'show': show, **in_space})}",
        "more_url": f"{base}?{urlencode({'show': show, **scope})}&before=",
        "current_space_id": space.pk if space is not None else None,
    }
    return render_page(request, "qa/list.html", "qa/_list_page.html", context)
