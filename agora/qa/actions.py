"""Every write about questions and answers: asking, answering, accepting, official marks,
and the leaders' privileges (tags, duplicates). Reputation, badges and notifications are
recorded explicitly here, in the same transaction as the change that earns them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from agora.core.errors import ActionError
from agora.notifications.actions import notify
from agora.notifications.models import NotificationKind
from agora.people.models import User
from agora.posts import actions as posts
from agora.posts.access import access_post, can_moderate
from agora.posts.models import Mention, Post, PostKind
from agora.qa.models import Answer, Question
from agora.reputation import actions as reputation
from agora.reputation import badges, levels
from agora.reputation import queries as reputation_queries
from agora.spaces.models import Membership, Space
from agora.spaces.queries import membership_roles

TITLE_MAX = 255


def _clean_title(title: str) -> str:
    title = " ".join(title.split())
    if len(title) < 8:
        raise ActionError("Give your question a title of at least a few words.", field="title")
    if len(title) > TITLE_MAX:
        raise ActionError(f"Keep the title under {TITLE_MAX} characters.", field="title")
    return title


def check_ask(
    author: User,
    *,
    space: Space | None,
    title: str,
    body: str,
    tags: str = "",
    images: Sequence[posts.ImageUpload] = (),
    roles: Mapping[int, str] | None = None,
) -> Question:
    """Authorise and validate a question, then ask it."""
    title = _clean_title(title)
    tag_names = posts.parse_tags(tags)
    if space is not None:
        member = (
            space.pk in roles
            if roles is not None
            else (Membership.objects.filter(space=space, user=author).exists())
        )
        if not member:
            raise ActionError(f"Join {space.name} to ask in it.", status=403)
    body = body.replace("\r\n", "\n").strip()
    if len(body) > settings.AGORA_POST_MAX_CHARS:
        raise ActionError(
            f"This is {len(body):,} characters long; the limit is "
            f"{settings.AGORA_POST_MAX_CHARS:,}.",
            field="body",
        )
    checked = posts.check_images(images)
    return do_ask(author, space=space, title=title, body=body, tags=tag_names, images=checked)


def do_ask(
    author: User,
    *,
    space: Space | None,
    title: str,
    body: str,
    tags: Sequence[str] = (),
    images: Sequence[posts.CheckedImage] = (),
) -> Question:
    """Create the question and invite the people most credible in its tags to answer."""
    with transaction.atomic():
        post = posts.do_create_post(
            author, space=space, body=body, images=images, kind=PostKind.QUESTION, tags=tags
        )
        question = Question.objects.create(post=post, title=title, last_activity_at=post.created_at)
        badges.after_question(author, post)
        experts = reputation_queries.experts_to_invite(post)
        notify(
            [e.pk for e in experts],
            NotificationKind.ANSWER_INVITATION,
            actor=author,
            post=post,
            text=title,
        )
    return question


def access_question(user: User, post_id: int) -> Question:
    """The question if ``user`` may read it; 404 otherwise (and for posts that ask nothing)."""
    post = access_post(user, post_id)
    if post.kind != PostKind.QUESTION:
        raise ActionError("That post is not a question.", status=404)
    return Question.objects.select_related("post", "post__author", "post__space").get(pk=post.pk)


def access_answer(user: User, answer_id: int) -> Answer:
    """The answer if ``user`` may read its question; 404 otherwise."""
    answer = (
        Answer.objects.filter(
            pk=answer_id,
            deleted_at__isnull=True,
            question__post__in=Post.objects.visible_to(user).values("pk"),
        )
        .select_related("question", "question__post", "question__post__space", "author")
        .first()
    )
    if answer is None:
        raise ActionError("That answer does not exist.", status=404)
    return answer


def check_answer(user: User, post_id: int, body: str) -> Answer:
    question = access_question(user, post_id)
    body = body.replace("\r\n", "\n").strip()
    if not body:
        raise ActionError("Write your answer before you send it.", field="body")
    if len(body) > settings.AGORA_POST_MAX_CHARS:
        raise ActionError(
            f"This answer is {len(body):,} characters long; the limit is "
            f"{settings.AGORA_POST_MAX_CHARS:,}.",
            field="body",
        )
    return do_answer(user, question, body)


def do_answer(author: User, question: Question, body: str) -> Answer:
    rendered = posts.render_body(body)
    posts.check_mention_count(rendered)
    now = timezone.now()
    with transaction.atomic():
        answer = Answer.objects.create(
            question=question, author=author, body=body, body_html=rendered.html, created_at=now
        )
        Question.objects.filter(pk=question.pk).update(
            answer_count=F("answer_count") + 1, last_activity_at=now
        )
        Mention.objects.bulk_create(
            [
                Mention(user_id=uid, post_id=question.pk, answer=answer, created_at=now)
                for uid in rendered.mentioned
            ],
            ignore_conflicts=True,
        )
        notify(
            [question.post.author_id],
            NotificationKind.NEW_ANSWER,
            actor=author,
            post=question.post,
            answer=answer,
            text=question.title,
        )
        badges.after_answer(answer)
    levels.evaluate(author)
    return answer


def can_accept(user: User, question: Question, roles: Mapping[int, str] | None = None) -> bool:
    """The asker, and the question's space moderators (and site moderators)."""
    if question.post.author_id == user.pk:
        return True
    return can_moderate(user, question.post.space_id, roles or membership_roles(user))


