"""Notifications by email: the ``email`` consumer of the log, and the messages it sends.

The notifications consumer marks a notification's email *due* when its person wants
that kind by email at once (``preferences``). The ``email`` consumer reads the
``notification.created`` events that follow and, once their batch has committed (never
inside a transaction: an SMTP server may be slow), sends what is due for those people.
A periodic sweep (``tasks.send_due_email``) sends what a crash or an unreachable server
left due.

At sending time each notification is read again through ``queries.visible``: one about a
post its person may no longer read (removed from the space, the post deleted) is
withheld, and its content never leaves. A person gets at most ``email.daily_cap``
notification emails in 24 hours; the rest stay in the app and the digest. Every message
has a one-click unsubscribe for its kind (RFC 8058) and headers built from single lines,
so no name or title can add a header or a recipient.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from email.utils import formataddr
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from agora.core import policy
from agora.core.markdown import to_plain_text
from agora.core.models import Event
from agora.notifications import actions, queries
from agora.notifications.models import EmailState, Notification, NotificationKind
from agora.people.models import User

logger = logging.getLogger("agora.email")

# A due email not sent within this long (the server was unreachable all along) is left to
# the app and the digest.
RETRY_WINDOW = timedelta(hours=6)
EXCERPT = 600  # characters of the post or comment an email quotes
UNSUBSCRIBE_SALT = "agora.notifications.unsubscribe"


def on_events(events: Sequence[Event]) -> None:
    """The ``email`` consumer: after this batch commits, send what is due for the people
    it told."""
    people = {e.data["user"] for e in events if e.type == "notification.created"}
    if people:
        transaction.on_commit(lambda: send_due(people), robust=True)


def send_due(user_ids: Iterable[int] | None = None, *, now: datetime | None = None) -> int:
    """Send the due notification emails of these people (everyone's: None); returns how
    many were sent. One connection for them all."""
    now = now or timezone.now()
    due = Notification.objects.filter(email=EmailState.DUE, created_at__gte=now - RETRY_WINDOW)
    if user_ids is not None:
        due = due.filter(user_id__in=list(user_ids))
    people = User.objects.filter(pk__in=due.values("user_id")).order_by("pk")
    sent = 0
    connection = get_connection()
    try:
        for user in people:
            sent += _send_for(user, connection, now)
    finally:
        connection.close()
    return sent


def _send_for(user: User, connection: BaseEmailBackend, now: datetime) -> int:
    due = Notification.objects.filter(
        user=user, email=EmailState.DUE, created_at__gte=now - RETRY_WINDOW
    )
    if not user.is_active:
        actions.settle_email(due.values_list("pk", flat=True), EmailState.WITHHELD)
        return 0
    readable = list(
        queries.visible(user)
        .filter(pk__in=due.values("pk"))
        .select_related("actor", "post", "answer", "comment", "space", "user")
        .order_by("created_at", "id")
    )
    unreadable = set(due.values_list("pk", flat=True)) - {n.pk for n in readable}
    actions.settle_email(unreadable, EmailState.WITHHELD)
    cap = int(policy.get("email.daily_cap"))
    already = Notification.objects.filter(
        user=user, email=EmailState.SENT, emailed_at__gte=now - timedelta(days=1)
    ).count()
    room = max(0, cap - already)
    actions.settle_email([n.pk for n in readable[room:]], EmailState.CAPPED)
    sent = 0
    for notification in readable[:room]:
        if not actions.claim_email(notification.pk, now):
            continue  # another sender took it
        try:
            message(notification, connection).send()
        except Exception:
            # The server is unreachable or refused: due again for the sweep, and this
            # person's other emails wait with it.
            actions.unclaim_email(notification.pk)
            logger.exception("could not email notification %s", notification.pk)
            break
        sent += 1
    return sent


# --- The message ------------------------------------------------------------------------


def one_line(text: str, limit: int = 150) -> str:
    """``text`` as one header-safe line: every run of whitespace (CR and LF too) is one
    space, and control characters are gone."""
    cleaned = "".join(ch if ch.isprintable() else " " for ch in text)
    flat = " ".join(cleaned.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def sentence(n: Notification) -> str:
    """What happened, as plain text (an email's subject and first line)."""
    who = n.actor.display_name if n.actor else "Someone"
    title = f"“{short(n.text)}”" if n.text else ""
    match n.kind:
        case NotificationKind.MENTION:
            where = "a comment" if n.comment_id else "an answer" if n.answer_id else "a post"
            return f"{who} mentioned you in {where}{': ' + title if title else ''}"
        case NotificationKind.REPLY:
            return f"{who} replied to your comment on {title or 'a post'}"
        case NotificationKind.COMMENT:
            mine = "answer" if n.answer_id else "post"
            return f"{who} commented on your {mine} {title}".rstrip()
        case NotificationKind.NEW_ANSWER:
            return f"{who} answered your question {title}".rstrip()
        case NotificationKind.ANSWER_ACCEPTED:
            return f"{who} accepted your answer to {title or 'a question'}"
        case NotificationKind.ANSWER_INVITATION:
            return f"{who} asked a question you may know the answer to: {title}".rstrip(": ")
        case NotificationKind.REACTIONS:
            others = n.count - 1
            also = f" and {others} other{'s' if others != 1 else ''}" if others > 0 else ""
            return f"{who}{also} reacted to your post {title}".rstrip()
        case NotificationKind.JOIN_REQUEST:
            return f"{who} asked to join {n.text}"
        case NotificationKind.JOIN_APPROVED:
            return f"{who} approved your request to join {n.text}"
        case NotificationKind.JOIN_DECLINED:
            return f"Your request to join {n.text} was declined"
        case NotificationKind.BADGE:
            return f"You earned the {n.text} badge"
        case NotificationKind.LEVEL:
            return n.text or "You have a new level"
    return f"{n.get_kind_display()}{': ' + n.text if n.text else ''}"


def short(text: str, limit: int = 70) -> str:
    """A title or a post's first words, cut at a word (the excerpt has the rest)."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0] if " " in flat[:limit] else flat[:limit]
    return cut.rstrip(" ,.;:") + "…"


def excerpt(n: Notification) -> str:
    """The words the notification is about (the comment, the answer, or the post), as
    plain text, read now: only called for notifications their person may still read."""
    source = n.comment or n.answer or n.post
    if source is None or getattr(source, "deleted_at", None) is not None:
        return ""
    text = " ".join(to_plain_text(source.body_html).split())
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1].rstrip() + "…"


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def unsubscribe_token(user: User, kind: str) -> str:
    return signing.dumps({"u": user.pk, "k": kind}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, str] | None:
    """The person and kind a link stops, or None for a link that was not ours."""
    try:
        value: Any = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("u"), int):
        return None
    kind = value.get("k")
    return (value["u"], kind) if isinstance(kind, str) else None


def unsubscribe_url(user: User, kind: str) -> str:
    return absolute(reverse("notifications:unsubscribe", args=[unsubscribe_token(user, kind)]))


def compose(
    user: User,
    *,
    subject: str,
    template: str,
    context: dict[str, Any],
    kind: str,
    sender_name: str = "",
    connection: BaseEmailBackend | None = None,
) -> EmailMultiAlternatives:
    """An email to ``user`` in plain text and HTML (``template``.txt / .html), with a
    one-click unsubscribe from ``kind`` and single-line, injection-safe headers."""
    stop = unsubscribe_url(user, kind)
    context = {
        **context,
        "site_name": settings.SITE_NAME,
        "recipient": user,
        "unsubscribe_url": stop,
        "settings_url": absolute(reverse("notifications:settings")),
    }
    name = one_line(
        f"{sender_name} via {settings.SITE_NAME}" if sender_name else settings.SITE_NAME
    )
    mail = EmailMultiAlternatives(
        subject=one_line(subject, 200),
        body=render_to_string(f"{template}.txt", context),
        from_email=formataddr((name, settings.DEFAULT_FROM_EMAIL)),
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{stop}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
            "X-Auto-Response-Suppress": "All",
        },
        connection=connection,
    )
    mail.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    return mail


def message(n: Notification, connection: BaseEmailBackend | None = None) -> EmailMultiAlternatives:
    """The email telling ``n``'s person what happened."""
    what = sentence(n)
    return compose(
        n.user,
        subject=what,
        template="notifications/email/notice",
        context={
            "sentence": what,
            "excerpt": excerpt(n),
            "open_url": absolute(reverse("notifications:open", args=[n.pk])),
            "kind_label": n.get_kind_display(),
        },
        kind=n.kind,
        sender_name=n.actor.display_name if n.actor else "",
        connection=connection,
    )
