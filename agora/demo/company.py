"""The demo company: ``agora demo`` seeds "Northwind" through the real actions, once.

Everything is written by the same actions the views use (so mentions, tags, counters,
attachments, reputation, badges, levels and notifications come out exactly as in real
use), inside one transaction, from a fixed random seed. The history covers the months
since the company started using Agora (``demo.calendar``): people join, spaces open and
fill, posts, comments, reactions, questions and answers follow one another in time order
(``calendar.Timeline``; who could act when is ``demo.world``), and the daily level job
runs as the worker would have run it. What the company says lives in ``demo_content``;
posts are ``demo.posts``, questions and answers ``demo.qa``, the recorded talks
``demo.videos``.

Run again, it adds only what the first run could not make: the talks' recordings, once
ffmpeg is there.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from io import TextIOBase
from typing import TextIO

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from agora.core.eventlog import run_consumers
from agora.demo import content, videos
from agora.demo.calendar import Calendar, Timeline
from agora.demo.content import SpaceSpec
from agora.demo.posts import PostWriter
from agora.demo.qa import plan_questions
from agora.demo.world import Company
from agora.notifications.actions import mark_read
from agora.notifications.models import Notification
from agora.people.actions import create_user, do_follow
from agora.people.models import Department, Follow, Standing, User
from agora.posts.models import Comment, Post, Reaction
from agora.reputation.actions import evaluate_everyone, evaluate_level
from agora.spaces.actions import do_create_space, do_join
from agora.spaces.models import Role, Space

TOURED = ("ada", "sam", "maya")  # the personas README.md signs in as
SEED = 2026
DEMO_PASSWORD = "agora-demo"  # noqa: S105 - the demo's published, shared password
ADMIN_EMAIL = f"admin@{content.DOMAIN}"
# The pilot: Priya set Agora up three weeks before launch, Maya ran a pilot with a few.
PILOT = {"admin": 21, "maya": 14, "ada": 9, "olivia.grant": 9, "mei.tan": 8, "kwame.mensah": 8}


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
    recordings: videos.Recordings


def seed_demo(stdout: TextIO | TextIOBase | None = None) -> DemoResult:
    """Create the demo company; if it is already there, add the talks' recordings it
    lacks (when ffmpeg is now installed) and change nothing else."""
    with transaction.atomic():
        # The administrator persona's account marks a seeded database.
        created = not User.objects.filter(email=ADMIN_EMAIL).exists()
        if created:
            _Builder(stdout).build()
    recordings = videos.add_missing_recordings() if not created else videos.recordings_state()
    return _result(created=created, recordings=recordings)


def _result(*, created: bool, recordings: videos.Recordings) -> DemoResult:
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
        recordings=recordings,
    )


class _Builder:
    """Seeds the company: people and their follows, then the timeline of everything else."""

    def __init__(self, stdout: TextIO | TextIOBase | None) -> None:
        self.out = stdout
        rng = random.Random(SEED)
        self.calendar = Calendar(rng, timezone.now().replace(microsecond=0))
        self.company = Company(rng, self.calendar, Timeline())
        self.rng = rng

    def say(self, message: str) -> None:
        if self.out is not None:
            self.out.write(message + "\n")

    def build(self) -> None:
        self.say(f"Creating {content.COMPANY}: {len(content.PEOPLE_LIST)} people…")
        self._people()
        self._follows()
        specs = (*content.SPACES, videos.SPACE)
        self.say(f"Planning {len(specs)} spaces, their posts and questions…")
        for spec in specs:
            self._plan_space(spec)
        PostWriter(self.company).plan()
        plan_questions(self.company)
        self._plan_level_updates()
        self.say(f"Writing {content.COMPANY}'s last {self.calendar.days} days…")
        self.company.timeline.run()
        evaluate_everyone()  # as the worker does every day, today
        run_consumers()  # the notifications the last day's events call for
        self._read_notifications()

    # People -----------------------------------------------------------------------------

    def _people(self) -> None:
        departments = {
            name: Department.objects.get_or_create(
                slug=slugify(name), defaults={"name": name, "description": description}
            )[0]
            for name, description in content.DEPARTMENTS.items()
        }
        shared_hash = make_password(DEMO_PASSWORD)
        calendar = self.calendar
        for person in content.PEOPLE_LIST:
            if person.hired is not None:
                day = calendar.days_ago(person.hired)
            else:
                day = calendar.days_ago(calendar.days + PILOT.get(person.key, 0), jitter=1)
            joined = calendar.at_work(day, person.location)
            user = create_user(
                f"{person.key}@{content.DOMAIN}",
                display_name=person.name,
                password_hash=shared_hash,
                department=departments[person.department],
                job_title=person.title,
                location=person.location,
                bio=person.bio,
                skills=person.skills,
                is_moderator=person.key == "maya",
                is_official_voice=person.key in content.OFFICIAL_VOICES,
                is_staff=person.key == "admin",
                is_superuser=person.key == "admin",
                date_joined=joined,
            )
            self.company.people[person.key] = user
            self.company.person_of[user.pk] = person
            self.company.joined[user.pk] = joined

    def _follows(self) -> None:
        company, rng = self.company, self.rng
        wanted: list[tuple[User, User]] = []
        for key, followees in content.PERSONA_FOLLOWS.items():
            wanted += [(company.people[key], company.people[other]) for other in followees]
        everyone = list(company.people.values())
        for user in everyone:
            if company.key(user) in content.PERSONA_FOLLOWS:
                continue
            colleagues = [
                u
                for u in everyone
                if company.department(u) == company.department(user) and u != user
            ]
            others = [u for u in everyone if company.department(u) != company.department(user)]
            chosen = rng.sample(colleagues, min(len(colleagues), rng.randint(1, 4)))
            chosen += rng.sample(others, rng.randint(1, 4))
            wanted += [(user, followee) for followee in chosen]
        for follower, followee in wanted:
            # Mostly in someone's first weeks here, now and then months later.
            since = max(company.joined[follower.pk], company.joined[followee.pk])
            when = self.calendar.after(since, company.location(follower), 60 * 24 * 12)
            when = when or self.calendar.after(since, company.location(follower), 30)
            if when is not None:
                do_follow(follower, followee, at=when)

    # Spaces -----------------------------------------------------------------------------

    def _plan_space(self, spec: SpaceSpec) -> None:
        company, calendar = self.company, self.calendar
        owner = company.people[spec.owner]
        when = calendar.at_work(calendar.days_ago(spec.opened), company.location(owner))
        if company.joined[owner.pk] >= when:
            raise RuntimeError(f"Demo content: {spec.owner} opens {spec.name} before joining.")
        company.opens[spec.name] = when
        company.timeline.at(when, partial(self._open_space, spec))

    def _open_space(self, spec: SpaceSpec, when: datetime) -> None:
        """The owner creates the space; moderators, members and requests follow."""
        company, calendar, rng = self.company, self.calendar, self.rng
        owner = company.people[spec.owner]
        space = do_create_space(
            owner,
            name=spec.name,
            description=spec.description,
            kind=spec.kind,
            visibility=spec.visibility,
            posting=spec.posting,
            created_at=when,
        )
        company.spaces[spec.name] = space
        company.member_since[spec.name] = {owner.pk: when}
        company.roles[spec.name] = {owner.pk: Role.OWNER}
        timeline = company.timeline
        for key in spec.moderators:
            moderator = company.people[key]
            since = max(when, company.joined[moderator.pk])
            added = since + timedelta(minutes=rng.randint(4, 90))
            timeline.at(added, partial(company.join, moderator, space, role=Role.MODERATOR))
        early: list[User] = []
        for entry in spec.members:
            if entry in content.DEPARTMENTS:
                early += [u for u in company.people.values() if company.department(u) == entry]
            else:
                early.append(company.people[entry])
        late = [u for u in company.people.values() if u not in early and rng.random() < spec.share]
        if spec.share >= 1:  # everyone's space: people are in it from their first day
            early, late = early + late, []
        for user in dict.fromkeys(early + late):
            if user.pk == owner.pk or company.key(user) in spec.moderators:
                continue
            since = max(when, company.joined[user.pk])
            if user in early:  # the people it was made for, within days
                moment = calendar.after(since, company.location(user), 60 * 24)
            else:  # the curious, over its life, more of them early on
                moment = calendar.settle(
                    since + (calendar.now - since) * rng.random() ** 2, company.location(user)
                )
            timeline.at(moment, partial(company.join, user, space))
        for key, message in spec.requests:
            asker = company.people[key]
            asked = calendar.settle(calendar.ago(rng.uniform(0.5, 6)), company.location(asker))
            timeline.at(asked, partial(self._request, asker, space, message))

    def _request(self, user: User, space: Space, message: str, when: datetime) -> None:
        if do_join(user, space, message=message, at=when) != "requested":
            raise RuntimeError(f"Demo content: {user.email} cannot ask to join {space.name}.")

    # Levels and notifications -----------------------------------------------------------

    def _plan_level_updates(self) -> None:
        """The worker's daily level update, each morning: everyone on Mondays, otherwise
        those whose activity or credit moved and those in a grace period (nobody else's
        level can change between two Mondays but by losing activity, which Monday sees)."""
        day = self.calendar.start.replace(hour=6, minute=0, second=0, microsecond=0)
        while day < self.calendar.now:
            self.company.timeline.at(day + timedelta(minutes=self.rng.randint(0, 40)),
                                     self._update_levels)  # fmt: skip
            day += timedelta(days=1)

    def _update_levels(self, moment: datetime) -> None:
        # The worker follows the event log as it goes: each morning, yesterday's events
        # have told whom they concern (invitations go to the experts of that day).
        run_consumers()
        company = self.company
        ids = set(company.touched)
        company.touched.clear()
        ids |= set(
            Standing.objects.filter(below_since__isnull=False).values_list("user", flat=True)
        )
        if moment.weekday() == 0:
            ids |= {u.pk for u in company.everyone(moment)}
        people = {u.pk: u for u in company.people.values()}
        for pk in sorted(ids):
            if pk in people and company.joined[pk] < moment:
                evaluate_level(people[pk], now=moment)

    def _read_notifications(self) -> None:
        """People have read what reached them before their last visit, a day or a few ago;
        the personas the README tours last came a day and a half ago, so their bells
        have something new."""
        for key, user in self.company.people.items():
            days = self.rng.uniform(0.6, 4)
            last_visit = self.calendar.ago(1.5 if key in TOURED else days)
            seen = Notification.objects.filter(user=user, created_at__lt=last_visit)
            mark_read(user, list(seen.values_list("pk", flat=True)))
