"""The space directory, a space's page and its settings."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from agora.core.errors import ActionError
from agora.core.htmx import bad_request, render_page
from agora.core.pagination import BadCursor
from agora.core.viewer import viewer_for
from agora.posts import queries as post_queries
from agora.posts.forms import PostForm
from agora.spaces import actions, queries
from agora.spaces.access import access_space, access_space_to_manage
from agora.spaces.forms import JoinRequestForm, SpaceForm
from agora.spaces.models import JoinRequest, Kind


@require_GET
def directory(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    kind = request.GET.get("kind", "")
    if kind not in Kind.values:
        kind = ""
    q = request.GET.get("q", "").strip()[:100]
    mine = request.GET.get("mine") == "1"
    spaces = queries.directory(viewer.user, kind=kind, q=q, mine=mine)
    page = Paginator(spaces, 24).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "kinds": Kind.choices,
        "kind": kind,
        "q": q,
        "mine": mine,
        "viewer": viewer,
    }
    return render_page(request, "spaces/directory.html", "spaces/_directory_results.html", context)


@require_http_methods(["GET", "POST"])
def create(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    form = SpaceForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                space = actions.create_space(viewer.user, **form.cleaned_data)
            except ActionError as exc:
                form.add_error(exc.field, exc.message)
            else:
                return HttpResponseRedirect(space.get_absolute_url())
        status = 400
    return render(request, "spaces/create.html", {"form": form, "viewer": viewer}, status=status)


@require_GET
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    viewer = viewer_for(request)
    access = access_space(viewer.user, slug)
    context: dict[str, object] = {"access": access, "space": access.space, "viewer": viewer}
    if not access.can_read:
        context["has_requested"] = JoinRequest.objects.filter(
            space=access.space, user=viewer.user, status=JoinRequest.Status.PENDING
        ).exists()
        context["join_form"] = JoinRequestForm()
        return render(request, "spaces/closed.html", context)
    try:
        pinned, page = post_queries.space_feed(
            viewer,
            access.space,
            cursor=request.GET.get("before"),
            size=settings.AGORA_FEED_PAGE_SIZE,
        )
    except BadCursor as exc:
        return bad_request(request, str(exc))
    context.update(
        pinned=pinned,
        page=page,
        form=PostForm(initial={"space": access.space.slug}),
        more_url=f"{reverse('spaces:detail', args=[access.space.slug])}?before=",
    )
    if access.can_manage:
        context["pending_count"] = queries.pending_requests(access.space).count()
    return render_page(request, "spaces/detail.html", "posts/_feed_page.html", context)


@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, slug: str) -> HttpResponse:
    viewer = viewer_for(request)
    access = access_space_to_manage(viewer.user, slug)
    space = access.space
    form = SpaceForm(
        request.POST or None,
        initial={
            "name": space.name,
            "description": space.description,
            "kind": space.kind,
            "visibility": space.visibility,
        },
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                actions.do_update_space(space, **form.cleaned_data)
            except ActionError as exc:
                form.add_error(exc.field, exc.message)
            else:
                return HttpResponseRedirect(space.get_absolute_url())
        status = 400
    return render(
        request,
        "spaces/edit.html",
        {"form": form, "space": space, "access": access, "viewer": viewer},
        status=status,
    )
