"""Whom questions and answers notify (rules of ``agora.notifications.rules``, registered
by ``QaConfig.ready``): the people a new question invites, the asker of an answered
question, the author of an accepted answer."""

from __future__ import annotations

from collections.abc import Iterable

from agora.core.models import Event
from agora.notifications.models import NotificationKind
from agora.notifications.rules import Notice, rule
from agora.posts.models import Post, PostKind
from agora.qa.models import Question
from agora.reputation.queries import experts_to_invite


@rule("post.created")
def invited_or_answered(event: Event) -> Iterable[Notice]:
    kind = event.data.get("kind")
    if kind == PostKind.QUESTION:
        question = (
            Question.objects.filter(post_id=event.data["post"])
            .select_related("post__author", "post__space")
            .first()
        )
        if question is None:
            return []
        post = question.post
        return [
            Notice(
                e.pk, NotificationKind.ANSWER_INVITATION, post.author_id, post.pk, text=post.title
            )
            for e in experts_to_invite(post)
        ]
    if kind == PostKind.ANSWER and event.data.get("parent"):
        asked = Post.objects.filter(pk=event.data["parent"]).first()
        if asked is None:
            return []
        return [
            Notice(
                asked.author_id,
                NotificationKind.NEW_ANSWER,
                event.data.get("author"),
                asked.pk,
                event.data["post"],
                text=asked.title,
            )
        ]
    return []


@rule("answer.accepted")
def accepted(event: Event) -> Iterable[Notice]:
    asked = Post.objects.filter(pk=event.data["post"]).first()
    if asked is None:
        return []
    return [
        Notice(
            event.data["author"],
            NotificationKind.ANSWER_ACCEPTED,
            event.data.get("by"),
            asked.pk,
            event.data["answer"],
            text=asked.title,
        )
    ]
