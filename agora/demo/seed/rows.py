"""``agora seed``'s rows: each generated chunk of posts written in one transaction.

Bodies are rendered by the real Markdown pipeline, and the mentions, tags and counters
match what the actions would have written (``posts.actions.do_create_post``,
``qa.actions.do_ask`` and ``do_answer``). What the chunk earned goes to the ledger, which
writes its share in the same transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from django.core.management.color import no_style
from django.db import connection, models, transaction

from agora.demo.seed import text
from agora.demo.seed.items import SeededAnswer, SeededComment, SeededPost, counters
from agora.demo.seed.ledger import Ledger
from agora.demo.seed.people import BATCH, People
from agora.demo.seed.qa import Asking
from agora.posts.models import Comment, Mention, Post, PostKind, Reaction, ReactionKind, Tag
from agora.qa.models import Answer, Question
from agora.reputation.models import ReputationEvent
from agora.search import backends as search
from agora.spaces.models import Space


def reset_sequences(model_list: Sequence[type[models.Model]]) -> None:
    """Move the id sequences past the explicit ids just written (PostgreSQL; no-op on SQLite)."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(model_list))
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


class ChunkWriter:
    """Writes generated chunks, keeping what later chunks need: tag ids, space counters."""

    def __init__(self, people: People, asking: Asking, ledger: Ledger) -> None:
        self.people = people
        self.asking = asking
        self.ledger = ledger
        self.renderer = text.Renderer(people.profiles)
        self.person_of = {handle: i for i, handle in enumerate(people.handles)}
        self.tag_ids: dict[str, int] = {}
        self.space_posts: dict[int, int] = {}
        self.space_latest: dict[int, datetime] = {}
        self.written = {"posts": 0, "comments": 0, "reactions": 0, "mentions": 0}

    def write(
        self,
        posts: list[SeededPost],
        answers: list[SeededAnswer],
        comments: list[SeededComment],
        reactions: list[Reaction],
        *,
        horizon: datetime | None,
    ) -> None:
        """Write one chunk with everything it links to, and the ledger up to ``horizon``."""
        first_id = self.people.first_id
        render = self.renderer.render
        post_rows, comment_rows, mentions = [], [], []
        post_tags: list[tuple[int, str]] = []
        for post in posts:
            rendered = render(post.body, cache=False)
            question = post.question
            # As ``posts.actions.do_create_post``: the body's #tags, then the tag field's.
            post.tags = tuple(dict.fromkeys([*rendered.tags, *(question.tags if question else ())]))
            post_tags += [(post.id, name) for name in post.tags]
            mentions += [
                Mention(user_id=first_id + self.person_of[h], post_id=post.id, created_at=post.when)
                for h in rendered.mentions
            ]
            post_rows.append(
                Post(
                    id=post.id,
                    author_id=first_id + post.author,
                    space_id=post.space.id if post.space is not None else None,
                    kind=PostKind.QUESTION if question is not None else PostKind.POST,
                    title=question.title if question is not None else "",
                    body=post.body,
                    body_html=rendered.html,
                    created_at=post.when,
                    comment_count=post.comment_count,
                    **counters(post),
                )
            )
            if post.space is not None:
                sid = post.space.id
                self.space_posts[sid] = self.space_posts.get(sid, 0) + 1
                latest = self.space_latest.get(sid)
                if latest is None or post.when > latest:
                    self.space_latest[sid] = post.when
        for comment in comments:
            assert comment.post is not None
            rendered = render(comment.body)
            mentions += [
                Mention(
                    user_id=first_id + self.person_of[h],
                    post_id=comment.post.id,
                    comment_id=comment.id,
                    created_at=comment.when,
                )
                for h in rendered.mentions
            ]
            comment_rows.append(
                Comment(
                    id=comment.id,
                    post_id=comment.post.id,
                    author_id=first_id + comment.author,
                    parent_id=comment.parent.id if comment.parent is not None else None,
                    body=comment.body,
                    body_html=rendered.html,
                    created_at=comment.when,
                    **counters(comment),
                )
            )
        asked = [post for post in posts if post.question is not None]
        question_rows, answer_posts, answer_rows, answer_mentions = self.asking.rows(
            asked, self.renderer, self.person_of
        )
        mentions += answer_mentions
        with transaction.atomic():
            self._tags(list(dict.fromkeys(name for _, name in post_tags)))
            PostTag = Post.tags.through
            Post.objects.bulk_create(post_rows, batch_size=BATCH)
            if post_rows:
                search.index_post_range(post_rows[0].pk, post_rows[-1].pk)
            PostTag.objects.bulk_create(
                [PostTag(post_id=pid, tag_id=self.tag_ids[name]) for pid, name in post_tags],
                batch_size=BATCH,
            )
            Question.objects.bulk_create(question_rows, batch_size=BATCH)
            Post.objects.bulk_create(answer_posts, batch_size=BATCH)
            if answer_posts:  # a chunk's answers have consecutive ids, after every post's
                search.index_post_range(answer_posts[0].pk, answer_posts[-1].pk)
            Answer.objects.bulk_create(answer_rows, batch_size=BATCH)
            Comment.objects.bulk_create(comment_rows, batch_size=BATCH)
            Reaction.objects.bulk_create(reactions, batch_size=BATCH)
            Mention.objects.bulk_create(mentions, batch_size=BATCH)
            self._credit(posts, answers, reactions)
            self.ledger.write(horizon)
            touched = {p.space.id for p in posts if p.space is not None}
            for sid in sorted(touched):
                Space.objects.filter(pk=sid).update(
                    post_count=self.space_posts[sid], last_post_at=self.space_latest[sid]
                )
            reset_sequences([Post, Comment, ReputationEvent])
        self.written["posts"] += len(post_rows)
        self.written["comments"] += len(comment_rows)
        self.written["reactions"] += len(reactions)
        self.written["mentions"] += len(mentions)

    def _credit(
        self, posts: list[SeededPost], answers: list[SeededAnswer], reactions: list[Reaction]
    ) -> None:
        """Hand the ledger what the chunk earned: thumbs-up on posts and answers (from
        someone else, always), questions, answers and accepted answers."""
        first_id, ledger = self.people.first_id, self.ledger
        tag_ids = {post.id: [self.tag_ids[name] for name in post.tags] for post in posts}
        space_keys = {post.id: post.space.id if post.space is not None else 0 for post in posts}
        by_post = {post.id: post for post in posts}
        by_answer = {answer.id: answer for answer in answers}
        for reaction in reactions:
            if reaction.kind != ReactionKind.THUMBS_UP or reaction.comment_id is not None:
                continue
            assert reaction.post_id is not None
            answer = by_answer.get(reaction.post_id)
            if answer is not None:  # an answer's credit is about its question
                assert answer.post is not None
                author, post_id, answer_id = answer.author, answer.post.id, answer.id
            else:
                post = by_post[reaction.post_id]
                author, post_id, answer_id = post.author, post.id, None
            ledger.thumbs_up(
                reaction.created_at,
                giver=reaction.user_id - first_id,
                author=author,
                post_id=post_id,
                space_key=space_keys[post_id],
                answer_id=answer_id,
                tag_ids=tag_ids[post_id],
            )
        for post in posts:
            if post.question is not None:
                self.asking.credit(post, tag_ids[post.id], ledger)

    def _tags(self, names: list[str]) -> None:
        """Make sure every tag in ``names`` exists and its id is known."""
        new = [name for name in names if name not in self.tag_ids]
        if new:
            # ignore_conflicts: the tag may exist already (the demo's, or a real one).
            Tag.objects.bulk_create([Tag(name=name) for name in new], ignore_conflicts=True)
            self.tag_ids.update(Tag.objects.filter(name__in=new).values_list("name", "pk"))
