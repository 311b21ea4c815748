"""任务决策 — ``decide`` and ``evolve`` for tasks: flat tables over the rules in
:mod:`~dangjian_core.tasks.rules`; the state is :mod:`~dangjian_core.tasks.state`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import assert_never

import attrs

from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.ids import PersonId
from dangjian_core.tasks import rules
from dangjian_core.tasks.commands import (
    ApproveCompletion,
    CancelTask,
    ClaimTask,
    IssueTask,
    RejectCompletion,
    RevokePoints,
    SubmitCompletion,
    TaskCommand,
    WithdrawClaim,
)
from dangjian_core.tasks.events import (
    ClaimWithdrawn,
    CompletionApproved,
    CompletionRejected,
    CompletionSubmitted,
    PointsRevoked,
    TaskCancelled,
    TaskClaimed,
    TaskEvent,
    TaskIssued,
)
from dangjian_core.tasks.state import Claim, ClaimStatus, TaskState, existing, live


def decide(command: TaskCommand, state: TaskState | None, facts: Facts) -> list[TaskEvent]:
    """Decide a task command against the task's state and the facts."""
    match command:
        case IssueTask():
            return rules.issue(command, state, facts)
        case ClaimTask():
            return rules.claim(command, live(state, command.task_id), facts)
        case WithdrawClaim():
            return rules.withdraw(command, live(state, command.task_id))
        case SubmitCompletion():
            return rules.submit(command, live(state, command.task_id), facts)
        case ApproveCompletion():
            return rules.approve(command, live(state, command.task_id), facts)
        case RejectCompletion():
            return rules.reject(command, live(state, command.task_id), facts)
        case CancelTask():
            return rules.cancel(command, existing(state, command.task_id), facts)
        case RevokePoints():
            return rules.revoke(command, existing(state, command.task_id), facts)
        case _:
            assert_never(command)


def evolve(state: TaskState | None, event: TaskEvent) -> TaskState | None:
    """Fold one task event into the state; never fails (an event of a task never issued,
    or of a claim never made, leaves the state as it was)."""
    if isinstance(event, TaskIssued):
        return TaskState(event)
    if state is None:
        return state
    match event:
        case TaskClaimed():
            # Taken again after a withdrawal: the submissions already used still count, so
            # withdrawing cannot buy a fresh resubmission.
            before = state.claim_of(event.claimant_id)
            attempts = 0 if before is None else before.attempts
            return _with(state, event.claimant_id, Claim(ClaimStatus.CLAIMED, attempts))
        case ClaimWithdrawn():
            return _changed(
                state, event.claimant_id, lambda c: attrs.evolve(c, status=ClaimStatus.WITHDRAWN)
            )
        case CompletionSubmitted():
            claim = Claim(
                ClaimStatus.SUBMITTED, event.attempt, event.note, event.photos, event.cycle
            )
            return _with(state, event.claimant_id, claim)
        case CompletionApproved():
            approved = ClaimStatus.APPROVED
            return _changed(
                state,
                event.claimant_id,
                lambda c: attrs.evolve(
                    c, status=approved, awarded=event.points, reason=event.reason
                ),
            )
        case CompletionRejected():
            status = ClaimStatus.FAILED if event.final else ClaimStatus.REJECTED
            return _changed(
                state,
                event.claimant_id,
                lambda c: attrs.evolve(c, status=status, reason=event.reason),
            )
        case TaskCancelled():
            released = {pid: Claim(ClaimStatus.RELEASED) for pid in event.released}
            return attrs.evolve(state, cancelled=True, claims={**state.claims, **released})
        case PointsRevoked():
            revoked = ClaimStatus.REVOKED
            return _changed(
                state,
                event.claimant_id,
                lambda c: attrs.evolve(c, status=revoked, reason=event.reason),
            )
        case _:
            assert_never(event)


def _with(state: TaskState, person_id: PersonId, claim: Claim) -> TaskState:
    return attrs.evolve(state, claims={**state.claims, person_id: claim})


def _changed(state: TaskState, person_id: PersonId, change: Callable[[Claim], Claim]) -> TaskState:
    """The state with one claim changed; a claim never made stays absent."""
    claim = state.claims.get(person_id)
    return state if claim is None else _with(state, person_id, change(claim))
