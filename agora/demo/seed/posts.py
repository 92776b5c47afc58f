"""``agora seed``'s posts, questions, answers, comments, reactions, mentions and tags, and
the reputation they earn, written chunk by chunk.

Posts are generated ``POSTS_PER_CHUNK`` at a time together with their comments, answers
(``seed.qa``) and reactions, so every counter on a post, comment or answer is known
before its row is written, and memory stays flat however many posts are asked for. Each
chunk is one transaction; after it commits the database is consistent (space counters,
reputation totals and sequences included; the ledger's last day or two of credits follow
with the next chunk, see ``seed.ledger``).
"""

from __future__ import annotations

import math
import random
from bisect import bisect
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from itertools import accumulate
from typing import Any

from django.db import transaction

from agora.demo import content
from agora.demo.content import PostTemplate
from agora.demo.seed import questions, text
from agora.demo.seed.items import (
    KINDS,
    SeededAnswer,
    SeededComment,
    SeededPost,
    Target,
)
from agora.demo.seed.ledger import Ledger
from agora.demo.seed.people import People, Picker, SeededSpace
from agora.demo.seed.qa import QUESTION_SHARE, Asking
from agora.demo.seed.questions import QuestionTemplate
from agora.demo.seed.rows import ChunkWriter
from agora.posts.models import Reaction
from agora.spaces.models import Visibility

POSTS_PER_CHUNK = 2_000
COMPANY_WIDE_SHARE = 0.12
# A reply needs an earlier top-level comment, so the first comment never is one; 22% of
# the others makes about a fifth of all comments replies.
REPLY_SHARE = 0.22
CROSS_DEPARTMENT = 0.65  # how often a comment or reaction comes from another department
POST_REACTION_SHARE = 0.7  # to posts and answers; the rest of the reactions go to comments
ANSWER_REACTION_WEIGHT = 0.6  # an answer draws this many times the reactions of a post
COMMENT_CAP_FACTOR = 10  # no post gets more than ten times the average number of comments
# Posts fall between 728 and 2 days before the anchor (a weekend post may move back to
# the Friday before), leaving room for comments and reactions before the anchor.
FIRST_DAY = timedelta(days=728)
SPAN = timedelta(days=726)
KIND_CUM = list(accumulate((60, 12, 13, 15)))  # odds of each of ``KINDS``
CELEBRATORY_KIND_CUM = list(accumulate((45, 35, 10, 10)))
ANSWER_KIND_CUM = list(accumulate((70, 2, 10, 18)))  # answers get thumbs-up and thanks
HOURS = range(7, 20)
HOUR_CUM = list(accumulate((1, 3, 5, 6, 5, 3, 4, 5, 5, 4, 3, 2, 1)))


def allocate(
    rng: random.Random, total: int, weights: Sequence[float], caps: Sequence[int]
) -> list[int]:
    """Split ``total`` over items in proportion to ``weights``, none above its cap.

    Gives exactly ``total`` unless the caps together hold less.
    """
    if total <= 0 or not weights:
        return [0] * len(weights)
    whole = sum(weights)
    counts = []
    for weight, cap in zip(weights, caps, strict=True):
        share = total * weight / whole
        count = int(share)
        if rng.random() < share - count:
            count += 1
        counts.append(min(count, cap))
    missing = total - sum(counts)
    while missing > 0:
        room = [i for i, (n, cap) in enumerate(zip(counts, caps, strict=True)) if n < cap]
        if not room:
            break
        for i in rng.choices(room, weights=[weights[i] for i in room], k=missing):
            if counts[i] < caps[i] and missing > 0:
                counts[i] += 1
                missing -= 1
    while missing < 0:
        i = rng.randrange(len(counts))
        if counts[i] > 0:
            counts[i] -= 1
            missing += 1
    return counts


