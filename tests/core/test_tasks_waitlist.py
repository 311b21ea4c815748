"""候补 — a claim on a full task with a waitlist waits at a position; a freed slot goes at
once to the first waiting person; without a waitlist a full task still refuses."""

from __future__ import annotations

import pytest

from dangjian_core.tasks.commands import RejectCompletion
from dangjian_core.tasks.events import (
    ClaimWaitlisted,
    ClaimWithdrawn,
    CompletionRejected,
    TaskClaimed,
    WaitlistLeft,
    WaitlistPromoted,
)
from dangjian_core.tasks.state import ClaimStatus, NoSlotsLeft
from tests.core.given import T1, cancelled, claimed, given, rejected, submitted, then_state, when
from tests.core.tasks_fair_given import claim, issued_fair, withdraw
from tests.support import LANZHI, MEMBER, REVIEWER, VOLUNTEER, XINGCAN, later


def full() -> list[object]:
    return [issued_fair(slots=1), claimed(LANZHI)]


def test_a_claim_on_a_full_task_joins_the_waitlist_at_the_back() -> None:
    state = given(*full(), ClaimWaitlisted(T1, XINGCAN, 1))

    events = when(claim(VOLUNTEER), state)

    assert [ClaimWaitlisted(T1, VOLUNTEER, 2)] == events
    after = then_state(state, events)
    assert (XINGCAN, VOLUNTEER) == after.waitlist
    assert 1 == after.taken
    assert ClaimStatus.WAITING == after.claim_of(VOLUNTEER).status


def test_without_a_waitlist_a_full_task_still_refuses_first_come_first_served() -> None:
    state = given(issued_fair(slots=1, waitlist=False), claimed(LANZHI))

    with pytest.raises(NoSlotsLeft):
        when(claim(XINGCAN), state)


def test_claiming_again_while_waiting_changes_nothing() -> None:
    state = given(*full(), ClaimWaitlisted(T1, XINGCAN, 1))

    assert [] == when(claim(XINGCAN, hours=3), state)


def test_a_withdrawal_promotes_the_first_waiting_person_at_once() -> None:
    state = given(*full(), ClaimWaitlisted(T1, XINGCAN, 1), ClaimWaitlisted(T1, VOLUNTEER, 2))

    events = when(withdraw(LANZHI), state)

    assert [ClaimWithdrawn(T1, LANZHI), WaitlistPromoted(T1, XINGCAN)] == events
    after = then_state(state, events)
    assert ClaimStatus.CLAIMED == after.claim_of(XINGCAN).status
    assert (VOLUNTEER,) == after.waitlist
    assert 1 == after.taken


def test_a_final_rejection_before_the_deadline_promotes_the_first_waiting_person() -> None:
    state = given(
        *full(), submitted(LANZHI), rejected(LANZHI), submitted(LANZHI, attempt=2),
        ClaimWaitlisted(T1, XINGCAN, 1),
    )  # fmt: skip

    events = when(RejectCompletion(T1, LANZHI, "仍不合格", REVIEWER, later(5)), state)

    assert [
        CompletionRejected(T1, LANZHI, "仍不合格", True),
        WaitlistPromoted(T1, XINGCAN),
    ] == events


def test_a_first_rejection_keeps_the_slot_and_promotes_nobody() -> None:
    state = given(*full(), submitted(LANZHI), ClaimWaitlisted(T1, XINGCAN, 1))

    events = when(RejectCompletion(T1, LANZHI, "照片不清", REVIEWER, later(5)), state)

    assert [CompletionRejected(T1, LANZHI, "照片不清", False)] == events


def test_a_waiting_person_may_leave_and_the_queue_closes_up() -> None:
    state = given(*full(), ClaimWaitlisted(T1, XINGCAN, 1), ClaimWaitlisted(T1, VOLUNTEER, 2))

    events = when(withdraw(XINGCAN), state)

    assert [WaitlistLeft(T1, XINGCAN)] == events
    assert (VOLUNTEER,) == then_state(state, events).waitlist


def test_who_left_the_waitlist_joins_again_only_at_the_back() -> None:
    state = given(
        *full(), ClaimWaitlisted(T1, XINGCAN, 1), ClaimWaitlisted(T1, VOLUNTEER, 2),
        WaitlistLeft(T1, XINGCAN),
    )  # fmt: skip

    events = when(claim(XINGCAN, hours=4), state)

    assert [ClaimWaitlisted(T1, XINGCAN, 2)] == events
    assert (VOLUNTEER, XINGCAN) == then_state(state, events).waitlist


def test_a_withdrawal_at_a_free_task_promotes_nobody() -> None:
    state = given(issued_fair(slots=2), claimed(LANZHI))

    assert [ClaimWithdrawn(T1, LANZHI)] == when(withdraw(LANZHI), state)


def test_a_promoted_person_holds_a_slot_and_may_withdraw_promoting_the_next() -> None:
    state = given(
        *full(), ClaimWaitlisted(T1, XINGCAN, 1), ClaimWaitlisted(T1, VOLUNTEER, 2),
        ClaimWithdrawn(T1, LANZHI), WaitlistPromoted(T1, XINGCAN),
    )  # fmt: skip

    events = when(withdraw(XINGCAN, hours=3), state)

    assert [ClaimWithdrawn(T1, XINGCAN), WaitlistPromoted(T1, VOLUNTEER)] == events


def test_a_cancelled_task_drops_its_waitlist() -> None:
    state = given(*full(), ClaimWaitlisted(T1, XINGCAN, 1), cancelled(LANZHI))

    assert () == state.waitlist


def test_a_member_outside_the_audience_is_refused_before_any_waitlist() -> None:
    from dangjian_core.tasks.state import NotEligible

    state = given(*full())

    with pytest.raises(NotEligible):
        when(claim(MEMBER), state)


def test_a_claim_is_granted_not_waitlisted_while_a_slot_is_free() -> None:
    state = given(issued_fair(slots=2), claimed(LANZHI))

    assert [TaskClaimed(T1, XINGCAN)] == when(claim(XINGCAN), state)


def test_a_final_rejection_after_the_deadline_promotes_nobody() -> None:
    state = given(*full(), submitted(LANZHI), ClaimWaitlisted(T1, XINGCAN, 1))

    events = when(RejectCompletion(T1, LANZHI, "逾期", REVIEWER, later(24 * 8)), state)

    assert [CompletionRejected(T1, LANZHI, "逾期", True)] == events
