"""``agora seed``'s posts, comments, reactions, mentions and tags, written chunk by chunk.

Posts are generated ``POSTS_PER_CHUNK`` at a time together with their comments and
reactions, so every counter on a post or comment is known before its row is written, and
memory stays flat however many posts are asked for. Each chunk is one transaction; after
it commits the database is consistent (space counters and sequences included).
"""

from __future__ import annotations

import math
import random
from bisect import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import accumulate

from django.core.management.color import no_style
from django.db import connection, models, transaction

from agora.core import demo_content as content
from agora.core import seeding_text as text
from agora.core.demo_content import PostTemplate
from agora.core.seeding_people import BATCH, People, Picker, SeededSpace
from agora.posts.models import Comment, Mention, Post, Reaction, ReactionKind, Tag
from agora.search import backends as search
from agora.spaces.models import Space, Visibility

POSTS_PER_CHUNK = 2_000
COMPANY_WIDE_SHARE = 0.12
# A reply needs an earlier top-level comment, so the first comment never is one; 22% of
# the others makes about a fifth of all comments replies.
REPLY_SHARE = 0.22
CROSS_DEPARTMENT = 0.65  # how often a comment or reaction comes from another department
POST_REACTION_SHARE = 0.7  # the rest of the reactions go to comments
COMMENT_CAP_FACTOR = 10  # no post gets more than ten times the average number of comments
# Posts fall between 728 and 2 days before the anchor (a weekend post may move back to
# the Friday before), leaving room for comments and reactions before the anchor.
FIRST_DAY = timedelta(days=728)
SPAN = timedelta(days=726)
KINDS = (ReactionKind.THUMBS_UP, ReactionKind.CELEBRATE, ReactionKind.INSIGHTFUL,
         ReactionKind.HELPFUL)  # fmt: skip
KIND_CUM = list(accumulate((60, 12, 13, 15)))
CELEBRATORY_KIND_CUM = list(accumulate((45, 35, 10, 10)))
HOURS = range(7, 20)
HOUR_CUM = list(accumulate((1, 3, 5, 6, 5, 3, 4, 5, 5, 4, 3, 2, 1)))


@dataclass(slots=True)
class _Target:
    """A post or comment being generated, with the reactions it has been given."""

    id: int
    author: int
    when: datetime
    body: str
    readers: Picker
    popularity: float
    reactions: list[int] = field(default_factory=lambda: [0, 0, 0, 0])


@dataclass(slots=True)
class _Post(_Target):
    space: SeededSpace | None = None
    slots: text.Slots | None = None
    template: PostTemplate | None = None
    comment_count: int = 0


@dataclass(slots=True)
class _Comment(_Target):
    post: _Post | None = None
    parent: _Comment | None = None


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