class PostWriter:
    """Generates and writes the posts and questions with their comments, answers,
    reactions, mentions and tags, and the reputation ledger they earn."""

    def __init__(
        self,
        rng: random.Random,
        people: People,
        spaces: list[SeededSpace],
        *,
        posts: int,
        comments_per_post: int,
        reactions: int,
        first_post_id: int,
        first_comment_id: int,
        first_answer_id: int,
        first_event_id: int,
        anchor: datetime,
        knobs: dict[str, Any],
    ) -> None:
        self.rng = rng
        self.people = people
        self.spaces = spaces
        self.space_cum = list(accumulate(space.weight for space in spaces))
        self.total_posts = posts
        self.comments_per_post = comments_per_post
        self.total_reactions = reactions
        self.next_post_id = first_post_id
        self.next_comment_id = first_comment_id
        self.start = anchor - FIRST_DAY
        self.products = [s.product for s in spaces if s.product] or list(content.PRODUCTS)
        self.templates = text.Templates()
        self.asking = Asking(rng, people, first_answer_id=first_answer_id)
        self.ledger = Ledger(people, first_event_id=first_event_id, anchor=anchor, knobs=knobs)
        self.rows = ChunkWriter(people, self.asking, self.ledger)

    def write(self, advance: Callable[[int], object]) -> None:
        for start in range(0, self.total_posts, POSTS_PER_CHUNK):
            size = min(POSTS_PER_CHUNK, self.total_posts - start)
            self._chunk(start, size)
            advance(size)
        with transaction.atomic():
            self.ledger.finish()

    def _horizon(self, number: int) -> datetime | None:
        """A moment before everything post ``number`` and the later ones bring (they, their
        comments, answers, reactions and acceptances); None after the last post."""
        if number >= self.total_posts:
            return None
        day = (self.start + SPAN * _period_fraction(number / self.total_posts)).replace(
            hour=0, minute=0, second=0, microsecond=0
        )
        return day - timedelta(days=2)  # a weekend post may move back to the Friday before

    # Generating -----------------------------------------------------------------------

    def _chunk(self, start: int, size: int) -> None:
        rng = self.rng
        posts = [self._post(start + j) for j in range(size)]
        counts = allocate(
            rng,
            size * self.comments_per_post,
            [p.popularity for p in posts],
            [COMMENT_CAP_FACTOR * self.comments_per_post + 10] * size,
        )
        comments: list[SeededComment] = []
        for post, count in zip(posts, counts, strict=True):
            comments += self._comments(post, count)
        asked = [post for post in posts if post.question is not None]
        answers: list[SeededAnswer] = []
        for post in asked:
            answers += self.asking.answers(post)
        budget = (self.total_reactions * (start + size)) // self.total_posts - (
            self.total_reactions * start
        ) // self.total_posts
        targets: list[Target] = [*posts, *answers, *comments]
        weights = [t.popularity * math.sqrt(t.readers.size) for t in targets]
        first_comment = size + len(answers)
        weights[size:first_comment] = [
            w * ANSWER_REACTION_WEIGHT for w in weights[size:first_comment]
        ]
        if comments:
            post_weight = sum(weights[:first_comment])
            comment_weight = sum(weights[first_comment:])
            scale = post_weight * (1 - POST_REACTION_SHARE) / POST_REACTION_SHARE / comment_weight
            weights[first_comment:] = [w * scale for w in weights[first_comment:]]
        caps = [4 * (t.readers.size - 1) for t in targets]
        reactions: list[Reaction] = []
        for target, count in zip(targets, allocate(rng, budget, weights, caps), strict=True):
            if count:
                self._react(target, count, reactions)
        for post in asked:
            self.asking.accept(post)
        self.rows.write(posts, answers, comments, reactions, horizon=self._horizon(start + size))

    def _moment(self, quantile: float) -> datetime:
        """The post time at ``quantile`` of the period, moved into working hours.

        Post density rises linearly threefold across the two years, so recent months are
        busier, and quantiles keep later posts later.
        """
        rng = self.rng
        when = self.start + SPAN * _period_fraction(quantile)
        if when.weekday() >= 5 and rng.random() < 0.8:
            when -= timedelta(days=when.weekday() - 4)
        hour = HOURS[bisect(HOUR_CUM, rng.random() * HOUR_CUM[-1])]
        return when.replace(
            hour=hour, minute=rng.randrange(60), second=rng.randrange(60), microsecond=0
        )

    def _post(self, number: int) -> SeededPost:
        rng = self.rng
        when = self._moment((number + rng.random()) / self.total_posts)
        space: SeededSpace | None = None
        if rng.random() >= COMPANY_WIDE_SHARE:
            space = self.spaces[bisect(self.space_cum, rng.random() * self.space_cum[-1])]
        writers = space.writers if space is not None else self.people.everyone
        readers = space.readers if space is not None else self.people.everyone
        author = writers.pick(rng)
        if space is None:
            key, product = "", ""
        else:
            key = "secret" if space.visibility == Visibility.SECRET else space.kind
            product = space.product
        template: PostTemplate | QuestionTemplate
        outros: Sequence[str]
        if rng.random() < QUESTION_SHARE:
            template = self.asking.template(key)
            outros = questions.OUTROS
        else:
            template = rng.choice(self.templates.pool(key, product, self.people.department(author)))
            outros = text.OUTROS
        slots = text.Slots(
            rng,
            when=when,
            months=(when - self.start).days // 30,
            author=self.people.first_name(author),
            product=product,
            products=self.products,
            mention=self._mentioner(readers, author),
        )
        body = (template.body + rng.choice(outros)).format_map(slots)
        post = SeededPost(
            id=self.next_post_id,
            author=author,
            when=when,
            body=body,
            readers=readers,
            popularity=rng.lognormvariate(0, 1),
            space=space,
            slots=slots,
            template=template,
        )
        if isinstance(template, QuestionTemplate):
            self.asking.ask(post, template, key)
        self.next_post_id += 1
        return post

    def _mentioner(self, readers: Picker, writer: int) -> text.MentionPicker:
        """Picks people to @mention: someone who can read the post, mostly a colleague."""
        rng, handles, dept = self.rng, self.people.handles, self.people.depts[writer]

        def mention(named: list[str]) -> str | None:
            for _ in range(6):
                who = readers.pick_in(rng, dept) if rng.random() < 0.6 else readers.pick(rng)
                if who != writer and handles[who] not in named:
                    return handles[who]
            return None

        return mention

    def _comments(self, post: SeededPost, count: int) -> list[SeededComment]:
        """``count`` comments on ``post``: top-level ones and one-level replies to them."""
        rng, people = self.rng, self.people
        assert post.slots is not None and post.template is not None
        slots, specific = post.slots, list(post.template.comments)
        pool: Sequence[str]
        if post.question is not None:
            pool = questions.QUESTION_COMMENTS
        else:
            pool = text.COMMENT_POOLS[post.space.kind if post.space is not None else ""]
        author_dept = people.depts[post.author]
        threads: list[SeededComment] = []
        made: list[SeededComment] = []
        used: set[str] = set()
        for _ in range(count):
            parent: SeededComment | None = None
            if threads and rng.random() < REPLY_SHARE:
                parent = rng.choice(threads)
                author = self._replier(post, parent)
                slots["to"] = people.first_name(parent.author)
                body = self._fresh(content.REPLIES, used)
                wait = 60 + min(10_740, int(rng.expovariate(1 / 2400)))
                when = parent.when + timedelta(seconds=wait)
            else:
                author = post.readers.pick_varied(rng, author_dept, CROSS_DEPARTMENT)
                if specific and rng.random() < 0.5:
                    body = specific.pop(0)
                else:
                    body = self._fresh(pool, used)
                wait = 120 + min(71_880, int(rng.expovariate(1 / 10_800)))
                when = post.when + timedelta(seconds=wait)
            comment = SeededComment(
                id=self.next_comment_id,
                author=author,
                when=when,
                body=body.format_map(slots),
                readers=post.readers,
                popularity=rng.lognormvariate(0, 1),
                post=post,
                parent=parent,
            )
            self.next_comment_id += 1
            if parent is None:
                threads.append(comment)
            made.append(comment)
        post.comment_count = len(made)
        return made

    def _fresh(self, pool: Sequence[str], used: set[str]) -> str:
        """A text from ``pool``, preferably one this post's thread has not used yet."""
        for _ in range(3):
            choice = self.rng.choice(pool)
            if choice not in used:
                break
        used.add(choice)
        return choice

    def _replier(self, post: SeededPost, parent: SeededComment) -> int:
        """Who answers ``parent``: often the post's author, never the parent's own author."""
        rng = self.rng
        if post.author != parent.author and rng.random() < 0.4:
            return post.author
        dept = self.people.depts[parent.author]
        for _ in range(4):
            who = post.readers.pick_varied(rng, dept, 0.5)
            if who != parent.author:
                return who
        return post.author

    def _react(self, target: Target, count: int, out: list[Reaction]) -> None:
        """Give ``target`` ``count`` distinct (person, kind) reactions from its readers."""
        rng, people = self.rng, self.people
        readers = target.readers
        dept = people.depts[target.author]
        if isinstance(target, SeededAnswer):
            cum = ANSWER_KIND_CUM
        elif any(marker in target.body for marker in text.CELEBRATORY):
            cum = CELEBRATORY_KIND_CUM
        else:
            cum = KIND_CUM
        chosen: list[tuple[int, int]] = []
        seen: set[tuple[int, int]] = set()
        if count * 2 <= 4 * (readers.size - 1):
            attempts = 0
            while len(chosen) < count and attempts < 20 * count + 100:
                attempts += 1
                who = readers.pick_varied(rng, dept, CROSS_DEPARTMENT)
                kind = bisect(cum, rng.random() * cum[-1])
                if who != target.author and (who, kind) not in seen:
                    seen.add((who, kind))
                    chosen.append((who, kind))
        if len(chosen) < count:
            # A small audience: draw from every pair that is left instead of by chance.
            rest = [
                (who, kind)
                for who in readers.members
                if who != target.author
                for kind in range(len(KINDS))
                if (who, kind) not in seen
            ]
            chosen += rng.sample(rest, count - len(chosen))
        if isinstance(target, SeededPost):
            on, (least, most, mean) = "post_id", (30, 71_000, 14_400)
        elif isinstance(target, SeededAnswer):
            # Within the day left after the latest answer (see ``seed.qa``).
            on, (least, most, mean) = "post_id", (30, 40_000, 10_800)  # answers are posts
        else:
            on, (least, most, mean) = "comment_id", (10, 3_000, 1_200)
        for who, kind in chosen:
            target.reactions[kind] += 1
            wait = least + min(most, int(rng.expovariate(1 / mean)))
            reaction = Reaction(
                user_id=people.first_id + who,
                kind=KINDS[kind],
                created_at=target.when + timedelta(seconds=wait),
            )
            setattr(reaction, on, target.id)
            out.append(reaction)


def _period_fraction(quantile: float) -> float:
    """How far into the period the post at ``quantile`` falls: post density rises linearly
    threefold across it, and this inverts that distribution."""
    return -0.5 + math.sqrt(0.25 + 2 * quantile)
