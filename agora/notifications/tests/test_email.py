"""Notification emails, received by a real SMTP server (aiosmtpd): what is sent at once,
to whom, with what content and headers, how often, and how one click stops them."""

from __future__ import annotations

from email.message import EmailMessage

import pytest
from django.test import Client
from django.utils import timezone

from agora.core import actions as core
from agora.core import eventlog
from agora.notifications import actions, mail, preferences
from agora.notifications.models import Delivery, EmailState, Notification, NotificationKind
from agora.posts import actions as posts
from agora.spaces import actions as spaces
from agora.testing.events import deliver
from agora.testing.fixtures import Mailbox, free_port

pytestmark = pytest.mark.django_db


def received(mailbox: Mailbox, address: str) -> list[EmailMessage]:
    return mailbox.emails_to(address)


def header(message: EmailMessage, name: str) -> str:
    return str(message[name] or "").strip()


def subject(message: EmailMessage) -> str:
    return header(message, "Subject")


def parts(message: EmailMessage) -> dict[str, str]:
    return {
        part.get_content_type(): part.get_content()
        for part in message.walk()
        if not part.is_multipart()
    }


def mention(author, who, space, text="Can you look at this?"):
    return posts.do_create_post(author, space=space, body=f"@{who.handle} {text}")


def run_only_notifications() -> None:
    """Write notifications, and send nothing yet (as if the worker stopped between)."""
    [consumer] = [c for c in eventlog.consumers() if c.name == "notifications"]
    while eventlog.run_consumer(consumer):
        pass


def test_a_mention_is_emailed_at_once_in_plain_text_and_html(cast, smtp_server):
    mention(cast.engineer, cast.salesperson, cast.open_space, "the Q3 pricing deck is ready")
    deliver()
    [message] = received(smtp_server, cast.salesperson.email)
    assert subject(message) == (
        "Ada Engineer mentioned you in a post: “@Sam Sales the Q3 pricing deck is ready”"
    )
    assert "Ada Engineer via Agora" in header(message, "From")
    text = parts(message)
    assert "the Q3 pricing deck is ready" in text["text/plain"]
    assert "the Q3 pricing deck is ready" in text["text/html"]
    notification = Notification.objects.get(user=cast.salesperson)
    assert f"/notifications/{notification.pk}/" in text["text/plain"]
    assert notification.email == EmailState.SENT and notification.emailed_at is not None
    # RFC 8058: a one-click unsubscribe the mail program can POST to.
    stop = header(message, "List-Unsubscribe")
    assert stop.startswith("<http://") and "/notifications/unsubscribe/" in stop
    assert header(message, "List-Unsubscribe-Post") == "List-Unsubscribe=One-Click"
    assert received(smtp_server, cast.engineer.email) == []  # never the author


def test_kinds_for_the_digest_are_not_emailed(cast, smtp_server):
    posts.do_add_comment(cast.salesperson, cast.open_post, "Nice work")  # on Ada's post
    deliver()
    assert Notification.objects.filter(user=cast.engineer, kind=NotificationKind.COMMENT).exists()
    assert received(smtp_server, cast.engineer.email) == []


def test_a_kind_chosen_by_email_is_emailed(cast, smtp_server):
    actions.set_kind_deliveries(cast.engineer, {NotificationKind.COMMENT: Delivery.EMAIL})
    posts.do_add_comment(cast.salesperson, cast.open_post, "Which release is this in?")
    deliver()
    [message] = received(smtp_server, cast.engineer.email)
    assert subject(message).startswith("Sam Sales commented on your post")
    assert "Which release is this in?" in parts(message)["text/plain"]


def test_content_is_withheld_from_someone_who_may_no_longer_read_it(cast, smtp_server):
    mention(cast.engineer, cast.salesperson, cast.private_space, "the supplier's terms")
    run_only_notifications()
    spaces.do_leave(cast.salesperson, cast.private_space)
    deliver()
    assert mail.send_due() == 0
    assert received(smtp_server, cast.salesperson.email) == []
    assert Notification.objects.get(user=cast.salesperson).email == EmailState.WITHHELD


def test_a_deactivated_person_gets_no_email(cast, smtp_server):
    mention(cast.engineer, cast.salesperson, cast.open_space)
    run_only_notifications()
    type(cast.salesperson).objects.filter(pk=cast.salesperson.pk).update(is_active=False)
    deliver()
    assert received(smtp_server, cast.salesperson.email) == []
    assert Notification.objects.get(user=cast.salesperson).email == EmailState.WITHHELD


