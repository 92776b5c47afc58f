"""What ``agora seed``'s people are called and what they write.

The words come from the demo company (``demo_content``): its post, comment and reply
templates are grouped by the kind of space they fit, and their ``{slots}`` are filled per
post by ``Slots``. Bodies go through the real Markdown pipeline (``markdown.render``) with an
in-memory resolver for the seeded people, and identical texts are rendered once.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime, timedelta

from django.urls import reverse

from agora.core import markdown
from agora.demo import content
from agora.demo.content import PostTemplate
from agora.spaces.models import Kind, Visibility

FIRST_NAMES = (
    "Ada", "Adele", "Ahmed", "Aiko", "Alex", "Amara", "Ana", "Andrei", "Anika", "Arjun",
    "Ben", "Bianca", "Carlos", "Chen", "Chloe", "Dara", "David", "Dmitri", "Elena", "Emeka",
    "Emma", "Farah", "Felix", "Fiona", "Gabriel", "Grace", "Hana", "Hugo", "Ibrahim", "Ines",
    "Ivan", "Jade", "James", "Jia", "Jonas", "Julia", "Kai", "Karim", "Kenji", "Lara",
    "Leila", "Leo", "Lina", "Luca", "Maria", "Mateo", "Maya", "Mei", "Mohammed", "Nadia",
    "Nia", "Noah", "Olga", "Omar", "Paula", "Pedro", "Priya", "Rafael", "Ravi", "Rosa",
    "Sam", "Sara", "Sipho", "Sofia", "Tariq", "Thea", "Tomás", "Uma", "Victor", "Wei",
    "Yara", "Yusuf", "Zara", "Zoe",
)  # fmt: skip
LAST_NAMES = (
    "Adeyemi", "Alvarez", "Andersen", "Bauer", "Becker", "Bianchi", "Brown", "Carter",
    "Castro", "Chen", "Cohen", "Costa", "Dubois", "Eze", "Fischer", "Garcia", "Gupta",
    "Haddad", "Hansen", "Ito", "Ivanova", "Jensen", "Kaur", "Kim", "Kowalski", "Larsen",
    "Laurent", "Lee", "Lindqvist", "Mensah", "Moreno", "Müller", "Nakamura", "Nair", "Novak",
    "Nowak", "Okafor", "Olsen", "Park", "Patel", "Petrova", "Rahman", "Rossi", "Santos",
    "Schmidt", "Shah", "Silva", "Singh", "Sato", "Tanaka", "Tan", "Walker", "Wang", "Weber",
    "Wilson", "Wong", "Yilmaz", "Zhang",
)  # fmt: skip
EMAIL_DOMAIN = "seed.example"


def handle_for(seed: int, number: int) -> str:
    """The handle of person ``number`` (1-based) of ``seed``; the email adds ``EMAIL_DOMAIN``."""
    return f"u{seed}-{number}"


LOCATIONS = (*content.CITIES, "Remote")
LOCATION_WEIGHTS = (30, 20, 15, 20, 10, 5)

# Departments and their relative headcount (Engineering is the largest, Legal the smallest).
DEPARTMENT_WEIGHTS = {
    content.ENG: 30,
    content.SALES: 16,
    content.CS: 14,
    content.PRODUCT: 10,
    content.MARKETING: 9,
    content.FINANCE: 8,
    content.PEOPLE: 7,
    content.LEGAL: 6,
}


def _by_department(values: Callable[[content.Person], tuple[str, ...]]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {name: [] for name in content.DEPARTMENTS}
    for person in content.PEOPLE_LIST:
        for value in values(person):
            if value not in grouped[person.department]:
                grouped[person.department].append(value)
    return grouped


TITLES = _by_department(lambda person: (person.title,))
SKILLS = _by_department(lambda person: person.skills)
BIOS = (
    "{title} in {city}. Ask me about {skill}.",
    "{title}. Happy to help with anything {skill}.",
    "Based in {city}; I work on {skill} and the occasional side project.",
    "{title}. Coffee, {skill} and honest feedback.",
)

# Spaces a seeded company can have, per kind: (name, home department or "", product or "").
SPACE_NAMES: dict[str, tuple[tuple[str, str, str], ...]] = {
    Kind.PRODUCT: (
        ("Atlas Platform", content.ENG, "Atlas"),
        ("Beacon Mobile App", content.ENG, "Beacon"),
        ("Cobalt Analytics", content.PRODUCT, "Cobalt"),
        ("Nimbus Sync", content.ENG, "Nimbus"),
        ("Orion Billing", content.FINANCE, "Orion"),
        ("Vega Reports", content.PRODUCT, "Vega"),
        ("Helix API", content.ENG, "Helix"),
        ("Juniper Forms", content.PRODUCT, "Juniper"),
        ("Quartz Scheduler", content.ENG, "Quartz"),
        ("Lumen Insights", content.PRODUCT, "Lumen"),
    ),
    Kind.SERVICE: (
        ("IT Helpdesk", content.ENG, ""),
        ("Cloud Infrastructure", content.ENG, ""),
        ("Customer Support Playbook", content.CS, ""),
        ("Payroll Questions", content.FINANCE, ""),
        ("Travel Desk", content.FINANCE, ""),
        ("Security Office", content.ENG, ""),
        ("Legal Desk", content.LEGAL, ""),
        ("Data Platform", content.ENG, ""),
        ("Facilities", content.PEOPLE, ""),
    ),
    Kind.IDEA: (
        ("Innovation Lab", "", ""),
        ("Green Office Ideas", "", ""),
        ("Hack Week", content.ENG, ""),
        ("Better Meetings", "", ""),
        ("Customer Delight Ideas", content.CS, ""),
        ("Process Improvements", "", ""),
    ),
    Kind.TEAM: (
        ("Sales EMEA", content.SALES, ""),
        ("Platform Engineering", content.ENG, ""),
        ("Sales APAC", content.SALES, ""),
        ("Design Guild", content.PRODUCT, ""),
        ("Brand Studio", content.MARKETING, ""),
        ("Renewals Team", content.CS, ""),
        ("Finance Close", content.FINANCE, ""),
        ("Talent Team", content.PEOPLE, ""),
        ("Leadership Offsite 2027", "", ""),
        ("Project Falcon", content.FINANCE, ""),
    ),
    Kind.COMMUNITY: (
        ("Announcements", "", ""),
        ("Watercooler", "", ""),
        ("Running Club", "", ""),
        ("Book Club", "", ""),
        ("Parents at Work", "", ""),
        ("Photography", "", ""),
        ("Board Games", "", ""),
        ("Language Exchange", "", ""),
    ),
    Kind.VIDEO: (
        ("All-hands Recordings", "", ""),
        ("Product Demos", content.PRODUCT, ""),
        ("Engineering Talks", content.ENG, ""),
        ("Customer Stories", content.MARKETING, ""),
        ("Onboarding Videos", content.PEOPLE, ""),
    ),
}
KIND_DESCRIPTIONS: dict[str, str] = {
    Kind.PRODUCT: "Everything about {product}: releases, roadmap, customer questions and feedback.",
    Kind.SERVICE: "Ask {name} anything; announcements about the service are posted here first.",
    Kind.IDEA: "Half-baked ideas welcome: pitch something, find collaborators, report results.",
    Kind.TEAM: "The {name} team's room: plans, handovers and decisions.",
    Kind.COMMUNITY: "{name}: a place for everyone who shares the interest.",
    Kind.VIDEO: "{name}: recordings, demos and walkthroughs to watch and discuss.",
}
DEMO_DESCRIPTIONS = {spec.name: spec.description for spec in content.SPACES}

# An optional last line that makes a template's posts less alike; "{person3}" keeps a
# body at three mentions at most (templates name two people at most).
OUTROS = (
    "", "", "", "", "", "",
    "\n\nQuestions welcome below.",
    "\n\ncc {person3}",
    "\n\nThoughts?",
    "\n\nMore in the handbook. #docs",
    "\n\nThanks to everyone who helped, especially {person3}.",
    "\n\nI'll post an update after {day}.",
    "\n\n(Week {week}.)",
)  # fmt: skip
CELEBRATORY = ("#release", "#win", "#milestone", "#welcome", "#hackweek", "🎉", "🏆")
DEMO_PRODUCTS = ("Atlas", "Beacon", "Cobalt")


# Posts in a video space (the seeder writes text only; the words suit a recording).
VIDEO_POSTS = tuple(
    PostTemplate(body)
    for body in (
        "The recording of {day}'s session is up. Skip to the second half for the Q&A. #recording",
        "Which demo should we record next? Reply with the feature you get asked about most.",
        "Short walkthrough of how {person} sets up a new workspace in ten minutes. #howto",
        "Week {week}: three customer interviews recorded; the highlights are worth a watch.",
    )
)


def _template_pools() -> dict[str, list[PostTemplate]]:
    """Post templates by the kind of space they fit; "" is company-wide, "secret" secret."""
    kind_of = {spec.name: spec.kind for spec in content.SPACES}
    pools: dict[str, list[PostTemplate]] = {kind: [] for kind in [*Kind.values, "", "secret"]}
    for space_name, templates in content.POSTS.items():
        spec_visibility = next(s.visibility for s in content.SPACES if s.name == space_name)
        if spec_visibility == Visibility.SECRET:
            pools["secret"].extend(templates)
        elif space_name == "Announcements":
            pools[""].extend(templates)  # company news is company-wide
        else:
            pools[kind_of[space_name]].extend(templates)
    pools[""].extend(content.COMPANY_POSTS)
    pools["secret"].extend(pools[Kind.TEAM])
    pools[Kind.VIDEO].extend(VIDEO_POSTS)
    return pools


POOLS = _template_pools()


def _as_product(template: PostTemplate, product: str) -> PostTemplate:
    """The demo's product template, talking about ``product`` instead."""

    def swap(text: str) -> str:
        for name in DEMO_PRODUCTS:
            text = text.replace(name, product)
        return text

    return replace(template, body=swap(template.body), comments=tuple(map(swap, template.comments)))


