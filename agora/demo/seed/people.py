"""``agora seed``'s people and spaces: who works where, who follows whom, who belongs where.

Everyone is generated in memory first (a company of even 10,000 people is small), so the
counters (``User.follower_count``, ``Space.member_count``) are known before the rows are
written with ``bulk_create`` and explicit primary keys.
"""

from __future__ import annotations

import heapq
import random
from bisect import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import accumulate

from django.urls import reverse
from django.utils.text import slugify

from agora.demo import content
from agora.demo.seed import text
from agora.people.models import Department, Follow, Skill, User
from agora.spaces.models import Kind, Membership, Role, Space, Visibility
from agora.spaces.visibility import READABLE_TO_ALL

BATCH = 2_000
DAY = 86_400
# Activity follows Zipf's law: the person (or space) ranked r gets weight 1 / (r + offset).
PERSON_RANK_OFFSET = 3
SPACE_RANK_OFFSET = 1.5
SAME_DEPARTMENT_FOLLOWS = 0.5
KIND_WEIGHTS = {Kind.PRODUCT: 20, Kind.SERVICE: 20, Kind.IDEA: 15, Kind.TEAM: 25,
                Kind.COMMUNITY: 20, Kind.VIDEO: 8}  # fmt: skip
# (open, private, secret) odds per kind: teams are the most often closed.
VISIBILITY_WEIGHTS = {
    Kind.PRODUCT: (80, 17, 3),
    Kind.SERVICE: (85, 15, 0),
    Kind.IDEA: (90, 7, 3),
    Kind.TEAM: (45, 35, 20),
    Kind.COMMUNITY: (93, 5, 2),
    Kind.VIDEO: (85, 12, 3),
}
VISIBILITIES = (Visibility.OPEN, Visibility.PRIVATE, Visibility.SECRET)
# Closed spaces are smaller, so they get fewer posts than their rank alone would give.
VISIBILITY_ACTIVITY: dict[str, float] = {
    Visibility.OPEN: 1.0,
    Visibility.PRIVATE: 0.6,
    Visibility.SECRET: 0.3,
}


class Picker:
    """A weighted choice among a fixed group of people, by department when asked.

    People are indices into ``People``; weights are their activity, so the few very active
    people are picked far more often than the many quiet ones.
    """

    def __init__(
        self, members: Sequence[int], weights: Sequence[float], depts: Sequence[int]
    ) -> None:
        self.members = list(members)
        self.size = len(self.members)
        self.cum = list(accumulate(weights[m] for m in self.members))
        grouped: dict[int, list[int]] = {}
        for m in self.members:
            grouped.setdefault(depts[m], []).append(m)
        self.by_dept = {
            d: (ms, list(accumulate(weights[m] for m in ms))) for d, ms in grouped.items()
        }
        self._outside: dict[int, tuple[list[int], list[float]]] = {}

    def pick(self, rng: random.Random) -> int:
        return self.members[bisect(self.cum, rng.random() * self.cum[-1])]

    def pick_in(self, rng: random.Random, dept: int) -> int:
        """Someone from ``dept``, or anyone when the group has nobody from there."""
        if dept not in self.by_dept:
            return self.pick(rng)
        members, cum = self.by_dept[dept]
        return members[bisect(cum, rng.random() * cum[-1])]

    def pick_outside(self, rng: random.Random, dept: int) -> int:
        """Someone from another department than ``dept``, or anyone when there is none."""
        outside = self._outside.get(dept)
        if outside is None:
            keys = [d for d in self.by_dept if d != dept]
            outside = (keys, list(accumulate(self.by_dept[d][1][-1] for d in keys)))
            self._outside[dept] = outside
        keys, cum = outside
        if not keys:
            return self.pick(rng)
        return self.pick_in(rng, keys[bisect(cum, rng.random() * cum[-1])])

    def pick_varied(self, rng: random.Random, dept: int, outside: float) -> int:
        """Someone from another department with probability ``outside``, else anyone."""
        return self.pick_outside(rng, dept) if rng.random() < outside else self.pick(rng)


@dataclass
class People:
    """The seeded people, as parallel lists indexed by person number (0-based)."""

    first_id: int
    handles: list[str]
    names: list[str]
    depts: list[int]  # index into ``department_names``
    weights: list[float]
    department_names: list[str]
    everyone: Picker
    profiles: dict[str, tuple[str, str]]  # handle: (profile URL, display name)
    follows: int = 0

    def first_name(self, person: int) -> str:
        return self.names[person].split(" ")[0]

    def department(self, person: int) -> str:
        return self.department_names[self.depts[person]]


@dataclass
class SeededSpace:
    """A seeded space and the pickers for those who may write and read in it."""

    id: int
    name: str
    kind: str
    visibility: str
    product: str
    weight: float
    members: list[int]
    writers: Picker  # its members: only they post
    readers: Picker  # who may comment and react: everyone for an open space


def zipf_weights(rng: random.Random, count: int, offset: float) -> list[float]:
    """Activity weights for ``count`` items in a random order: a few high, a long quiet tail."""
    ranks = list(range(count))
    rng.shuffle(ranks)
    return [1.0 / (rank + offset) for rank in ranks]


