"""The digest: sent at each person's hour in their time zone, once, with what they missed
and may read when it is sent, and never with anything else."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client

from agora.notifications import actions, digest
from agora.notifications.models import DigestSchedule, Frequency
from agora.people import actions as people
from agora.posts import actions as posts
from agora.qa import actions as qa
from agora.testing.events import deliver

pytestmark = pytest.mark.django_db

# A Monday morning in Tokyo is still Sunday in UTC.
SUNDAY_2230_UTC = datetime(2026, 11, 29, 22, 30, tzinfo=UTC)  # 07:30 Monday in Tokyo
SUNDAY_2330_UTC = datetime(2026, 11, 29, 23, 30, tzinfo=UTC)  # 08:30 Monday in Tokyo


def schedule(**fields) -> DigestSchedule:
    return DigestSchedule(**{"frequency": Frequency.WEEKLY, "hour": 8, "weekday": 0, **fields})


def test_a_weekly_digest_is_due_at_the_persons_hour_in_their_time_zone():
    tokyo = schedule(time_zone="Asia/Tokyo")
    assert not digest.is_due(tokyo, SUNDAY_2230_UTC)
    assert digest.is_due(tokyo, SUNDAY_2330_UTC)
    utc = schedule()
    assert not digest.is_due(utc, SUNDAY_2330_UTC)  # Sunday in UTC
    assert digest.is_due(utc, SUNDAY_2330_UTC + timedelta(hours=9))  # Monday 08:30 UTC
    sent = schedule(time_zone="Asia/Tokyo", last_sent_at=SUNDAY_2330_UTC)
    assert not digest.is_due(sent, SUNDAY_2330_UTC + timedelta(hours=3))  # once that day
    assert not digest.is_due(schedule(frequency=Frequency.OFF), SUNDAY_2330_UTC)
    daily = schedule(
        frequency=Frequency.DAILY, hour=18, last_sent_at=SUNDAY_2230_UTC - timedelta(days=1)
    )
    assert digest.is_due(daily, SUNDAY_2230_UTC) and not digest.is_due(
        daily, SUNDAY_2230_UTC.replace(hour=17)
    )


def test_an_unknown_time_zone_falls_back_to_the_companys():
    assert digest.is_due(schedule(time_zone="Mars/Olympus"), SUNDAY_2330_UTC + timedelta(hours=9))


def messages(mailbox, address):
    return mailbox.emails_to(address)


def text_of(message) -> str:
    return str(
        next(p.get_content() for p in message.walk() if p.get_content_type() == "text/plain")
    )


def daily_from_yesterday(user, now):
    actions.set_digest_schedule(user, frequency="daily", hour=0, weekday=0, time_zone="")
    DigestSchedule.objects.filter(user=user).update(last_sent_at=now - timedelta(days=1))


def test_the_digest_tells_what_was_missed_and_only_what_may_be_read(cast, smtp_server):
    now = datetime.now(UTC)
    for person in (cast.salesperson, cast.outsider):
        daily_from_yesterday(person, now)
    busy = posts.do_create_post(
        cast.engineer,
        space=cast.open_space,
        body="The **pricing calculator** is live for the Nordics",
    )
    for who in (cast.moderator, cast.outsider):
        posts.do_add_reaction(who, busy, "thumbs_up")
    posts.do_add_comment(cast.moderator, busy, "Great news")
    secret = posts.do_create_post(
        cast.engineer, space=cast.secret_space, body="Falcon supplier shortlist is final"
    )
    posts.do_add_comment(cast.moderator, secret, "Agreed")
    question = qa.do_ask(
        cast.engineer, space=cast.open_space, title="How do we price the Nordic bundle?",
        body="Which discount applies?", tags=["pricing"],
    )  # fmt: skip
    mine = posts.do_add_comment(cast.salesperson, busy, "Finally!")
    posts.do_add_comment(cast.engineer, busy, "Yes", parent=mine)
    deliver()
    assert digest.send_digests(now + timedelta(minutes=1)) == 2
    [sam] = [
        m for m in messages(smtp_server, cast.salesperson.email) if "digest" in str(m["Subject"])
    ]
    text = text_of(sam)
    assert "Your daily digest" in str(sam["Subject"])
    assert "pricing calculator is live for the Nordics" in text
    assert "Ada Engineer in Open Space · 3 comments · 2 reactions" in text
    assert question.post.title in text  # a question he could answer (in his space)
    assert "NOT READ YET" in text  # the reply to his comment
    assert "Falcon" not in text  # not his to read
    assert str(sam["List-Unsubscribe-Post"]).strip() == "List-Unsubscribe=One-Click"
    [olly] = messages(smtp_server, cast.outsider.email)
    assert "Falcon" not in text_of(olly) and "pricing calculator" not in text_of(olly)
    # Once per day: a second run sends nothing more.
    assert digest.send_digests(now + timedelta(minutes=20)) == 0
    assert (
        sum("digest" in str(m["Subject"]) for m in messages(smtp_server, cast.salesperson.email))
        == 1
    )


def test_an_empty_digest_is_not_sent(cast, smtp_server):
    newcomer = people.create_user("nina@example.com", display_name="Nina New", password="x" * 12)
    now = datetime.now(UTC)
    daily_from_yesterday(newcomer, now)  # she joined after everything there is
    DigestSchedule.objects.exclude(user=newcomer).delete()
    type(newcomer).objects.exclude(pk=newcomer.pk).update(is_active=False)
    assert digest.send_digests(now) == 0
    assert smtp_server.envelopes == []
    # Claimed all the same: it is not built again every 15 minutes.
    assert DigestSchedule.objects.get(user=newcomer).last_sent_at == now


def test_switching_the_digest_on_starts_it_from_now(cast):
    posts.do_create_post(cast.engineer, space=cast.open_space, body="Old news from before")
    actions.set_digest_schedule(cast.salesperson, frequency="off", hour=8, weekday=0, time_zone="")
    actions.set_digest_schedule(
        cast.salesperson, frequency="daily", hour=8, weekday=0, time_zone=""
    )
    saved = DigestSchedule.objects.get(user=cast.salesperson)
    start = digest.since(cast.salesperson, saved, datetime.now(UTC))
    built = digest.build(cast.salesperson, start, datetime.now(UTC))
    assert "Most discussed" not in [s.title for s in built]


def test_the_digests_unsubscribe_link_stops_the_digest(cast, smtp_server):
    now = datetime.now(UTC)
    daily_from_yesterday(cast.salesperson, now)
    posts.do_create_post(cast.engineer, space=cast.open_space, body="Something to tell")
    digest.send_digests(now)
    [message] = [
        m for m in messages(smtp_server, cast.salesperson.email) if "digest" in str(m["Subject"])
    ]
    url = str(message["List-Unsubscribe"]).strip().strip("<>").split("127.0.0.1:8000", 1)[1]
    response = Client(enforce_csrf_checks=True).post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200 and "the digest" in response.text
    assert DigestSchedule.objects.get(user=cast.salesperson).frequency == Frequency.OFF
