"""The demo company's posts, comments and reactions, written through the real actions.

Every template of ``demo_content`` is written once, on a day the calendar picks (or the
day it names), by someone who could have written it then; comments follow one after
another, each from someone who could read the post, and reactions trickle in over the
hours and days after. What is not due yet (a reply still to come) is left out.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial

from django.core.files.uploadedfile import SimpleUploadedFile

from agora.demo import content
from agora.demo.charts import draw
from agora.demo.content import DatedPost, ImagePost, PostTemplate
from agora.demo.videos import SPACE as TALKS_SPACE
from agora.demo.videos import TALKS, Talk, recording
from agora.demo.world import Company
from agora.media.uploads import Checked, Upload, check_uploads
from agora.people.models import User
from agora.posts.actions import do_add_comment, do_add_reaction, do_create_post
from agora.posts.models import Comment, Post, ReactionKind
from agora.spaces.models import Space
from agora.spaces.visibility import readable_to_all

# How often each reaction is chosen; news to celebrate and questions shift the odds.
REACTION_WEIGHTS = {
    ReactionKind.THUMBS_UP: 55,
    ReactionKind.HELPFUL: 18,
    ReactionKind.INSIGHTFUL: 15,
    ReactionKind.CELEBRATE: 12,
}
TICKET_PREFIX = {"Atlas": "ATL", "Beacon": "BCN", "Cobalt": "COB"}
# Days between minor releases: Atlas ships every two weeks, Beacon every three, Cobalt monthly.
RELEASE_DAYS = {"Atlas": 14, "Beacon": 21, "Cobalt": 30}


class Slots(dict[str, str]):
    """The values of one post's template slots, invented on first use and then kept.

    A post and its comments share one ``Slots``, so a comment's ``{customer}`` is the
    customer the post talks about.
    """

    def __init__(
        self,
        rng: random.Random,
        *,
        when: datetime,
        day_index: int,
        author: User,
        city: str,
        product: str,
        mentionable: Sequence[User],
    ) -> None:
        super().__init__(author=author.get_short_name())
        self.rng = rng
        self.when = when
        self.day_index = day_index
        self.city = city
        self.product = product
        self.mentionable = [u for u in mentionable if u.pk != author.pk]
        self.department_id = author.department_id

    def __missing__(self, key: str) -> str:
        value = self._invent(key)
        self[key] = value
        return value

    def _invent(self, key: str) -> str:
        rng = self.rng
        if key.startswith("customer"):
            taken = {v for k, v in self.items() if k.startswith("customer")}
            return rng.choice([c for c in content.CUSTOMERS if c not in taken])
        if key.startswith("person"):
            taken = {v for k, v in self.items() if k.startswith("person")}
            choices = [u for u in self.mentionable if f"@{u.handle}" not in taken]
            # People mostly name colleagues from their own department.
            near = [u for u in choices if u.department_id == self.department_id]
            return f"@{rng.choice(near if near and rng.random() < 0.6 else choices).handle}"
        simple: dict[str, Callable[[], str]] = {
            "n": lambda: str(rng.randint(2, 9)),
            "num": lambda: str(rng.randint(12, 95)),
            "big": lambda: str(rng.randint(120, 980)),
            "pct": lambda: str(rng.randint(4, 38)),
            "amount": lambda: f"€{rng.randrange(60, 480, 10)}k",
            "week": lambda: str(self.when.isocalendar().week),
            "quarter": lambda: f"Q{(self.when.month - 1) // 3 + 1}",
            "qtag": lambda: self["quarter"].lower(),
            "day": self._day,
            "city": self._city,
            "product": lambda: self.product or rng.choice(list(content.PRODUCTS)),
            "version": self._version,
            "ticket": lambda: f"{TICKET_PREFIX[self['product']]}-{rng.randint(1200, 4800)}",
        }
        if key not in simple:
            raise KeyError(f"The demo content uses an unknown slot {{{key}}}.")
        return simple[key]()

    def _city(self) -> str:
        """Mostly the author's own office (any office for those who work remotely)."""
        if self.city in content.CITIES and self.rng.random() < 0.7:
            return self.city
        return self.rng.choice(content.CITIES)

    def _day(self) -> str:
        """A weekday name a few working days after the post."""
        day = self.when + timedelta(days=self.rng.randint(1, 5))
        while day.weekday() >= 5:
            day += timedelta(days=1)
        return day.strftime("%A")

    def _version(self) -> str:
        # Versions climb through the demo's months, a minor release per product cadence.
        product = self["product"]
        major, first_minor = content.PRODUCTS[product]
        return f"{major}.{first_minor + self.day_index // RELEASE_DAYS[product]}"


