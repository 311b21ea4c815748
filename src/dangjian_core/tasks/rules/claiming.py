"""领办规则 — issuing a task and the claimant's steps: claim, withdraw, submit."""

from __future__ import annotations

from datetime import datetime, timedelta

from dangjian_core.grids.events import BlockSize
from dangjian_core.grids.state import BLOCK
from dangjian_core.kernel.authority import enforce
from dangjian_core.kernel.errors import InvalidCommand, UnknownSubject
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.ids import PersonId
from dangjian_core.kernel.time import cycle_of
from dangjian_core.people.state import PERSON, PersonState
from dangjian_core.tasks import permissions as p
from dangjian_core.tasks.commands import ClaimTask, IssueTask, SubmitCompletion, WithdrawClaim
from dangjian_core.tasks.events import (
    Audience,
    ClaimWithdrawn,
    CompletionSubmitted,
    SourceKind,
    TaskClaimed,
    TaskEvent,
    TaskIssued,
)
from dangjian_core.tasks.rules import waiting
from dangjian_core.tasks.state import (
    AUDIENCE_OF,
    WAITS,
    Claim,
    ClaimStatus,
    DeadlinePassed,
    NotEligible,
    OutOfOrder,
    TaskIdTaken,
    TaskState,
)
from dangjian_core.units.hierarchy import live_unit
from dangjian_core.units.permissions import hold_role
from dangjian_core.units.roles import ISSUERS
from dangjian_core.units.state import UnitState, alive, other

CLAIMED = frozenset({ClaimStatus.CLAIMED})


def issue(command: IssueTask, state: TaskState | None, facts: Facts) -> list[TaskEvent]:
    unit = other(facts, command.branch_id)
    enforce(hold_role(unit, command.actor_id, ISSUERS, command.at, p.ISSUE))
    alive(unit, command.at)
    if command.source_kind == SourceKind.UPPER and not command.source_reference.strip():
        raise InvalidCommand(
            "上级部署的任务须注明文件或部署依据", "an upper-level task needs its reference"
        )
    if command.deadline <= command.at:
        raise InvalidCommand("截止时间须晚于发布时间", "the deadline must be after issuing")
    check_target(command, facts)
    check_known(command, facts)
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
        draw_until(command),
        command.draw_weighted and command.draw_minutes > 0,
        command.waitlist or command.draw_minutes > 0,
    )
    if state is not None:
        if state.issued == event:
            return []
        raise TaskIdTaken(
            f"任务编号 {command.task_id} 已被占用", f"task id {command.task_id} is taken"
        )
    return [event]


def claim(command: ClaimTask, state: TaskState, facts: Facts) -> list[TaskEvent]:
    existing = state.claim_of(command.actor_id)
    if existing is not None and existing.status in (CLAIMED | WAITS):
        return []
    waiting.not_concluded(state)
    if existing is not None and existing.status != ClaimStatus.WITHDRAWN:
        raise OutOfOrder(
            f"已领办过此任务(当前状态「{existing.status.zh}」),不能再次领办",
            f"{command.actor_id} already has a {existing.status.value} claim on "
            f"{state.issued.task_id}; only a withdrawn claim may be taken again",
        )
    before_deadline(state, command.at, "领办")
    person = facts.get(PERSON, command.actor_id)
    if person is None or not in_same_unit(facts, person, state, command.at):
        raise NotEligible(
            f"{command.actor_id} 不是本支部登记人员",
            f"{command.actor_id} is not on branch {state.issued.branch_id}'s roll",
        )
    if AUDIENCE_OF.get(person.status) not in state.issued.audiences:
        raise NotEligible(
            f"{person.name}({person.status.zh})不在此任务的领办范围内",
            f"{command.actor_id} ({person.status.value}) is not in the task's audience",
        )
    check_assigned(state, facts, command.actor_id)
    check_reserved(state, command.actor_id)
    # Entered in the draw, refused while it is pending, waitlisted or refused when full.
    return waiting.not_granted(state, command.actor_id, command.at) or [
        TaskClaimed(state.issued.task_id, command.actor_id)
    ]


