"""The digest: a daily or weekly email of what a person missed, at their chosen hour in
their time zone (``DigestSchedule``; by default weekly, Monday 08:00, as Discourse sends it).

A periodic job (``tasks.send_digests``, every 15 minutes) finds whose digest is due,
claims each with a conditional UPDATE (two workers never send the same one) and builds it
at that moment from what the person may read then: the most discussed posts in their
spaces, from people they follow and company-wide, what they have not read under the bell,
and the sections other apps add (``section``: qa adds the unanswered questions they could
answer). An empty digest is not sent. Nobody inactive for 180 days gets one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.mail import EmailMultiAlternatives
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from agora.core.markdown import to_plain_text
from agora.notifications import actions, mail, preferences, queries
from agora.notifications.models import DigestSchedule, Frequency
from agora.people.models import User
from agora.posts.models import Post
from agora.posts.queries import home_posts

logger = logging.getLogger("agora.email")

ITEMS = 5  # per section (Discourse: 5 topics)
DORMANT = timedelta(days=180)  # Discourse stops digests after 180 days away


@dataclass(frozen=True)
class Item:
    title: str
    url: str
    meta: str = ""
    excerpt: str = ""


@dataclass(frozen=True)
class Section:
    title: str
    items: list[Item] = field(default_factory=list)
    more: str = ""  # a line under the items ("and 12 more unread")


# A section: (person, since, now) -> the section, or None when it has nothing to tell.
SectionFn = Callable[[User, datetime, datetime], Section | None]
_sections: list[tuple[int, SectionFn]] = []


def section(order: int) -> Callable[[SectionFn], SectionFn]:
    """Register a digest section (apps above this one do, in their ``ready``)."""

    def register(fn: SectionFn) -> SectionFn:
        if all(f is not fn for _, f in _sections):
            _sections.append((order, fn))
            _sections.sort(key=lambda pair: pair[0])
        return fn

    return register


def period(schedule: DigestSchedule) -> timedelta:
    return timedelta(days=1) if schedule.frequency == Frequency.DAILY else timedelta(days=7)


def is_due(schedule: DigestSchedule, now: datetime) -> bool:
    """Whether the person's digest should go now: on or after their hour (on their day,
    for a weekly one) in their time zone, and none sent yet that local day."""
    if schedule.frequency == Frequency.OFF:
        return False
    zone = preferences.zone_of(schedule)
    local = now.astimezone(zone)
    if local.hour < schedule.hour:
        return False
    if schedule.frequency == Frequency.WEEKLY and local.weekday() != schedule.weekday:
        return False
    last = schedule.last_sent_at
    return last is None or last.astimezone(zone).date() < local.date()


def since(user: User, schedule: DigestSchedule, now: datetime) -> datetime:
    """Where the digest starts: the last one, or one period back (never before the person
    joined)."""
    start = schedule.last_sent_at or now - period(schedule)
    return max(start, user.date_joined, now - timedelta(days=31))


def due(now: datetime) -> list[tuple[User, DigestSchedule]]:
    """Everyone whose digest is due now (one query)."""
    people = (
        User.objects.filter(is_active=True)
        .exclude(last_login__lt=now - DORMANT)
        .select_related("digest_schedule")
        .order_by("pk")
    )
    found = []
    for user in people:
        schedule = getattr(user, "digest_schedule", None) or DigestSchedule(user=user)
        if is_due(schedule, now):
            found.append((user, schedule))
    return found


def build(user: User, start: datetime, now: datetime) -> list[Section]:
    """The digest's sections for ``user`` (what happened after ``start``), read now."""
    built = [s for _, fn in _sections if (s := fn(user, start, now)) is not None]
    return [s for s in built if s.items or s.more]


@section(0)
def discussed(user: User, start: datetime, now: datetime) -> Section | None:
    """The most engaged posts of the period that concern the person (not their own)."""
    engagement = (
        F("comment_count") * 2
        + F("thumbs_up_count")
        + F("celebrate_count")
        + F("insightful_count")
        + F("helpful_count")
    )
    posts = (
        home_posts(user)
        .filter(created_at__gt=start, created_at__lte=now)
        .exclude(author=user)
        .alias(engagement=engagement)
        .order_by("-engagement", "-created_at")
        .select_related("author", "space")[:ITEMS]
    )
    return Section("Most discussed", [post_item(p) for p in posts])


def post_item(post: Post) -> Item:
    where = post.space.name if post.space_id and post.space else "Company-wide"
    counts = []
    reactions = sum(
        post.reaction_count(k) for k in ("thumbs_up", "celebrate", "insightful", "helpful")
    )
    if post.comment_count:
        counts.append(f"{post.comment_count} comment{'s' if post.comment_count != 1 else ''}")
    if reactions:
        counts.append(f"{reactions} reaction{'s' if reactions != 1 else ''}")
    text = " ".join(to_plain_text(post.body_html).split())
    title = post.title or (text[:80] + ("…" if len(text) > 80 else ""))
    return Item(
        title=title,
        url=mail.absolute(post.get_absolute_url()),
        meta=" · ".join([f"{post.author.display_name} in {where}", *counts]),
        excerpt="" if not post.title else text[:200] + ("…" if len(text) > 200 else ""),
    )


@section(20)
def unread(user: User, start: datetime, now: datetime) -> Section | None:
    """What waits under the bell (what the person may still read only)."""
    waiting = queries.visible(user).filter(read_at__isnull=True)
    count = waiting.count()
    if not count:
        return None
    newest = list(
        waiting.select_related("actor", "post", "answer", "comment", "space", "user").order_by(
            "-created_at", "-id"
        )[:ITEMS]
    )
    items = [
        Item(mail.sentence(n), mail.absolute(reverse("notifications:open", args=[n.pk])))
        for n in newest
    ]
    rest = count - len(items)
    return Section(
        "Not read yet", items, more=f"and {rest} more under the bell" if rest > 0 else ""
    )


def send_digests(now: datetime | None = None) -> int:
    """Send every digest that is due; returns how many were sent."""
    now = now or timezone.now()
    sent = 0
    for user, schedule in due(now):
        start = since(user, schedule, now)
        if not actions.claim_digest(schedule, now):
            continue  # another worker has it
        sections = build(user, start, now)
        if not sections:
            continue
        try:
            message(user, sections, schedule).send()
        except Exception:
            logger.exception("could not send the digest of %s", user.pk)
            continue
        sent += 1
    return sent


def message(
    user: User, sections: list[Section], schedule: DigestSchedule
) -> EmailMultiAlternatives:
    word = "daily" if schedule.frequency == Frequency.DAILY else "weekly"
    top = next((s.items[0].title for s in sections if s.items), "")
    subject = f"Your {word} digest" + (f": {top}" if top else "")
    return mail.compose(
        user,
        subject=subject,
        template="notifications/email/digest",
        context={"sections": sections, "word": word, "subject": subject},
        kind=actions.DIGEST,
    )
