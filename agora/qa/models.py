"""Questions, answers, accepted and official answers."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from agora.core.links import link
from agora.posts.models import Post, ReactionCounts


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
        return link("posts:detail", self.post_id)

    @property
    def title(self) -> str:
        """The title lives on the post, where search indexes it with the body."""
        return self.post.title


class Answer(ReactionCounts):
    """An answer to a question. Answers are ranked by thumbs-up, the accepted one first."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="answers"
    )
    body = models.TextField()
    body_html = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_accepted = models.BooleanField(default=False)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Marked by its author when the administrators named them an official voice.
    is_official = models.BooleanField(default=False)
    comment_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-is_accepted", "-thumbs_up_count", "created_at", "id"]
        constraints = [
            # At most one accepted answer per question, whatever races the requests run.
            models.UniqueConstraint(
                fields=["question"],
                condition=models.Q(is_accepted=True),
                name="qa_one_accepted_answer",
            ),
        ]
        indexes = [models.Index(fields=["question", "created_at"], name="qa_answer_question")]

    def __str__(self) -> str:
        return f"Answer {self.pk} to {self.question_id}"

    def get_absolute_url(self) -> str:
        return f"{link('posts:detail', self.question_id)}#answer-{self.pk}"


class AnswerRevision(models.Model):
    """The body an answer had before an edit replaced it (kept for the moderation record)."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField()
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Revision of answer {self.answer_id} at {self.created_at:%Y-%m-%d %H:%M}"