def withdraw(command: WithdrawClaim, state: TaskState) -> list[TaskEvent]:
    claim = state.claim_of(command.actor_id)
    if claim is not None and claim.status == ClaimStatus.WITHDRAWN:
        return []
    if claim is not None and claim.status in WAITS:
        before_deadline(state, command.at, "撤回")
        return waiting.leave(state, command.actor_id)
    claim_at(state, command.actor_id, frozenset({ClaimStatus.CLAIMED, ClaimStatus.REJECTED}))
    before_deadline(state, command.at, "撤回")
    freed = ClaimWithdrawn(state.issued.task_id, command.actor_id)
    return [freed, *waiting.promoted(state, command.actor_id, command.at)]


def submit(command: SubmitCompletion, state: TaskState, facts: Facts) -> list[TaskEvent]:
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
    start_month = other(facts, state.issued.branch_id).cycle_start_month
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


def draw_until(command: IssueTask) -> datetime | None:
    """The end of the task's draw window, before its deadline; None without a window."""
    if not command.draw_minutes:
        return None
    until = command.at + timedelta(minutes=command.draw_minutes)
    if until >= command.deadline:
        raise InvalidCommand(
            "抽签窗口须在截止时间之前结束", "the draw window must end before the deadline"
        )
    return until


# --- the checks the steps share ---------------------------------------------------


def task_unit(facts: Facts, state: TaskState, at: datetime) -> UnitState:
    """The unit running the task at ``at``: its branch, or what the branch merged into."""
    branch_id = state.issued.branch_id
    return live_unit(facts, branch_id, at) or other(facts, branch_id)


def in_same_unit(facts: Facts, person: PersonState, state: TaskState, at: datetime) -> bool:
    """Whether the person is on the roll of the unit running the task at ``at``."""
    home = live_unit(facts, person.branch_at(at), at)
    return home is not None and home.unit_id == task_unit(facts, state, at).unit_id


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


def check_target(command: IssueTask, facts: Facts) -> None:
    """Refuse a grid block that is unknown, large, or of another branch."""
    if command.grid_block is None:
        return
    block = facts.get(BLOCK, command.grid_block)
    if block is None or block.size != BlockSize.SMALL or block.branch_id != command.branch_id:
        raise InvalidCommand(
            f"网格 {command.grid_block} 不是 {command.branch_id} 的小网格",
            f"{command.grid_block} is not a small grid block of {command.branch_id}",
        )


def check_assigned(state: TaskState, facts: Facts, claimant_id: str) -> None:
    """Refuse a claim on a grid task by someone not assigned to its block."""
    block_id = state.issued.grid_block
    if block_id is None:
        return
    block = facts.get(BLOCK, block_id)
    if block is None or not block.assigned(claimant_id):
        raise NotEligible(
            f"{claimant_id} 不在网格 {block_id} 的岗位或联户名单上,不能领办网格任务",
            f"{claimant_id} is not assigned to grid block {block_id}",
        )


def check_known(command: IssueTask, facts: Facts) -> None:
    """Refuse a reservation naming someone nobody registered."""
    for person_id in command.reserved_for:
        if facts.get(PERSON, person_id) is None:
            raise UnknownSubject(f"人员 {person_id} 不存在", f"person {person_id} does not exist")


def check_reserved(state: TaskState, claimant_id: str) -> None:
    """Refuse a claim on a reserved task by someone it is not reserved for."""
    reserved = state.issued.reserved_for
    if reserved and claimant_id not in reserved:
        raise NotEligible(
            f"任务「{state.issued.title}」指定由 {'、'.join(reserved)} 领办,{claimant_id} 不能领办",
            f"task {state.issued.task_id} is reserved for {', '.join(reserved)}; "
            f"{claimant_id} may not claim it",
        )
