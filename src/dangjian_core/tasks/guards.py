"""任务守卫 — the checks task decisions start with: the task exists and is live, the
actor holds a role in the unit running the task, the deadline, the claim's step."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from dangjian_core import permissions
from dangjian_core.evaluation.decisions import closed_refusal
from dangjian_core.shared.errors import UnknownSubject
from dangjian_core.shared.ids import BranchId, PersonId
from dangjian_core.tasks.errors import DeadlinePassed, OutOfOrder, TaskClosed
from dangjian_core.tasks.state import Claim, ClaimStatus, TaskState
from dangjian_core.units.guards import other
from dangjian_core.units.hierarchy import live_unit

if TYPE_CHECKING:
    from dangjian_core.directory import Directory
    from dangjian_core.people.decisions import PersonState
    from dangjian_core.units.roles import Role
    from dangjian_core.units.state import UnitState


def existing(state: TaskState | None, task_id: str) -> TaskState:
    """The task, or a refusal naming the unknown task."""
    if state is None:
        raise UnknownSubject(f"任务 {task_id} 不存在", f"task {task_id} does not exist")
    return state


def live(state: TaskState | None, task_id: str) -> TaskState:
    """The task, if it exists and was not cancelled."""
    task = existing(state, task_id)
    if task.cancelled:
        raise TaskClosed(f"任务 {task_id} 已取消", f"task {task_id} was cancelled")
    return task


def task_unit(directory: Directory, state: TaskState, at: datetime) -> UnitState:
    """The unit running the task at ``at``: its branch, or what the branch merged into."""
    branch_id = state.issued.branch_id
    return live_unit(directory, branch_id, at) or other(directory, branch_id)


def in_same_unit(directory: Directory, person: PersonState, state: TaskState, at: datetime) -> bool:
    """Whether the person is on the roll of the unit running the task at ``at``."""
    home = live_unit(directory, person.branch_at(at), at)
    return home is not None and home.unit_id == task_unit(directory, state, at).unit_id


def require_role(
    unit: UnitState, actor_id: str, roles: tuple[Role, ...], at: datetime, what: tuple[str, str]
) -> None:
    """Refuse unless the actor held one of ``roles`` in ``unit`` at ``at``."""
    permissions.enforce(permissions.hold_role(unit, actor_id, roles, at, what))


def before_deadline(state: TaskState, at: datetime, step: str) -> None:
    """Refuse a step at or after the task's deadline."""
    if at >= state.issued.deadline:
        deadline = state.issued.deadline.isoformat()
        raise DeadlinePassed(
            f"任务已于 {deadline} 截止，不能{step}",
            f"task {state.issued.task_id} closed at {deadline}",
        )


def claim_at(state: TaskState, claimant_id: str, wanted: frozenset[ClaimStatus]) -> Claim:
    """The claimant's claim, if it is at one of the ``wanted`` steps."""
    claim = state.claim_of(PersonId(claimant_id))
    if claim is None or claim.status not in wanted:
        now = "未领办" if claim is None else claim.status.zh
        raise OutOfOrder(
            f"{claimant_id} 的领办状态为「{now}」，不能进行此步骤",
            f"{claimant_id}'s claim on {state.issued.task_id} is "
            f"{'absent' if claim is None else claim.status.value}",
        )
    return claim


def cycle_open(directory: Directory, state: TaskState, claimant_id: str) -> TaskState:
    """The task, unless the claim's points fall in an evaluation cycle already closed
    (its standings are frozen): then approving or revoking is refused."""
    claim = state.claim_of(PersonId(claimant_id))
    if claim is not None:
        points_cycle_open(directory, state.issued.branch_id, claim.cycle)
    return state


def points_cycle_open(directory: Directory, branch_id: str, cycle: str) -> None:
    """Refuse a change to the points of a unit's closed evaluation cycle."""
    evaluation = directory.evaluation(BranchId(branch_id), cycle)
    if evaluation is not None and evaluation.closed is not None:
        raise closed_refusal(evaluation)
