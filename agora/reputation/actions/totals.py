"""The running totals as sums over the ledger, and repairing them (``agora
recompute_reputation``). The ledger is the truth: ``Reputation``, ``TagReputation`` and
``CreditTotal`` are denormalised copies that ``recompute`` compares with it and corrects."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count, Q, Sum

from agora.people.models import User
from agora.reputation.models import (
    CreditTotal,
    EventKind,
    Reputation,
    ReputationEvent,
    TagReputation,
)
from agora.reputation.rules import ZERO, Totals

EventTag = ReputationEvent.tags.through


def _scope(user_ids: list[int] | None, prefix: str = "") -> Q:
    return Q() if user_ids is None else Q(**{f"{prefix}user_id__in": user_ids})


def _ledger_totals(user_ids: list[int] | None) -> dict[int, Totals]:
    rows = (
        ReputationEvent.objects.filter(_scope(user_ids))
        .values("user")
        .annotate(
            total=Sum("points"),
            thumbs=Count("id", filter=Q(kind=EventKind.THUMBS_UP)),
            accepted=Count("id", filter=Q(kind=EventKind.ACCEPTED, reversal__isnull=True)),
        )
        .order_by()
    )
    return {r["user"]: Totals(r["total"] or 0, r["thumbs"], r["accepted"]) for r in rows}


def _ledger_tag_totals(user_ids: list[int] | None) -> dict[tuple[int, int], int]:
    rows = (
        EventTag.objects.filter(_scope(user_ids, "reputationevent__"))
        .values("reputationevent__user", "tag")
        .annotate(total=Sum("reputationevent__points"))
        .order_by()
    )
    return {(r["reputationevent__user"], r["tag"]): r["total"] or 0 for r in rows}


Credit = dict[tuple[int, int], Totals]  # (user, space_key) -> standing credit


def ledger_credit(scope: Q, *, include_deleted: bool = False) -> Credit:
    """Standing credit per person and space from the ledger (what ``CreditTotal`` holds)."""
    events = ReputationEvent.objects.standing().filter(scope)
    if not include_deleted:
        events = events.filter(post__deleted_at__isnull=True)
    rows = (
        events.values("user", "post__space")
        .annotate(
            total=Sum("points"),
            thumbs=Count("id", filter=Q(kind=EventKind.THUMBS_UP)),
            accepted=Count("id", filter=Q(kind=EventKind.ACCEPTED)),
        )
        .order_by()
    )
    credit = {
        (r["user"], r["post__space"] or 0): Totals(r["total"] or 0, r["thumbs"], r["accepted"])
        for r in rows
    }
    return {key: value for key, value in credit.items() if value != ZERO}


def _live_credit(user_ids: list[int] | None) -> Credit:
    rows = CreditTotal.objects.filter(_scope(user_ids)).values_list(
        "user_id", "space_key", "points", "thumbs_up", "accepted"
    )
    return {(uid, key): Totals(p, t, a) for uid, key, p, t, a in rows if (p, t, a) != (0, 0, 0)}


def _live_totals(user_ids: list[int] | None) -> dict[int, Totals]:
    rows = Reputation.objects.filter(_scope(user_ids)).values_list(
        "user_id", "total", "thumbs_up", "accepted_answers"
    )
    return {uid: Totals(t, th, a) for uid, t, th, a in rows}


def _live_tag_totals(user_ids: list[int] | None) -> dict[tuple[int, int], int]:
    rows = TagReputation.objects.filter(_scope(user_ids)).values_list("user_id", "tag_id", "total")
    return {(uid, tag): total for uid, tag, total in rows}


def _differences(
    ledger: dict[int, Totals],
    live: dict[int, Totals],
    ledger_tags: dict[tuple[int, int], int],
    live_tags: dict[tuple[int, int], int],
    ledger_credit: Credit,
    live_credit: Credit,
) -> tuple[set[int], int]:
    """The people whose totals differ from the ledger, and how many totals differ."""
    people: set[int] = set()
    count = 0
    for uid in ledger.keys() | live.keys():
        if ledger.get(uid, ZERO) != live.get(uid, ZERO):
            people.add(uid)
            count += 1
    for key in ledger_tags.keys() | live_tags.keys():
        if ledger_tags.get(key, 0) != live_tags.get(key, 0):
            people.add(key[0])
            count += 1
    for pair in ledger_credit.keys() | live_credit.keys():
        if ledger_credit.get(pair, ZERO) != live_credit.get(pair, ZERO):
            people.add(pair[0])
            count += 1
    return people, count


def _repair(user_id: int, *, write: bool) -> int:
    """Compare one person's totals with the ledger under their row lock; fix if asked.

    Writers update the ``Reputation`` row before anything else of the person's totals,
    so once it is locked no credit for them is half-applied: the ledger read after the
    lock and the totals agree unless something really drifted.
    """
    with transaction.atomic():
        if write:
            Reputation.objects.bulk_create([Reputation(user_id=user_id)], ignore_conflicts=True)
        list(Reputation.objects.select_for_update().filter(user_id=user_id))
        mine = [user_id]
        ledger = _ledger_totals(mine).get(user_id, ZERO)
        live = _live_totals(mine).get(user_id, ZERO)
        ledger_tags = _ledger_tag_totals(mine)
        live_tags = _live_tag_totals(mine)
        ledger_credits = ledger_credit(Q(user_id=user_id))
        live_credit = _live_credit(mine)
        _, count = _differences(
            {user_id: ledger}, {user_id: live}, ledger_tags, live_tags, ledger_credits, live_credit
        )
        if not write or not count:
            return count
        CreditTotal.objects.filter(user_id=user_id).delete()
        CreditTotal.objects.bulk_create(
            [
                CreditTotal(
                    user_id=uid, space_key=key, points=c.total, thumbs_up=c.thumbs_up,
                    accepted=c.accepted,
                )
                for (uid, key), c in ledger_credits.items()
            ]
        )  # fmt: skip
        Reputation.objects.filter(user_id=user_id).update(
            total=ledger.total, thumbs_up=ledger.thumbs_up, accepted_answers=ledger.accepted
        )
        for key in ledger_tags.keys() | live_tags.keys():
            want = ledger_tags.get(key, 0)
            if want == live_tags.get(key, 0):
                continue
            if key in live_tags:
                TagReputation.objects.filter(user_id=user_id, tag_id=key[1]).update(total=want)
            else:
                TagReputation.objects.create(user_id=user_id, tag_id=key[1], total=want)
        return count


def recompute(users: Iterable[User] | None = None, *, write: bool = True) -> int:
    """Rebuild running totals from the ledger; returns how many totals differed (and,
    with ``write``, were corrected). Safe while people keep reacting: a first lock-free
    pass finds people who look different, then each is checked again, and repaired,
    under their own row lock."""
    ids = None if users is None else [u.pk for u in users]
    suspects, _ = _differences(
        _ledger_totals(ids),
        _live_totals(ids),
        _ledger_tag_totals(ids),
        _live_tag_totals(ids),
        ledger_credit(_scope(ids)),
        _live_credit(ids),
    )
    return sum(_repair(uid, write=write) for uid in sorted(suspects))
