"""Every write about questions and answers: asking, answering, accepting, official marks,
and the leaders' privileges (tags, duplicates). Reputation, badges and notifications are
recorded explicitly here, in the same transaction as the change that earns them."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef, QuerySet, Value
from django.db.models.functions import Greatest
from django.http import Http404
from django.utils import timezone

from agora.core.errors import ActionError
from agora.core.nul import refuse_nul
from agora.media.uploads import Checked, Upload, check_uploads, storing
from agora.notifications.actions import notify
from agora.notifications.models import NotificationKind
from agora.people.models import User
from agora.posts import actions as posts
from agora.posts.access import can_moderate
from agora.posts.models import Mention, Post, PostKind, visible_through
from agora.qa.models import Answer, AnswerRevision, Question
from agora.reputation import actions as reputation
from agora.reputation import badges, levels
from agora.reputation import queries as reputation_queries
from agora.spaces.models import Membership, Space
from agora.spaces.queries import membership_roles


def check_ask(
    author: User,
    *,
    space: Space | None,
    title: str,
    body: str,
    tags: str = "",
    uploads: Sequence[Upload] = (),
    captions: UploadedFile | None = None,
    roles: Mapping[int, str] | None = None,
) -> Question:
    """Authorise and validate a question and its files, then ask it."""
    title = posts.clean_title(title)
    tag_names = posts.parse_tags(tags)
    if space is not None:
        member = (
            space.pk in roles
            if roles is not None
            else (Membership.objects.filter(space=space, user=author).exists())
        )
        if not member:
            raise ActionError(f"Join {space.name} to ask in it.", status=403)
    refuse_nul(body, field="body")
    body = body.replace("\r\n", "\n").strip()
    if len(body) > settings.AGORA_POST_MAX_CHARS:
        raise ActionError(
            f"This is {len(body):,} characters long; the limit is "
            f"{settings.AGORA_POST_MAX_CHARS:,}.",
            field="body",
        )
    checked = check_uploads(author, uploads, captions=captions)
    return do_ask(author, space=space, title=title, body=body, tags=tag_names, attachments=checked)


def do_ask(
    author: User,
    *,
    space: Space | None,
    title: str,
    body: str,
    tags: Sequence[str] = (),
    attachments: Sequence[Checked] = (),
    created_at: datetime | None = None,
) -> Question:
    """Create the question and invite the people most credible in its tags to answer.

    The files are written before the transaction, and removed if it fails.
    """
    with storing(attachments) as files, transaction.atomic():
        post = posts.do_create_post(
            author,
            space=space,
            body=body,
            attachments=files,
            kind=PostKind.QUESTION,
            tags=tags,
            created_at=created_at,
            title=title,
        )
        question = Question.objects.create(post=post, last_activity_at=post.created_at)
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


def _visible_questions(user: User) -> QuerySet[Question]:
    return Question.objects.filter(visible_through(user))


def access_question(user: User, post_id: int) -> Question:
    """The question if ``user`` may read it; 404 otherwise (and for posts that ask nothing),
    exactly like a missing one. One query, with the post, its author and its space."""
    question = (
        _visible_questions(user)
        .filter(pk=post_id)
        .select_related("post", "post__author", "post__author__department", "post__space")
        .annotate(
            # A duplicate notice names the original only to people who may read it.
            duplicate_visible=Exists(
                Post.objects.visible_to(user).filter(pk=OuterRef("duplicate_of_id"))
            )
        )
        .first()
    )
    if question is None:
        raise Http404("No such question")
    return question


def access_answer(user: User, answer_id: int) -> Answer:
    """The answer if ``user`` may read its question; 404 otherwise."""
    answer = (
        Answer.objects.filter(
            visible_through(user, "question__post"),
            pk=answer_id,
            deleted_at__isnull=True,
        )
        .select_related(
            "question", "question__post", "question__post__space", "author", "author__department"
        )
        .first()
    )
    if answer is None:
        raise Http404("No such answer")
    return answer


def _answer_body(body: str) -> str:
    refuse_nul(body, field="body")
    body = body.replace("\r\n", "\n").strip()
    if not body:
        raise ActionError("Write your answer before you send it.", field="body")
    if len(body) > settings.AGORA_POST_MAX_CHARS:
        raise ActionError(
            f"This answer is {len(body):,} characters long; the limit is "
            f"{settings.AGORA_POST_MAX_CHARS:,}.",
            field="body",
        )
    return body


def check_answer(user: User, post_id: int, body: str) -> Answer:
    """Validate an answer to a question ``user`` may read, then write it."""
    question = access_question(user, post_id)
    return do_answer(user, question, _answer_body(body))


def editable_answer(user: User, answer_id: int) -> Answer:
    """The answer if ``user`` wrote it: only its author edits an answer (like a post);
    404 for people who may not read it, 403 for other readers."""
    answer = access_answer(user, answer_id)
    if answer.author_id != user.pk:
        raise ActionError("Only the author can edit an answer.", status=403)
    return answer


def check_edit_answer(user: User, answer_id: int, body: str) -> Answer:
    """Edit one's own answer; the earlier body is kept."""
    answer = editable_answer(user, answer_id)
    do_edit_answer(answer, editor=user, body=_answer_body(body))
    return answer


def do_edit_answer(answer: Answer, *, editor: User, body: str) -> None:
    """Replace the body, keeping the previous one as a revision (nothing if unchanged)."""
    if body == answer.body:
        return
    rendered = posts.render_body(body)
    posts.check_mention_count(rendered)
    now = timezone.now()
    with transaction.atomic():
        AnswerRevision.objects.create(
            answer=answer, body=answer.body, edited_by=editor, created_at=now
        )
        answer.body, answer.body_html, answer.edited_at = body, rendered.html, now
        answer.save(update_fields=["body", "body_html", "edited_at"])


