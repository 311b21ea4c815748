"""任务决策 — the rules of the task points system: ``decide`` and ``evolve``.

Errors live in :mod:`dangjian_core.tasks.errors` and state in
:mod:`dangjian_core.tasks.state`; both are re-exported here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, assert_never

from attrs import evolve

from dangjian_core.branches.events import Role
from dangjian_core.shared.errors import InvalidCommand, Unauthorized, UnknownSubject
from dangjian_core.shared.ids import PersonId
from dangjian_core.shared.time import cycle_of
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
from dangjian_core.tasks.state import (
    AUDIENCE_OF,
    MAX_ATTEMPTS,
    OPEN,
    Claim,
    ClaimStatus,
    TaskState,
)

if TYPE_CHECKING:
    from datetime import datetime

    from dangjian_core.branches.decisions import BranchState
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

ISSUERS = (Role.SECRETARY, Role.ORGANIZING)
REVIEWERS = (Role.SECRETARY, Role.DEPUTY_SECRETARY, Role.ORGANIZING, Role.REVIEWER)
REVOKERS = (Role.SECRETARY, Role.DEPUTY_SECRETARY)


def initial_state() -> TaskState | None:
    """A task stream starts empty: not issued."""
    return None


def decide(command: TaskCommand, state: TaskState | None, directory: Directory) -> list[TaskEvent]:
    """Decide a task command against the task's state and the directory's facts."""
    match command:
        case IssueTask():
            return _issue(command, state, directory)
        case ClaimTask():
            return _claim(command, _live(state, command.task_id), directory)
        case WithdrawClaim():
            return _withdraw(command, _live(state, command.task_id))
        case SubmitCompletion():
            return _submit(command, _live(state, command.task_id), directory)
        case ApproveCompletion():
            return _approve(command, _live(state, command.task_id), directory)
        case RejectCompletion():
            return _reject(command, _live(state, command.task_id), directory)
        case CancelTask():
            return _cancel(command, _existing(state, command.task_id), directory)
        case RevokePoints():
            return _revoke(command, _existing(state, command.task_id), directory)
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


# --- guards -------------------------------------------------------------------------


def _existing(state: TaskState | None, task_id: str) -> TaskState:
    if state is None:
        raise UnknownSubject(f"任务 {task_id} 不存在", f"task {task_id} does not exist")
    return state


def _live(state: TaskState | None, task_id: str) -> TaskState:
    task = _existing(state, task_id)
    if task.cancelled:
        raise TaskClosed(f"任务 {task_id} 已取消", f"task {task_id} was cancelled")
    return task


def _branch(directory: Directory, branch_id: str) -> BranchState:
    branch = directory.branch(branch_id)  # type: ignore[arg-type]
    if branch is None:
        raise UnknownSubject(f"支部 {branch_id} 不存在", f"branch {branch_id} does not exist")
    return branch


def _require_role(
    branch: BranchState, actor_id: str, roles: tuple[Role, ...], at: datetime, what: str
) -> None:
    if not branch.has_role(actor_id, roles, at):
        names = "、".join(role.zh for role in roles)
        raise Unauthorized(
            f"{actor_id} 无权{what}(需{names})",
            f"{actor_id} may not {what}: needs one of {', '.join(r.value for r in roles)}",
        )


def _before_deadline(state: TaskState, at: datetime, step: str) -> None:
    if at >= state.issued.deadline:
        deadline = state.issued.deadline.isoformat()
        raise DeadlinePassed(
            f"任务已于 {deadline} 截止，不能{step}",
            f"task {state.issued.task_id} closed at {deadline}",
        )


def _claim_at(state: TaskState, claimant_id: str, wanted: frozenset[ClaimStatus]) -> Claim:
    claim = state.claim_of(claimant_id)  # type: ignore[arg-type]
    if claim is None or claim.status not in wanted:
        now = "未领办" if claim is None else claim.status.zh
        raise OutOfOrder(
            f"{claimant_id} 的领办状态为「{now}」，不能进行此步骤",
            f"{claimant_id}'s claim on {state.issued.task_id} is "
            f"{'absent' if claim is None else claim.status.value}",
        )
    return claim


# --- the steps ----------------------------------------------------------------------


def _issue(command: IssueTask, state: TaskState | None, directory: Directory) -> list[TaskEvent]:
    _require_role(
        _branch(directory, command.branch_id), command.actor_id, ISSUERS, command.at, "发布任务"
    )
    if command.source_kind == SourceKind.UPPER and not command.source_reference.strip():
        raise InvalidCommand(
            "上级部署的任务须注明文件或部署依据", "an upper-level task needs its reference"
        )
    if command.deadline <= command.at:
        raise InvalidCommand("截止时间须晚于发布时间", "the deadline must be after issuing")
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
    _before_deadline(state, command.at, "领办")
    person = directory.person(command.actor_id)
    if person is None or person.branch_id != state.issued.branch_id:
        raise NotEligible(
            f"{command.actor_id} 不是本支部登记人员",
            f"{command.actor_id} is not on branch {state.issued.branch_id}'s roll",
        )
    if AUDIENCE_OF[person.status] not in state.issued.audiences:
        raise NotEligible(
            f"{person.name}({person.status.zh})不在此任务的领办范围内",
            f"{command.actor_id} ({person.status.value}) is not in the task's audience",
        )
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
    _claim_at(state, command.actor_id, frozenset({ClaimStatus.CLAIMED, ClaimStatus.REJECTED}))
    _before_deadline(state, command.at, "撤回")
    return [ClaimWithdrawn(state.issued.task_id, command.actor_id)]


def _submit(command: SubmitCompletion, state: TaskState, directory: Directory) -> list[TaskEvent]:
    claim = state.claim_of(command.actor_id)
    if (
        claim is not None
        and claim.status == ClaimStatus.SUBMITTED
        and (claim.note, claim.photos) == (command.note, command.photos)
    ):
        return []
    claim = _claim_at(
        state, command.actor_id, frozenset({ClaimStatus.CLAIMED, ClaimStatus.REJECTED})
    )
    _before_deadline(state, command.at, "提交")
    start_month = _branch(directory, state.issued.branch_id).cycle_start_month
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


def _check_reviewer(state: TaskState, directory: Directory, command: _Review) -> None:
    if command.actor_id == command.claimant_id:
        raise SelfReview("不能审核本人的领办", f"{command.actor_id} may not review their own claim")
    branch = _branch(directory, state.issued.branch_id)
    _require_role(branch, command.actor_id, REVIEWERS, command.at, "审核")


def _approve(command: ApproveCompletion, state: TaskState, directory: Directory) -> list[TaskEvent]:
    _check_reviewer(state, directory, command)
    points = state.issued.points if command.points is None else command.points
    claim = state.claim_of(command.claimant_id)
    if claim is not None and claim.status == ClaimStatus.APPROVED and claim.awarded == points:
        return []
    claim = _claim_at(state, command.claimant_id, frozenset({ClaimStatus.SUBMITTED}))
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


def _reject(command: RejectCompletion, state: TaskState, directory: Directory) -> list[TaskEvent]:
    _check_reviewer(state, directory, command)
    claim = state.claim_of(command.claimant_id)
    done = frozenset({ClaimStatus.REJECTED, ClaimStatus.FAILED})
    if claim is not None and claim.status in done and claim.reason == command.reason:
        return []
    claim = _claim_at(state, command.claimant_id, frozenset({ClaimStatus.SUBMITTED}))
    final = claim.attempts >= MAX_ATTEMPTS or command.at >= state.issued.deadline
    return [CompletionRejected(state.issued.task_id, command.claimant_id, command.reason, final)]


def _cancel(command: CancelTask, state: TaskState, directory: Directory) -> list[TaskEvent]:
    branch = _branch(directory, state.issued.branch_id)
    _require_role(branch, command.actor_id, ISSUERS, command.at, "取消任务")
    if state.cancelled:
        return []
    released = tuple(pid for pid, claim in state.claims.items() if claim.status in OPEN)
    return [TaskCancelled(state.issued.task_id, command.reason, released)]


def _revoke(command: RevokePoints, state: TaskState, directory: Directory) -> list[TaskEvent]:
    branch = _branch(directory, state.issued.branch_id)
    _require_role(branch, command.actor_id, REVOKERS, command.at, "撤销积分")
    claim = state.claim_of(command.claimant_id)
    if claim is not None and claim.status == ClaimStatus.REVOKED:
        return []
    claim = _claim_at(state, command.claimant_id, frozenset({ClaimStatus.APPROVED}))
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
