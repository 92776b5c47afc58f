"""The demo company: ``agora demo`` seeds "Northwind" through the real actions, once.

Everything is written by the same actions the views use (so mentions, tags, counters and
attachments come out exactly as in real use), inside one transaction, from a fixed random
seed. What the company says lives in ``demo_content``; this module decides who says it,
where and when (questions and answers: ``demo_qa``).
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from io import TextIOBase
from typing import TextIO

from django.contrib.auth.hashers import make_password
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageDraw, ImageFont

from agora.demo import content
from agora.demo.content import ImagePost, PostTemplate, SpaceSpec
from agora.demo.qa import Company, seed_questions
from agora.demo.videos import SPACE as TALKS_SPACE
from agora.demo.videos import TALKS, Talk, recording
from agora.media.uploads import Checked, Upload, check_uploads
from agora.people.actions import create_user, do_follow
from agora.people.models import Department, Follow, User
from agora.posts.actions import (
    do_add_comment,
    do_add_reaction,
    do_create_post,
)
from agora.posts.models import Comment, Post, Reaction, ReactionKind
from agora.spaces.actions import do_add_member, do_create_space, do_join
from agora.spaces.models import Role, Space
from agora.spaces.visibility import JOIN, can_start_posts, how_to_join, readable_to_all

SEED = 2026
DEMO_PASSWORD = "agora-demo"  # noqa: S105 - the demo's published, shared password
DAYS = 60  # posts are spread over this many days before now
ADMIN_EMAIL = f"admin@{content.DOMAIN}"

# How often each reaction is chosen; celebratory and helpful posts shift the odds.
REACTION_WEIGHTS = {
    ReactionKind.THUMBS_UP: 55,
    ReactionKind.HELPFUL: 18,
    ReactionKind.INSIGHTFUL: 15,
    ReactionKind.CELEBRATE: 12,
}
CELEBRATORY = ("#release", "#win", "#milestone", "#welcome", "#hackweek", "🎉", "🏆")
TICKET_PREFIX = {"Atlas": "ATL", "Beacon": "BCN", "Cobalt": "COB"}


@dataclass(frozen=True)
class DemoResult:
    """What ``seed_demo`` created (or found already there), and how to sign in."""

    created: bool
    people: int
    spaces: int
    posts: int
    comments: int
    reactions: int
    follows: int
    logins: tuple[tuple[str, str], ...]  # (persona, email)


def seed_demo(stdout: TextIO | TextIOBase | None = None) -> DemoResult:
    """Create the demo company, or change nothing if it is already there."""
    with transaction.atomic():
        # The administrator persona's account marks a seeded database.
        created = not User.objects.filter(email=ADMIN_EMAIL).exists()
        if created:
            _Builder(stdout).build()
    return _result(created=created)


def _result(*, created: bool) -> DemoResult:
    people = User.objects.filter(email__endswith=f"@{content.DOMAIN}")
    return DemoResult(
        created=created,
        people=people.count(),
        spaces=Space.objects.filter(created_by__in=people).count(),
        posts=Post.objects.filter(author__in=people).count(),
        comments=Comment.objects.filter(author__in=people).count(),
        reactions=Reaction.objects.filter(user__in=people).count(),
        follows=Follow.objects.filter(follower__in=people).count(),
        logins=tuple((persona, f"{key}@{content.DOMAIN}") for persona, key in content.PERSONAS),
    )


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
            "city": lambda: self.city if rng.random() < 0.7 else rng.choice(content.CITIES),
            "product": lambda: self.product or rng.choice(list(content.PRODUCTS)),
            "version": self._version,
            "ticket": lambda: f"{TICKET_PREFIX[self['product']]}-{rng.randint(1200, 4800)}",
        }
        if key not in simple:
            raise KeyError(f"The demo content uses an unknown slot {{{key}}}.")
        return simple[key]()

    def _day(self) -> str:
        """A weekday name a few working days after the post."""
        day = self.when + timedelta(days=self.rng.randint(1, 5))
        while day.weekday() >= 5:
            day += timedelta(days=1)
        return day.strftime("%A")

    def _version(self) -> str:
        # Versions climb through the demo's two months: a minor release every two weeks.
        major, first_minor = content.PRODUCTS[self["product"]]
        return f"{major}.{first_minor + self.day_index // 14}"


class _Builder:
    """Seeds the company step by step; holds the rows later steps need."""

    def __init__(self, stdout: TextIO | TextIOBase | None) -> None:
        self.out = stdout
        self.rng = random.Random(SEED)
        self.now = timezone.now().replace(microsecond=0)
        self.people: dict[str, User] = {}
        self.person_of: dict[int, content.Person] = {}
        self.departments: dict[str, Department] = {}
        self.spaces: dict[str, Space] = {}
        self.members: dict[str, list[User]] = {}
        self.writers: dict[str, list[User]] = {}
        self.products = {spec.name: spec.product for spec in content.SPACES}

    def say(self, message: str) -> None:
        if self.out is not None:
            self.out.write(message + "\n")

    def build(self) -> None:
        self.say(f"Creating {content.COMPANY}: {len(content.PEOPLE_LIST)} people…")
        self._departments()
        self._people()
        self._follows()
        specs = (*content.SPACES, TALKS_SPACE)
        self.say(f"Creating {len(specs)} spaces and their members…")
        for spec in specs:
            self._space(spec)
        self.say("Writing posts, comments and reactions…")
        self._posts()
        self.say("Asking and answering questions…")
        q_and_a = (self.people, self.spaces, self.members, self._readers, self._later)
        seed_questions(Company(self.rng, self.now, *q_and_a, self._at_work))

    # People -----------------------------------------------------------------------------

    def _departments(self) -> None:
        for name, description in content.DEPARTMENTS.items():
            self.departments[name], _ = Department.objects.get_or_create(
                slug=slugify(name), defaults={"name": name, "description": description}
            )

    def _people(self) -> None:
        shared_hash = make_password(DEMO_PASSWORD)
        for person in content.PEOPLE_LIST:
            user = create_user(
                f"{person.key}@{content.DOMAIN}",
                display_name=person.name,
                password_hash=shared_hash,
                department=self.departments[person.department],
                job_title=person.title,
                location=person.location,
                bio=person.bio,
                skills=person.skills,
                is_moderator=person.key == "maya",
                is_official_voice=person.key in content.OFFICIAL_VOICES,
                is_staff=person.key == "admin",
                is_superuser=person.key == "admin",
            )
            self.people[person.key] = user
            self.person_of[user.pk] = person

    def _follows(self) -> None:
        for key, followees in content.PERSONA_FOLLOWS.items():
            for other in followees:
                do_follow(self.people[key], self.people[other])
        everyone = list(self.people.values())
        for user in everyone:
            if self.person_of[user.pk].key in content.PERSONA_FOLLOWS:
                continue
            department = self.person_of[user.pk].department
            colleagues = [u for u in everyone if self._dept(u) == department and u != user]
            others = [u for u in everyone if self._dept(u) != department]
            chosen = self.rng.sample(colleagues, min(len(colleagues), self.rng.randint(1, 4)))
            chosen += self.rng.sample(others, self.rng.randint(1, 4))
            for followee in chosen:
                do_follow(user, followee)

    def _dept(self, user: User) -> str:
        return self.person_of[user.pk].department

    # Spaces -----------------------------------------------------------------------------

    def _space(self, spec: SpaceSpec) -> None:
        owner = self.people[spec.owner]
        space = do_create_space(
            owner,
            name=spec.name,
            description=spec.description,
            kind=spec.kind,
            visibility=spec.visibility,
            posting=spec.posting,
        )
        members = [owner]
        for key in spec.moderators:
            do_add_member(space, self.people[key], role=Role.MODERATOR)
            members.append(self.people[key])
        # Who starts posts there, by the live rule: every member (the list grows below), or
        # in an announcements space only the owner and moderators.
        managers = list(members)
        self.writers[spec.name] = members if can_start_posts(space, Role.MEMBER) else managers
        wanted: list[User] = []
        for entry in spec.members:
            if entry in self.departments:
                wanted += [u for u in self.people.values() if self._dept(u) == entry]
            else:
                wanted.append(self.people[entry])
        wanted += [u for u in self.people.values() if self.rng.random() < spec.share]
        for user in wanted:
            if user in members:
                continue
            members.append(user)
            if how_to_join(space) == JOIN:
                do_join(user, space)  # anyone may join an open space by themselves
            else:
                do_add_member(space, user)  # private and secret ones are by invitation
        for key, message in spec.requests:
            if do_join(self.people[key], space, message=message) != "requested":
                raise RuntimeError(f"Demo content: {key} cannot ask to join {spec.name}.")
        self.spaces[spec.name] = space
        self.members[spec.name] = members

    def _readers(self, space: Space | None) -> list[User]:
        """Who can read (and so comment and react in) ``space``; None is company-wide."""
        if space is None or readable_to_all(space):
            return list(self.people.values())
        return self.members[space.name]

    # Posts ------------------------------------------------------------------------------

    def _posts(self) -> None:
        plan: list[tuple[datetime, Space | None, PostTemplate | ImagePost | Talk]] = []
        for spec in content.SPACES:
            for template in self._pick(content.POSTS[spec.name], spec.posts):
                plan.append((self._moment(), self.spaces[spec.name], template))
        for template in self._pick(content.COMPANY_POSTS, content.COMPANY_WIDE_POSTS):
            plan.append((self._moment(), None, template))
        for image_post in content.IMAGE_POSTS:
            when = self._at_work(self.now - timedelta(days=image_post.days_ago))
            plan.append((when, self.spaces.get(image_post.space), image_post))
        for talk in TALKS:  # recorded talks, in the video space
            when = self._at_work(self.now - timedelta(days=talk.days_ago))
            plan.append((when, self.spaces[talk.space], talk))
        # Created oldest first, so each space's last_post_at ends at its newest post.
        plan.sort(key=lambda item: item[0])
        for when, space, item in plan:
            self._post(when, space, item)

    def _pick(self, pool: Sequence[PostTemplate], count: int) -> list[PostTemplate]:
        """``count`` templates, each used once per round; one-off news only in the first."""
        picks: list[PostTemplate] = []
        available = list(pool)
        while len(picks) < count and available:
            batch = available[:]
            self.rng.shuffle(batch)
            picks += batch[: count - len(picks)]
            available = [t for t in available if not t.once]
        return picks

    def _moment(self) -> datetime:
        """A working-hours moment in the demo's window, mostly on weekdays."""
        return self._at_work(self.now - timedelta(days=self.rng.uniform(0.3, DAYS - 2.5)))

    def _at_work(self, when: datetime) -> datetime:
        """``when`` moved to a working hour of its day, or of the Friday before a weekend."""
        rng = self.rng
        if when.weekday() >= 5 and rng.random() < 0.85:
            when -= timedelta(days=when.weekday() - 4)
        hour = rng.choices(range(7, 20), weights=[1, 3, 5, 6, 5, 3, 4, 5, 5, 4, 3, 2, 1])[0]
        when = when.replace(
            hour=hour, minute=rng.randrange(60), second=rng.randrange(60), microsecond=0
        )
        return when if when < self.now else when - timedelta(days=1)

    def _later(self, moment: datetime) -> datetime:
        """A moment a little after ``moment`` (minutes to hours), never in the future."""
        later = moment + timedelta(minutes=2 + self.rng.expovariate(1 / 150))
        if not 7 <= later.hour < 20:  # answered the next morning, not in the small hours
            morning = later.replace(hour=7, minute=0) + timedelta(minutes=self.rng.randrange(120))
            later = morning + timedelta(days=1) if later.hour >= 20 else morning
        return later if later < self.now else moment + (self.now - moment) / 2

    def _choose(self, candidates: Sequence[User], departments: Sequence[str] = ()) -> User:
        """Someone from ``candidates``, preferably in ``departments``; personas more often."""
        preferred = [u for u in candidates if self._dept(u) in departments]
        pool = preferred or list(candidates)
        weights = [3 if self.person_of[u.pk].key in content.PERSONA_FOLLOWS else 1 for u in pool]
        return self.rng.choices(pool, weights=weights)[0]

    def _post(
        self, when: datetime, space: Space | None, item: PostTemplate | ImagePost | Talk
    ) -> None:
        readers = self._readers(space)
        writers = self.writers[space.name] if space is not None else readers
        images: list[Checked] = []
        if isinstance(item, Talk):
            author = self.people[item.author]
            if author not in writers:
                raise RuntimeError(f"Demo content: {item.author} is not in {item.space}.")
            template = PostTemplate(body=item.body, comments=item.comments)
            images = recording(author, item)
        elif isinstance(item, ImagePost):
            author = self.people[item.author]
            if author not in writers:
                raise RuntimeError(f"Demo content: {item.author} is not in {item.space}.")
            template = PostTemplate(body=item.body, comments=item.comments)
            chart = SimpleUploadedFile("chart.png", draw(item), content_type="image/png")
            images = check_uploads(author, [Upload(chart, alt_text=item.alt_text)])
        else:
            template = item
            author = self._choose(writers, template.authors)
        slots = Slots(
            self.rng,
            when=when,
            day_index=(when - (self.now - timedelta(days=DAYS))).days,
            author=author,
            city=self.person_of[author.pk].location,
            product=self.products.get(space.name, "") if space is not None else "",
            mentionable=readers,
        )
        body = template.body.format_map(slots)
        post = do_create_post(author, space=space, body=body, attachments=images, created_at=when)
        self._react(post, author, readers, body)
        self._comments(post, template, slots, readers, space.kind if space else "")

    def _comments(
        self, post: Post, template: PostTemplate, slots: Slots, readers: list[User], kind: str
    ) -> None:
        rng = self.rng
        count = rng.choices(range(7), weights=[15, 21, 22, 18, 12, 8, 4])[0]
        specific = list(template.comments)
        count = max(count, len(specific))
        others = [u for u in readers if u.pk != post.author_id]
        general = [*content.KIND_COMMENTS[kind], *content.GENERIC_COMMENTS]
        rng.shuffle(general)
        moment = post.created_at
        threads: list[Comment] = []
        for _ in range(count):
            moment = self._later(moment)
            if threads and not specific and rng.random() < 0.3:
                parent = rng.choice(threads)
                parent_author = parent.author
                if parent_author.pk != post.author_id and rng.random() < 0.5:
                    author = post.author
                else:
                    author = rng.choice([u for u in others if u.pk != parent_author.pk])
                slots["to"] = parent_author.get_short_name()
                body = rng.choice(content.REPLIES).format_map(slots)
                reply = do_add_comment(author, post, body, parent=parent, created_at=moment)
                self._react(reply, author, readers, body, scale=0.6)
                continue
            text = specific.pop(0) if specific else general.pop()
            author = self._choose(others, template.commenters)
            comment = do_add_comment(author, post, text.format_map(slots), created_at=moment)
            threads.append(comment)
            self._react(comment, author, readers, text)

    def _react(
        self,
        target: Post | Comment,
        author: User,
        readers: Sequence[User],
        text: str,
        scale: float = 1.0,
    ) -> None:
        rng = self.rng
        if isinstance(target, Post):
            # Company-wide audiences react more than a team of eight.
            count = int(rng.triangular(1, 14, 4) if len(readers) > 40 else rng.triangular(0, 10, 2))
        else:
            count = int(rng.choices(range(4), weights=[58, 26, 11, 5])[0] * scale + 0.5)
        weights = dict(REACTION_WEIGHTS)
        if any(marker in text for marker in CELEBRATORY):
            weights[ReactionKind.CELEBRATE] = 45
        if "?" in text:
            weights[ReactionKind.HELPFUL] = 30
        others = [u for u in readers if u.pk != author.pk]
        kinds, kind_weights = list(weights), list(weights.values())
        for user in rng.sample(others, min(count, len(others))):
            chosen = rng.choices(kinds, weights=kind_weights, k=2 if rng.random() < 0.08 else 1)
            for kind in dict.fromkeys(chosen):  # a second, different kind now and then
                do_add_reaction(user, target, kind)