def do_answer(
    author: User, question: Question, body: str, *, created_at: datetime | None = None
) -> Answer:
    """Write the answer, count it, and tell the asker (in one transaction)."""
    rendered = posts.render_body(body)
    posts.check_mention_count(rendered)
    now = created_at or timezone.now()
    with transaction.atomic():
        answer = Answer.objects.create(
            question=question, author=author, body=body, body_html=rendered.html, created_at=now
        )
        Question.objects.filter(pk=question.pk).update(
            answer_count=F("answer_count") + 1,
            last_activity_at=Greatest(F("last_activity_at"), Value(now)),
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
    return can_moderate(
        user, question.post.space_id, roles if roles is not None else membership_roles(user)
    )


def check_accept(user: User, answer_id: int, *, accept: bool = True) -> Answer:
    """Accept ``answer_id`` (withdrawing any other) or, with ``accept=False``, unaccept it."""
    answer = access_answer(user, answer_id)
    if not can_accept(user, answer.question):
        raise ActionError(
            "Only the person who asked (or a moderator of this space) can accept an answer.",
            status=403,
        )
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
            # The answer may have been deleted since it was read (deleting also takes the
            # question's lock, so this sees the final state).
            if not Answer.objects.filter(pk=answer.pk, deleted_at__isnull=True).update(
                is_accepted=True, accepted_at=now, accepted_by=accepter
            ):
                raise ActionError("That answer was just deleted.", status=404)
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
    """Withdraw the acceptance of ``answer`` (nothing if it is not the accepted one)."""
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
    do_mark_official(answer, official=official)
    answer.refresh_from_db()
    return answer


def do_mark_official(answer: Answer, *, official: bool) -> None:
    """Set or remove the official mark, crediting (or reversing) its reputation."""
    with transaction.atomic():
        Answer.objects.filter(pk=answer.pk).update(is_official=official)
        reputation.on_official(answer, official)


def check_delete_answer(user: User, answer_id: int) -> Answer:
    """Authors and the space's moderators delete answers; the row stays for the record."""
    answer = access_answer(user, answer_id)
    question = answer.question
    allowed = answer.author_id == user.pk or can_moderate(
        user, question.post.space_id, membership_roles(user)
    )
    if not allowed:
        raise ActionError("You can only delete your own answers.", status=403)
    do_delete_answer(answer, deleted_by=user)
    return answer


def do_delete_answer(answer: Answer, *, deleted_by: User) -> None:
    """Hide an answer everywhere (withdrawing its acceptance); the row stays."""
    with transaction.atomic():
        # The question's lock orders this after (or before) any accept in flight.
        Question.objects.select_for_update().filter(pk=answer.question_id).first()
        do_unaccept(answer)  # nothing unless it is the accepted answer
        updated = Answer.objects.filter(pk=answer.pk, deleted_at__isnull=True).update(
            deleted_at=timezone.now(), deleted_by=deleted_by
        )
        if updated:
            Question.objects.filter(pk=answer.question_id).update(
                answer_count=F("answer_count") - 1
            )


def check_set_tags(user: User, post_id: int, tags: str) -> Question:
    """Leaders (and the asker) may retag a question; everyone else is refused."""
    question = access_question(user, post_id)
    if question.post.author_id != user.pk and not levels.has_privilege(user, "edit_tags"):
        raise ActionError("Editing tags is a privilege of leaders.", status=403)
    names = posts.parse_tags(tags)
    with transaction.atomic():
        question.post.tags.set(posts.tags_for(names))
    return question


QUESTION_REF = re.compile(
    r"#?([0-9]{1,18})|(?:https?://[^/\s]+)?/posts/([0-9]{1,18})/?(?:[?#]\S*)?"
)


def parse_question_ref(text: str) -> int:
    """A question's id from what a person pasted: ``123``, ``#123`` or its address."""
    found = QUESTION_REF.fullmatch(text.strip())
    if found is None:
        raise ActionError(
            "Paste the address of the original question, or its number.", field="original"
        )
    number = int(found.group(1) or found.group(2))
    if number == 0:
        raise ActionError("That is not a question number.", field="original")
    return number


def check_mark_duplicate(user: User, post_id: int, original: int | str | None) -> Question:
    """Leaders close a question as a duplicate of another one (or reopen it).

    ``original`` is the original's id, or what the leader typed (its address or number);
    ``None`` or blank text removes the mark.
    """
    question = access_question(user, post_id)
    if not levels.has_privilege(user, "mark_duplicate"):
        raise ActionError("Marking duplicates is a privilege of leaders.", status=403)
    if isinstance(original, str):
        original_id = parse_question_ref(original) if original.strip() else None
    else:
        original_id = original
    found = None
    if original_id is not None:
        try:
            found = access_question(user, original_id)
        except Http404:
            # The original was typed in a form: say so, without telling apart a question
            # that does not exist from one this person may not read.
            raise ActionError(
                "There is no question with that number that you can read.", field="original"
            ) from None
        if found.pk == question.pk:
            raise ActionError("A question cannot duplicate itself.", field="original")
        if found.duplicate_of_id == question.pk:
            raise ActionError(
                "That question is already marked as a duplicate of this one.", field="original"
            )
    do_mark_duplicate(question, found)
    return question


def do_mark_duplicate(question: Question, original: Question | None) -> None:
    """Point ``question`` at its original (``None`` reopens it)."""
    Question.objects.filter(pk=question.pk).update(duplicate_of=original)
    question.duplicate_of = original
