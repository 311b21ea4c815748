"""任务决策 — the rules of the task points system: ``decide`` and ``evolve``.

Errors live in :mod:`dangjian_core.tasks.errors` and state in
:mod:`dangjian_core.tasks.state`; both are re-exported here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, assert_never

from attrs import evolve

from dangjian_core import permissions
from dangjian_core.shared.errors import InvalidCommand
from dangjian_core.shared.ids import PersonId
from dangjian_core.shared.time import cycle_of
from dangjian_core.tasks import grid_target, reserved, reviews
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
from dangjian_core.tasks.errors import (
    DeadlinePassed,
    NoSlotsLeft,
    NotEligible,
    OutOfOrder,
    SelfReview,
    TaskClosed,
    TaskError,
)
from dangjian_core.tasks.events import (
    Audience,
    ClaimWithdrawn,
    CompletionApproved,
    CompletionRejected,
    CompletionSubmitted,
    PointsRevoked,
    SourceKind,
    TaskCancelled,
    TaskClaimed,
    TaskEvent,
    TaskIssued,
)
from dangjian_core.tasks.guards import (
    before_deadline,
    claim_at,
    cycle_open,
    existing,
    in_same_unit,
    live,
    require_role,
)
from dangjian_core.tasks.state import AUDIENCE_OF, Claim, ClaimStatus, TaskState
from dangjian_core.units.guards import alive, other
from dangjian_core.units.roles import ISSUERS

if TYPE_CHECKING:
    from dangjian_core.directory import Directory

__all__ = [
    "DeadlinePassed",
    "NoSlotsLeft",
    "NotEligible",
    "OutOfOrder",
    "SelfReview",
    "TaskClosed",
    "TaskError",
    "TaskState",
    "decide",
    "evolve_state",
    "initial_state",
]


def initial_state() -> TaskState | None:
    """A task stream starts empty: not issued."""
    return None


def decide(command: TaskCommand, state: TaskState | None, directory: Directory) -> list[TaskEvent]:
    """Decide a task command against the task's state and the directory's facts."""
    match command:
        case IssueTask():
            return _issue(command, state, directory)
        case ClaimTask():
            return _claim(command, live(state, command.task_id), directory)
        case WithdrawClaim():
            return _withdraw(command, live(state, command.task_id))
        case SubmitCompletion():
            return _submit(command, live(state, command.task_id), directory)
        case ApproveCompletion():
            task = cycle_open(directory, live(state, command.task_id), command.claimant_id)
            return reviews.approve(command, task, directory)
        case RejectCompletion():
            return reviews.reject(command, live(state, command.task_id), directory)
        case CancelTask():
            return reviews.cancel(command, existing(state, command.task_id), directory)
        case RevokePoints():
            task = cycle_open(directory, existing(state, command.task_id), command.claimant_id)
            return reviews.revoke(command, task, directory)
        case _:
            assert_never(command)


def evolve_state(state: TaskState | None, event: TaskEvent) -> TaskState | None:
    """Fold one task event into the state; never fails."""
    if isinstance(event, TaskIssued):
        return TaskState(event)
    assert state is not None
    match event:
        case TaskClaimed():
            # Taken again after a withdrawal: the submissions already used still count, so
            # withdrawing cannot buy a fresh resubmission.
            before = state.claim_of(event.claimant_id)
            attempts = 0 if before is None else before.attempts
            return _with(state, event.claimant_id, Claim(ClaimStatus.CLAIMED, attempts))
        case ClaimWithdrawn():
            return _set_status(state, event.claimant_id, ClaimStatus.WITHDRAWN)
        case CompletionSubmitted():
            claim = Claim(
                ClaimStatus.SUBMITTED, event.attempt, event.note, event.photos, event.cycle
            )
            return _with(state, event.claimant_id, claim)
        case CompletionApproved():
            claim = evolve(
                state.claims[event.claimant_id],
                status=ClaimStatus.APPROVED,
                awarded=event.points,
                reason=event.reason,
            )
            return _with(state, event.claimant_id, claim)
        case CompletionRejected():
            status = ClaimStatus.FAILED if event.final else ClaimStatus.REJECTED
            claim = evolve(state.claims[event.claimant_id], status=status, reason=event.reason)
            return _with(state, event.claimant_id, claim)
        case TaskCancelled():
            released = {pid: Claim(ClaimStatus.RELEASED) for pid in event.released}
            return evolve(state, cancelled=True, claims={**state.claims, **released})
        case PointsRevoked():
            claim = evolve(
                state.claims[event.claimant_id], status=ClaimStatus.REVOKED, reason=event.reason
            )
            return _with(state, event.claimant_id, claim)
        case _:
            assert_never(event)


def _with(state: TaskState, person_id: PersonId, claim: Claim) -> TaskState:
    return evolve(state, claims={**state.claims, person_id: claim})


def _set_status(state: TaskState, person_id: PersonId, status: ClaimStatus) -> TaskState:
    return _with(state, person_id, evolve(state.claims[person_id], status=status))


# --- the steps ----------------------------------------------------------------------


def _issue(command: IssueTask, state: TaskState | None, directory: Directory) -> list[TaskEvent]:
    unit = other(directory, command.branch_id)
    require_role(unit, command.actor_id, ISSUERS, command.at, permissions.ISSUE)
    alive(unit, command.at)
    if command.source_kind == SourceKind.UPPER and not command.source_reference.strip():
        raise InvalidCommand(
            "上级部署的任务须注明文件或部署依据", "an upper-level task needs its reference"
        )
    if command.deadline <= command.at:
        raise InvalidCommand("截止时间须晚于发布时间", "the deadline must be after issuing")
    grid_target.check_target(command, directory)
    reserved.check_known(command, directory)
    event = TaskIssued(
        command.task_id,
        command.branch_id,
        command.title,
        command.category,
        command.points,
        command.slots,
        command.deadline,
        tuple(a for a in Audience if a in command.audiences),
        command.source_kind,
        command.source_reference,
        command.grid_block,
        command.reserved_for,
    )
    if state is not None:
        if state.issued == event:
            return []
        raise TaskError(
            f"任务编号 {command.task_id} 已被占用", f"task id {command.task_id} is taken"
        )
    return [event]


def _claim(command: ClaimTask, state: TaskState, directory: Directory) -> list[TaskEvent]:
    existing = state.claim_of(command.actor_id)
    if existing is not None and existing.status == ClaimStatus.CLAIMED:
        return []
    if existing is not None and existing.status != ClaimStatus.WITHDRAWN:
        raise OutOfOrder(
            f"已领办过此任务(当前状态「{existing.status.zh}」),不能再次领办",
            f"{command.actor_id} already has a {existing.status.value} claim on "
            f"{state.issued.task_id}; only a withdrawn claim may be taken again",
        )
    before_deadline(state, command.at, "领办")
    person = directory.person(command.actor_id)
    if person is None or not in_same_unit(directory, person, state, command.at):
        raise NotEligible(
            f"{command.actor_id} 不是本支部登记人员",
            f"{command.actor_id} is not on branch {state.issued.branch_id}'s roll",
        )
    if AUDIENCE_OF.get(person.status) not in state.issued.audiences:
        raise NotEligible(
            f"{person.name}({person.status.zh})不在此任务的领办范围内",
            f"{command.actor_id} ({person.status.value}) is not in the task's audience",
        )
    grid_target.check_assigned(state, directory, command.actor_id)
    reserved.check_reserved(state, command.actor_id)
    if state.taken >= state.issued.slots:
        raise NoSlotsLeft(
            f"名额已满：任务「{state.issued.title}」{state.issued.slots} 个名额均已被领办",
            f"no slots left: all {state.issued.slots} slots of {state.issued.task_id} are taken",
        )
    return [TaskClaimed(state.issued.task_id, command.actor_id)]


def _withdraw(command: WithdrawClaim, state: TaskState) -> list[TaskEvent]:
    claim = state.claim_of(command.actor_id)
    if claim is not None and claim.status == ClaimStatus.WITHDRAWN:
        return []
    claim_at(state, command.actor_id, frozenset({ClaimStatus.CLAIMED, ClaimStatus.REJECTED}))
    before_deadline(state, command.at, "撤回")
    return [ClaimWithdrawn(state.issued.task_id, command.actor_id)]


def _submit(command: SubmitCompletion, state: TaskState, directory: Directory) -> list[TaskEvent]:
    claim = state.claim_of(command.actor_id)
    if (
        claim is not None
        and claim.status == ClaimStatus.SUBMITTED
        and (claim.note, claim.photos) == (command.note, command.photos)
    ):
        return []
    claim = claim_at(
        state, command.actor_id, frozenset({ClaimStatus.CLAIMED, ClaimStatus.REJECTED})
    )
    before_deadline(state, command.at, "提交")
    start_month = other(directory, state.issued.branch_id).cycle_start_month
    return [
        CompletionSubmitted(
            state.issued.task_id,
            command.actor_id,
            command.note,
            command.photos,
            cycle_of(command.at, start_month),
            claim.attempts + 1,
        )
    ]