# Images -------------------------------------------------------------------------------------

WIDTH, HEIGHT = 1200, 630
INK, MUTED, ACCENT, PAPER = (15, 23, 42), (100, 116, 139), (37, 99, 235), (255, 255, 255)


def draw(spec: ImagePost) -> bytes:
    """A PNG banner, bar chart or line chart for ``spec``, drawn in memory."""
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    canvas = ImageDraw.Draw(image)
    if spec.chart == "banner":
        canvas.rectangle((0, 0, WIDTH, HEIGHT), fill=ACCENT)
        canvas.rectangle((40, 40, WIDTH - 40, HEIGHT - 40), outline=PAPER, width=6)
        font = ImageFont.load_default(size=72)
        canvas.text((WIDTH // 2, HEIGHT // 2 - 30), spec.title, font=font, fill=PAPER, anchor="mm")
        small = ImageFont.load_default(size=32)
        canvas.text((WIDTH // 2, HEIGHT // 2 + 60), content.COMPANY, font=small, fill=PAPER,
                    anchor="mm")  # fmt: skip
    else:
        _chart(canvas, spec)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _chart(canvas: ImageDraw.ImageDraw, spec: ImagePost) -> None:
    title, label = ImageFont.load_default(size=36), ImageFont.load_default(size=20)
    canvas.text((60, 40), spec.title, font=title, fill=INK)
    left, top, right, bottom = 110, 130, WIDTH - 60, HEIGHT - 70
    # Grid lines at round numbers: the smallest 1, 2 or 5 x 10^k step that fits four.
    step = next(
        base * 10**power
        for power in range(8)
        for base in (1, 2, 5)
        if base * 10**power * 4 >= max(spec.values) * 1.1
    )
    peak = step * 4
    for i in range(5):
        y = bottom - (bottom - top) * i / 4
        canvas.line((left, y, right, y), fill=(226, 232, 240), width=2)
        canvas.text((left - 12, y), f"{step * i:,}", font=label, fill=MUTED, anchor="rm")
    slot = (right - left) / len(spec.values)
    points = []
    for i, (name, value) in enumerate(zip(spec.labels, spec.values, strict=True)):
        x = left + slot * (i + 0.5)
        y = bottom - (bottom - top) * value / peak
        points.append((x, y))
        if spec.chart == "bar":
            canvas.rectangle((x - slot * 0.32, y, x + slot * 0.32, bottom), fill=ACCENT)
            canvas.text((x, y - 8), f"{value:,}", font=label, fill=INK, anchor="mb")
        if spec.chart == "bar" or i % 5 == 0:
            canvas.text((x, bottom + 12), name, font=label, fill=MUTED, anchor="mt")
    if spec.chart == "line":
        canvas.line(points, fill=ACCENT, width=5, joint="curve")
        for x, y in points:
            canvas.ellipse((x - 5, y - 5, x + 5, y + 5), fill=ACCENT)
    canvas.line((left, bottom, right, bottom), fill=INK, width=2)
