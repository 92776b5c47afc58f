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
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Greatest
from django.http import Http404
from django.utils import timezone

from agora.core import events
from agora.core.errors import ActionError
from agora.core.nul import refuse_nul
from agora.media.uploads import Checked, Upload, check_uploads, storing
from agora.people.models import User
from agora.people.privileges import has_privilege
from agora.posts import actions as posts
from agora.posts.access import can_delete_post
from agora.posts.events import PostDeleted
from agora.posts.models import Post, PostKind
from agora.qa.events import AnswerAccepted, AnswerUnaccepted
from agora.qa.models import Answer, Question
from agora.reputation import actions as reputation
from agora.spaces.models import Space
from agora.spaces.queries import membership_roles, space_role
from agora.spaces.visibility import can_start_posts, moderates, visible_through


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
        # A question starts a thread, like a post: the same rule (answers stay open).
        role = space_role(author, space, roles)
        if role is None:
            raise ActionError(f"Join {space.name} to ask in it.", status=403)
        if not can_start_posts(space, role):
            raise ActionError(
                f"Only the owners and moderators of {space.name} start questions there; "
                "you can answer, comment and react.",
                status=403,
            )
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
        reputation.badges_for_question(author, post)
    return question


def _visible_questions(user: User) -> QuerySet[Question]:
    return Question.objects.filter(visible_through(user))


