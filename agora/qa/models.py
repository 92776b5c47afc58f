"""Questions, answers, accepted and official answers."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone

from agora.core.links import link
from agora.people.models import User
from agora.posts.models import Post


class Question(models.Model):
    """The question a post of kind "question" asks: its title and answer bookkeeping.

    Sharing the post's row (``post`` is the primary key) makes a question visible exactly
    when its post is, through ``Post.objects.visible_to``.
    """

    post = models.OneToOneField(
        Post, primary_key=True, on_delete=models.CASCADE, related_name="question"
    )
    answer_count = models.PositiveIntegerField(default=0)
    accepted_answer = models.ForeignKey(
        "Answer", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A leader may close a question as a duplicate of an earlier one.
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="duplicates"
    )
    last_activity_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            models.Index(fields=["answer_count", "last_activity_at"], name="qa_question_open"),
            # The question lists walk questions newest activity first (keyset pagination).
            models.Index(fields=["-last_activity_at", "-post"], name="qa_question_activity"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return link("qa:question", self.post_id)

    @property
    def title(self) -> str:
        """The title lives on the post, where search indexes it with the body."""
        return self.post.title


class Answer(models.Model):
    """An answer to a question: a post of kind "answer" whose parent is the question's post
    (its author, body, reactions, comments, revisions and visibility are the post's), and
    the marks only answers have. Answers are ranked accepted first, then official, then by
    thumbs-up, then oldest (``queries.question_page``)."""

    post = models.OneToOneField(
        Post, primary_key=True, on_delete=models.CASCADE, related_name="answer"
    )
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    is_accepted = models.BooleanField(default=False)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Marked by its author when the administrators named them an official voice.
    is_official = models.BooleanField(default=False)

    class Meta:
        constraints = [
            # At most one accepted answer per question, whatever races the requests run.
            models.UniqueConstraint(
                fields=["question"],
                condition=models.Q(is_accepted=True),
                name="qa_one_accepted_answer",
            ),
        ]

    def __str__(self) -> str:
        return f"Answer {self.pk} to {self.question_id}"

    def get_absolute_url(self) -> str:
        return f"{link('qa:question', self.question_id)}#answer-{self.pk}"

    # What the answer's post holds, read through the answer (templates, tests).
    @property
    def author(self) -> User:
        return self.post.author

    @property
    def author_id(self) -> int:
        return self.post.author_id

    @property
    def body(self) -> str:
        return self.post.body

    @property
    def body_html(self) -> str:
        return self.post.body_html

    @property
    def created_at(self) -> datetime:
        return self.post.created_at

    @property
    def edited_at(self) -> datetime | None:
        return self.post.edited_at

    @property
    def deleted_at(self) -> datetime | None:
        return self.post.deleted_at

    @property
    def comment_count(self) -> int:
        return self.post.comment_count

    @property
    def thumbs_up_count(self) -> int:
        return self.post.thumbs_up_count
