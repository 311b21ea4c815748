"""Claiming 领办 and withdrawing 撤回: first come first served, never more than the slots."""

from __future__ import annotations

from datetime import date

import pytest

from dangjian_core.kernel.ids import PersonId
from dangjian_core.people.events import PartyStatus
from dangjian_core.people.state import PersonState, StatusPeriod
from dangjian_core.tasks.commands import ClaimTask, WithdrawClaim
from dangjian_core.tasks.events import Audience, ClaimWithdrawn, TaskClaimed
from dangjian_core.tasks.state import (
    ClaimStatus,
    DeadlinePassed,
    NoSlotsLeft,
    NotEligible,
    OutOfOrder,
    TaskClosed,
)
from tests.core.given import (
    DEADLINE,
    T1,
    approved,
    cancelled,
    claimed,
    given,
    issued,
    other_branch,
    rejected,
    submitted,
    then_state,
    village_with,
    when,
    withdrawn,
)
from tests.support import BRANCH, LANZHI, MEMBER, VOLUNTEER, XINGCAN, later


def claim(person: str, hours: float = 1) -> ClaimTask:
    return ClaimTask(T1, PersonId(person), later(hours))


def withdraw(person: str, hours: float = 2) -> WithdrawClaim:
    return WithdrawClaim(T1, PersonId(person), later(hours))


# --- claiming -----------------------------------------------------------------------


def test_the_first_claimer_takes_a_slot() -> None:
    state = given(issued(slots=3))

    events = when(claim(LANZHI), state)

    assert [TaskClaimed(T1, LANZHI)] == events
    assert 1 == then_state(state, events).taken


def test_claims_are_accepted_until_every_slot_is_taken() -> None:
    state = given(issued(slots=2), claimed(LANZHI))

    events = when(claim(XINGCAN), state)

    assert [TaskClaimed(T1, XINGCAN)] == events
    assert 2 == then_state(state, events).taken


def test_a_late_claimer_is_told_no_slots_left() -> None:
    state = given(issued(slots=1), claimed(LANZHI))

    with pytest.raises(NoSlotsLeft) as refusal:
        when(claim(XINGCAN), state)

    assert "no_slots" == refusal.value.code
    assert "名额已满" in refusal.value.zh
    assert "环境卫生整治任务" in refusal.value.zh
    assert "T1" in refusal.value.en


def test_approved_and_revoked_claims_still_hold_their_slots() -> None:
    state = given(
        issued(slots=2),
        claimed(LANZHI),
        submitted(LANZHI),
        approved(LANZHI),
        claimed(VOLUNTEER),
        submitted(VOLUNTEER),
        approved(VOLUNTEER),
    )

    with pytest.raises(NoSlotsLeft):
        when(claim(XINGCAN), state)


def test_claiming_again_does_not_take_a_second_slot() -> None:
    state = given(issued(slots=3), claimed(LANZHI))

    assert [] == when(claim(LANZHI, hours=2), state)


@pytest.mark.parametrize(
    "history",
    [
        [submitted(LANZHI)],
        [submitted(LANZHI), rejected(LANZHI)],
        [submitted(LANZHI), approved(LANZHI)],
    ],
    ids=["submitted", "rejected", "approved"],
)
def test_a_claimant_further_along_claiming_again_is_told_the_step_is_wrong(
    history: list[object],
) -> None:
    state = given(issued(), claimed(LANZHI), *history)

    with pytest.raises(OutOfOrder) as refusal:
        when(claim(LANZHI, hours=5), state)

    assert "out_of_order" == refusal.value.code
    assert "不能再次领办" in refusal.value.zh


def test_someone_not_on_the_roll_is_not_eligible() -> None:
    state = given(issued())

    with pytest.raises(NotEligible) as refusal:
        when(claim("stranger"), state)

    assert "not_eligible" == refusal.value.code
    assert "stranger" in refusal.value.zh
    assert "paixilv" in refusal.value.en


def test_someone_on_another_branchs_roll_is_not_eligible() -> None:
    outsider = PersonState(
        PersonId("lv-waicun"),
        other_branch().branch_id,
        "吕外村",
        (StatusPeriod(PartyStatus.ACTIVIST, date(2020, 9, 1)),),
    )
    village = village_with(people={outsider.person_id: outsider}, branches=(other_branch(),))
    state = given(issued())

    with pytest.raises(NotEligible) as refusal:
        when(claim("lv-waicun"), state, village)

    assert "lv-waicun" in refusal.value.zh


def test_a_member_may_not_claim_a_task_for_activists_and_volunteers() -> None:
    state = given(issued(audiences=(Audience.ACTIVISTS, Audience.VOLUNTEERS)))

    with pytest.raises(NotEligible) as refusal:
        when(claim(MEMBER), state)

    assert "吕宝有" in refusal.value.zh
    assert "正式党员" in refusal.value.zh
    assert "full" in refusal.value.en


def test_a_volunteer_may_not_claim_a_task_for_activists_only() -> None:
    state = given(issued(audiences=(Audience.ACTIVISTS,)))

    with pytest.raises(NotEligible):
        when(claim(VOLUNTEER), state)


@pytest.mark.parametrize(
    ("person", "audience"),
    [
        (LANZHI, Audience.ACTIVISTS),
        (VOLUNTEER, Audience.VOLUNTEERS),
        (MEMBER, Audience.MEMBERS),
    ],
)
def test_each_audience_admits_its_own_people(person: str, audience: Audience) -> None:
    state = given(issued(audiences=(audience,)))

    assert [TaskClaimed(T1, PersonId(person))] == when(claim(person), state)


