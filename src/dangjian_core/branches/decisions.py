"""党支部决策 — who may found, appoint and end roles; the branch's folded state."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import TYPE_CHECKING, assert_never

from attrs import evolve, frozen

from dangjian_core.branches.commands import AppointRole, BranchCommand, EndRole, FoundBranch
from dangjian_core.branches.events import (
    BranchEvent,
    BranchFounded,
    Role,
    RoleAssigned,
    RoleEnded,
)
from dangjian_core.shared.errors import (
    DomainError,
    InvalidCommand,
    Unauthorized,
    UnknownSubject,
)
from dangjian_core.shared.ids import BranchId, PersonId

if TYPE_CHECKING:
    from dangjian_core.directory import Directory


class BranchError(DomainError):
    """支部错误 — a branch command was refused."""

    code = "branch"


@frozen
class RoleTerm:
    """任期 — one person's term in one role; open while ``until`` is None."""

    person_id: PersonId
    role: Role
    since: datetime
    until: datetime | None = None

    def covers(self, at: datetime) -> bool:
        """Whether the term was running at ``at``."""
        return self.since <= at and (self.until is None or at < self.until)


@frozen
class BranchState:
    """支部状态 — the branch as folded from its stream."""

    branch_id: BranchId
    name: str
    cycle_start_month: int
    superior_id: str
    terms: tuple[RoleTerm, ...] = ()

    def has_role(self, person_id: str, roles: Collection[Role], at: datetime) -> bool:
        """Whether ``person_id`` held one of ``roles`` at ``at``."""
        return any(
            t.person_id == person_id and t.role in roles and t.covers(at) for t in self.terms
        )

    def holders(self, role: Role, at: datetime) -> list[PersonId]:
        """Who held ``role`` at ``at``."""
        return [t.person_id for t in self.terms if t.role == role and t.covers(at)]


def initial_state() -> BranchState | None:
    """A branch stream starts empty: not founded."""
    return None


def decide(
    command: BranchCommand, state: BranchState | None, directory: Directory
) -> list[BranchEvent]:
    """Decide a branch command against the branch's state."""
    match command:
        case FoundBranch():
            return _found(command, state)
        case AppointRole():
            return _appoint(command, _existing(state, command.branch_id), directory)
        case EndRole():
            return _end(command, _existing(state, command.branch_id))
        case _:
            assert_never(command)


def evolve_state(state: BranchState | None, event: BranchEvent) -> BranchState | None:
    """Fold one branch event into the state; never fails."""
    match event:
        case BranchFounded():
            return BranchState(
                event.branch_id, event.name, event.cycle_start_month, event.superior_id
            )
        case RoleAssigned():
            assert state is not None
            term = RoleTerm(event.person_id, event.role, event.since)
            return evolve(state, terms=(*state.terms, term))
        case RoleEnded():
            assert state is not None
            ended = (event.person_id, event.role, event.since)
            terms = tuple(
                evolve(t, until=event.until) if (t.person_id, t.role, t.since) == ended else t
                for t in state.terms
            )
            return evolve(state, terms=terms)
        case _:
            assert_never(event)


def _existing(state: BranchState | None, branch_id: str) -> BranchState:
    if state is None:
        raise UnknownSubject(f"支部 {branch_id} 不存在", f"branch {branch_id} does not exist")
    return state


def _found(command: FoundBranch, state: BranchState | None) -> list[BranchEvent]:
    if state is not None:
        same = (state.name, state.cycle_start_month, state.superior_id)
        if same == (command.name, command.cycle_start_month, command.actor_id):
            return []
        raise BranchError(
            f"支部 {command.branch_id} 已存在", f"branch {command.branch_id} already exists"
        )
    return [
        BranchFounded(command.branch_id, command.name, command.cycle_start_month, command.actor_id)
    ]


def _may_appoint(state: BranchState, actor_id: str, role: Role, at: datetime) -> bool:
    if actor_id == state.superior_id:
        return True
    return role != Role.SECRETARY and state.has_role(actor_id, [Role.SECRETARY], at)


def _appoint(command: AppointRole, state: BranchState, directory: Directory) -> list[BranchEvent]:
    if command.person_id == command.actor_id:
        raise Unauthorized("不能任命自己", f"{command.actor_id} may not appoint themselves")
    if not _may_appoint(state, command.actor_id, command.role, command.at):
        raise Unauthorized(
            f"{command.actor_id} 无权任命{command.role.zh}",
            f"{command.actor_id} may not appoint a {command.role.value} "
            "(superior, or the secretary for other roles)",
        )
    person = directory.person(command.person_id)
    if person is None or person.branch_id != state.branch_id:
        raise UnknownSubject(
            f"{command.person_id} 不是本支部登记人员",
            f"{command.person_id} is not registered in branch {state.branch_id}",
        )
    open_terms = [
        t
        for t in state.terms
        if (t.person_id, t.role, t.until) == (command.person_id, command.role, None)
    ]
    if open_terms and open_terms[0].covers(command.at):
        return []
    if open_terms:
        raise BranchError(
            f"{command.person_id} 已有自 {open_terms[0].since.date()} 起的{command.role.zh}任期",
            f"{command.person_id} already has an open {command.role.value} term from "
            f"{open_terms[0].since.isoformat()}; terms may not overlap",
        )
    return [RoleAssigned(state.branch_id, command.person_id, command.role, command.at)]


def _end(command: EndRole, state: BranchState) -> list[BranchEvent]:
    if not _may_appoint(state, command.actor_id, command.role, command.at):
        raise Unauthorized(
            f"{command.actor_id} 无权免去{command.role.zh}",
            f"{command.actor_id} may not end a {command.role.value} term",
        )
    held = [t for t in state.terms if (t.person_id, t.role) == (command.person_id, command.role)]
    if not held:
        raise BranchError(
            f"{command.person_id} 未担任{command.role.zh}",
            f"{command.person_id} never held the role {command.role.value}",
        )
    open_terms = [t for t in held if t.until is None]
    if not open_terms:
        return []
    if command.at <= open_terms[0].since:
        raise InvalidCommand(
            "任期结束时间须晚于开始时间",
            f"a term begun {open_terms[0].since.isoformat()} cannot end at {command.at.isoformat()}",
        )
    return [
        RoleEnded(
            state.branch_id,
            command.person_id,
            command.role,
            open_terms[0].since,
            command.at,
            command.reason,
        )
    ]
