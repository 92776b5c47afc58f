"""A question's page, writing an answer, and the home page's "Questions you could answer"."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST

from agora.core.errors import ActionError
from agora.core.htmx import error_into, is_htmx, render_page
from agora.qa import actions, queries
from agora.qa.forms import AnswerForm
from agora.qa.views.common import page_context
from agora.spaces.viewer import Viewer, viewer_for


@require_GET
def question(request: HttpRequest, post_id: int) -> HttpResponse:
    """A question's page (404 for a question the viewer may not read, or for a post that
    asks nothing); for htmx, its answers."""
    viewer = viewer_for(request)
    return question_page(request, viewer, post_id)


def question_page(
    request: HttpRequest,
    viewer: Viewer,
    post_id: int,
    *,
    answer_form: AnswerForm | None = None,
    status: int = 200,
) -> HttpResponse:
    question = actions.access_question(viewer.user, post_id)
    context = page_context(viewer, question)
    if answer_form is not None:
        context["answer_form"] = answer_form
    return render_page(request, "qa/question.html", "qa/_answers.html", context, status=status)


@require_POST
def answer(request: HttpRequest, post_id: int) -> HttpResponse:
    """Answer a question: htmx appends the answer; a plain form goes to it."""
    viewer = viewer_for(request)
    form = AnswerForm(request.POST)
    body = form.data.get("body", "")
    try:
        created = actions.check_answer(viewer.user, post_id, str(body))
    except ActionError as exc:
        if is_htmx(request):
            return error_into(request, exc, "#answer-form-error")
        form.is_valid()
        form.add_error("body", exc.message)
        return question_page(request, viewer, post_id, answer_form=form, status=exc.status)
    if not is_htmx(request):
        return HttpResponseRedirect(created.get_absolute_url())
    question = actions.access_question(viewer.user, post_id)
    context = {
        "view": queries.answer_view(viewer, question, created),
        "question": question,
        "post": question.post,
        "fresh": True,
    }
    return render(request, "qa/_answer_created.html", context)


@require_GET
def shown_answer(request: HttpRequest, post_id: int, answer_post_id: int) -> HttpResponse:
    """One answer as the viewer sees it, with the new answer count out of band (a live
    question page adds it when someone else writes it); other requests go to it on the
    question's page. 404 for people who may not read it, like a missing one."""
    viewer = viewer_for(request)
    answer = actions.access_answer_post(viewer.user, post_id, answer_post_id)
    if not is_htmx(request):
        return HttpResponseRedirect(answer.post.get_absolute_url())
    question = actions.access_question(viewer.user, post_id)
    context = {
        "view": queries.answer_view(viewer, question, answer),
        "question": question,
        "post": question.post,
        "fresh": True,
    }
    return render(request, "qa/_answer_created.html", context)


@require_GET
def suggested(request: HttpRequest) -> HttpResponse:
    """The home page's side column "Questions you could answer", loaded after the page
    (so the feed is drawn without waiting for it)."""
    viewer = viewer_for(request)
    context = {"open_questions": queries.questions_to_answer(viewer.user)}
    return render(request, "qa/_open_questions.html", context)