def access_question(user: User, post_id: int) -> Question:
    """The question if ``user`` may read it; 404 otherwise (and for posts that ask nothing),
    exactly like a missing one. One query, with the post, its author and its space."""
    question = (
        _visible_questions(user)
        .filter(pk=post_id)
        .select_related(
            "post",
            "post__author",
            "post__author__department",
            "post__author__standing",
            "post__space",
            "duplicate_of__post",
        )
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
    """The answer if ``user`` may read it (its post is readable and not deleted; deleting a
    question deletes its answers); 404 otherwise."""
    return _readable_answer(user, Q(pk=answer_id))


def access_answer_post(user: User, question_post_id: int, answer_post_id: int) -> Answer:
    """The answer whose post is ``answer_post_id``, to the question ``question_post_id``,
    if ``user`` may read it (what a live page names); 404 otherwise."""
    return _readable_answer(user, Q(post_id=answer_post_id, question__post_id=question_post_id))


def _readable_answer(user: User, which: Q) -> Answer:
    answer = (
        Answer.objects.filter(visible_through(user), which)
        .select_related(
            "post",
            "post__author",
            "post__author__department",
            "post__space",
            "question",
            "question__post",
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
    """Edit one's own answer; the earlier body is kept in the post's history."""
    answer = editable_answer(user, answer_id)
    posts.do_edit_post(answer.post, editor=user, body=_answer_body(body))
    return answer


def do_answer(
    author: User, question: Question, body: str, *, created_at: datetime | None = None
) -> Answer:
    """Write the answer (a post in the question's space), count it, and tell the asker,
    in one transaction."""
    now = created_at or timezone.now()
    with transaction.atomic():
        post = posts.do_create_post(
            author,
            space=question.post.space,
            body=body,
            kind=PostKind.ANSWER,
            parent=question.post,
            created_at=now,
        )
        answer = Answer.objects.create(post=post, question=question)
        Question.objects.filter(pk=question.pk).update(
            answer_count=F("answer_count") + 1,
            last_activity_at=Greatest(F("last_activity_at"), Value(now)),
        )
        reputation.badges_for_answer(post)
    reputation.evaluate_level(author, now=now)
    return answer


def can_accept(user: User, question: Question, roles: Mapping[int, str] | None = None) -> bool:
    """The asker, and the question's space moderators (and site moderators)."""
    if question.post.author_id == user.pk:
        return True
    return moderates(
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


def do_accept(answer: Answer, *, accepter: User, at: datetime | None = None) -> None:
    """Make ``answer`` the accepted one (now, or at ``at``: the demo's history),
    withdrawing any other. At most one, always."""
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
            now = at or timezone.now()
            # The answer may have been deleted since it was read (deleting also takes the
            # question's lock, so this sees the final state).
            if not Answer.objects.filter(pk=answer.pk, post__deleted_at__isnull=True).update(
                is_accepted=True, accepted_at=now, accepted_by=accepter
            ):
                raise ActionError("That answer was just deleted.", status=404)
            Question.objects.filter(pk=question.pk).update(
                accepted_answer=answer,
                # A backdated acceptance never moves the activity date back.
                last_activity_at=Greatest(F("last_activity_at"), Value(now)),
            )
            reputation.on_accepted(answer.post, accepter, question.post, when=now)
            events.emit(AnswerAccepted(answer, accepter, now))
    except IntegrityError:
        raise ActionError(
            "Another answer was accepted at the same moment; reload the page.", status=409
        ) from None
    reputation.evaluate_level(answer.post.author, now=at)


def _withdraw(answer: Answer) -> None:
    Answer.objects.filter(pk=answer.pk).update(
        is_accepted=False, accepted_at=None, accepted_by=None
    )
    reputation.on_unaccepted(answer.pk)


def do_unaccept(answer: Answer) -> None:
    """Withdraw the acceptance of ``answer`` (nothing if it is not the accepted one)."""
    with transaction.atomic():
        question = Question.objects.select_for_update().get(pk=answer.question_id)
        if question.accepted_answer_id != answer.pk:
            return
        _withdraw(answer)
        Question.objects.filter(pk=question.pk).update(accepted_answer=None)
        events.emit(AnswerUnaccepted(answer))


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


def do_mark_official(answer: Answer, *, official: bool, at: datetime | None = None) -> None:
    """Set or remove the official mark (now, or at ``at``: the demo's history), crediting
    (or reversing) its reputation."""
    with transaction.atomic():
        Answer.objects.filter(pk=answer.pk).update(is_official=official)
        reputation.on_official(answer.post, answer.question.post, official, when=at)


def check_delete_answer(user: User, answer_id: int) -> Answer:
    """Authors and the space's moderators delete answers; the row stays for the record."""
    answer = access_answer(user, answer_id)
    if not can_delete_post(user, answer.post, membership_roles(user)):
        raise ActionError("You can only delete your own answers.", status=403)
    posts.do_delete_post(answer.post, deleted_by=user)
    return answer


def on_post_deleted(event: PostDeleted) -> None:
    """An answer's post was deleted (here, or as any post through ``posts``): withdraw its
    acceptance and count it out of its question, in the deleting transaction."""
    if event.post.kind != PostKind.ANSWER or event.post.parent_id is None:
        return
    # The question's lock orders this after (or before) any accept in flight.
    question = Question.objects.select_for_update().filter(pk=event.post.parent_id).first()
    if question is None:
        return
    answer = Answer.objects.filter(pk=event.post.pk).first()
    if answer is not None:
        do_unaccept(answer)  # nothing unless it is the accepted answer
    Question.objects.filter(pk=question.pk).update(answer_count=F("answer_count") - 1)


def check_set_tags(user: User, post_id: int, tags: str) -> Question:
    """Leaders (and the asker) may retag a question; everyone else is refused."""
    question = access_question(user, post_id)
    if question.post.author_id != user.pk and not has_privilege(user, "edit_tags"):
        raise ActionError("Editing tags is a privilege of leaders.", status=403)
    names = posts.parse_tags(tags)
    posts.do_set_tags(question.post, names)
    return question


QUESTION_REF = re.compile(
    r"#?([0-9]{1,18})|(?:https?://[^/\s]+)?/(?:questions|posts)/([0-9]{1,18})/?(?:[?#]\S*)?"
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
    if not has_privilege(user, "mark_duplicate"):
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