class Templates:
    """Picks post templates for a space and author, caching the filtered pools."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str, str], list[PostTemplate]] = {}

    def pool(self, key: str, product: str, department: str) -> list[PostTemplate]:
        cache_key = (key, product, department)
        found = self._cache.get(cache_key)
        if found is None:
            pool = POOLS[key]
            if product:
                pool = [_as_product(t, product) for t in pool]
            fitting = [t for t in pool if not t.authors or department in t.authors]
            found = self._cache[cache_key] = fitting or pool
        return found


# Comments that fit any post in a space of a kind ("" for company-wide posts).
COMMENT_POOLS = {
    kind: (*comments, *content.GENERIC_COMMENTS) for kind, comments in content.KIND_COMMENTS.items()
}


def product_version(product: str, products: list[str], months: int) -> str:
    """A version that climbs a minor release every two months of the seeded period."""
    if product in content.PRODUCTS:
        major, minor = content.PRODUCTS[product]
    else:
        index = products.index(product) if product in products else 0
        major, minor = 1 + index % 4, index % 7
    return f"{major}.{minor + months // 2}"


MentionPicker = Callable[[list[str]], str | None]


class Slots(dict[str, str]):
    """One post's slot values, invented on first use and shared with its comments.

    ``mention`` returns the handle of someone who may read the post, other than the writer
    and the ``named`` handles it is given, or None when it finds nobody.
    """

    def __init__(
        self,
        rng: random.Random,
        *,
        when: datetime,
        months: int,
        author: str,
        product: str,
        products: list[str],
        mention: MentionPicker,
    ) -> None:
        super().__init__(author=author)
        self.rng = rng
        self.when = when
        self.months = months
        self.product = product
        self.products = products
        self.mention = mention
        self.named: list[str] = []

    def __missing__(self, key: str) -> str:
        value = self._invent(key)
        self[key] = value
        return value

    def _invent(self, key: str) -> str:
        rng = self.rng
        if key.startswith("customer"):
            taken = [v for k, v in self.items() if k.startswith("customer")]
            return rng.choice([c for c in content.CUSTOMERS if c not in taken])
        if key.startswith("person"):
            handle = self.mention(self.named)
            if handle is None:
                return "the team"
            self.named.append(handle)
            return f"@{handle}"
        if key == "n":
            return str(rng.randint(2, 9))
        if key == "num":
            return str(rng.randint(12, 95))
        if key == "big":
            return str(rng.randint(120, 980))
        if key == "pct":
            return str(rng.randint(4, 38))
        if key == "amount":
            return f"€{rng.randrange(60, 480, 10)}k"
        if key == "week":
            return str(self.when.isocalendar().week)
        if key == "quarter":
            return f"Q{(self.when.month - 1) // 3 + 1}"
        if key == "qtag":
            return self["quarter"].lower()
        if key == "day":
            day = self.when + timedelta(days=rng.randint(1, 5))
            while day.weekday() >= 5:
                day += timedelta(days=1)
            return day.strftime("%A")
        if key == "city":
            return rng.choice(content.CITIES)
        if key == "product":
            return self.product or rng.choice(self.products)
        if key == "ptag":
            return self["product"].lower()
        if key == "version":
            return product_version(self["product"], self.products, self.months)
        if key == "ticket":
            return f"{self['product'][:3].upper()}-{rng.randint(1200, 4800)}"
        raise KeyError(f"A seed template uses an unknown slot {{{key}}}.")


class Renderer:
    """``markdown.render`` for seeded text, resolving mentions from memory, with a cache.

    The same text always renders to the same HTML (mentions resolve against the fixed set
    of seeded people), so repeated comments such as "+1" are rendered once.
    """

    CACHE_LIMIT = 50_000

    def __init__(self, people: Mapping[str, tuple[str, str]]) -> None:
        self.people = people
        self._cache: dict[str, markdown.Rendered] = {}
        self._tag_urls: dict[str, str] = {}

    def _resolve(self, handles: set[str]) -> dict[str, tuple[str, str]]:
        return {handle: self.people[handle] for handle in handles if handle in self.people}

    def _tag_url(self, name: str) -> str:
        url = self._tag_urls.get(name)
        if url is None:
            url = self._tag_urls[name] = reverse("posts:tag", args=[name])
        return url

    def render(self, text: str, *, cache: bool = True) -> markdown.Rendered:
        """``text`` rendered; ``cache=False`` for texts unlikely to recur (post bodies)."""
        found = self._cache.get(text)
        if found is None:
            found = markdown.render(text, resolve_people=self._resolve, tag_url=self._tag_url)
            if cache:
                if len(self._cache) >= self.CACHE_LIMIT:
                    self._cache.clear()
                self._cache[text] = found
        return found
