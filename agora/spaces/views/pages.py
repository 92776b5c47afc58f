"""The space directory, creating a space and its settings (its page, with its feed, is
``posts.views.feed.space``)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods

from agora.core.errors import ActionError
from agora.core.htmx import render_page
from agora.spaces import actions, queries
from agora.spaces.access import access_space_to_manage
from agora.spaces.forms import SpaceForm
from agora.spaces.models import Kind
from agora.spaces.viewer import viewer_for


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
