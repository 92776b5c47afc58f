"""The leaderboard and the expert list of a tag."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from agora.core.htmx import render_page
from agora.people.models import Department, User
from agora.posts.models import Tag
from agora.posts.queries import readable_tag
from agora.reputation import queries
from agora.spaces.models import Space
from agora.spaces.viewer import viewer_for

DEFAULT_PERIOD = "month"


def _tag(user: User, name: str) -> Tag:
    """The tag if ``user`` may read a post carrying it; otherwise 404, exactly like a tag
    that exists nowhere (a tag used only in a secret space stays unknowable)."""
    found = readable_tag(user, name.strip().lower()[:50])
    if found is None:
        raise Http404("No such tag")
    return found


@require_GET
def leaderboard(request: HttpRequest) -> HttpResponse:
    """Who earned most credit this week, this month or ever: company-wide, or in one space,
    tag or department (they combine). Each choice is a plain query parameter."""
    viewer = viewer_for(request)
    period = request.GET.get("period", DEFAULT_PERIOD)
    if period not in queries.PERIODS:
        period = DEFAULT_PERIOD
    chosen = {key: request.GET.get(key, "").strip()[:100] for key in ("space", "tag", "department")}

    space = None
    if chosen["space"]:
        # Only a space the viewer may read; any other answers 404, exactly like a space
        # that does not exist (secret spaces stay unknowable).
        space = Space.objects.readable_by(viewer.user).filter(slug=chosen["space"]).first()
        if space is None:
            raise Http404("No such space")
    tag = _tag(viewer.user, chosen["tag"]) if chosen["tag"] else None
    departments = list(Department.objects.order_by("name"))
    department = None
    if chosen["department"]:
        department = next((d for d in departments if d.slug == chosen["department"]), None)
        if department is None:
            raise Http404("No such department")
    if tag is not None:
        chosen["tag"] = tag.name

    spaces = [m.space for m in viewer.memberships]
    if space is not None and all(s.pk != space.pk for s in spaces):
        spaces.append(space)  # an open space the viewer reads without belonging to it
    tags = queries.tag_choices(viewer.user)
    if tag is not None and tag.name not in tags:
        tags.append(tag.name)

    rows = queries.leaderboard(
        viewer.user, period=period, space=space, tag=tag, department=department
    )
    base = reverse("reputation:leaderboard")
    scope = {k: v for k, v in chosen.items() if v}
    context = {
        "viewer": viewer,
        "rows": rows,
        "period": period,
        "period_label": queries.PERIOD_LABELS[period],
        "period_links": [
            (key, label, f"{base}?{urlencode({'period': key, **scope})}")
            for key, label in queries.PERIOD_LABELS.items()
        ],
        "space": space,
        "tag": tag,
        "department": department,
        "chosen": chosen,
        "spaces": sorted(spaces, key=lambda s: s.name.lower()),
        "tags": sorted(tags),
        "departments": departments,
        "everyone_url": f"{base}?{urlencode({'period': period})}",
        "is_scoped": bool(scope),
    }
    return render_page(
        request, "reputation/leaderboard.html", "reputation/_leaderboard.html", context
    )


@require_GET
def experts(request: HttpRequest, tag: str) -> HttpResponse:
    """Who knows most about a tag, from which department, with their best answers."""
    viewer = viewer_for(request)
    found = _tag(viewer.user, tag)
    context = {
        "viewer": viewer,
        "tag": found,
        "experts": queries.experts(viewer.user, found),
        "leaderboard_url": (
            f"{reverse('reputation:leaderboard')}?{urlencode({'period': 'all', 'tag': found.name})}"
        ),
    }
    return render(request, "reputation/experts.html", context)
