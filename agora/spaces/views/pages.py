"""The space directory, creating a space and its settings (its page, with its feed, is
``posts.views.feed.space``)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods

from agora.core.errors import ActionError
from agora.core.htmx import render_page
from agora.spaces import actions, queries
from agora.spaces.access import SpaceAccess, access_space_to_manage
from agora.spaces.forms import SpaceForm
from agora.spaces.models import Kind
from agora.spaces.viewer import Viewer, viewer_for


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


def _refused(exc: ActionError) -> None:
    """A space the person may not know exists, or may not manage, is the standard 404 or
    403 page rather than the form."""
    if exc.status == 404:
        raise Http404(exc.message)
    if exc.status == 403:
        raise PermissionDenied(exc.message)


@require_http_methods(["GET", "POST"])
def create(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    form = SpaceForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                space = actions.check_create_space(viewer.user, **form.cleaned_data)
            except ActionError as exc:
                _refused(exc)
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
                status = exc.status
            else:
                return HttpResponseRedirect(space.get_absolute_url())
    return render(request, "spaces/create.html", {"form": form, "viewer": viewer}, status=status)


@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, slug: str) -> HttpResponse:
    viewer = viewer_for(request)
    if request.method == "GET":
        access = access_space_to_manage(viewer.user, slug)
        space = access.space
        initial = {
            "name": space.name,
            "description": space.description,
            "kind": space.kind,
            "visibility": space.visibility,
            "posting": space.posting,
        }
        return _settings_page(request, viewer, access, SpaceForm(initial=initial), status=200)
    form = SpaceForm(request.POST)
    status = 400
    if form.is_valid():
        try:
            space = actions.check_update_space(viewer.user, slug, **form.cleaned_data)
        except ActionError as exc:
            _refused(exc)
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            status = exc.status
        else:
            return HttpResponseRedirect(space.get_absolute_url())
    # A form with errors too: someone who may not manage the space gets 403 (or 404),
    # never the form and what was wrong with it.
    access = access_space_to_manage(viewer.user, slug)
    return _settings_page(request, viewer, access, form, status=status)


def _settings_page(
    request: HttpRequest, viewer: Viewer, access: SpaceAccess, form: SpaceForm, *, status: int
) -> HttpResponse:
    context = {"form": form, "space": access.space, "access": access, "viewer": viewer}
    return render(request, "spaces/edit.html", context, status=status)