def _departments() -> tuple[list[str], list[int]]:
    names, ids = [], []
    for name, description in content.DEPARTMENTS.items():
        department, _ = Department.objects.get_or_create(
            slug=slugify(name), defaults={"name": name, "description": description}
        )
        names.append(name)
        ids.append(department.pk)
    return names, ids


def _skills() -> dict[str, int]:
    names = list(dict.fromkeys(name for names in text.SKILLS.values() for name in names))
    Skill.objects.bulk_create(
        [Skill(name=name, slug=slugify(name)) for name in names], ignore_conflicts=True
    )
    by_slug = dict(
        Skill.objects.filter(slug__in=[slugify(n) for n in names]).values_list("slug", "pk")
    )
    return {name: by_slug[slugify(name)] for name in names}


def seed_people(
    rng: random.Random,
    *,
    seed: int,
    count: int,
    first_id: int,
    password_hash: str,
    anchor: datetime,
    advance: Callable[[int], object],
) -> People:
    """Create ``count`` people with departments, skills and follows; return them."""
    department_names, department_ids = _departments()
    skill_ids = _skills()
    all_skills = list(skill_ids)
    dept_cum = list(accumulate(text.DEPARTMENT_WEIGHTS[name] for name in department_names))
    location_cum = list(accumulate(text.LOCATION_WEIGHTS))
    users: list[User] = []
    user_skills: list[tuple[int, int]] = []
    handles, names, depts = [], [], []
    for n in range(1, count + 1):
        dept = bisect(dept_cum, rng.random() * dept_cum[-1])
        dept_name = department_names[dept]
        name = f"{rng.choice(text.FIRST_NAMES)} {rng.choice(text.LAST_NAMES)}"
        handle = text.handle_for(seed, n)
        title = rng.choice(text.TITLES[dept_name])
        city = text.LOCATIONS[bisect(location_cum, rng.random() * location_cum[-1])]
        skills: list[str] = []
        for _ in range(rng.randint(1, 4)):
            pool = text.SKILLS[dept_name] if rng.random() < 0.8 else all_skills
            skill = rng.choice(pool)
            if skill not in skills:
                skills.append(skill)
        bio = rng.choice(text.BIOS).format(title=title, city=city, skill=skills[0])
        joined = anchor - timedelta(seconds=rng.randrange(730 * DAY, 1825 * DAY))
        user_id = first_id + n - 1
        users.append(
            User(
                id=user_id,
                email=f"{handle}@{text.EMAIL_DOMAIN}",
                handle=handle,
                display_name=name,
                job_title=title,
                department_id=department_ids[dept],
                location=city,
                bio=bio,
                password=password_hash,
                date_joined=joined,
            )
        )
        user_skills += [(user_id, skill_ids[s]) for s in skills]
        handles.append(handle)
        names.append(name)
        depts.append(dept)
    weights = zipf_weights(rng, count, PERSON_RANK_OFFSET)
    everyone = Picker(range(count), weights, depts)
    people = People(
        first_id=first_id,
        handles=handles,
        names=names,
        depts=depts,
        weights=weights,
        department_names=department_names,
        everyone=everyone,
        profiles={
            h: (reverse("reputation:profile", args=[h]), n)
            for h, n in zip(handles, names, strict=True)
        },
    )
    follows = _follows(rng, people, anchor)
    for follow in follows:
        users[follow.followee_id - first_id].follower_count += 1
    people.follows = len(follows)
    UserSkill = User.skills.through
    for start in range(0, count, BATCH):
        User.objects.bulk_create(users[start : start + BATCH])
        advance(len(users[start : start + BATCH]))
    UserSkill.objects.bulk_create(
        [UserSkill(user_id=u, skill_id=s) for u, s in user_skills], batch_size=BATCH
    )
    Follow.objects.bulk_create(follows, batch_size=BATCH)
    return people


def _follows(rng: random.Random, people: People, anchor: datetime) -> list[Follow]:
    """Everyone follows a few people (some many), popular and same-department ones first."""
    count = len(people.handles)
    follows: list[Follow] = []
    for follower in range(count):
        wanted = min(count - 1, 150, int(rng.paretovariate(1.3) * 3))
        chosen: list[int] = []
        seen = {follower}
        attempts = 0
        while len(chosen) < wanted and attempts < 4 * wanted + 10:
            attempts += 1
            if rng.random() < SAME_DEPARTMENT_FOLLOWS:
                followee = people.everyone.pick_in(rng, people.depts[follower])
            else:
                followee = people.everyone.pick(rng)
            if followee not in seen:
                seen.add(followee)
                chosen.append(followee)
        for followee in chosen:
            when = anchor - timedelta(seconds=rng.randrange(DAY, 730 * DAY))
            follows.append(
                Follow(
                    follower_id=people.first_id + follower,
                    followee_id=people.first_id + followee,
                    created_at=when,
                )
            )
    return follows


