"""``agora seed``: a deterministic company, written in bulk, whose counters add up."""

from __future__ import annotations

import io
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter
from contextlib import closing
from dataclasses import replace
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.html import escape

from agora.core import policy
from agora.core.models import SiteSetting
from agora.demo.company import seed_demo
from agora.demo.seed import ANCHOR, PASSWORD, SeedError, SeedOptions, questions, seed_company, text
from agora.demo.tests.helpers import SMALL
from agora.people.models import Follow, Level, Standing, User
from agora.posts import actions as post_actions
from agora.posts.models import (
    FEED_KINDS,
    Comment,
    Mention,
    Post,
    PostKind,
    Reaction,
    ReactionKind,
)
from agora.qa import actions as qa_actions
from agora.qa.models import Answer, Question
from agora.reputation import actions as reputation
from agora.reputation import levels
from agora.reputation import queries as rep_queries
from agora.reputation.models import (
    BadgeAward,
    CreditTotal,
    EventKind,
    Reputation,
    ReputationEvent,
    TagReputation,
)
from agora.search import backends
from agora.spaces.models import Kind, Membership, Role, Space, Visibility
from agora.spaces.visibility import visible_through

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("small_chunks")]

MENTION_LINK = re.compile(r'<a class="mention" href="([^"]+)"')
TAG_LINK = re.compile(r'<a class="hashtag" href="/tags/([^/"]+)/"')


@pytest.fixture
def seeded():
    return seed_company(SMALL)


def snapshot(seed: int) -> dict[str, list[tuple[object, ...]]]:
    people = User.objects.filter(handle__startswith=f"u{seed}-")
    return {
        "people": list(
            people.order_by("pk").values_list(
                "pk", "handle", "display_name", "department__name", "follower_count", "password"
            )
        ),
        "follows": list(
            Follow.objects.filter(follower__in=people)
            .order_by("follower__handle", "followee__handle")
            .values_list("follower__handle", "followee__handle", "created_at")
        ),
        "spaces": list(
            Space.objects.filter(slug__startswith=f"s{seed}-")
            .order_by("pk")
            .values_list("pk", "slug", "kind", "visibility", "member_count", "post_count")
        ),
        "posts": list(
            Post.objects.in_feeds()
            .filter(author__in=people)
            .order_by("pk")
            .values_list("pk", "author__handle", "space__slug", "body", "body_html", "created_at")
        ),
        "comments": list(
            Comment.objects.filter(author__in=people)
            .order_by("pk")
            .values_list("pk", "post_id", "parent_id", "author__handle", "body", "created_at")
        ),
        "reactions": list(
            Reaction.objects.filter(user__in=people)
            .order_by("user__handle", "post_id", "comment_id", "kind")
            .values_list("user__handle", "post_id", "comment_id", "kind", "created_at")
        ),
        "questions": list(
            Question.objects.filter(post__author__in=people)
            .order_by("pk")
            .values_list(
                "pk", "post__title", "answer_count", "accepted_answer_id", "duplicate_of_id",
                "last_activity_at",
            )
        ),
        "answers": list(
            Answer.objects.filter(post__author__in=people)
            .order_by("pk")
            .values_list(
                "pk", "question_id", "post__author__handle", "post__space__slug", "post__body",
                "post__body_html", "post__created_at", "accepted_at",
            )
        ),
        "ledger": list(
            ReputationEvent.objects.filter(user__in=people)
            .order_by("pk")
            .values_list("pk", "user__handle", "kind", "points", "actor__handle", "post_id",
                         "answer_id", "created_at")
        ),
        "ledger tags": list(
            ReputationEvent.tags.through.objects.filter(reputationevent__user__in=people)
            .order_by("reputationevent_id", "tag__name")
            .values_list("reputationevent_id", "tag__name")
        ),
        "totals": list(
            Reputation.objects.filter(user__in=people)
            .order_by("user__handle")
            .values_list("user__handle", "total", "thumbs_up", "accepted_answers")
        ),
        "tag totals": list(
            TagReputation.objects.filter(user__in=people)
            .order_by("user__handle", "tag__name")
            .values_list("user__handle", "tag__name", "total")
        ),
        "credit by space": list(
            CreditTotal.objects.filter(user__in=people)
            .order_by("user__handle", "space_key")
            .values_list("user__handle", "space_key", "points", "thumbs_up", "accepted")
        ),
        "levels": list(
            Standing.objects.filter(user__in=people)
            .order_by("user__handle")
            .values_list("user__handle", "level", "since")
        ),
        "badges": list(
            BadgeAward.objects.filter(user__in=people)
            .order_by("user__handle", "badge")
            .values_list("user__handle", "badge", "post_id", "awarded_at")
        ),
    }  # fmt: skip


