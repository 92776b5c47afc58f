"""Notifications: shown (and counted by the bell) only while their post is visible,
in plain sentences, read when one is opened or all are marked read (never by looking)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from agora.notifications import queries
from agora.notifications.models import Notification, NotificationKind
from agora.posts import actions as posts
from agora.qa import actions as qa
from agora.spaces.actions import do_add_member, do_remove_member
from agora.spaces.models import Membership
from agora.testing.budgets import PAGE_BASE
from agora.testing.events import deliver
from agora.testing.notices import notify

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Is Project Falcon launching in May?"
LIST = "notifications:list"


def _bell(html: str) -> int:
    """The unread count the bell announces to screen readers (0 when it says nothing)."""
    found = re.search(r"Notifications, (\d+) unread", html)
    return int(found.group(1)) if found else 0


@pytest.fixture
def secret_question(cast):
    """The salesperson, a member of the secret space for now, asks there; two colleagues
    answer. Elsewhere, a company-wide question of theirs gets an answer too."""
    do_add_member(cast.secret_space, cast.salesperson)
    question = qa.do_ask(
        cast.salesperson, space=cast.secret_space, title=SECRET_TITLE, body="Asking.", tags=[]
    )
    qa.do_answer(cast.engineer, question, "Yes, on the 12th.")
    qa.do_answer(cast.moderator, question, "Maybe the 19th.")
    open_question = qa.do_ask(
        cast.salesperson, space=None, title="Where is the travel policy?", body="Asking.", tags=[]
    )
    qa.do_answer(cast.outsider, open_question, "On the intranet.")
    deliver()
    return question


def test_it_counts_notifications_exactly(cast, client_for, secret_question):
    # A badge (first question, secret), two answers (secret), one answer (company-wide).
    assert queries.unread_count(cast.salesperson) == 4
    html = client_for("salesperson").get(reverse("home")).content.decode()
    assert _bell(html) == 4


def test_it_never_shows_a_secret_questions_notifications_to_someone_removed(
    cast, client_for, secret_question
):
    membership = Membership.objects.get(space=cast.secret_space, user=cast.salesperson)
    do_remove_member("owner", membership)
    assert queries.unread_count(cast.salesperson) == 1
    client = client_for("salesperson")
    assert _bell(client.get(reverse("home")).content.decode()) == 1
    html = client.get(reverse(LIST)).content.decode()
    assert SECRET_TITLE not in html
    assert "Where is the travel policy?" in html
    assert [n.text for n in queries.recent(cast.salesperson)] == ["Where is the travel policy?"]
    # Looking reads nothing; the three about the secret question stay out of every count
    # while they are invisible.
    assert Notification.objects.filter(user=cast.salesperson, read_at__isnull=True).count() == 4


def test_it_counts_only_visible_notifications_when_marking_all_read(
    cast, client_for, secret_question
):
    membership = Membership.objects.get(space=cast.secret_space, user=cast.salesperson)
    do_remove_member("owner", membership)
    response = client_for("salesperson").post(reverse("notifications:mark_all_read"), follow=True)
    # Three about the secret question are still unread, and no count may say so.
    assert "1 notification marked as read." in response.content.decode()
    assert Notification.objects.filter(user=cast.salesperson, read_at__isnull=True).count() == 3


def test_it_drops_notifications_about_deleted_posts_and_answers(cast, secret_question):
    reply = secret_question.answers.get(post__author=cast.engineer)
    qa.check_delete_answer(cast.engineer, reply.pk)
    assert queries.unread_count(cast.salesperson) == 3
    posts.do_delete_post(secret_question.post, deleted_by=cast.salesperson)
    assert queries.unread_count(cast.salesperson) == 1


def test_it_writes_a_sentence_for_each_kind_with_a_link(cast, client_for, secret_question):
    reply = secret_question.answers.get(post__author=cast.engineer)
    qa.do_accept(reply, accepter=cast.salesperson)
    deliver()
    notify(
        [cast.salesperson.pk],
        NotificationKind.ANSWER_INVITATION,
        actor=cast.engineer,
        post=secret_question.post,
        text=SECRET_TITLE,
    )
    notify([cast.salesperson.pk], NotificationKind.LEVEL, text="You are now a Member.")
    client = client_for("salesperson")
    mine = client.get(reverse(LIST)).content.decode()
    answered = Notification.objects.get(
        user=cast.salesperson, kind=NotificationKind.NEW_ANSWER, answer=reply.post
    )
    opens = reverse("notifications:open", args=[answered.pk])
    assert (
        f'<strong>Ada Engineer</strong> answered your question <a href="{opens}">{SECRET_TITLE}</a>'
    ) in mine
    # The link reads the notification and leads to the answer itself.
    response = client.get(opens)
    assert response.status_code == 302
    assert response["Location"].endswith(f"#answer-{reply.post.pk}")
    assert "<strong>Ada Engineer</strong> asked a question you may know the answer to:" in mine
    assert "You earned the <strong>Curious</strong> badge" in mine
    assert "You are now a Member." in mine
    theirs = client_for("engineer").get(reverse(LIST)).content.decode()
    assert "<strong>Sam Sales</strong> accepted your answer to" in theirs
    assert " style=" not in mine


def test_looking_reads_nothing_and_opening_reads_one(cast, client_for, secret_question):
    client = client_for("salesperson")
    first = client.get(reverse(LIST)).content.decode()
    assert first.count('class="card notification unread"') == 4
    assert first.count('<span class="notification-new">New:</span>') == 4
    assert _bell(first) == 4
    again = client.get(reverse(LIST)).content.decode()
    assert again.count('class="card notification unread"') == 4  # looking read nothing
    assert queries.unread_count(cast.salesperson) == 4
    one = queries.recent(cast.salesperson)[0]
    client.get(reverse("notifications:open", args=[one.pk]))
    one.refresh_from_db()
    assert one.read_at is not None
    assert queries.unread_count(cast.salesperson) == 3
    after = client.get(reverse(LIST)).content.decode()
    assert after.count('class="card notification unread"') == 3
    assert _bell(after) == 3


def test_only_its_person_opens_a_notification(cast, client_for, secret_question):
    mine = queries.recent(cast.salesperson)[0]
    response = client_for("engineer").get(reverse("notifications:open", args=[mine.pk]))
    assert response.status_code == 404
    mine.refresh_from_db()
    assert mine.read_at is None


def test_a_notification_about_a_post_one_can_no_longer_read_does_not_open(
    cast, client_for, secret_question
):
    secret = Notification.objects.filter(user=cast.salesperson, post=secret_question.post).first()
    assert secret is not None
    membership = Membership.objects.get(space=cast.secret_space, user=cast.salesperson)
    do_remove_member("owner", membership)
    response = client_for("salesperson").get(reverse("notifications:open", args=[secret.pk]))
    assert response.status_code == 404
    secret.refresh_from_db()
    assert secret.read_at is None


def test_it_marks_all_as_read_including_those_beyond_the_page(cast, client_for):
    notify([cast.salesperson.pk], NotificationKind.LEVEL, text="Old news.")
    for i in range(50):
        notify([cast.salesperson.pk], NotificationKind.LEVEL, text=f"News {i}.")
    client = client_for("salesperson")
    html = client.get(reverse(LIST)).content.decode()
    assert html.count('class="card notification') == 50
    assert _bell(html) == 51
    assert "Mark all as read" in html
    response = client.post(reverse("notifications:mark_all_read"))
    assert response.status_code == 302
    assert queries.unread_count(cast.salesperson) == 0


def test_it_marks_only_ones_own_notifications_read(cast, client_for):
    notify([cast.engineer.pk, cast.salesperson.pk], NotificationKind.LEVEL, text="Hello.")
    client_for("salesperson").post(reverse("notifications:mark_all_read"))
    assert queries.unread_count(cast.engineer) == 1


def test_it_refuses_to_mark_read_with_a_get(cast, client_for):
    response = client_for("salesperson").get(reverse("notifications:mark_all_read"))
    assert response.status_code == 405


def test_it_says_what_to_expect_when_there_is_nothing(cast, client_for):
    html = client_for("outsider").get(reverse(LIST)).content.decode()
    assert "Nothing new" in html


def test_notifications_page_budget(cast, client_for, django_assert_num_queries):
    # PAGE_BASE (with the bell's count) + the notifications (with actor, post, answer)
    client = client_for("salesperson")
    question = qa.do_ask(cast.salesperson, space=None, title="What is our policy?", body="?")
    qa.do_answer(cast.engineer, question, "Read the handbook.")
    deliver()
    with django_assert_num_queries(PAGE_BASE + 1):
        first = client.get(reverse(LIST))
    for i in range(20):
        qa.do_answer(cast.moderator, question, f"Answer number {i}.")
    deliver()
    with django_assert_num_queries(PAGE_BASE + 1):
        second = client.get(reverse(LIST))
    assert second.content.count(b"card notification") > first.content.count(b"card notification")
