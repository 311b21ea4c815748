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
    CloseDrawWindow,
    CloseTask,
    DrawSlots,
    IssueTask,
    RejectCompletion,
    RevokePoints,
    SubmitCompletion,
    TaskCommand,
    WithdrawClaim,
)
from dangjian_core.tasks.events import (
    ClaimWaitlisted,
    ClaimWithdrawn,
    CompletionApproved,
    CompletionRejected,
    CompletionSubmitted,
    DrawEntered,
    DrawWindowClosed,
    PointsRevoked,
    SlotsDrawn,
    TaskCancelled,
    TaskClaimed,
    TaskConcluded,
    TaskEvent,
    TaskIssued,
    WaitlistLeft,
    WaitlistPromoted,
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
        case DrawSlots():
            return rules.draw(command, live(state, command.task_id), facts)
        case CloseDrawWindow():
            return rules.close_window(command, live(state, command.task_id), facts)
        case CloseTask():
            return rules.close(command, live(state, command.task_id), facts)
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
        case DrawEntered():
            return _waiting(state, event.claimant_id, ClaimStatus.ENTERED, queue=False)
        case ClaimWaitlisted():
            return _waiting(state, event.claimant_id, ClaimStatus.WAITING, queue=True)
        case WaitlistLeft():
            left = _changed(
                state, event.claimant_id, lambda c: attrs.evolve(c, status=ClaimStatus.WITHDRAWN)
            )
            return _dequeued(left, (event.claimant_id,))
        case WaitlistPromoted():
            claimed = _changed(
                state, event.claimant_id, lambda c: attrs.evolve(c, status=ClaimStatus.CLAIMED)
            )
            return _dequeued(claimed, (event.claimant_id,))
        case DrawWindowClosed():
            return attrs.evolve(state, window_closed=True)
        case SlotsDrawn():
            return _drawn(state, event)
        case TaskConcluded():
            return _concluded(state, event)
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
            claims = {**state.claims, **released}
            return attrs.evolve(state, cancelled=True, claims=claims, waitlist=())
        case PointsRevoked():
            revoked = ClaimStatus.REVOKED
            return _changed(
                state,
                event.claimant_id,
                lambda c: attrs.evolve(c, status=revoked, reason=event.reason),
            )
        case _:
            assert_never(event)


def _waiting(state: TaskState, person_id: PersonId, status: ClaimStatus, queue: bool) -> TaskState:
    before = state.claim_of(person_id)
    attempts = 0 if before is None else before.attempts
    waited = _with(state, person_id, Claim(status, attempts))
    if not queue or person_id in state.waitlist:
        return waited
    return attrs.evolve(waited, waitlist=(*state.waitlist, person_id))


def _dequeued(state: TaskState, people: tuple[PersonId, ...]) -> TaskState:
    return attrs.evolve(state, waitlist=tuple(p for p in state.waitlist if p not in people))


def _drawn(state: TaskState, event: SlotsDrawn) -> TaskState:
    """Winners hold a slot; the others wait in rank order, before anyone waiting already."""
    claims = dict(state.claims)
    for person_id in event.winners:
        before = claims.get(person_id)
        claims[person_id] = Claim(ClaimStatus.CLAIMED, 0 if before is None else before.attempts)
    for person_id in event.waitlist:
        before = claims.get(person_id)
        claims[person_id] = Claim(ClaimStatus.WAITING, 0 if before is None else before.attempts)
    drawn = set(event.winners) | set(event.waitlist)
    queue = (*event.waitlist, *(p for p in state.waitlist if p not in drawn))
    return attrs.evolve(state, claims=claims, waitlist=queue, drawn=True)


def _concluded(state: TaskState, event: TaskConcluded) -> TaskState:
    claims = dict(state.claims)
    for person_id in event.no_shows:
        if person_id in claims:
            claims[person_id] = attrs.evolve(claims[person_id], status=ClaimStatus.NO_SHOW)
    for person_id in event.dropped:
        if person_id in claims:
            claims[person_id] = attrs.evolve(claims[person_id], status=ClaimStatus.WITHDRAWN)
    return attrs.evolve(state, claims=claims, waitlist=(), concluded=True)


def _with(state: TaskState, person_id: PersonId, claim: Claim) -> TaskState:
    return attrs.evolve(state, claims={**state.claims, person_id: claim})


def _changed(state: TaskState, person_id: PersonId, change: Callable[[Claim], Claim]) -> TaskState:
    """The state with one claim changed; a claim never made stays absent."""
    claim = state.claims.get(person_id)
    return state if claim is None else _with(state, person_id, change(claim))
