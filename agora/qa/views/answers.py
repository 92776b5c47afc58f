"""What people do to an answer: accept it, mark it official, edit, delete, comment on it.

Each endpoint works as a plain form post (redirecting back to the answer) and, for htmx,
answers with the redrawn answers section (or the new comment).
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.http import require_http_methods, require_POST

from agora.core.errors import ActionError
from agora.core.htmx import is_htmx, refuse
from agora.posts import actions as posts
from agora.posts import queries as post_queries
from agora.posts.access import access_comment
from agora.posts.forms import CommentForm
from agora.qa import actions
from agora.qa.forms import AnswerForm
from agora.qa.models import Answer
from agora.qa.views.common import answers_section
from agora.spaces.viewer import Viewer, viewer_for


def _wants_on(request: HttpRequest) -> bool:
    return request.POST.get("on", "1") == "1"


def _done(
    request: HttpRequest, viewer: Viewer, answer: Answer, message: str, url: str
) -> HttpResponse:
    """htmx gets the redrawn answers section; a plain form, the message and ``url``."""
    if is_htmx(request):
        return answers_section(request, viewer, answer.question_id)
    messages.success(request, message)
    return HttpResponseRedirect(url)


@require_POST
def accept(request: HttpRequest, answer_id: int) -> HttpResponse:
    """Accept an answer (``on=1``, withdrawing any other) or withdraw it (``on=0``)."""
    viewer = viewer_for(request)
    on = _wants_on(request)
    try:
        answer = actions.check_accept(viewer.user, answer_id, accept=on)
    except ActionError as exc:
        return refuse(request, exc)
    message = "Answer accepted." if on else "Acceptance withdrawn."
    return _done(request, viewer, answer, message, answer.get_absolute_url())


@require_POST
def official(request: HttpRequest, answer_id: int) -> HttpResponse:
    """An official voice marks their own answer official (``on=1``) or removes the mark."""
    viewer = viewer_for(request)
    on = _wants_on(request)
    try:
        answer = actions.check_official(viewer.user, answer_id, official=on)
    except ActionError as exc:
        return refuse(request, exc)
    message = "Marked as an official answer." if on else "Official mark removed."
    return _done(request, viewer, answer, message, answer.get_absolute_url())


@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, answer_id: int) -> HttpResponse:
    """The author's edit page for an answer; saving goes back to the answer."""
    viewer = viewer_for(request)
    try:
        answer = actions.editable_answer(viewer.user, answer_id)
    except ActionError as exc:
        return refuse(request, exc)
    form = AnswerForm(request.POST or None, initial={"body": answer.post.body})
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            actions.check_edit_answer(viewer.user, answer.pk, form.cleaned_data["body"])
        except ActionError as exc:
            form.add_error("body", exc.message)
            status = exc.status
        else:
            messages.success(request, "Your answer is saved.")
            return HttpResponseRedirect(answer.get_absolute_url())
    context = {"form": form, "answer": answer, "viewer": viewer}
    return render(request, "qa/edit_answer.html", context, status=status)


@require_POST
def delete(request: HttpRequest, answer_id: int) -> HttpResponse:
    viewer = viewer_for(request)
    try:
        answer = actions.check_delete_answer(viewer.user, answer_id)
    except ActionError as exc:
        return refuse(request, exc)
    url = answer.question.get_absolute_url() + "#answers"
    return _done(request, viewer, answer, "Answer deleted.", url)


@require_http_methods(["GET", "POST"])
def comments(request: HttpRequest, answer_id: int) -> HttpResponse:
    """POST: comment on an answer (htmx gets the new comment). GET: go to the answer."""
    viewer = viewer_for(request)
    answer = actions.access_answer(viewer.user, answer_id)
    if request.method == "GET":
        return HttpResponseRedirect(answer.get_absolute_url())
    form = CommentForm(request.POST)
    try:
        if not form.is_valid():
            raise ActionError("This comment could not be read; reload the page and try again.")
        comment = posts.check_add_comment(viewer.user, answer.pk, form.cleaned_data["body"])
    except ActionError as exc:
        return refuse(request, exc)
    if not is_htmx(request):
        return HttpResponseRedirect(comment.get_absolute_url())
    comment = access_comment(viewer.user, comment.pk)
    view = post_queries.comment_view(viewer, comment)
    return render(request, "posts/_comment.html", {"view": view, "fresh": True})
