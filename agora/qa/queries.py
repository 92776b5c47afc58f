"""Reads about questions."""

from __future__ import annotations

from django.db.models import QuerySet

from agora.people.models import User
from agora.posts.models import Post
from agora.qa.models import Question

FILTERS = {
    "open": "No accepted answer",
    "unanswered": "Unanswered",
    "all": "All questions",
}


def questions(user: User, *, show: str = "open") -> QuerySet[Question]:
    """Questions ``user`` may read, most recently active first."""
    found = Question.objects.filter(post__in=Post.objects.visible_to(user).values("pk"))
    if show == "unanswered":
        found = found.filter(answer_count=0)
    elif show == "open":
        found = found.filter(accepted_answer__isnull=True)
    return found.select_related("post", "post__author", "post__space").order_by(
        "-last_activity_at", "-pk"
    )