def seed_snapshot_and_roll_back(options: SeedOptions) -> dict[str, list[tuple[object, ...]]]:
    with transaction.atomic():
        seed_company(options)
        found = snapshot(options.seed)
        transaction.set_rollback(True)
    return found


def test_it_seeds_the_same_rows_from_the_same_options():
    first = seed_snapshot_and_roll_back(SMALL)
    assert not User.objects.filter(handle__startswith="u7-").exists()

    seed_company(SMALL)

    assert first["posts"]
    assert snapshot(SMALL.seed) == first


def test_it_seeds_the_same_rows_whatever_the_hash_seed(tmp_path):
    """Sets of strings iterate in a per-process order; nothing seeded may depend on it."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("AGORA_DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    agora = [sys.executable, "-m", "agora.cli"]
    migrated = tmp_path / "migrated"
    subprocess.run(
        [*agora, "migrate", "-v", "0"], env={**env, "AGORA_DATA_DIR": str(migrated)}, check=True
    )
    models = (User, Follow, Space, Membership, Post, Comment, Reaction, Mention, Question,
              Answer, ReputationEvent, Reputation, TagReputation, CreditTotal, Standing,
              BadgeAward)  # fmt: skip
    through = (Post.tags.through, ReputationEvent.tags.through)
    tables = {m._meta.db_table: m._meta.pk.column for m in (*models, *through)}
    dumps = []
    for hash_seed in ("1", "2"):
        data = tmp_path / f"hash-seed-{hash_seed}"
        shutil.copytree(migrated, data)
        subprocess.run(
            [
                *agora,
                "seed",
                "--users",
                "20",
                "--spaces",
                "4",
                "--posts",
                "60",
                "--reactions",
                "400",
                "--quiet",
            ],
            env={**env, "AGORA_DATA_DIR": str(data), "PYTHONHASHSEED": hash_seed},
            check=True,
            capture_output=True,
        )
        with closing(sqlite3.connect(data / "agora.sqlite3")) as db:
            query = "SELECT * FROM {} ORDER BY {}"  # names from the models, not input
            dumps.append(
                {t: db.execute(query.format(t, pk)).fetchall() for t, pk in tables.items()}
            )
    assert dumps[0][Post._meta.db_table]
    assert dumps[0][Answer._meta.db_table] and dumps[0][ReputationEvent._meta.db_table]
    assert dumps[0] == dumps[1]


def test_it_seeds_a_different_company_from_another_seed(seeded):
    seed_company(replace(SMALL, seed=8))

    bodies_7 = [b for _, _, _, b, _, _ in snapshot(7)["posts"]]
    bodies_8 = [b for _, _, _, b, _, _ in snapshot(8)["posts"]]
    assert len(bodies_8) == len(bodies_7)
    assert bodies_8 != bodies_7


def test_it_creates_exactly_what_was_asked(seeded):
    assert User.objects.filter(handle__startswith="u7-").count() == 40
    assert Space.objects.count() == 6
    # --posts counts posts and questions; answers are posts too, on top of those.
    assert Post.objects.in_feeds().count() == seeded.posts == 300
    assert Post.objects.filter(kind=PostKind.ANSWER).count() == seeded.answers > 0
    assert Post.objects.count() == 300 + seeded.answers
    assert Comment.objects.count() == seeded.comments == 300 * 4
    # --reactions counts those on posts (answers included) and on comments together.
    assert Reaction.objects.count() == seeded.reactions == 2500
    assert Reaction.objects.filter(comment__isnull=False).exists()
    assert Reaction.objects.filter(post__kind=PostKind.ANSWER).exists()
    assert Question.objects.count() == seeded.questions
    assert Answer.objects.count() == seeded.answers
    assert Answer.objects.filter(is_accepted=True).count() == seeded.accepted_answers
    assert ReputationEvent.objects.count() == seeded.reputation_events
    assert BadgeAward.objects.count() == seeded.badges
    assert User.objects.get(handle="u7-1").check_password(PASSWORD)


def assert_counters_match_rows() -> None:
    post_reactions = Counter(
        Reaction.objects.filter(post__isnull=False).values_list("post_id", "kind")
    )
    comment_reactions = Counter(
        Reaction.objects.filter(comment__isnull=False).values_list("comment_id", "kind")
    )
    # A comment on an answer is on the answer's post, and counted there, not on the
    # question's post.
    comments_per_post = Counter(Comment.objects.values_list("post_id", flat=True))
    answers_per_question = Counter(
        Answer.objects.filter(post__deleted_at__isnull=True).values_list("question_id", flat=True)
    )
    for question in Question.objects.all():
        assert question.answer_count == answers_per_question[question.pk], question
    # Every answer's post is one: the answers' own counters are checked with the posts'.
    assert set(Answer.objects.values_list("pk", flat=True)) == set(
        Post.objects.filter(kind=PostKind.ANSWER).values_list("pk", flat=True)
    )
    for post in Post.objects.all():
        assert post.comment_count == comments_per_post[post.pk], post
        for kind in ReactionKind.values:
            assert post.reaction_count(kind) == post_reactions[post.pk, kind], (post, kind)
    for comment in Comment.objects.all():
        for kind in ReactionKind.values:
            assert comment.reaction_count(kind) == comment_reactions[comment.pk, kind]
    members = Counter(Membership.objects.values_list("space_id", flat=True))
    # A space counts its posts and questions; answers live in it but are not its posts.
    in_feeds = Post.objects.in_feeds()
    posts = Counter(in_feeds.values_list("space_id", flat=True))
    latest = dict(in_feeds.values("space_id").annotate(latest=Max("created_at")).values_list(
        "space_id", "latest"
    ))  # fmt: skip
    for space in Space.objects.all():
        assert space.member_count == members[space.pk], space
        assert space.post_count == posts[space.pk], space
        assert space.last_post_at == latest.get(space.pk), space
    followers = Counter(Follow.objects.values_list("followee_id", flat=True))
    for user in User.objects.all():
        assert user.follower_count == followers[user.pk], user


def test_it_keeps_every_counter_equal_to_its_rows(seeded):
    assert_counters_match_rows()


def test_it_never_repeats_a_reaction(seeded):
    keys = Counter(Reaction.objects.values_list("user_id", "post_id", "comment_id", "kind"))
    assert max(keys.values()) == 1


def test_it_lets_only_members_write_in_spaces_and_react_in_closed_ones(seeded):
    members = set(Membership.objects.values_list("space_id", "user_id"))
    closed = set(Space.objects.exclude(visibility=Visibility.OPEN).values_list("pk", flat=True))
    assert closed
    # Anyone who can read a question in an open space may answer it (below).
    for space_id, author_id in (
        Post.objects.in_feeds().filter(space__isnull=False).values_list("space_id", "author_id")
    ):
        assert (space_id, author_id) in members
    in_closed = {"post__space_id__in": closed}
    for space_id, author_id in Comment.objects.filter(**in_closed).values_list(
        "post__space_id", "author_id"
    ):
        assert (space_id, author_id) in members
    for space_id, author_id in Answer.objects.filter(
        question__post__space_id__in=closed
    ).values_list("question__post__space_id", "post__author_id"):
        assert (space_id, author_id) in members
    reactions = Reaction.objects.filter(post__space_id__in=closed).values_list(
        "post__space_id", "user_id"
    )
    on_comments = Reaction.objects.filter(comment__post__space_id__in=closed).values_list(
        "comment__post__space_id", "user_id"
    )
    on_answers = Reaction.objects.filter(
        post__answer__question__post__space_id__in=closed
    ).values_list("post__answer__question__post__space_id", "user_id")
    assert reactions.exists() and on_comments.exists()
    for space_id, user_id in [*reactions, *on_comments, *on_answers]:
        assert (space_id, user_id) in members
    for space_id, user_id in Mention.objects.filter(**in_closed).values_list(
        "post__space_id", "user_id"
    ):
        assert (space_id, user_id) in members


def test_it_gives_every_space_one_owner_and_covers_every_kind_and_visibility(seeded):
    for space in Space.objects.all():
        owners = space.memberships.filter(role=Role.OWNER)
        assert [m.user_id for m in owners] == [space.created_by_id]
    assert set(Space.objects.values_list("kind", flat=True)) == set(Kind.values)
    assert set(Space.objects.values_list("visibility", flat=True)) == set(Visibility.values)


def test_it_threads_replies_one_level_deep_after_their_parent(seeded):
    replies = Comment.objects.filter(parent__isnull=False).select_related("parent", "post")
    share = replies.count() / Comment.objects.count()
    assert 0.12 < share < 0.28
    for reply in replies:
        assert reply.parent is not None
        assert reply.parent.parent_id is None
        assert reply.parent.post_id == reply.post_id
        assert reply.created_at > reply.parent.created_at
    for comment in Comment.objects.select_related("post"):
        assert comment.post.created_at < comment.created_at < ANCHOR


def test_it_spreads_posts_over_two_years_before_the_anchor(seeded):
    dates = list(Post.objects.in_feeds().values_list("created_at", flat=True))
    assert min(dates) >= ANCHOR - timedelta(days=730)
    assert max(dates) < ANCHOR - timedelta(days=1)
    first_year = sum(d < ANCHOR - timedelta(days=365) for d in dates)
    assert 0.2 * len(dates) < first_year < 0.5 * len(dates)  # later months are busier
    assert Reaction.objects.aggregate(latest=Max("created_at"))["latest"] < ANCHOR
    assert Question.objects.aggregate(latest=Max("last_activity_at"))["latest"] < ANCHOR
    assert ReputationEvent.objects.aggregate(latest=Max("created_at"))["latest"] < ANCHOR


def test_it_posts_about_an_eighth_company_wide_and_mostly_thumbs_up(seeded):
    posts = Post.objects.in_feeds()
    share = posts.filter(space__isnull=True).count() / posts.count()
    assert 0.06 < share < 0.2
    kinds = Counter(Reaction.objects.values_list("kind", flat=True))
    assert kinds.most_common(1)[0][0] == ReactionKind.THUMBS_UP
    assert kinds[ReactionKind.THUMBS_UP] > 0.45 * sum(kinds.values())


def test_it_makes_a_few_people_very_active_and_many_quiet(seeded):
    posts = Post.objects.in_feeds()
    per_author = sorted(Counter(posts.values_list("author_id", flat=True)).values())
    busiest_tenth = sum(per_author[-4:])  # 4 of 40 people
    assert busiest_tenth > 0.3 * sum(per_author)
    assert per_author[len(per_author) // 2] < busiest_tenth / 4


def test_it_prefers_other_departments_for_comments_and_reactions(seeded):
    comments = Comment.objects.values_list("author__department", "post__author__department")
    cross = sum(a != b for a, b in comments) / len(comments)
    reactions = Reaction.objects.filter(post__kind__in=FEED_KINDS).values_list(
        "user__department", "post__author__department"
    )
    assert cross > 0.6
    assert sum(a != b for a, b in reactions) / len(reactions) > 0.6


def test_it_records_the_mentions_and_tags_its_bodies_link(seeded):
    url_of = {u.pk: u.get_absolute_url() for u in User.objects.all()}
    mentioned: Counter[str] = Counter()
    for post in Post.objects.in_feeds().prefetch_related("mentions", "tags"):
        links = MENTION_LINK.findall(post.body_html)
        assert len(links) <= 3
        # A question's post holds its own mentions only: its answers' are on theirs.
        rows = [url_of[m.user_id] for m in post.mentions.all() if m.comment_id is None]
        assert sorted(set(links)) == sorted(rows)
        tags = {t.name for t in post.tags.all()}
        in_body = set(TAG_LINK.findall(post.body_html))
        if post.kind == PostKind.QUESTION:
            assert in_body <= tags  # and those of the ask form's tag field
        else:
            assert tags == in_body
        mentioned["posts"] += len(rows)
    for comment in Comment.objects.prefetch_related("mentions"):
        links = MENTION_LINK.findall(comment.body_html)
        rows = [url_of[m.user_id] for m in comment.mentions.all()]
        assert sorted(set(links)) == sorted(rows)
        assert all(m.post_id == comment.post_id for m in comment.mentions.all())
    answers = Answer.objects.select_related("post").prefetch_related("post__mentions", "post__tags")
    for answer in answers:
        links = MENTION_LINK.findall(answer.body_html)
        rows = [url_of[m.user_id] for m in answer.post.mentions.all() if m.comment_id is None]
        assert sorted(set(links)) == sorted(rows)
        # As for any post (``do_answer`` creates one): the #tags its body names.
        assert {t.name for t in answer.post.tags.all()} == set(TAG_LINK.findall(answer.body_html))
        mentioned["answers"] += len(rows)
    assert mentioned["posts"] > 0 and mentioned["answers"] > 0


def test_it_renders_bodies_like_the_real_pipeline(seeded):
    for kinds in (FEED_KINDS, [PostKind.ANSWER]):
        for post in Post.objects.filter(kind__in=kinds).order_by("pk")[:50]:
            assert post.body_html == post_actions.render_body(post.body).html


def test_it_leaves_the_database_ready_for_ordinary_writes(seeded):
    author = User.objects.get(handle="u7-2")
    post = post_actions.do_create_post(author, space=None, body="After the seed #hello")
    comment = post_actions.do_add_comment(author, post, "And a comment")
    assert post.pk > Post.objects.exclude(pk=post.pk).aggregate(m=Max("pk"))["m"]
    assert comment.pk > Comment.objects.exclude(pk=comment.pk).aggregate(m=Max("pk"))["m"]


# Questions, answers and reputation ----------------------------------------------------


def test_every_question_template_fills_in_and_passes_the_ask_forms_rules():
    products = ["", *(p for names in text.SPACE_NAMES.values() for _, _, p in names if p)]
    for key, pool in questions.POOLS.items():
        for template in pool:
            for product in products:
                slots = text.Slots(
                    random.Random(1), when=ANCHOR, months=5, author="Ada", product=product,
                    products=["Atlas", "Beacon"], mention=lambda named: None,
                )  # fmt: skip
                assert post_actions.clean_title(template.title.format_map(slots))
                assert post_actions.parse_tags(" ".join(t.format_map(slots) for t in template.tags))
                for words in (template.body, *template.answers, *template.comments):
                    assert words.format_map(slots)
        for words in (*questions.ANSWER_POOLS[key], *questions.QUESTION_COMMENTS):
            assert words.format_map(slots)


def test_it_asks_about_a_tenth_of_the_posts_as_questions(seeded):
    questions = Post.objects.filter(kind=PostKind.QUESTION)
    assert 0.05 < questions.count() / Post.objects.in_feeds().count() < 0.16
    assert set(Question.objects.values_list("pk", flat=True)) == set(
        questions.values_list("pk", flat=True)
    )
    assert all(len(title) >= 8 for title in questions.values_list("title", flat=True))
    assert not Post.objects.exclude(kind=PostKind.QUESTION).exclude(title="").exists()
    # The ask form's tags are linked too, and search finds a question by its title.
    assert all(q.tags.exists() for q in questions)
    question = questions.exclude(title__contains="'").first()
    assert question is not None
    word = max(backends.terms(question.title), key=len)
    assert question.pk in backends.newest_matches(word, before=None, limit=10_000)


def test_it_answers_most_questions_after_they_are_asked(seeded):
    per_question = Counter(Question.objects.values_list("answer_count", flat=True))
    asked = sum(per_question.values())
    assert max(per_question) <= 4
    assert 0 < per_question[0] < 0.35 * asked  # some stay unanswered
    assert per_question[1] + per_question[2] > 0.5 * asked
    answers = Answer.objects.select_related("question__post", "post")
    for answer in answers:
        post = answer.question.post
        assert answer.author_id != post.author_id
        assert post.created_at < answer.created_at < ANCHOR
        # As ``do_answer`` writes it: a post answering the question, in its space.
        assert answer.post.kind == PostKind.ANSWER
        assert answer.post.parent_id == post.pk
        assert answer.post.space_id == post.space_id
        assert answer.post.title == ""
    # One answer per person per question.
    assert max(Counter(answers.values_list("question_id", "post__author_id")).values()) == 1
    cross = answers.exclude(post__author__department=F("question__post__author__department"))
    assert cross.count() > 0.6 * answers.count()


def test_it_accepts_one_answer_on_most_answered_questions(seeded):
    answered = Question.objects.filter(answer_count__gt=0).select_related("post")
    accepted = answered.filter(accepted_answer__isnull=False)
    assert 0.4 < accepted.count() / answered.count() < 0.8
    per_question = Counter(
        Answer.objects.filter(is_accepted=True).values_list("question_id", flat=True)
    )
    assert max(per_question.values()) == 1
    for question in answered:
        answers = list(question.answers.all())
        chosen = [a for a in answers if a.is_accepted]
        assert [a.pk for a in chosen] == (
            [question.accepted_answer_id] if question.accepted_answer_id else []
        )
        moments = [question.post.created_at, *(a.created_at for a in answers)]
        for answer in chosen:
            assert answer.accepted_by_id == question.post.author_id
            assert answer.accepted_at is not None
            assert answer.created_at < answer.accepted_at < ANCHOR
            moments.append(answer.accepted_at)
        assert question.last_activity_at == max(moments)
    assert not Answer.objects.filter(is_accepted=False, accepted_at__isnull=False).exists()


def test_it_closes_a_few_questions_as_duplicates_of_earlier_ones_in_their_space():
    seed_company(replace(SMALL, posts=1500, reactions=3000, comments_per_post=1))
    duplicates = Question.objects.filter(duplicate_of__isnull=False).select_related(
        "post", "duplicate_of__post"
    )
    assert duplicates.exists()
    for question in duplicates:
        original = question.duplicate_of
        assert original is not None
        assert original.post.space_id == question.post.space_id
        assert original.post.created_at < question.post.created_at


def thumbs_up_replayed(cap: int) -> dict[int, int]:
    """The points each thumbs-up event would get from the live rule, met in time order."""
    knobs = policy.current()
    taken: Counter[tuple[object, int]] = Counter()
    points = {}
    events = ReputationEvent.objects.filter(kind=EventKind.THUMBS_UP).select_related(
        "user", "actor"
    )
    for event in events.order_by("created_at", "pk"):
        assert event.actor is not None
        worth = reputation.thumbs_up_points(event.actor, event.user, knobs)
        day = (timezone.localdate(event.created_at), event.user_id)
        points[event.pk] = max(0, min(worth, cap - taken[day]))
        taken[day] += points[event.pk]
    return points


def test_it_credits_every_thumbs_up_from_someone_else_once_under_the_daily_cap():
    SiteSetting.objects.create(key="reputation.daily_vote_cap", value=40)  # three or four a day
    seed_company(SMALL)

    reactions = set()
    question_of = dict(Answer.objects.values_list("pk", "question_id"))
    thumbs_up = Reaction.objects.filter(kind=ReactionKind.THUMBS_UP, comment__isnull=True)
    for r in thumbs_up.select_related("post"):
        target = r.post
        assert target is not None
        # A thumbs-up on an answer (its post) is credited about the question it answers.
        if target.kind == PostKind.ANSWER:
            post_id, answer_id = question_of[target.pk], target.pk
        else:
            post_id, answer_id = target.pk, None
        reactions.add((target.author_id, r.user_id, post_id, answer_id, r.created_at))
    events = ReputationEvent.objects.filter(kind=EventKind.THUMBS_UP).select_related(
        "user", "actor"
    )
    assert {(e.user_id, e.actor_id, e.post_id, e.answer_id, e.created_at) for e in events} == (
        reactions
    )
    assert events.count() == len(reactions)
    assert all(e.actor_id != e.user_id for e in events)
    points = thumbs_up_replayed(cap=40)
    assert {e.pk: e.points for e in events} == points
    assert 0 in points.values()  # the cap was reached
    for event in events.prefetch_related("tags"):
        assert event.actor is not None
        assert event.cross_department == (event.actor.department_id != event.user.department_id)
    tags_of = {p.pk: {t.pk for t in p.tags.all()} for p in Post.objects.prefetch_related("tags")}
    for event in ReputationEvent.objects.prefetch_related("tags"):
        want = set() if event.kind == EventKind.ACCEPTING else tags_of[event.post_id]
        assert {t.pk for t in event.tags.all()} == want, event


def test_it_credits_accepted_answers_as_the_live_action_does(seeded):
    knobs = policy.current()
    for answer in Answer.objects.filter(is_accepted=True).select_related("question__post"):
        asker = answer.question.post.author_id
        grants = ReputationEvent.objects.filter(answer=answer.post).exclude(
            kind=EventKind.THUMBS_UP
        )
        found = grants.values_list("kind", "user_id", "actor_id", "points", "created_at")
        assert sorted(found) == [
            (EventKind.ACCEPTED, answer.author_id, asker,
             knobs["reputation.accepted_answer_points"], answer.accepted_at),
            (EventKind.ACCEPTING, asker, asker, knobs["reputation.accepting_points"],
             answer.accepted_at),
        ]  # fmt: skip
    assert not ReputationEvent.objects.filter(
        kind=EventKind.ACCEPTED, answer__answer__is_accepted=False
    ).exists()


def test_its_reputation_totals_match_the_ledger(seeded):
    assert Reputation.objects.exists() and TagReputation.objects.exists()
    assert CreditTotal.objects.exists()
    assert reputation.recompute(write=False) == 0
    out = io.StringIO()
    call_command("recompute_reputation", "--check", stdout=out)
    assert "match the ledger" in out.getvalue()


def test_it_gives_levels_and_badges_from_the_ledger(seeded):
    people = User.objects.filter(handle__startswith="u7-")
    assert Standing.objects.filter(user__in=people).count() == people.count()
    assert Standing.objects.exclude(level=Level.NEW).exists()
    for standing in Standing.objects.select_related("user"):
        done = levels.activity(standing.user, ANCHOR)
        assert standing.level == levels.earned_level(done, levels.requirements())
    badges = Counter(BadgeAward.objects.values_list("badge", flat=True))
    assert (
        badges["first_question"]
        == Post.objects.filter(kind=PostKind.QUESTION).values("author").distinct().count()
    )
    assert badges["first_answer"] == Answer.objects.values("post__author").distinct().count()
    assert badges["first_accepted"] and badges["nice_post"] and badges["bridge_builder"]
    for award in BadgeAward.objects.filter(badge="first_answer"):
        first = (
            Answer.objects.filter(post__author=award.user_id).order_by("post__created_at").first()
        )
        assert first is not None
        assert (award.post_id, award.awarded_at) == (first.question_id, first.created_at)


def test_it_leaves_the_ledger_ready_for_live_credit(seeded):
    answer = Answer.objects.filter(is_accepted=False).select_related("question__post").first()
    assert answer is not None
    giver = (
        User.objects.filter(handle__startswith="u7-")
        .exclude(pk=answer.author_id)
        .exclude(reactions__post=answer.post)
        .first()
    )
    assert giver is not None
    post_actions.do_add_reaction(giver, answer.post, ReactionKind.THUMBS_UP)
    qa_actions.do_accept(answer, accepter=answer.question.post.author)

    assert reputation.recompute(write=False) == 0
    assert_counters_match_rows()


def test_the_question_list_leaderboard_and_a_question_page_show_seeded_content(seeded, client):
    reader = User.objects.get(handle="u7-1")
    client.force_login(reader)
    visible = Question.objects.filter(visible_through(reader)).select_related("post")
    newest = visible.order_by("-last_activity_at", "-pk").first()
    assert newest is not None

    page = client.get("/questions/?show=all")
    assert page.status_code == 200
    assert escape(newest.post.title) in page.content.decode()

    board = client.get("/leaderboard/?period=all")
    top = rep_queries.leaderboard(reader, period="all")
    assert board.status_code == 200 and top
    assert escape(top[0].person.display_name) in board.content.decode()

    question = visible.filter(answer_count__gte=2, post__comment_count__gte=1).first()
    assert question is not None
    shown = client.get(question.get_absolute_url())
    assert shown.status_code == 200
    for answer in question.answers.all():
        assert answer.body_html in shown.content.decode()


def test_it_refuses_a_seed_that_was_already_used(seeded):
    with pytest.raises(SeedError, match="Seed 7 was already used"):
        seed_company(SMALL)


def test_it_seeds_on_top_of_the_demo():
    seed_demo()
    demo_posts = Post.objects.in_feeds().count()
    demo_answers = Post.objects.filter(kind=PostKind.ANSWER).count()
    assert demo_answers == Answer.objects.count() > 0

    result = seed_company(SMALL)

    assert Post.objects.in_feeds().count() == demo_posts + result.posts
    assert Post.objects.filter(kind=PostKind.ANSWER).count() == demo_answers + result.answers
    assert Answer.objects.count() == demo_answers + result.answers
    assert_counters_match_rows()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--users", "1"], "--users must be at least 2"),
        (["--spaces", "0"], "--spaces must be at least 1"),
        (["--posts", "-5"], "--posts cannot be negative"),
        (["--comments-per-post", "-1"], "--comments-per-post cannot be negative"),
        (["--reactions", "-1"], "--reactions cannot be negative"),
        (["--seed", "-3"], "--seed cannot be negative"),
    ],
)
def test_the_command_refuses_bad_arguments(arguments, message):
    with pytest.raises(CommandError, match=re.escape(message)):
        call_command("seed", *arguments, "--quiet")
    assert not Post.objects.exists()


def test_the_command_prints_a_summary_with_the_password():
    out = io.StringIO()
    call_command(
        "seed",
        *("--users", "10", "--spaces", "3", "--posts", "40", "--comments-per-post", "2"),
        *("--reactions", "100", "--seed", "3", "--quiet"),
        stdout=out,
    )
    text = out.getvalue()
    assert "Seeded 10 people" in text and "40 posts, 80 comments, 100 reactions" in text
    result = re.search(r"(\d+) of the posts are questions, with (\d+) answers", text)
    assert result is not None and int(result[1]) == Question.objects.count()
    assert int(result[2]) == Answer.objects.count()
    assert f"{ReputationEvent.objects.count():,} reputation events" in text
    assert f"password is {PASSWORD}" in text
    assert "u3-1@seed.example" in text
    with pytest.raises(CommandError, match="Seed 3 was already used"):
        call_command("seed", "--seed", "3", "--quiet")


@pytest.mark.django_db
def test_it_makes_seeded_posts_searchable(client):
    from agora.people.models import User
    from agora.posts.models import Post

    call_command(
        "seed", users=30, spaces=4, posts=60, comments_per_post=1, reactions=50, seed=77, quiet=True
    )
    reader = User.objects.filter(handle__startswith="u77-").first()
    assert reader is not None
    post = Post.objects.visible_to(reader).in_feeds().filter(space__isnull=True).first()
    assert post is not None
    word = max(backends.terms(post.body), key=len)
    assert post.pk in backends.newest_matches(word, before=None, limit=10_000)
    # Answers are posts, indexed like any other (as ``do_answer`` does).
    answer = Post.objects.filter(kind=PostKind.ANSWER).first()
    assert answer is not None
    word = max(backends.terms(answer.body), key=len)
    assert answer.pk in backends.newest_matches(word, before=None, limit=10_000)
