"""Leaders' privileges on a question: editing its tags and marking it a duplicate.

The tools are drawn only for people who hold the privilege, and every request is checked
again by the action (a forged form gets a 403). Pinning is ``posts:pin``.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.views.decorators.http import require_POST

from agora.core.errors import ActionError
from agora.core.htmx import refuse
from agora.qa import actions
from agora.spaces.viewer import viewer_for


@require_POST
def retag(request: HttpRequest, post_id: int) -> HttpResponse:
    viewer = viewer_for(request)
    try:
        question = actions.check_set_tags(viewer.user, post_id, request.POST.get("tags", ""))
    except ActionError as exc:
        return refuse(request, exc)
    messages.success(request, "Tags saved.")
    return HttpResponseRedirect(question.get_absolute_url())


@require_POST
def duplicate(request: HttpRequest, post_id: int) -> HttpResponse:
    """``original`` names the original question (address or number); empty reopens."""
    viewer = viewer_for(request)
    try:
        question = actions.check_mark_duplicate(
            viewer.user, post_id, request.POST.get("original", "")
        )
    except ActionError as exc:
        return refuse(request, exc)
    marked = question.duplicate_of_id is not None
    messages.success(request, "Marked as a duplicate." if marked else "Duplicate mark removed.")
    return HttpResponseRedirect(question.get_absolute_url())
