"""A person's page: who they are, their credibility (reputation, badges, top tags, and on
one's own page the way to the next level), and their recent posts that the viewer may read.

It draws people, reputation and posts, so it lives here, the highest of the three.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from agora.core.htmx import bad_request, is_htmx
from agora.core.pagination import BadCursor
from agora.people import queries as people_queries
from agora.people.models import LEVEL_CSS, Level, Standing, User
from agora.posts import queries as post_queries
from agora.reputation import levels, queries
from agora.spaces.viewer import viewer_for


def _person(handle: str) -> User:
    return get_object_or_404(
        User.objects.select_related("department", "standing").prefetch_related("skills"),
        handle=handle,
        is_active=True,
    )


@require_GET
def profile(request: HttpRequest, handle: str) -> HttpResponse:
    viewer = viewer_for(request)
    person = _person(handle)
    try:
        page = post_queries.profile_feed(
            viewer, person, cursor=request.GET.get("before"), size=settings.AGORA_FEED_PAGE_SIZE
        )
    except BadCursor as exc:
        return bad_request(request, str(exc))
    is_me = person.pk == viewer.user.pk
    context = {
        "person": person,
        "page": page,
        "viewer": viewer,
        "is_me": is_me,
        "following": people_queries.is_following(viewer.user, person),
        "more_url": f"{reverse('reputation:profile', args=[person.handle])}?before=",
    }
    if is_htmx(request):  # "load more" needs only the next posts
        return render(request, "posts/_feed_page.html", context)
    # The standing was joined into the person's query (None: a New member without a row).
    standing: Standing | None = person._state.fields_cache.get("standing")
    level = Level(standing.level if standing else Level.NEW)
    context["level"], context["level_css"] = level, LEVEL_CSS[level]
    context["credibility"] = queries.credibility(viewer.user, person)
    if is_me:
        context["progress"] = levels.progress(
            person, standing=standing or Standing(user=person, level=Level.NEW)
        )
    return render(request, "reputation/profile.html", context)
