"""What the Q&A views share: refusing with a message, and redrawing the answers."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from agora.posts.forms import CommentForm
from agora.qa import queries
from agora.qa.actions import access_question
from agora.qa.forms import AnswerForm
from agora.qa.models import Question
from agora.spaces.viewer import Viewer


def page_context(viewer: Viewer, question: Question, **extra: object) -> dict[str, object]:
    """The question page's context; its fragments render from the same one."""
    return {
        "page": queries.question_page(viewer, question),
        "question": question,
        "post": question.post,
        "viewer": viewer,
        "answer_form": AnswerForm(),
        "comment_form": CommentForm(),
        **extra,
    }


def answers_section(request: HttpRequest, viewer: Viewer, question_id: int) -> HttpResponse:
    """The answers section, redrawn after accepting, marking or deleting an answer."""
    question = access_question(viewer.user, question_id)
    return render(request, "qa/_answers.html", page_context(viewer, question))
