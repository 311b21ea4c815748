"""审核规则 — reviewing completions, cancelling tasks and revoking points: who may, and
what each records."""

from __future__ import annotations

from dangjian_core.kernel.authority import enforce
from dangjian_core.kernel.errors import InvalidCommand
from dangjian_core.kernel.facts import Facts
from dangjian_core.tasks import permissions as p
from dangjian_core.tasks.commands import (
    ApproveCompletion,
    CancelTask,
    RejectCompletion,
    RevokePoints,
)
from dangjian_core.tasks.events import (
    CompletionApproved,
    CompletionRejected,
    PointsRevoked,
    TaskCancelled,
    TaskEvent,
)
from dangjian_core.tasks.rules.claiming import claim_at, task_unit
from dangjian_core.tasks.rules.waiting import promoted
from dangjian_core.tasks.state import MAX_ATTEMPTS, OPEN, ClaimStatus, SelfReview, TaskState
from dangjian_core.units.permissions import hold_role
from dangjian_core.units.roles import ISSUERS, REVIEWERS, REVOKERS


def _check_reviewer(state: TaskState, facts: Facts, command: _Review) -> None:
    if command.actor_id == command.claimant_id:
        raise SelfReview("不能审核本人的领办", f"{command.actor_id} may not review their own claim")
    unit = task_unit(facts, state, command.at)
    enforce(hold_role(unit, command.actor_id, REVIEWERS, command.at, p.REVIEW))


def approve(command: ApproveCompletion, state: TaskState, facts: Facts) -> list[TaskEvent]:
    """审核通过: a reviewer (not the claimant) credits a submitted completion; fewer points need a reason."""
    _check_reviewer(state, facts, command)
    points = state.issued.points if command.points is None else command.points
    claim = state.claim_of(command.claimant_id)
    if claim is not None and claim.status == ClaimStatus.APPROVED and claim.awarded == points:
        return []
    claim = claim_at(state, command.claimant_id, frozenset({ClaimStatus.SUBMITTED}))
    if points > state.issued.points:
        raise InvalidCommand(
            f"核定积分 {points} 超过任务分值 {state.issued.points}",
            f"awarded points {points} exceed the task's {state.issued.points}",
        )
    if points < state.issued.points and not command.reason.strip():
        raise InvalidCommand("少于任务分值时须说明理由", "a reduced award needs a reason")
    issued = state.issued
    return [
        CompletionApproved(
            issued.task_id,
            command.claimant_id,
            issued.branch_id,
            claim.cycle,
            issued.category,
            points,
            command.reason,
        )
    ]


def reject(command: RejectCompletion, state: TaskState, facts: Facts) -> list[TaskEvent]:
    """审核不通过: a reviewer sends a submitted completion back; the second time, or after the deadline, for good."""
    _check_reviewer(state, facts, command)
    claim = state.claim_of(command.claimant_id)
    done = frozenset({ClaimStatus.REJECTED, ClaimStatus.FAILED})
    if claim is not None and claim.status in done and claim.reason == command.reason:
        return []
    claim = claim_at(state, command.claimant_id, frozenset({ClaimStatus.SUBMITTED}))
    final = claim.attempts >= MAX_ATTEMPTS or command.at >= state.issued.deadline
    rejected = CompletionRejected(state.issued.task_id, command.claimant_id, command.reason, final)
    # A final rejection frees the slot: the first waiting person takes it (候补已递补).
    return [rejected, *(promoted(state, command.claimant_id, command.at) if final else [])]


def cancel(command: CancelTask, state: TaskState, facts: Facts) -> list[TaskEvent]:
    """取消任务: an issuer withdraws the task; open claims are released unpaid."""
    unit = task_unit(facts, state, command.at)
    enforce(hold_role(unit, command.actor_id, ISSUERS, command.at, p.CANCEL))
    if state.cancelled:
        return []
    released = tuple(pid for pid, claim in state.claims.items() if claim.status in OPEN)
    return [TaskCancelled(state.issued.task_id, command.reason, released)]


def revoke(command: RevokePoints, state: TaskState, facts: Facts) -> list[TaskEvent]:
    """撤销积分: the secretary or deputy takes back an approved completion's points."""
    unit = task_unit(facts, state, command.at)
    enforce(hold_role(unit, command.actor_id, REVOKERS, command.at, p.REVOKE))
    claim = state.claim_of(command.claimant_id)
    if claim is not None and claim.status == ClaimStatus.REVOKED:
        return []
    claim = claim_at(state, command.claimant_id, frozenset({ClaimStatus.APPROVED}))
    issued = state.issued
    return [
        PointsRevoked(
            issued.task_id,
            command.claimant_id,
            issued.branch_id,
            claim.cycle,
            issued.category,
            claim.awarded,
            command.reason,
        )
    ]


_Review = ApproveCompletion | RejectCompletion
