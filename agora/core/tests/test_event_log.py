"""The event log: every action that changes what people see logs exactly its events and
their audience (Zulip's ``verify_action``), an event exists only if its change committed,
and its consumers read each event once, in order, after a crash too."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone

from agora.core import actions, eventlog, events, wakeup
from agora.core.events import Entry, logged_types
from agora.core.models import Event, EventCursor
from agora.media.events import AttachmentsChanged
from agora.media.models import Attachment
from agora.notifications.models import Notification
from agora.people.models import Level
from agora.posts import actions as posts
from agora.qa import actions as qa
from agora.reputation import actions as reputation
from agora.reputation.tests.helpers import set_policy
from agora.spaces import actions as spaces
from agora.spaces.models import JoinRequest
from agora.testing.crowd import make_crowd
from agora.testing.events import deliver, logged
from agora.testing.personas import image_upload

pytestmark = pytest.mark.django_db

# Every logged type and the test below that checks what its action logs. A new type
# fails ``test_every_logged_type_is_tested`` until a test here checks it.
TESTED = {
    "post.created": "test_writing_a_post_logs_it_for_its_spaces_readers",
    "post.edited": "test_an_edit_logs_whom_it_mentions_for_the_first_time",
    "post.deleted": "test_deleting_a_post_and_a_comment_logs_both",
    "post.files_changed": "test_a_video_that_becomes_ready_logs_its_post",
    "comment.created": "test_a_reply_logs_its_comment_post_and_parent",
    "comment.deleted": "test_deleting_a_post_and_a_comment_logs_both",
    "reaction.added": "test_reactions_log_their_target_and_kind",
    "reaction.removed": "test_reactions_log_their_target_and_kind",
    "answer.accepted": "test_accepting_an_answer_logs_it_for_the_questions_readers",
    "answer.unaccepted": "test_accepting_an_answer_logs_it_for_the_questions_readers",
    "badge.earned": "test_a_first_question_logs_the_question_and_a_badge_for_the_asker_only",
    "level.changed": "test_a_new_level_is_logged_for_its_person_only",
    "notification.created": "test_delivering_notifications_logs_them_for_their_person",
    "join.requested": "test_join_requests_and_decisions_are_logged_for_whom_they_concern",
    "join.decided": "test_join_requests_and_decisions_are_logged_for_whom_they_concern",
}


def test_every_logged_type_is_tested():
    missing = set(logged_types()) - set(TESTED)
    assert not missing, f"Add a test of what these log, and name it in TESTED: {missing}"
    assert set(TESTED) <= set(logged_types())
    assert all(name in globals() for name in TESTED.values())


def test_a_video_that_becomes_ready_logs_its_post(cast):
    post = posts.check_create_post(
        cast.engineer, space=cast.private_space, body="The demo", uploads=[image_upload()]
    )
    [attachment] = Attachment.objects.filter(link__post=post).values_list("pk", flat=True)
    with logged() as got:
        events.emit(AttachmentsChanged((attachment,)))  # as media's video task does
    assert got == [
        (
            "post.files_changed",
            {"post": post.pk, "attachments": [attachment]},
            cast.private_space.pk,
            None,
        )
    ]


def test_writing_a_post_logs_it_for_its_spaces_readers(cast):
    with logged() as got:
        post = posts.do_create_post(
            cast.engineer, space=cast.private_space, body=f"Hi @{cast.salesperson.handle}"
        )
        company = posts.do_create_post(cast.engineer, space=None, body="To everyone")
    assert got == [
        (
            "post.created",
            {
                "post": post.pk,
                "author": cast.engineer.pk,
                "kind": "post",
                "parent": None,
                "mentioned": [cast.salesperson.pk],
            },
            cast.private_space.pk,  # heard only by those who may read the space
            None,
        ),
        (
            "post.created",
            {
                "post": company.pk,
                "author": cast.engineer.pk,
                "kind": "post",
                "parent": None,
                "mentioned": [],
            },
            None,  # company-wide: everyone
            None,
        ),
    ]


def test_an_edit_logs_whom_it_mentions_for_the_first_time(cast):
    post = posts.do_create_post(cast.engineer, space=None, body=f"Hi @{cast.salesperson.handle}")
    with logged() as got:
        posts.do_edit_post(
            post,
            editor=cast.moderator,
            body=f"Hi @{cast.salesperson.handle} and @{cast.outsider.handle}",
        )
    assert got == [
        (
            "post.edited",
            {
                "post": post.pk,
                "editor": cast.moderator.pk,
                "kind": "post",
                "mentioned": [cast.outsider.pk],
            },
            None,
            None,
        )
    ]


def test_a_reply_logs_its_comment_post_and_parent(cast):
    first = posts.do_add_comment(cast.salesperson, cast.open_post, "When?")
    with logged() as got:
        reply = posts.do_add_comment(cast.moderator, cast.open_post, "Soon.", parent=first)
    assert got == [
        (
            "comment.created",
            {
                "post": cast.open_post.pk,
                "comment": reply.pk,
                "author": cast.moderator.pk,
                "parent": first.pk,
                "mentioned": [],
            },
            cast.open_space.pk,
            None,
        )
    ]


def test_deleting_a_post_and_a_comment_logs_both(cast):
    comment = posts.do_add_comment(cast.salesperson, cast.open_post, "Oops")
    with logged() as got:
        posts.do_delete_comment(comment, deleted_by=cast.salesperson)
        posts.do_delete_comment(comment, deleted_by=cast.salesperson)  # already gone
        posts.do_delete_post(cast.secret_post, deleted_by=cast.engineer)
    assert got == [
        (
            "comment.deleted",
            {"post": cast.open_post.pk, "comment": comment.pk, "by": cast.salesperson.pk},
            cast.open_space.pk,
            None,
        ),
        (
            "post.deleted",
            {"post": cast.secret_post.pk, "by": cast.engineer.pk},
            cast.secret_space.pk,
            None,
        ),
    ]


def test_reactions_log_their_target_and_kind(cast):
    comment = posts.do_add_comment(cast.engineer, cast.open_post, "Shipped")
    with logged() as got:
        posts.do_add_reaction(cast.salesperson, cast.open_post, "celebrate")
        posts.do_add_reaction(cast.salesperson, cast.open_post, "celebrate")  # no change
        posts.do_add_reaction(cast.salesperson, comment, "helpful")
        posts.do_remove_reaction(cast.salesperson, cast.open_post, "celebrate")
    space = cast.open_space.pk
    assert got == [
        (
            "reaction.added",
            {"post": cast.open_post.pk, "user": cast.salesperson.pk, "reaction": "celebrate"},
            space,
            None,
        ),
        (
            "reaction.added",
            {
                "post": cast.open_post.pk,
                "comment": comment.pk,
                "user": cast.salesperson.pk,
                "reaction": "helpful",
            },
            space,
            None,
        ),
        (
            "reaction.removed",
            {"post": cast.open_post.pk, "user": cast.salesperson.pk, "reaction": "celebrate"},
            space,
            None,
        ),
    ]


def test_a_first_question_logs_the_question_and_a_badge_for_the_asker_only(cast):
    with logged() as got:
        question = qa.do_ask(cast.salesperson, space=cast.open_space, title="Who?", body="?")
    post = question.post
    assert [(t, s, u) for t, _, s, u in got] == [
        ("post.created", cast.open_space.pk, None),
        ("badge.earned", None, [cast.salesperson.pk]),
    ]
    assert got[0][1]["kind"] == "question"
    assert got[1][1] == {"user": cast.salesperson.pk, "badge": "first_question", "post": post.pk}


def test_accepting_an_answer_logs_it_for_the_questions_readers(cast):
    question = qa.do_ask(cast.salesperson, space=cast.private_space, title="Where?", body="?")
    answer = qa.do_answer(cast.engineer, question, "Here.")
    with logged() as got:
        qa.do_accept(answer, accepter=cast.salesperson)
        qa.do_unaccept(answer)
    accepted = [e for e in got if e[0] == "answer.accepted"]
    assert accepted == [
        (
            "answer.accepted",
            {
                "post": question.post.pk,
                "answer": answer.post.pk,
                "author": cast.engineer.pk,
                "by": cast.salesperson.pk,
            },
            cast.private_space.pk,
            None,
        )
    ]
    assert got[-1] == (
        "answer.unaccepted",
        {"post": question.post.pk, "answer": answer.post.pk},
        cast.private_space.pk,
        None,
    )
    # Nothing else but the badges and level the acceptance earned, each for its person.
    others = [e for e in got if e[0] not in {"answer.accepted", "answer.unaccepted"}]
    assert {t for t, *_ in others} <= {"badge.earned", "level.changed"}
    assert all(u == [d["user"]] for _, d, _, u in others)


def test_a_new_level_is_logged_for_its_person_only(cast):
    set_policy({"levels.member_reputation": 10, "levels.member_contributions": 1})
    post = posts.do_create_post(cast.outsider, space=None, body="Notes")
    for person in make_crowd(1, prefix="fan"):
        posts.do_add_reaction(person, post, "thumbs_up")
    with logged() as got:
        reputation.evaluate_level(cast.outsider)
    assert [(t, d["level"], d["change"], s, u) for t, d, s, u in got] == [
        ("level.changed", Level.MEMBER, "promoted", None, [cast.outsider.pk])
    ]


def test_delivering_notifications_logs_them_for_their_person(cast):
    posts.do_add_comment(cast.salesperson, cast.open_post, f"@{cast.moderator.handle} look")
    posts.do_add_comment(cast.outsider, cast.company_post, "Hi")
    with logged() as got:
        deliver()
    assert got == [
        ("notification.created", {"user": cast.engineer.pk, "count": 2}, None, [cast.engineer.pk]),
        (
            "notification.created",
            {"user": cast.moderator.pk, "count": 1},
            None,
            [cast.moderator.pk],
        ),
    ]
    with logged() as again:
        deliver()
    assert again == []


def test_join_requests_and_decisions_are_logged_for_whom_they_concern(cast):
    space = cast.private_space  # owned by the engineer, the moderator moderates it
    with logged() as got:
        spaces.do_join(cast.outsider, space, message="May I?")
        request = JoinRequest.objects.get(user=cast.outsider, space=space)
        spaces.do_decide_request(cast.engineer, request, approve=True)
        spaces.do_decide_request(cast.engineer, request, approve=False)  # decided already
    managers = sorted([cast.engineer.pk, cast.moderator.pk])
    asked = {"space": space.pk, "request": request.pk, "user": cast.outsider.pk}
    assert got[0] == ("join.requested", asked, space.pk, managers)
    assert got[1] == (
        "join.decided",
        asked | {"approved": True, "by": cast.engineer.pk},
        None,
        [cast.outsider.pk],
    )
    assert [t for t, *_ in got[2:]] == []


# --- The log itself ---------------------------------------------------------------------


def test_an_event_exists_only_if_its_change_committed(cast):
    def post_then_fail() -> None:
        with transaction.atomic():
            posts.do_create_post(cast.engineer, space=None, body="Rolled back")
            raise RuntimeError

    before = Event.objects.count()
    with pytest.raises(RuntimeError):
        post_then_fail()
    assert Event.objects.count() == before


def test_a_consumer_reads_each_event_once_in_order_and_resumes_after_its_cursor(cast):
    seen: list[int] = []
    eventlog.register_consumer("test-reader", lambda batch: seen.extend(e.pk for e in batch))
    try:
        for i in range(3):
            posts.do_create_post(cast.engineer, space=None, body=f"Post {i}")
        eventlog.run_consumers()
        everything = list(Event.objects.order_by("id").values_list("id", flat=True))
        assert seen == everything
        assert EventCursor.objects.get(name="test-reader").last_id == everything[-1]
        assert eventlog.run_consumers() == 0
        posts.do_create_post(cast.engineer, space=None, body="One more")
        eventlog.run_consumers()
        assert seen == list(Event.objects.order_by("id").values_list("id", flat=True))
    finally:
        eventlog._consumers.pop("test-reader")


def test_a_consumer_reads_long_logs_in_batches(cast):
    seen: list[list[int]] = []
    eventlog.register_consumer("test-batches", lambda batch: seen.append([e.pk for e in batch]))
    try:
        for i in range(5):
            posts.do_create_post(cast.engineer, space=None, body=f"Post {i}")
        total = Event.objects.count()
        consumer = eventlog._consumers["test-batches"]
        while eventlog.run_consumer(consumer, batch=2):
            pass
        assert [len(b) for b in seen[:-1]] == [2] * (len(seen) - 1)
        assert sum(len(b) for b in seen) == total
    finally:
        eventlog._consumers.pop("test-batches")


def test_an_event_a_consumer_fails_on_is_passed_over_alone(cast, caplog):
    bad = posts.do_create_post(cast.engineer, space=None, body="Poison")
    posts.do_create_post(cast.engineer, space=None, body="Fine")
    written: list[int] = []

    def handle(batch):
        for event in batch:
            if event.data.get("post") == bad.pk:
                raise ValueError("cannot handle this one")
            written.append(event.pk)

    eventlog.register_consumer("test-poison", handle)
    try:
        eventlog.run_consumers()
    finally:
        eventlog._consumers.pop("test-poison")
    everything = set(Event.objects.values_list("id", flat=True))
    poison = Event.objects.get(type="post.created", data__post=bad.pk).pk
    assert set(written) == everything - {poison}
    assert EventCursor.objects.get(name="test-poison").last_id == max(everything)
    assert f"passed over event {poison}" in caplog.text


def test_a_cursor_moved_by_another_process_rolls_the_batch_back(cast):
    posts.do_create_post(cast.engineer, space=None, body=f"Hi @{cast.salesperson.handle}")

    def handle(batch):
        Notification.objects.create(user=cast.outsider, kind="level", text="written")
        # Meanwhile another process ran the same batch and moved the cursor.
        EventCursor.objects.filter(name="test-race").update(last_id=batch[-1].pk)

    actions.start_cursor("test-race")
    eventlog.register_consumer("test-race", handle)
    try:
        assert eventlog.run_consumer(eventlog._consumers["test-race"]) == 0
    finally:
        eventlog._consumers.pop("test-race")
    assert not Notification.objects.filter(text="written").exists()


def test_the_log_forgets_old_events_only_once_every_consumer_read_them(cast, settings):
    settings.AGORA_EVENT_LOG_DAYS = 7
    old = timezone.now() - timedelta(days=8)
    posts.do_add_comment(cast.salesperson, cast.open_post, "Old", created_at=old)
    posts.do_add_comment(cast.salesperson, cast.open_post, "New")
    assert eventlog.prune() == 0  # the notifications consumer has not read them yet
    deliver()
    assert eventlog.prune() == 1
    assert list(Event.objects.values_list("created_at", flat=True)) != []
    assert not Event.objects.filter(created_at__lt=timezone.now() - timedelta(days=7)).exists()


def test_a_ring_wakes_a_waiting_reader_at_once():
    seen = wakeup.generation()
    woke: list[float] = []

    def reader():
        start = time.monotonic()
        wakeup.wait(seen, timeout=10)
        woke.append(time.monotonic() - start)

    thread = threading.Thread(target=reader)
    thread.start()
    time.sleep(0.05)
    wakeup.ring()
    thread.join(5)
    assert woke and woke[0] < 2


def test_events_are_appended_in_the_callers_transaction(cast):
    with transaction.atomic():
        events.emit(_Probe(7))
        assert Event.objects.filter(type="test.probe").exists()
        assert connection.in_atomic_block


class _Probe:
    def __init__(self, n: int) -> None:
        self.n = n

    def entry(self) -> Entry:
        return Entry(data={"n": self.n}, user_ids=(1,))


events.logged("test.probe")(_Probe)
TESTED["test.probe"] = "test_events_are_appended_in_the_callers_transaction"