def check_accept(user: User, answer_id: int, *, accept: bool = True) -> Answer:
    answer = access_answer(user, answer_id)
    if not can_accept(user, answer.question):
        raise ActionError("Only the person who asked can accept an answer.", status=403)
    if accept:
        do_accept(answer, accepter=user)
    else:
        do_unaccept(answer)
    answer.refresh_from_db()
    return answer


def do_accept(answer: Answer, *, accepter: User) -> None:
    """Make ``answer`` the accepted one, withdrawing any other. At most one, always."""
    try:
        with transaction.atomic():
            # Lock the question: two accepts at once run one after the other, and the
            # partial unique index refuses a second accepted answer even if they did not.
            question = Question.objects.select_for_update().get(pk=answer.question_id)
            if question.accepted_answer_id == answer.pk:
                return
            if question.accepted_answer_id is not None:
                previous = Answer.objects.get(pk=question.accepted_answer_id)
                _withdraw(previous)
            now = timezone.now()
            Answer.objects.filter(pk=answer.pk).update(
                is_accepted=True, accepted_at=now, accepted_by=accepter
            )
            Question.objects.filter(pk=question.pk).update(
                accepted_answer=answer, last_activity_at=now
            )
            reputation.on_accepted(answer, accepter)
            notify(
                [answer.author_id],
                NotificationKind.ANSWER_ACCEPTED,
                actor=accepter,
                post=question.post,
                answer=answer,
                text=question.title,
            )
    except IntegrityError:
        raise ActionError(
            "Another answer was accepted at the same moment; reload the page.", status=409
        ) from None
    levels.evaluate(answer.author)


def _withdraw(answer: Answer) -> None:
    Answer.objects.filter(pk=answer.pk).update(
        is_accepted=False, accepted_at=None, accepted_by=None
    )
    reputation.on_unaccepted(answer)


def do_unaccept(answer: Answer) -> None:
    with transaction.atomic():
        question = Question.objects.select_for_update().get(pk=answer.question_id)
        if question.accepted_answer_id != answer.pk:
            return
        _withdraw(answer)
        Question.objects.filter(pk=question.pk).update(accepted_answer=None)


def check_official(user: User, answer_id: int, *, official: bool) -> Answer:
    """Official voices (named by administrators) mark their own answers official."""
    answer = access_answer(user, answer_id)
    if not user.is_official_voice:
        raise ActionError(
            "Only people named official voices can mark official answers.", status=403
        )
    if answer.author_id != user.pk:
        raise ActionError("You can mark only your own answers as official.", status=403)
    with transaction.atomic():
        Answer.objects.filter(pk=answer.pk).update(is_official=official)
        reputation.on_official(answer, official)
    answer.refresh_from_db()
    return answer


def check_delete_answer(user: User, answer_id: int) -> Answer:
    answer = access_answer(user, answer_id)
    question = answer.question
    allowed = answer.author_id == user.pk or can_moderate(
        user, question.post.space_id, membership_roles(user)
    )
    if not allowed:
        raise ActionError("You can only delete your own answers.", status=403)
    with transaction.atomic():
        if answer.is_accepted:
            do_unaccept(answer)
        updated = Answer.objects.filter(pk=answer.pk, deleted_at__isnull=True).update(
            deleted_at=timezone.now(), deleted_by=user
        )
        if updated:
            Question.objects.filter(pk=question.pk).update(answer_count=F("answer_count") - 1)
    return answer


def check_set_tags(user: User, post_id: int, tags: str) -> Question:
    """Leaders (and the asker) may retag a question; everyone else is refused."""
    question = access_question(user, post_id)
    if question.post.author_id != user.pk and not levels.has_privilege(user, "edit_tags"):
        raise ActionError("Editing tags is a privilege of leaders.", status=403)
    names = posts.parse_tags(tags)
    with transaction.atomic():
        question.post.tags.set(posts.tags_for(names))
    return question


def check_mark_duplicate(user: User, post_id: int, original_id: int | None) -> Question:
    """Leaders close a question as a duplicate of an earlier one (or reopen it)."""
    question = access_question(user, post_id)
    if not levels.has_privilege(user, "mark_duplicate"):
        raise ActionError("Marking duplicates is a privilege of leaders.", status=403)
    original = None
    if original_id is not None:
        original = access_question(user, original_id)
        if original.pk == question.pk:
            raise ActionError("A question cannot duplicate itself.")
    Question.objects.filter(pk=question.pk).update(duplicate_of=original)
    question.refresh_from_db()
    return question
