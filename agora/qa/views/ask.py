"""Asking a question, in a space one belongs to or company-wide."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from agora.core.errors import ActionError
from agora.qa import actions
from agora.qa.forms import AskForm
from agora.spaces.access import access_space
from agora.spaces.viewer import viewer_for


@require_http_methods(["GET", "POST"])
def ask(request: HttpRequest) -> HttpResponse:
    """GET: the form (``?space=slug`` preselects a space). POST: ask; a refusal redraws the
    form with what was typed and the reason (400, or 403 for a space one has not joined)."""
    viewer = viewer_for(request)
    if request.method == "GET":
        form = AskForm(initial={"space": request.GET.get("space", "")})
        return render(request, "qa/ask.html", {"form": form, "viewer": viewer})
    form = AskForm(request.POST, request.FILES)
    slug = str(form.data.get("space", ""))
    space = None
    if slug:
        space = next((s for s in viewer.spaces if s.slug == slug), None)
        if space is None:  # not a member: 404 if secret, "join first" otherwise
            space = access_space(viewer.user, slug).space
    try:
        if not form.is_valid():  # only a file or the image description can be unreadable
            raise ActionError("Check the highlighted fields.")
        data = form.cleaned_data
        question = actions.check_ask(
            viewer.user,
            space=space,
            title=data["title"],
            body=data["body"],
            tags=data["tags"],
            uploads=form.uploads(),
            captions=form.captions_file(),
            roles=viewer.roles,
        )
    except ActionError as exc:
        if not form.errors:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        return render(request, "qa/ask.html", {"form": form, "viewer": viewer}, status=exc.status)
    return HttpResponseRedirect(question.get_absolute_url())
