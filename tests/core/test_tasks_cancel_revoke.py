"""Cancelling a task 取消任务 and revoking points 撤销积分."""

from __future__ import annotations

from datetime import timedelta

import pytest

from dangjian_core.kernel.errors import Unauthorized
from dangjian_core.kernel.ids import PersonId
from dangjian_core.tasks.commands import CancelTask, RevokePoints
from dangjian_core.tasks.events import PointsRevoked, TaskCancelled
from dangjian_core.tasks.state import ClaimStatus, OutOfOrder, TaskState
from dangjian_core.units.roles import Role
from tests.core.given import (
    CATEGORY,
    T1,
    approved,
    cancelled,
    claimed,
    given,
    issued,
    rejected,
    revoked,
    submitted,
    term,
    then_state,
    village_with,
    when,
    withdrawn,
)
from tests.support import (
    BRANCH,
    LANZHI,
    MEMBER,
    ORGANIZER,
    REVIEWER,
    SECRETARY,
    T0,
    VOLUNTEER,
    XINGCAN,
    later,
)

REASON = "上级通知取消"
FINDING = "督查发现未实际完成"


def cancel(actor: str = ORGANIZER, hours: float = 10) -> CancelTask:
    return CancelTask(T1, REASON, actor, later(hours))


def revoke(claimant: str = LANZHI, actor: str = SECRETARY, hours: float = 20) -> RevokePoints:
    return RevokePoints(T1, PersonId(claimant), FINDING, actor, later(hours))


def busy_task() -> TaskState:
    """Five people at five different steps of the same task."""
    return given(
        issued(slots=5),
        claimed(LANZHI),
        claimed(XINGCAN),
        submitted(XINGCAN),
        claimed(VOLUNTEER),
        submitted(VOLUNTEER),
        approved(VOLUNTEER),
        claimed("lv-a"),
        withdrawn("lv-a"),
        claimed("lv-b"),
        submitted("lv-b"),
        rejected("lv-b"),
    )


# --- cancelling ---------------------------------------------------------------------


def test_cancelling_releases_every_open_claim_but_not_approved_ones() -> None:
    state = busy_task()

    events = when(cancel(), state)

    assert [TaskCancelled(T1, REASON, (LANZHI, XINGCAN, PersonId("lv-b")))] == events


def test_after_cancelling_approved_claims_keep_their_points_and_their_slot() -> None:
    state = busy_task()

    after = then_state(state, when(cancel(), state))

    statuses = {pid: claim.status for pid, claim in after.claims.items()}
    assert {
        LANZHI: ClaimStatus.RELEASED,
        XINGCAN: ClaimStatus.RELEASED,
        VOLUNTEER: ClaimStatus.APPROVED,
        "lv-a": ClaimStatus.WITHDRAWN,
        "lv-b": ClaimStatus.RELEASED,
    } == statuses
    assert 5 == after.claim_of(VOLUNTEER).awarded
    assert (True, 1) == (after.cancelled, after.taken)


def test_the_secretary_may_cancel_a_task() -> None:
    state = given(issued())

    assert [TaskCancelled(T1, REASON, ())] == when(cancel(actor=SECRETARY), state)


@pytest.mark.parametrize("actor", [REVIEWER, LANZHI, MEMBER])
def test_only_an_issuer_may_cancel_a_task(actor: str) -> None:
    state = given(issued(), claimed(LANZHI))

    with pytest.raises(Unauthorized) as refusal:
        when(cancel(actor=actor), state)

    assert actor in refusal.value.zh
    assert "取消任务" in refusal.value.zh


def test_cancelling_again_changes_nothing() -> None:
    state = given(issued(), claimed(LANZHI), cancelled(LANZHI))

    assert [] == when(CancelTask(T1, "再次取消", ORGANIZER, later(12)), state)


def test_cancelling_after_the_deadline_still_releases_open_claims() -> None:
    state = given(issued(days=1), claimed(LANZHI))

    assert [TaskCancelled(T1, REASON, (LANZHI,))] == when(cancel(hours=48), state)


# --- revoking -----------------------------------------------------------------------


def test_the_secretary_revokes_approved_points_with_the_finding() -> None:
    state = given(issued(), claimed(LANZHI), submitted(LANZHI), approved(LANZHI, 3, "部分完成"))

    events = when(revoke(), state)

    assert [PointsRevoked(T1, LANZHI, BRANCH, "2021-10", CATEGORY, 3, FINDING)] == events
    after = then_state(state, events)
    assert (ClaimStatus.REVOKED, FINDING) == (
        after.claim_of(LANZHI).status,
        after.claim_of(LANZHI).reason,
    )


def test_a_revoked_claim_keeps_its_slot() -> None:
    state = given(issued(slots=1), claimed(LANZHI), submitted(LANZHI), approved(LANZHI))

    after = then_state(state, when(revoke(), state))

    assert 1 == after.taken


def test_the_deputy_secretary_may_revoke_points() -> None:
    village = village_with(
        extra_terms=(term("lv-fsj", Role.DEPUTY_SECRETARY, T0 - timedelta(days=1)),)
    )
    state = given(issued(), claimed(LANZHI), submitted(LANZHI), approved(LANZHI))

    [event] = when(revoke(actor="lv-fsj"), state, village)

    assert 5 == event.points


@pytest.mark.parametrize("actor", [ORGANIZER, REVIEWER, XINGCAN])
def test_only_the_secretary_or_deputy_may_revoke_points(actor: str) -> None:
    state = given(issued(), claimed(LANZHI), submitted(LANZHI), approved(LANZHI))

    with pytest.raises(Unauthorized) as refusal:
        when(revoke(actor=actor), state)

    assert "撤销积分" in refusal.value.zh
    assert "书记" in refusal.value.zh


@pytest.mark.parametrize(
    "history",
    [
        [],
        [claimed(LANZHI)],
        [claimed(LANZHI), submitted(LANZHI)],
        [claimed(LANZHI), submitted(LANZHI), rejected(LANZHI, final=True)],
    ],
    ids=["unclaimed", "claimed", "submitted", "failed"],
)
def test_only_approved_points_can_be_revoked(history: list[object]) -> None:
    state = given(issued(), *history)

    with pytest.raises(OutOfOrder) as refusal:
        when(revoke(), state)

    assert LANZHI in refusal.value.zh


def test_revoking_again_changes_nothing() -> None:
    state = given(issued(), claimed(LANZHI), submitted(LANZHI), approved(LANZHI), revoked(LANZHI))

    assert [] == when(revoke(hours=30), state)


def test_points_of_a_cancelled_task_can_still_be_revoked() -> None:
    state = given(issued(), claimed(LANZHI), submitted(LANZHI), approved(LANZHI), cancelled())

    [event] = when(revoke(), state)

    assert (LANZHI, 5) == (event.claimant_id, event.points)