def test_a_daily_cap_keeps_the_rest_in_the_app(cast, smtp_server):
    core.set_site_setting("email.daily_cap", 2)
    for n in range(3):
        mention(cast.engineer, cast.salesperson, cast.open_space, f"question number {n}")
        deliver()
    assert len(received(smtp_server, cast.salesperson.email)) == 2
    states = list(
        Notification.objects.filter(user=cast.salesperson)
        .order_by("created_at", "id")
        .values_list("email", flat=True)
    )
    assert states == [EmailState.SENT, EmailState.SENT, EmailState.CAPPED]


def test_names_and_titles_cannot_add_headers_or_recipients(cast, smtp_server):
    type(cast.engineer).objects.filter(pk=cast.engineer.pk).update(
        display_name="Ada\r\nBcc: victim@example.net"
    )
    cast.engineer.refresh_from_db()
    posts.do_create_post(
        cast.engineer,
        space=cast.open_space,
        title="Launch\r\nBcc: other@example.net\nX-Evil: 1",
        body=f"@{cast.salesperson.handle} see the plan",
    )
    deliver()
    [envelope] = smtp_server.envelopes
    assert envelope.rcpt_tos == [cast.salesperson.email]
    [message] = received(smtp_server, cast.salesperson.email)
    assert message["Bcc"] is None and message["X-Evil"] is None
    assert "\n" not in subject(message) and "\r" not in subject(message)
    assert "Launch Bcc: other@example.net X-Evil: 1" in subject(message)


def test_an_unreachable_mail_server_delays_the_email_and_never_sends_it_twice(
    cast, smtp_server, settings
):
    port = settings.EMAIL_PORT
    settings.EMAIL_PORT = free_port()  # nothing listens there
    mention(cast.engineer, cast.salesperson, cast.open_space)
    deliver()  # the post, the notification and the consumers' cursors all stand
    notification = Notification.objects.get(user=cast.salesperson)
    assert notification.email == EmailState.DUE
    settings.EMAIL_PORT = port
    assert mail.send_due() == 1  # the periodic sweep
    assert mail.send_due() == 0
    assert len(received(smtp_server, cast.salesperson.email)) == 1


def test_old_events_are_not_emailed_at_once(cast, smtp_server):
    """A worker that was down for hours tells what happened in the app and the digest,
    not in a burst of stale "at once" emails."""
    posts.do_create_post(
        cast.engineer,
        space=cast.open_space,
        body=f"@{cast.salesperson.handle} old news",
        created_at=timezone.now() - actions.EMAIL_FRESH * 2,
    )
    deliver()
    assert Notification.objects.get(user=cast.salesperson).email == EmailState.NONE
    assert received(smtp_server, cast.salesperson.email) == []


def test_one_click_unsubscribes_from_that_kind_only(cast, smtp_server):
    mention(cast.engineer, cast.salesperson, cast.open_space)
    deliver()
    [message] = received(smtp_server, cast.salesperson.email)
    url = header(message, "List-Unsubscribe").strip("<>").split("127.0.0.1:8000", 1)[1]
    mail_client = Client(enforce_csrf_checks=True)  # a mail program: no session, no token
    page = mail_client.get(url)
    assert page.status_code == 200 and "Stop “Mentioned” emails?" in page.text
    assert preferences.kind_choices(cast.salesperson)["mention"] == Delivery.EMAIL
    done = mail_client.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert done.status_code == 200 and "Unsubscribed" in done.text
    assert preferences.kind_choices(cast.salesperson)["mention"] == Delivery.APP
    mention(cast.engineer, cast.salesperson, cast.open_space, "again")
    deliver()
    assert len(received(smtp_server, cast.salesperson.email)) == 1  # no second email
    assert Notification.objects.filter(user=cast.salesperson).count() == 2  # still in the app
    assert preferences.kind_choices(cast.salesperson)["reply"] == Delivery.EMAIL


def test_a_forged_or_altered_unsubscribe_link_is_refused(cast, client):
    token = mail.unsubscribe_token(cast.salesperson, "mention")
    for bad in ("not-a-token", token[:-2] + "xx", mail.unsubscribe_token(cast.salesperson, "nope")):
        response = client.post(f"/notifications/unsubscribe/{bad}/")
        assert response.status_code == 404
        assert "This link does not work" in response.text
    assert preferences.kind_choices(cast.salesperson)["mention"] == Delivery.EMAIL
