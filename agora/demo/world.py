"""The demo company as its history is written: who works there since when, which spaces
exist and who belongs to them at each moment.

The builder (``agora.demo.company``) fills it; the posts and questions (``demo.posts``,
``demo.qa``) ask it who could have written, read or reacted at a given moment, so nobody
posts before they joined or in a space before they were in it, and private spaces are
read only by their members of the time.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from agora.demo import content
from agora.demo.calendar import Calendar, Timeline
from agora.people.models import User
from agora.spaces.actions import do_add_member, do_join
from agora.spaces.models import Role, Space
from agora.spaces.visibility import JOIN, can_start_posts, how_to_join, readable_to_all


@dataclass
class Company:
    """Who is there, and where, as the history unfolds."""

    rng: random.Random
    calendar: Calendar
    timeline: Timeline
    people: dict[str, User] = field(default_factory=dict)
    person_of: dict[int, content.Person] = field(default_factory=dict)
    joined: dict[int, datetime] = field(default_factory=dict)
    opens: dict[str, datetime] = field(default_factory=dict)  # when each space is created
    spaces: dict[str, Space] = field(default_factory=dict)
    roles: dict[str, dict[int, str]] = field(default_factory=dict)  # space → person → role
    member_since: dict[str, dict[int, datetime]] = field(default_factory=dict)
    touched: set[int] = field(default_factory=set)  # people whose level may have moved

    @property
    def now(self) -> datetime:
        return self.calendar.now

    def key(self, user: User) -> str:
        return self.person_of[user.pk].key

    def department(self, user: User) -> str:
        return self.person_of[user.pk].department

    def location(self, user: User) -> str:
        return self.person_of[user.pk].location

    def everyone(self, when: datetime) -> list[User]:
        """People who had joined by ``when``."""
        return [u for u in self.people.values() if self.joined[u.pk] < when]

    def members(self, space: Space, when: datetime) -> list[User]:
        since = self.member_since[space.name]
        return [u for u in self.people.values() if since.get(u.pk, when) < when]

    def readers(self, space: Space | None, when: datetime) -> list[User]:
        """Who could read (and so comment and react in) ``space`` at ``when``; None is
        company-wide."""
        if space is None or readable_to_all(space):
            return self.everyone(when)
        return self.members(space, when)

    def writers(self, space: Space | None, when: datetime) -> list[User]:
        """Who could start a post there at ``when``, by the live rule."""
        if space is None:
            return self.everyone(when)
        roles = self.roles[space.name]
        return [u for u in self.members(space, when) if can_start_posts(space, roles[u.pk])]

    def choose(
        self,
        candidates: Sequence[User],
        departments: Sequence[str] = (),
        keys: Sequence[str] = (),
    ) -> User:
        """Someone from ``candidates``: usually one of the people named by ``keys`` (those
        who know the subject), else preferably from ``departments``; the personas a little
        more often, so their pages have something to show."""
        rng = self.rng
        named = [u for u in candidates if self.key(u) in keys]
        if named and rng.random() < 0.85:
            return rng.choice(named)
        preferred = [u for u in candidates if self.department(u) in departments]
        pool = preferred or list(candidates)
        weights = [1.5 if self.key(u) in content.PERSONA_FOLLOWS else 1.0 for u in pool]
        return rng.choices(pool, weights=weights)[0]

    def ensure_member(self, user: User, space: Space | None, when: datetime, why: str) -> None:
        """``user`` is in ``space`` by ``when``: they join an open space a few minutes
        before (to ask or post there); private and secret ones must be in the content."""
        if space is None:
            return
        since = self.member_since[space.name].get(user.pk)
        if since is not None and since < when:
            return
        if how_to_join(space) != JOIN or since is not None:
            raise RuntimeError(f"Demo content: {user.email} is not in {space.name} for {why}.")
        self.join(user, space, when - timedelta(minutes=self.rng.randint(3, 30)))

    def join(self, user: User, space: Space, when: datetime, role: str = Role.MEMBER) -> None:
        """``user`` becomes a member at ``when``: by themselves in an open space, added by
        its owners in a private or secret one (or as a moderator)."""
        if user.pk in self.member_since[space.name]:
            return
        if role == Role.MEMBER and how_to_join(space) == JOIN:
            do_join(user, space, at=when)
        else:
            do_add_member(space, user, role=role, at=when)
        self.member_since[space.name][user.pk] = when
        self.roles[space.name][user.pk] = role