@pytest.mark.parametrize(
    "status",
    [PartyStatus.APPLICANT, PartyStatus.ACTIVIST, PartyStatus.CANDIDATE],
)
def test_applicants_activists_and_candidates_count_as_activists(status: PartyStatus) -> None:
    person = PersonState(
        PersonId("lv-xin"), BRANCH, "吕新", (StatusPeriod(status, date(2021, 1, 1)),)
    )
    village = village_with(people={person.person_id: person})
    state = given(issued(audiences=(Audience.ACTIVISTS,)))

    assert [TaskClaimed(T1, person.person_id)] == when(claim("lv-xin"), state, village)


def test_a_claim_at_the_deadline_is_too_late() -> None:
    state = given(issued())
    late = ClaimTask(T1, LANZHI, DEADLINE)

    with pytest.raises(DeadlinePassed) as refusal:
        when(late, state)

    assert "deadline" == refusal.value.code
    assert DEADLINE.isoformat() in refusal.value.zh
    assert "T1" in refusal.value.en


def test_a_cancelled_task_takes_no_claims() -> None:
    state = given(issued(), cancelled())

    with pytest.raises(TaskClosed) as refusal:
        when(claim(LANZHI), state)

    assert "cancelled" == refusal.value.code
    assert "T1" in refusal.value.zh


def test_a_claimant_who_withdrew_may_claim_again() -> None:
    state = given(issued(), claimed(LANZHI), withdrawn(LANZHI))

    assert [TaskClaimed(T1, LANZHI)] == when(claim(LANZHI, hours=3), state)


def test_a_withdrawn_claimer_claiming_again_meets_a_full_task() -> None:
    state = given(issued(slots=1), claimed(LANZHI), withdrawn(LANZHI), claimed(XINGCAN))

    with pytest.raises(NoSlotsLeft):
        when(claim(LANZHI, hours=3), state)


def test_a_withdrawal_frees_the_slot_for_the_next_claimer() -> None:
    state = given(issued(slots=1), claimed(LANZHI), withdrawn(LANZHI))

    assert [TaskClaimed(T1, XINGCAN)] == when(claim(XINGCAN, hours=3), state)


def test_a_claim_taken_again_starts_afresh() -> None:
    state = given(issued(), claimed(LANZHI), withdrawn(LANZHI), claimed(LANZHI))

    claim_state = state.claim_of(LANZHI)

    assert (ClaimStatus.CLAIMED, 0) == (claim_state.status, claim_state.attempts)


def test_a_claimant_whose_completion_finally_failed_may_not_claim_again() -> None:
    """Claiming again would buy a third submission past "one resubmission"."""
    state = given(
        issued(slots=1),
        claimed(LANZHI),
        submitted(LANZHI),
        rejected(LANZHI, final=True),
    )

    with pytest.raises(OutOfOrder):
        when(claim(LANZHI, hours=5), state)


def test_withdrawing_after_a_rejection_does_not_buy_a_fresh_resubmission() -> None:
    state = given(
        issued(slots=1),
        claimed(LANZHI),
        submitted(LANZHI),
        rejected(LANZHI),
        ClaimWithdrawn(T1, LANZHI),
        claimed(LANZHI),
    )

    assert 1 == state.claims[LANZHI].attempts


# --- withdrawing --------------------------------------------------------------------


def test_a_claimant_withdraws_before_the_deadline() -> None:
    state = given(issued(), claimed(LANZHI))

    events = when(withdraw(LANZHI), state)

    assert [ClaimWithdrawn(T1, LANZHI)] == events
    assert 0 == then_state(state, events).taken


def test_withdrawing_twice_changes_nothing() -> None:
    state = given(issued(), claimed(LANZHI), withdrawn(LANZHI))

    assert [] == when(withdraw(LANZHI, hours=3), state)


def test_someone_who_never_claimed_has_nothing_to_withdraw() -> None:
    state = given(issued(), claimed(LANZHI))

    with pytest.raises(OutOfOrder) as refusal:
        when(withdraw(XINGCAN), state)

    assert "out_of_order" == refusal.value.code
    assert XINGCAN in refusal.value.zh
    assert "未领办" in refusal.value.zh
    assert "absent" in refusal.value.en


@pytest.mark.parametrize(
    ("history", "shown"),
    [
        ([submitted(LANZHI)], "待审核"),
        ([submitted(LANZHI), approved(LANZHI)], "已通过"),
        ([submitted(LANZHI), rejected(LANZHI, final=True)], "未通过"),
    ],
    ids=["submitted", "approved", "failed"],
)
def test_a_claim_under_review_or_decided_may_not_be_withdrawn(
    history: list[object], shown: str
) -> None:
    state = given(issued(), claimed(LANZHI), *history)

    with pytest.raises(OutOfOrder) as refusal:
        when(withdraw(LANZHI, hours=5), state)

    assert f"「{shown}」" in refusal.value.zh


def test_a_rejected_claimant_may_withdraw_instead_of_resubmitting() -> None:
    state = given(issued(), claimed(LANZHI), submitted(LANZHI), rejected(LANZHI))

    assert [ClaimWithdrawn(T1, LANZHI)] == when(withdraw(LANZHI, hours=5), state)


def test_a_withdrawal_at_the_deadline_is_too_late() -> None:
    state = given(issued(), claimed(LANZHI))

    with pytest.raises(DeadlinePassed):
        when(WithdrawClaim(T1, LANZHI, DEADLINE), state)


def test_a_claim_on_a_cancelled_task_cannot_be_withdrawn() -> None:
    state = given(issued(), claimed(LANZHI), cancelled(LANZHI))

    with pytest.raises(TaskClosed):
        when(withdraw(LANZHI), state)