@dataclass
class Thread:
    """A post's comments so far, and what is left to say under it."""

    post: Post
    template: PostTemplate
    slots: Slots
    readers: list[User]
    general: list[str]
    left: int
    specific: list[tuple[str, str]]  # (who says it, "" for anyone; the words)
    comments: list[Comment] = field(default_factory=list)  # those a reply could follow
    dealt: set[str] = field(default_factory=set)  # the generic comments written


def mood(body: str) -> str:
    """What a post is, for the comments it gets: see ``demo_content.MOOD_MARKERS``."""
    for feeling, markers in content.MOOD_MARKERS.items():
        if any(marker in body for marker in markers):
            return feeling
    # A question asks in its first sentence or its last (tags aside).
    words = re.sub(r"(\s#[\w-]+)+\s*$", "", body).strip()
    first = re.split(r"(?<=[.!?])\s", words, maxsplit=1)[0]
    return "question" if first.endswith("?") or words.endswith("?") else "share"


class PostWriter:
    """Plans every post of the demo on the company's timeline, and writes it when due."""

    def __init__(self, company: Company) -> None:
        self.company = company
        self.rng = company.rng
        self.calendar = company.calendar
        self.products = {spec.name: spec.product for spec in content.SPACES}
        self.kinds = {spec.name: spec.kind for spec in content.SPACES}
        self.kinds[TALKS_SPACE.name] = TALKS_SPACE.kind
        self.decks: dict[str, list[str]] = {}  # generic comments, dealt like cards

    def plan(self) -> None:
        calendar, timeline = self.calendar, self.company.timeline
        for spec in content.SPACES:
            opened = self.company.opens[spec.name]
            templates = list(content.POSTS[spec.name])
            days = [self._day(template, opened) for template in templates]
            if spec.in_order:  # a story told in order (an offsite's planning)
                days.sort()
            for day, template in zip(days, templates, strict=True):
                timeline.at(day, partial(self._start, spec.name, template))
        for template in content.COMPANY_POSTS:
            day = self._day(template, calendar.start)
            timeline.at(day, partial(self._start, "", template))
        fixed: list[DatedPost | ImagePost | Talk] = [
            *content.DATED_POSTS,
            *content.IMAGE_POSTS,
            *TALKS,
        ]
        for item in fixed:
            author = self.company.people[item.author]
            location = self.company.location(author)
            if isinstance(item, DatedPost) and item.welcomes:
                # A newcomer is welcomed on their first day, or first thing the next.
                joined = self.company.joined[self.company.people[item.welcomes].pk]
                when = calendar.after(joined, location, 120)
            else:
                when = calendar.at_work(calendar.days_ago(item.days_ago), location)
            timeline.at(when, partial(self._fixed, item, author))

    def _day(self, template: PostTemplate, since: datetime) -> datetime:
        if template.days_ago is None:
            return self.calendar.day(since)
        day = self.calendar.days_ago(template.days_ago, jitter=1.5)
        # Never before the space is there: its next working day at the earliest.
        first = since.replace(hour=0, minute=0, second=0) + timedelta(days=1)
        while first.weekday() >= 5:
            first += timedelta(days=1)
        return max(day, first)

    def _start(self, space_name: str, template: PostTemplate, day: datetime) -> None:
        """On ``day``, someone who may start posts there decides to write ``template``."""
        space = self.company.spaces[space_name] if space_name else None
        writers = self.company.writers(space, day)
        if day.date() == self.calendar.now.date():  # today: someone already at work
            writers = [u for u in writers if self.calendar.working(self.company.location(u))]
        if not writers:
            raise RuntimeError(f"Demo content: nobody could post in {space_name or 'the company'}.")
        author = self.company.choose(writers, template.authors, template.people)
        when = self.calendar.at_work(day, self.company.location(author))
        self.company.timeline.at(when, partial(self._write, space, author, template, []))

    def _fixed(self, item: DatedPost | ImagePost | Talk, author: User, when: datetime) -> None:
        """A post whose author and day the content names: a chart, a talk, a welcome."""
        space = self.company.spaces.get(item.space)
        if author not in self.company.writers(space, when):
            raise RuntimeError(f"Demo content: {item.author} cannot post in {item.space}.")
        images: list[Checked] = []
        body = item.body
        if isinstance(item, DatedPost):
            specific = list(item.said)
        else:
            specific = [("", text) for text in item.comments]
        if isinstance(item, Talk):
            images = recording(author, item)
            body = item.body if images else item.pending
        elif isinstance(item, ImagePost):
            chart = SimpleUploadedFile("chart.png", draw(item), content_type="image/png")
            images = check_uploads(author, [Upload(chart, alt_text=item.alt_text)])
        self._write(space, author, PostTemplate(body=body), images, when, specific=specific,
                    general=isinstance(item, ImagePost))  # fmt: skip

    def _write(
        self,
        space: Space | None,
        author: User,
        template: PostTemplate,
        images: list[Checked],
        when: datetime,
        *,
        specific: list[tuple[str, str]] | None = None,
        general: bool = True,
    ) -> None:
        """Write the post, plan its reactions and its first comment. ``specific`` are the
        comments that fit it (the template's, by anyone), ``general`` adds a few of the
        comments any post of its kind gets."""
        company = self.company
        readers = company.readers(space, when)
        slots = Slots(
            self.rng,
            when=when,
            day_index=(when - self.calendar.start).days,
            author=author,
            city=company.location(author),
            product=self.products.get(space.name, "") if space is not None else "",
            mentionable=readers,
        )
        body = template.body.format_map(slots)
        post = do_create_post(author, space=space, body=body, attachments=images, created_at=when)
        company.touched.add(author.pk)
        self.react(post, author, readers, body, when)
        kind = self.kinds.get(space.name, "") if space is not None else ""
        count = self.rng.choices(range(7), weights=[15, 21, 22, 18, 12, 8, 4])[0]
        if specific is None:
            specific = [("", text) for text in template.comments]
        said = self._deal(mood(body), kind, count - len(specific)) if general else []
        thread = Thread(post, template, slots, readers, said, len(specific) + len(said), specific)
        self._next_comment(thread, when)

    def _deal(self, feeling: str, kind: str, count: int) -> list[str]:
        """``count`` different comments that fit a post of this mood, the next ones off its
        deck (a new shuffled pack when it runs out), so the same words do not cluster."""
        pool = content.MOOD_COMMENTS[feeling]
        if kind == "product" and feeling == "share":
            pool = (*pool, *content.MOOD_COMMENTS["product"])
        deck = self.decks.setdefault(f"{feeling}:{kind == 'product'}", [])
        hand: list[str] = []
        while len(hand) < min(count, len(pool)):
            if not deck:
                deck.extend(self.rng.sample(pool, len(pool)))
            card = deck.pop()
            if card not in hand:
                hand.append(card)
        return hand

    def _next_comment(self, thread: Thread, after: datetime) -> None:
        """Decide the thread's next comment (or reply) and plan it."""
        if thread.left <= 0:
            return
        thread.left -= 1
        rng, post = self.rng, thread.post
        others = [u for u in thread.readers if u.pk != post.author_id]
        parent: Comment | None = None
        when: datetime | None = None
        if thread.comments and not thread.specific and rng.random() < 0.35:
            parent = rng.choice(thread.comments)
            if parent.author_id != post.author_id and rng.random() < 0.5:
                author = post.author
            else:
                author = rng.choice([u for u in others if u.pk != parent.author_id])
            thread.slots["to"] = parent.author.get_short_name()
            text = rng.choice(content.REPLIES).format_map(thread.slots)
            minutes = 45.0
        elif thread.specific or thread.general:
            fitting = bool(thread.specific)
            key, said = thread.specific.pop(0) if fitting else ("", thread.general.pop())
            if not fitting:
                thread.dealt.add(said.format_map(thread.slots))
            if key:
                author = self.company.people[key]
                # Someone the post welcomes answers once they are here.
                after = max(after, self.company.joined[author.pk])
                private = post.space is not None and not readable_to_all(post.space)
                if author.pk == post.author_id or (author not in others and private):
                    raise RuntimeError(f"Demo content: {key} cannot comment on “{post.body}”.")
            elif fitting:
                # What fits this post in particular comes from those who know the subject.
                author = self.company.choose(
                    others, thread.template.commenters, thread.template.people
                )
            else:
                author = self.company.choose(others, thread.template.commenters)
            text = said.format_map(thread.slots)
            minutes = 150.0
            if fitting:  # what the content says was answered is there, however recent
                when = self.calendar.surely_after(after, self.company.location(author), minutes)
        else:
            return
        if when is None:
            when = self.calendar.after(after, self.company.location(author), minutes)
        self.company.timeline.at(when, partial(self._comment, thread, author, text, parent))

    def _comment(
        self, thread: Thread, author: User, text: str, parent: Comment | None, when: datetime
    ) -> None:
        comment = do_add_comment(author, thread.post, text, parent=parent, created_at=when)
        self.company.touched.add(author.pk)
        if parent is None and text not in thread.dealt:
            thread.comments.append(comment)  # worth a reply (not "+1" or "Great work!")
        self.react(comment, author, thread.readers, text, when, scale=0.6 if parent else 1.0)
        self._next_comment(thread, when)

    def react(
        self,
        target: Post | Comment,
        author: User,
        readers: Sequence[User],
        text: str,
        when: datetime,
        scale: float = 1.0,
    ) -> None:
        """Plan the reactions ``target`` gets from its readers in the hours and days after."""
        rng = self.rng
        if isinstance(target, Post):
            # Company-wide audiences react more than a team of eight.
            count = int(rng.triangular(1, 14, 4) if len(readers) > 40 else rng.triangular(0, 10, 2))
        else:
            count = int(rng.choices(range(4), weights=[58, 26, 11, 5])[0] * scale + 0.5)
        weights = dict(REACTION_WEIGHTS)
        if mood(text) == "celebrate":
            weights[ReactionKind.CELEBRATE] = 45
        if "?" in text:
            weights[ReactionKind.HELPFUL] = 30
        others = [u for u in readers if u.pk != author.pk]
        kinds, kind_weights = list(weights), list(weights.values())
        for user in rng.sample(others, min(count, len(others))):
            chosen = rng.choices(kinds, weights=kind_weights, k=2 if rng.random() < 0.08 else 1)
            moment = self.calendar.reaction(when, self.company.location(user))
            for kind in dict.fromkeys(chosen):  # a second, different kind now and then
                self.company.timeline.at(moment, partial(self.give, user, target, kind))

    def give(self, user: User, target: Post | Comment, kind: str, at: datetime) -> None:
        """``user`` reacts to ``target`` at ``at`` (a thumbs-up credits its author)."""
        if do_add_reaction(user, target, kind, at=at) and kind == ReactionKind.THUMBS_UP:
            self.company.touched.add(target.author_id)
