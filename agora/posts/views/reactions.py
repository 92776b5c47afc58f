"""Adding and removing reactions on posts (answers are posts) and comments."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.views.decorators.http import require_http_methods

from agora.core.errors import ActionError
from agora.core.htmx import bad_request, is_htmx, redirect_back
from agora.posts import actions
from agora.posts.access import access_comment, access_post
from agora.posts.cards import reaction_bar_html
from agora.posts.models import Post, Reaction
from agora.spaces.viewer import viewer_for


def _wanted(request: HttpRequest) -> tuple[str, bool]:
    """The kind and the state asked for: ``set=kind:1`` (the bar's buttons) or ``kind``/``on``."""
    if "set" in request.POST:
        kind, _, on = request.POST["set"].partition(":")
    else:
        kind, on = request.POST.get("kind", ""), request.POST.get("on", "")
    return actions.check_reaction_kind(kind), on == "1"


def _set_reaction(request: HttpRequest, target: actions.Reactable) -> HttpResponse:
    """Buttons carry the state the person wants, so a double click is harmless."""
    viewer = viewer_for(request)
    try:
        kind, on = _wanted(request)
    except ActionError as exc:
        return bad_request(request, exc.message, status=exc.status)
    if on:
        actions.do_add_reaction(viewer.user, target, kind)
    else:
        actions.do_remove_reaction(viewer.user, target, kind)
    target.refresh_from_db(
        fields=["thumbs_up_count", "celebrate_count", "insightful_count", "helpful_count"]
    )
    return _bar(request, target)


def _bar(request: HttpRequest, target: actions.Reactable) -> HttpResponse:
    """The reaction bar as it stands, the viewer's own pressed: the answer to a reaction,
    and what a live page fetches when others react. Other requests go to the target."""
    if not is_htmx(request):
        return redirect_back(request, target.get_absolute_url())
    viewer = viewer_for(request)
    lookup: dict[str, actions.Reactable] = (
        {"post": target} if isinstance(target, Post) else {"comment": target}
    )
    mine = set(Reaction.objects.filter(user=viewer.user, **lookup).values_list("kind", flat=True))
    return HttpResponse(reaction_bar_html(target, mine, request.path, get_token(request)))


@require_http_methods(["GET", "POST"])
def react_to_post(request: HttpRequest, post_id: int) -> HttpResponse:
    target = access_post(viewer_for(request).user, post_id)
    return _set_reaction(request, target) if request.method == "POST" else _bar(request, target)


@require_http_methods(["GET", "POST"])
def react_to_comment(request: HttpRequest, comment_id: int) -> HttpResponse:
    target = access_comment(viewer_for(request).user, comment_id)
    return _set_reaction(request, target) if request.method == "POST" else _bar(request, target)