def _space_plan(rng: random.Random, count: int) -> list[tuple[str, str, str, str, str]]:
    """(name, kind, visibility, home department, product) for each space, most active first."""
    kinds = [Kind.COMMUNITY, Kind.PRODUCT, Kind.SERVICE, Kind.TEAM, Kind.IDEA, Kind.VIDEO][:count]
    kind_cum = list(accumulate(KIND_WEIGHTS.values()))
    kind_keys = list(KIND_WEIGHTS)
    while len(kinds) < count:
        kinds.append(kind_keys[bisect(kind_cum, rng.random() * kind_cum[-1])])
    used: dict[str, int] = {}
    plan = []
    for kind in kinds:
        pool = text.SPACE_NAMES[kind]
        n = used.get(kind, 0)
        used[kind] = n + 1
        name, home, product = pool[n % len(pool)]
        if n >= len(pool):
            name = f"{name} {n // len(pool) + 1}"
        weights = VISIBILITY_WEIGHTS[kind]
        visibility = rng.choices(VISIBILITIES, weights=weights)[0]
        plan.append([name, str(kind), str(visibility), home, product])
    # The busiest spaces are open; and a company of three or more spaces has at least one
    # private and one secret space, taken from the quiet end.
    forced_open = 1 if count < 5 else 2
    for index in range(min(forced_open, count)):
        plan[index][2] = Visibility.OPEN
    for visibility, minimum in ((Visibility.PRIVATE, 2), (Visibility.SECRET, 3)):
        if count >= minimum and not any(p[2] == visibility for p in plan):
            candidates = [i for i in range(forced_open, count) if plan[i][2] == Visibility.OPEN]
            if candidates:
                plan[rng.choice(candidates)][2] = visibility
    return [(p[0], p[1], p[2], p[3], p[4]) for p in plan]


def _member_count(rng: random.Random, rank: int, visibility: str, people: int) -> int:
    if visibility == Visibility.OPEN:
        share = min(0.9, max(0.04, 0.9 * (rank + 1) ** -0.6))
        wanted = int(people * share * rng.uniform(0.85, 1.15))
    elif visibility == Visibility.PRIVATE:
        share = min(0.25, max(0.01, 0.3 * (rank + 1) ** -0.5))
        wanted = int(people * share * rng.uniform(0.8, 1.2))
    else:
        wanted = rng.randint(4, 16)
    return max(min(people, 3), min(people, wanted))


def seed_spaces(
    rng: random.Random,
    people: People,
    *,
    seed: int,
    count: int,
    first_id: int,
    anchor: datetime,
    advance: Callable[[int], object],
) -> list[SeededSpace]:
    """Create ``count`` spaces of every kind and visibility, each with an owner and members."""
    total = len(people.handles)
    dept_index = {name: i for i, name in enumerate(people.department_names)}
    # Active people join more spaces, but only a little more.
    affinity = [w**0.5 for w in people.weights]
    seeded: list[SeededSpace] = []
    for rank, (name, kind, visibility, home, product) in enumerate(_space_plan(rng, count)):
        space_id = first_id + rank
        wanted = _member_count(rng, rank, visibility, total)
        home_dept = dept_index.get(home, -1)
        # A weighted sample without replacement (Efraimidis-Spirakis): the largest keys win.
        keys = (
            (rng.random() ** (1.0 / (affinity[p] * (4 if people.depts[p] == home_dept else 1))), p)
            for p in range(total)
        )
        members = [p for _, p in heapq.nlargest(wanted, keys)]
        created = anchor - timedelta(seconds=rng.randrange(731 * DAY, 850 * DAY))
        description = text.DEMO_DESCRIPTIONS.get(name) or text.KIND_DESCRIPTIONS[kind].format(
            name=name, product=product
        )
        space = Space(
            id=space_id,
            name=name,
            slug=f"s{seed}-{rank + 1}-{slugify(name)}"[:80],
            description=description,
            kind=kind,
            visibility=visibility,
            created_by_id=people.first_id + members[0],
            created_at=created,
            member_count=len(members),
        )
        moderators = 2 if len(members) >= 40 else 1 if len(members) >= 8 else 0
        memberships = [
            Membership(
                space_id=space_id,
                user_id=people.first_id + person,
                role=Role.OWNER if i == 0 else Role.MODERATOR if i <= moderators else Role.MEMBER,
                # Everyone has joined by the time the first posts are written.
                created_at=created + timedelta(seconds=0 if i == 0 else rng.randrange(60, DAY)),
            )
            for i, person in enumerate(members)
        ]
        Space.objects.bulk_create([space])
        Membership.objects.bulk_create(memberships, batch_size=BATCH)
        writers = Picker(members, people.weights, people.depts)
        readers = people.everyone if visibility in READABLE_TO_ALL else writers
        seeded.append(
            SeededSpace(
                id=space_id,
                name=name,
                kind=kind,
                visibility=visibility,
                product=product,
                weight=VISIBILITY_ACTIVITY[visibility] / (rank + SPACE_RANK_OFFSET),
                members=members,
                writers=writers,
                readers=readers,
            )
        )
        advance(1)
    return seeded