def reset_sequences(model_list: Sequence[type[models.Model]]) -> None:
    """Move the id sequences past the explicit ids just written (PostgreSQL; no-op on SQLite)."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(model_list))
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


class PostWriter:
    """Generates and writes the posts with their comments, reactions, mentions and tags."""

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
        anchor: datetime,
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
        self.renderer = text.Renderer(people.profiles)
        self.person_of = {handle: i for i, handle in enumerate(people.handles)}
        self.tag_ids: dict[str, int] = {}
        self.space_posts: dict[int, int] = {}
        self.space_latest: dict[int, datetime] = {}
        self.written = {"posts": 0, "comments": 0, "reactions": 0, "mentions": 0}

    def write(self, advance: Callable[[int], object]) -> None:
        for start in range(0, self.total_posts, POSTS_PER_CHUNK):
            size = min(POSTS_PER_CHUNK, self.total_posts - start)
            self._chunk(start, size)
            advance(size)

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
        comments: list[_Comment] = []
        for post, count in zip(posts, counts, strict=True):
            comments += self._comments(post, count)
        budget = (self.total_reactions * (start + size)) // self.total_posts - (
            self.total_reactions * start
        ) // self.total_posts
        targets: list[_Target] = [*posts, *comments]
        weights = [t.popularity * math.sqrt(t.readers.size) for t in targets]
        if comments:
            post_weight = sum(weights[:size])
            comment_weight = sum(weights[size:])
            scale = post_weight * (1 - POST_REACTION_SHARE) / POST_REACTION_SHARE / comment_weight
            weights[size:] = [w * scale for w in weights[size:]]
        caps = [4 * (t.readers.size - 1) for t in targets]
        reactions: list[Reaction] = []
        for target, count in zip(targets, allocate(rng, budget, weights, caps), strict=True):
            if count:
                self._react(target, count, reactions)
        self._insert(posts, comments, reactions)

    def _moment(self, quantile: float) -> datetime:
        """The post time at ``quantile`` of the period, moved into working hours.

        Post density rises linearly threefold across the two years (``t`` inverts that
        distribution), so recent months are busier, and quantiles keep later posts later.
        """
        rng = self.rng
        t = -0.5 + math.sqrt(0.25 + 2 * quantile)
        when = self.start + SPAN * t
        if when.weekday() >= 5 and rng.random() < 0.8:
            when -= timedelta(days=when.weekday() - 4)
        hour = HOURS[bisect(HOUR_CUM, rng.random() * HOUR_CUM[-1])]
        return when.replace(
            hour=hour, minute=rng.randrange(60), second=rng.randrange(60), microsecond=0
        )

    def _post(self, number: int) -> _Post:
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
        template = rng.choice(self.templates.pool(key, product, self.people.department(author)))
        slots = text.Slots(
            rng,
            when=when,
            months=(when - self.start).days // 30,
            author=self.people.first_name(author),
            product=product,
            products=self.products,
            mention=self._mentioner(readers, author),
        )
        body = (template.body + rng.choice(text.OUTROS)).format_map(slots)
        post = _Post(
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

    def _comments(self, post: _Post, count: int) -> list[_Comment]:
        """``count`` comments on ``post``: top-level ones and one-level replies to them."""
        rng, people = self.rng, self.people
        assert post.slots is not None and post.template is not None
        slots, specific = post.slots, list(post.template.comments)
        pool = text.COMMENT_POOLS[post.space.kind if post.space is not None else ""]
        author_dept = people.depts[post.author]
        threads: list[_Comment] = []
        made: list[_Comment] = []
        used: set[str] = set()
        for _ in range(count):
            parent: _Comment | None = None
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
            comment = _Comment(
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

    def _replier(self, post: _Post, parent: _Comment) -> int:
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

    def _react(self, target: _Target, count: int, out: list[Reaction]) -> None:
        """Give ``target`` ``count`` distinct (person, kind) reactions from its readers."""
        rng, people = self.rng, self.people
        readers = target.readers
        dept = people.depts[target.author]
        celebratory = any(marker in target.body for marker in text.CELEBRATORY)
        cum = CELEBRATORY_KIND_CUM if celebratory else KIND_CUM
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
        is_post = isinstance(target, _Post)
        for who, kind in chosen:
            target.reactions[kind] += 1
            if is_post:
                wait = 30 + min(71_000, int(rng.expovariate(1 / 14_400)))
            else:
                wait = 10 + min(3_000, int(rng.expovariate(1 / 1_200)))
            out.append(
                Reaction(
                    user_id=people.first_id + who,
                    kind=KINDS[kind],
                    post_id=target.id if is_post else None,
                    comment_id=None if is_post else target.id,
                    created_at=target.when + timedelta(seconds=wait),
                )
            )

    # Writing --------------------------------------------------------------------------

    def _insert(
        self, posts: list[_Post], comments: list[_Comment], reactions: list[Reaction]
    ) -> None:
        first_id = self.people.first_id
        render = self.renderer.render
        post_rows, comment_rows, mentions = [], [], []
        post_tags: list[tuple[int, str]] = []
        for post in posts:
            rendered = render(post.body, cache=False)
            post_tags += [(post.id, name) for name in rendered.tags]
            mentions += [
                Mention(user_id=first_id + self.person_of[h], post_id=post.id, created_at=post.when)
                for h in rendered.mentions
            ]
            post_rows.append(
                Post(
                    id=post.id,
                    author_id=first_id + post.author,
                    space_id=post.space.id if post.space is not None else None,
                    body=post.body,
                    body_html=rendered.html,
                    created_at=post.when,
                    comment_count=post.comment_count,
                    **_counters(post),
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
                    **_counters(comment),
                )
            )
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
            Comment.objects.bulk_create(comment_rows, batch_size=BATCH)
            Reaction.objects.bulk_create(reactions, batch_size=BATCH)
            Mention.objects.bulk_create(mentions, batch_size=BATCH)
            touched = {p.space.id for p in posts if p.space is not None}
            for sid in sorted(touched):
                Space.objects.filter(pk=sid).update(
                    post_count=self.space_posts[sid], last_post_at=self.space_latest[sid]
                )
            reset_sequences([Post, Comment])
        self.written["posts"] += len(post_rows)
        self.written["comments"] += len(comment_rows)
        self.written["reactions"] += len(reactions)
        self.written["mentions"] += len(mentions)

    def _tags(self, names: list[str]) -> None:
        """Make sure every tag in ``names`` exists and its id is known."""
        new = [name for name in names if name not in self.tag_ids]
        if new:
            # ignore_conflicts: the tag may exist already (the demo's, or a real one).
            Tag.objects.bulk_create([Tag(name=name) for name in new], ignore_conflicts=True)
            self.tag_ids.update(Tag.objects.filter(name__in=new).values_list("name", "pk"))


def _counters(target: _Target) -> dict[str, int]:
    return {f"{kind}_count": n for kind, n in zip(KINDS, target.reactions, strict=True)}
