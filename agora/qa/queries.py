"""Reads about questions: the lists, a question's page, and questions to suggest.

Every read starts from ``Post.objects.visible_to``; each function owns its joins so a page
costs a fixed number of queries whatever the number of answers or comments.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Value
from django.db.models.functions import Coalesce

from agora.core.pagination import Page, keyset_page
from agora.people.models import User
from agora.people.privileges import privileges
from agora.posts.access import can_delete_post, can_edit_post, can_pin
from agora.posts.models import Comment, Post, Reaction, Tag
from agora.posts.queries import COMMENT_ATTACHMENTS, CommentView, PostCard, build_thread
from agora.qa.models import Answer, Question
from agora.reputation.models import TagReputation
from agora.spaces.models import Space
from agora.spaces.viewer import Viewer
from agora.spaces.visibility import member_space_ids, moderates, visible_through

FILTERS = {
    "open": "No accepted answer",
    "unanswered": "Unanswered",
    "all": "All",
}
SUGGESTED = 5  # questions in the home page's "Questions you could answer"
# An answer's post, and its author's chip: department, and level (through ``standing``).
ANSWER_JOINS = ("post", "post__author", "post__author__department", "post__author__standing")


def questions(
    user: User, *, show: str = "open", space: Space | None = None, tag: str = ""
) -> QuerySet[Question]:
    """Questions ``user`` may read, filtered, with what a list row draws joined."""
    found = Question.objects.filter(visible_through(user))
    if show == "unanswered":
        found = found.filter(answer_count=0)
    elif show == "open":
        found = _without_accepted(found)
    if space is not None:
        found = found.filter(post__space=space)
    if tag:
        found = found.filter(
            Exists(Post.tags.through.objects.filter(post_id=OuterRef("pk"), tag__name=tag))
        )
    return found.select_related(
        "post", "post__author", "post__author__department", "post__author__standing", "post__space"
    ).prefetch_related(Prefetch("post__tags", queryset=Tag.objects.order_by("name")))


def _without_accepted(found: QuerySet[Question]) -> QuerySet[Question]:
    """No accepted answer, as an expression: ``accepted_answer_id IS NULL`` matches most
    questions, and a planner that used its index for it would sort them all instead of
    walking the activity index newest first and stopping at the page size."""
    return found.alias(accepted_key=Coalesce("accepted_answer_id", Value(0))).filter(accepted_key=0)


def _unresolved(found: QuerySet[Question]) -> QuerySet[Question]:
    """Neither answered for good nor a duplicate (both as expressions, as above)."""
    return (
        _without_accepted(found)
        .alias(duplicate_key=Coalesce("duplicate_of_id", Value(0)))
        .filter(duplicate_key=0)
    )


def question_list(
    user: User, *, show: str, space: Space | None, tag: str, cursor: str | None, size: int
) -> Page[Question]:
    """One keyset page of a question list, most recently active first (two queries)."""
    return keyset_page(
        questions(user, show=show, space=space, tag=tag), cursor, size, field="last_activity_at"
    )


def questions_to_answer(user: User, limit: int = SUGGESTED) -> list[Question]:
    """Open questions ``user`` could answer (one query): readable, not their own, without an
    accepted answer or a duplicate mark, not already answered by them, in a space they belong
    to or tagged with a tag they earned reputation in or that names one of their skills.
    Newest activity first."""
    known_tags = Tag.objects.filter(
        Q(pk__in=TagReputation.objects.filter(user=user, total__gt=0).values("tag_id"))
        | Q(name__in=user.skills.values("slug"))
    ).values("pk")
    tagged = Post.tags.through.objects.filter(post_id=OuterRef("pk"), tag_id__in=known_tags)
    return list(
        _unresolved(Question.objects.filter(visible_through(user)))
        .exclude(post__author=user)
        .exclude(
            Exists(
                Answer.objects.filter(
                    question=OuterRef("pk"), post__author=user, post__deleted_at=None
                )
            )
        )
        .filter(Q(post__space_id__in=member_space_ids(user)) | Exists(tagged))
        .select_related("post", "post__space")
        .order_by("-last_activity_at", "-pk")[:limit]
    )


@dataclass
class AnswerView:
    """An answer as one viewer sees it: their reactions, its comments, what they may do."""

    answer: Answer
    my_reactions: set[str]
    comments: list[CommentView]
    can_accept: bool
    can_delete: bool
    can_mark_official: bool
    can_edit: bool = False


@dataclass
class QuestionPage:
    """Everything the question page draws."""

    question: Question
    card: PostCard
    answers: list[AnswerView]
    thread: list[CommentView]
    can_accept: bool
    can_retag: bool
    can_mark_duplicate: bool
    tags: list[Tag]

    @property
    def has_leader_tools(self) -> bool:
        return self.can_retag or self.can_mark_duplicate or self.card.can_pin


def question_page(viewer: Viewer, question: Question) -> QuestionPage:
    """The question, its ranked answers and every comment, with the viewer's reactions
    and rights: six queries (answers with their posts, comments, their files, reactions,
    the viewer's privileges, tags)."""
    user = viewer.user
    post = question.post
    roles = viewer.roles
    answers = list(
        Answer.objects.filter(question=question, post__deleted_at__isnull=True)
        .select_related(*ANSWER_JOINS)
        # Accepted first, then official (the company's word), then most thumbs-up, then oldest.
        .order_by(
            "-is_accepted", "-is_official", "-post__thumbs_up_count", "post__created_at", "pk"
        )
    )
    answer_ids = [a.pk for a in answers]
    # Comments on the question and on its answers (which are posts), all at once.
    comments = list(
        Comment.objects.filter(post_id__in=[post.pk, *answer_ids])
        .select_related("author", "author__department")
        .prefetch_related(COMMENT_ATTACHMENTS)
        .order_by("created_at", "id")
    )
    mine_post: dict[int, set[str]] = defaultdict(set)
    mine_comment: dict[int, set[str]] = defaultdict(set)
    rows = Reaction.objects.filter(user=user).filter(
        Q(post_id__in=[post.pk, *answer_ids]) | Q(comment_id__in=[c.pk for c in comments])
    )
    for post_id, comment_id, kind in rows.values_list("post_id", "comment_id", "kind"):
        if post_id is not None:
            mine_post[post_id].add(kind)
        else:
            mine_comment[comment_id].add(kind)
    on_posts: dict[int, list[Comment]] = defaultdict(list)
    for c in comments:
        if c.post_id == post.pk or c.deleted_at is None:
            on_posts[c.post_id].append(c)
    on_question = on_posts[post.pk]
    held = privileges(user)
    moderator = moderates(user, post.space_id, roles)
    can_accept = post.author_id == user.pk or moderator
    card = PostCard(
        post=post,
        my_reactions=mine_post[post.pk],
        can_edit=can_edit_post(user, post),
        can_delete=can_delete_post(user, post, roles),
        can_pin=can_pin(user, post.space_id, roles, leader="pin" in held),
    )
    return QuestionPage(
        question=question,
        card=card,
        answers=[
            AnswerView(
                answer=a,
                my_reactions=mine_post[a.pk],
                comments=build_thread(
                    viewer, post.space_id, on_posts[a.pk], mine_comment, replies=False
                ),
                can_accept=can_accept,
                can_delete=a.post.author_id == user.pk or moderator,
                can_mark_official=user.is_official_voice and a.post.author_id == user.pk,
                can_edit=a.post.author_id == user.pk,
            )
            for a in answers
        ],
        thread=build_thread(viewer, post.space_id, on_question, mine_comment),
        can_accept=can_accept,
        can_retag=post.author_id == user.pk or "edit_tags" in held,
        can_mark_duplicate="mark_duplicate" in held,
        tags=list(post.tags.order_by("name")),
    )


def answer_view(viewer: Viewer, question: Question, answer: Answer) -> AnswerView:
    """One new answer as ``viewer`` sees it: its author right after writing it, or a
    reader whose open page is told of it (nobody has reacted or commented yet)."""
    user = viewer.user
    mine = answer.post.author_id == user.pk
    return AnswerView(
        answer=answer,
        my_reactions=set(),
        comments=[],
        can_accept=question.post.author_id == user.pk
        or moderates(user, question.post.space_id, viewer.roles),
        can_delete=can_delete_post(user, answer.post, viewer.roles),
        can_mark_official=user.is_official_voice and mine,
        can_edit=mine,
    )
