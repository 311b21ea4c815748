"""Submitting 提交, approving 审核通过 and rejecting 审核不通过 a completion."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from dangjian_core.kernel.errors import InvalidCommand, Unauthorized, build
from dangjian_core.kernel.ids import PersonId
from dangjian_core.tasks.commands import (
    ApproveCompletion,
    ClaimTask,
    RejectCompletion,
    SubmitCompletion,
)
from dangjian_core.tasks.events import (
    Audience,
    CompletionApproved,
    CompletionRejected,
    CompletionSubmitted,
    TaskClaimed,
)
from dangjian_core.tasks.state import (
    ClaimStatus,
    DeadlinePassed,
    OutOfOrder,
    SelfReview,
    TaskClosed,
)
from dangjian_core.units.roles import REVIEWERS, Role
from tests.core.given import (
    CATEGORY,
    DEADLINE,
    NOTE,
    PHOTOS,
    T1,
    approved,
    cancelled,
    claimed,
    given,
    issued,
    rejected,
    submitted,
    term,
    then_state,
    village_with,
    when,
    withdrawn,
)
from tests.support import (
    BRANCH,
    CST,
    LANZHI,
    MEMBER,
    ORGANIZER,
    REVIEWER,
    SECRETARY,
    T0,
    XINGCAN,
    later,
)


def submit(person: str = LANZHI, at: datetime | None = None, note: str = NOTE) -> SubmitCompletion:
    return SubmitCompletion(T1, note, PHOTOS, PersonId(person), at or later(2))


def approve(
    claimant: str = LANZHI,
    points: int | None = None,
    reason: str = "",
    actor: str = REVIEWER,
    at: datetime | None = None,
) -> ApproveCompletion:
    return ApproveCompletion(T1, PersonId(claimant), points, reason, actor, at or later(3))


def reject(
    claimant: str = LANZHI,
    reason: str = "照片看不清",
    actor: str = REVIEWER,
    at: datetime | None = None,
) -> RejectCompletion:
    return RejectCompletion(T1, PersonId(claimant), reason, actor, at or later(3))


# --- submitting ---------------------------------------------------------------------


def test_a_claimant_submits_the_work_with_evidence_in_the_current_cycle() -> None:
    state = given(issued(), claimed(LANZHI))

    events = when(submit(), state)

    assert [CompletionSubmitted(T1, LANZHI, NOTE, PHOTOS, "2021-10", 1)] == events
    assert ClaimStatus.SUBMITTED == then_state(state, events).claim_of(LANZHI).status


@pytest.mark.parametrize(
    ("at", "cycle"),
    [
        (datetime(2022, 9, 30, 23, 59, tzinfo=CST), "2021-10"),
        (datetime(2022, 10, 1, 0, 0, tzinfo=CST), "2022-10"),
    ],
)
def test_the_cycle_is_the_year_starting_in_the_branchs_start_month(
    at: datetime, cycle: str
) -> None:
    state = given(issued(days=400), claimed(LANZHI))

    [event] = when(submit(at=at), state)

    assert cycle == event.cycle


def test_a_branch_starting_its_cycle_in_january_counts_calendar_years() -> None:
    state = given(issued(days=400), claimed(LANZHI))
    village = village_with(start_month=1)

    [event] = when(submit(at=datetime(2022, 3, 1, tzinfo=CST)), state, village)

    assert "2022-01" == event.cycle


def test_submitting_the_same_evidence_again_changes_nothing() -> None:
    state = given(issued(), claimed(LANZHI), submitted(LANZHI))

    assert [] == when(submit(at=later(5)), state)


def test_different_evidence_while_under_review_is_out_of_order() -> None:
    state = given(issued(), claimed(LANZHI), submitted(LANZHI))

    with pytest.raises(OutOfOrder) as refusal:
        when(submit(note="补充说明", at=later(5)), state)

    assert "待审核" in refusal.value.zh


def test_submitting_without_a_claim_is_out_of_order() -> None:
    state = given(issued())

    with pytest.raises(OutOfOrder) as refusal:
        when(submit(), state)

    assert LANZHI in refusal.value.zh


@pytest.mark.parametrize(
    "history",
    [
        [withdrawn(LANZHI)],
        [submitted(LANZHI), approved(LANZHI)],
        [submitted(LANZHI), rejected(LANZHI, final=True)],
    ],
    ids=["withdrawn", "approved", "failed"],
)
def test_a_claim_not_open_for_work_takes_no_submission(history: list[object]) -> None:
    state = given(issued(), claimed(LANZHI), *history)

    with pytest.raises(OutOfOrder):
        when(submit(note="再交一次", at=later(6)), state)


def test_a_submission_at_the_deadline_is_too_late() -> None:
    state = given(issued(), claimed(LANZHI))

    with pytest.raises(DeadlinePassed) as refusal:
        when(submit(at=DEADLINE), state)

    assert "提交" in refusal.value.zh


def test_a_resubmission_after_a_rejection_is_the_second_attempt() -> None:
    state = given(issued(), claimed(LANZHI), submitted(LANZHI), rejected(LANZHI))

    [event] = when(submit(note="补拍了照片", at=later(5)), state)

    assert 2 == event.attempt


def test_a_cancelled_task_takes_no_submission() -> None:
    state = given(issued(), claimed(LANZHI), cancelled(LANZHI))

    with pytest.raises(TaskClosed):
        when(submit(), state)


# --- approving ----------------------------------------------------------------------


def test_an_approval_credits_the_tasks_full_points_in_the_cycle_of_submission() -> None:
    state = given(issued(points=5), claimed(LANZHI), submitted(LANZHI))

    events = when(approve(), state)

    assert [CompletionApproved(T1, LANZHI, BRANCH, "2021-10", CATEGORY, 5, "")] == events
    assert (ClaimStatus.APPROVED, 5) == (
        then_state(state, events).claim_of(LANZHI).status,
        then_state(state, events).claim_of(LANZHI).awarded,
    )


def test_naming_the_full_points_needs_no_reason() -> None:
    state = given(issued(points=5), claimed(LANZHI), submitted(LANZHI))

    [event] = when(approve(points=5), state)

    assert 5 == event.points


def test_fewer_points_are_awarded_with_a_reason() -> None:
    state = given(issued(points=5), claimed(LANZHI), submitted(LANZHI))

    [event] = when(approve(points=3, reason="只完成了一半路段"), state)

    assert (3, "只完成了一半路段") == (event.points, event.reason)


@pytest.mark.parametrize("reason", ["", "   "])
def test_fewer_points_without_a_reason_are_refused(reason: str) -> None:
    state = given(issued(points=5), claimed(LANZHI), submitted(LANZHI))

    with pytest.raises(InvalidCommand) as refusal:
        when(approve(points=3, reason=reason), state)

    assert "invalid" == refusal.value.code
    assert "理由" in refusal.value.zh


def test_more_points_than_offered_are_refused_naming_both_figures() -> None:
    state = given(issued(points=5), claimed(LANZHI), submitted(LANZHI))

    with pytest.raises(InvalidCommand) as refusal:
        when(approve(points=8, reason="表现突出"), state)

    assert "8" in refusal.value.zh
    assert "5" in refusal.value.zh


def test_nobody_reviews_their_own_claim() -> None:
    state = given(issued(audiences=(Audience.MEMBERS,)), claimed(REVIEWER), submitted(REVIEWER))

    with pytest.raises(SelfReview) as refusal:
        when(approve(claimant=REVIEWER, actor=REVIEWER), state)

    assert "self_review" == refusal.value.code
    assert "本人" in refusal.value.zh
    assert REVIEWER in refusal.value.en


def test_someone_without_a_reviewing_role_may_not_approve() -> None:
    state = given(issued(), claimed(LANZHI), submitted(LANZHI))

    with pytest.raises(Unauthorized) as refusal:
        when(approve(actor=MEMBER), state)

    assert MEMBER in refusal.value.zh
    assert "审核" in refusal.value.zh


@pytest.mark.parametrize("role", REVIEWERS)
def test_the_committee_reviewers_and_the_cadres_sent_to_the_village_may_review(
    role: Role,
) -> None:
    village = village_with(extra_terms=(term("lv-weiyuan", role, T0 - timedelta(days=1)),))
    state = given(issued(), claimed(LANZHI), submitted(LANZHI))

    [event] = when(approve(actor="lv-weiyuan"), state, village)

    assert 5 == event.points


@pytest.mark.parametrize("role", sorted(set(Role) - set(REVIEWERS)))
def test_other_roles_may_not_review(role: Role) -> None:
    village = village_with(extra_terms=(term("lv-weiyuan", role, T0 - timedelta(days=1)),))
    state = given(issued(), claimed(LANZHI), submitted(LANZHI))

    with pytest.raises(Unauthorized) as refusal:
        when(approve(actor="lv-weiyuan"), state, village)

    assert "审核" in refusal.value.zh


def test_the_liaison_cadre_hu_wenyuan_reviews_as_in_seed_000() -> None:
    liaison = term(REVIEWER, Role.LIAISON, T0 - timedelta(days=30))
    others = tuple(t for t in village_with().branches[BRANCH].terms if t.person_id != REVIEWER)
    village = village_with(terms=(*others, liaison))
    state = given(issued(), claimed(LANZHI), submitted(LANZHI))

    [event] = when(approve(actor=REVIEWER), state, village)

    assert (LANZHI, 5) == (event.claimant_id, event.points)


def test_a_reviewer_whose_term_ended_may_not_approve() -> None:
    ended = term(REVIEWER, Role.REVIEWER, T0 - timedelta(days=30), later(1))
    others = tuple(t for t in village_with().branches[BRANCH].terms if t.person_id != REVIEWER)
    village = village_with(terms=(*others, ended))
    state = given(issued(), claimed(LANZHI), submitted(LANZHI))

    with pytest.raises(Unauthorized):
        when(approve(at=later(3)), state, village)


@pytest.mark.parametrize(
    ("history", "shown"),
    [
        ([], "未领办"),
        ([claimed(LANZHI)], "已领办"),
        ([claimed(LANZHI), withdrawn(LANZHI)], "已撤回"),
    ],
    ids=["unclaimed", "claimed", "withdrawn"],
)
def test_approving_a_claim_not_submitted_is_out_of_order(history: list[object], shown: str) -> None:
    state = given(issued(), *history)

    with pytest.raises(OutOfOrder) as refusal:
        when(approve(), state)

    assert shown in refusal.value.zh
    assert "T1" in refusal.value.en


def test_approving_the_same_completion_again_changes_nothing() -> None:
    state = given(issued(), claimed(LANZHI), submitted(LANZHI), approved(LANZHI, 5))

    assert [] == when(approve(at=later(4)), state)


def test_approving_again_for_different_points_is_out_of_order() -> None:
    state = given(issued(), claimed(LANZHI), submitted(LANZHI), approved(LANZHI, 5))

    with pytest.raises(OutOfOrder):
        when(approve(points=3, reason="复核减分"), state)


def test_a_reviewer_may_approve_after_the_deadline() -> None:
    state = given(issued(), claimed(LANZHI), submitted(LANZHI))

    [event] = when(approve(at=DEADLINE + timedelta(days=2)), state)

    assert 5 == event.points


def test_a_cancelled_task_takes_no_approval() -> None:
    state = given(issued(), claimed(LANZHI), submitted(LANZHI), cancelled(LANZHI))

    with pytest.raises(TaskClosed):
        when(approve(), state)


# --- rejecting ----------------------------------------------------------------------


def test_a_first_rejection_leaves_one_resubmission() -> None:
    state = given(issued(), claimed(LANZHI), submitted(LANZHI))

    events = when(reject(), state)

    assert [CompletionRejected(T1, LANZHI, "照片看不清", False)] == events
    after = then_state(state, events)
    assert (ClaimStatus.REJECTED, 1) == (after.claim_of(LANZHI).status, after.taken)


def test_a_rejection_needs_a_reason() -> None:
    with pytest.raises(InvalidCommand) as refusal:
        build(
            RejectCompletion,
            task_id=T1,
            claimant_id=LANZHI,
            reason="",
            actor_id=REVIEWER,
            at=later(3),
        )

    assert "RejectCompletion" in refusal.value.zh


def test_rejecting_the_resubmission_is_final_and_frees_the_slot() -> None:
    state = given(
        issued(slots=1),
        claimed(LANZHI),
        submitted(LANZHI),
        rejected(LANZHI),
        submitted(LANZHI, attempt=2),
    )

    events = when(reject(reason="仍未整改到位", at=later(6)), state)

    assert [CompletionRejected(T1, LANZHI, "仍未整改到位", True)] == events
    after = then_state(state, events)
    assert (ClaimStatus.FAILED, 0) == (after.claim_of(LANZHI).status, after.taken)


def test_a_rejection_at_the_deadline_is_final_as_no_time_is_left_to_resubmit() -> None:
    state = given(issued(), claimed(LANZHI), submitted(LANZHI))

    [event] = when(reject(at=DEADLINE), state)

    assert event.final


def test_a_slot_freed_by_a_final_rejection_can_be_claimed_by_someone_else() -> None:
    state = given(issued(slots=1), claimed(LANZHI), submitted(LANZHI), rejected(LANZHI, final=True))

    assert [TaskClaimed(T1, XINGCAN)] == when(ClaimTask(T1, XINGCAN, later(7)), state)


def test_rejecting_again_for_the_same_reason_changes_nothing() -> None:
    state = given(issued(), claimed(LANZHI), submitted(LANZHI), rejected(LANZHI))

    assert [] == when(reject(at=later(4)), state)


def test_rejecting_again_for_another_reason_is_out_of_order() -> None:
    state = given(issued(), claimed(LANZHI), submitted(LANZHI), rejected(LANZHI))

    with pytest.raises(OutOfOrder):
        when(reject(reason="另一个理由"), state)


def test_nobody_rejects_their_own_claim() -> None:
    state = given(issued(audiences=(Audience.MEMBERS,)), claimed(ORGANIZER), submitted(ORGANIZER))

    with pytest.raises(SelfReview):
        when(reject(claimant=ORGANIZER, actor=ORGANIZER), state)


def test_someone_without_a_reviewing_role_may_not_reject() -> None:
    state = given(issued(), claimed(LANZHI), submitted(LANZHI))

    with pytest.raises(Unauthorized):
        when(reject(actor=XINGCAN), state)


def test_rejecting_a_claim_not_submitted_is_out_of_order() -> None:
    state = given(issued(), claimed(LANZHI))

    with pytest.raises(OutOfOrder):
        when(reject(), state)


def test_the_secretary_reviews_a_claim_by_the_organizing_member() -> None:
    state = given(issued(audiences=(Audience.MEMBERS,)), claimed(ORGANIZER), submitted(ORGANIZER))

    [event] = when(approve(claimant=ORGANIZER, actor=SECRETARY), state)

    assert approved(ORGANIZER) == event
