"""人员决策 — who may register people and change their status; the person's state."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, assert_never

from attrs import evolve, frozen

from dangjian_core.branches.events import Role
from dangjian_core.people.commands import ChangePartyStatus, PersonCommand, RegisterPerson
from dangjian_core.people.events import (
    PartyStatus,
    PartyStatusChanged,
    PersonEvent,
    PersonRegistered,
)
from dangjian_core.shared.errors import DomainError, InvalidCommand, Unauthorized, UnknownSubject
from dangjian_core.shared.ids import BranchId, PersonId

if TYPE_CHECKING:
    from datetime import datetime

    from dangjian_core.branches.decisions import BranchState
    from dangjian_core.directory import Directory

ROSTER_KEEPERS = (Role.SECRETARY, Role.DEPUTY_SECRETARY, Role.ORGANIZING)


class PersonError(DomainError):
    """人员错误 — a person command was refused."""

    code = "person"


@frozen
class StatusPeriod:
    """身份时段 — a party status held from a date."""

    status: PartyStatus
    since: date


@frozen
class PersonState:
    """人员状态 — a person as folded from their stream."""

    person_id: PersonId
    branch_id: BranchId
    name: str
    history: tuple[StatusPeriod, ...]

    @property
    def status(self) -> PartyStatus:
        """The current party status."""
        return self.history[-1].status


def initial_state() -> PersonState | None:
    """A person stream starts empty: not registered."""
    return None


def decide(
    command: PersonCommand, state: PersonState | None, directory: Directory
) -> list[PersonEvent]:
    """Decide a person command against the person's state."""
    match command:
        case RegisterPerson():
            return _register(command, state, directory)
        case ChangePartyStatus():
            return _change(command, state, directory)
        case _:
            assert_never(command)


def evolve_state(state: PersonState | None, event: PersonEvent) -> PersonState | None:
    """Fold one person event into the state; never fails."""
    match event:
        case PersonRegistered():
            period = StatusPeriod(event.status, event.status_since)
            return PersonState(event.person_id, event.branch_id, event.name, (period,))
        case PartyStatusChanged():
            assert state is not None
            period = StatusPeriod(event.status, event.since)
            return evolve(state, history=(*state.history, period))
        case _:
            assert_never(event)


def may_keep_roster(branch: BranchState, actor_id: str, at: datetime) -> bool:
    """The superior, secretary, deputy or organizing member keep a branch's roll."""
    return actor_id == branch.superior_id or branch.has_role(actor_id, ROSTER_KEEPERS, at)


def _branch_for(directory: Directory, branch_id: BranchId) -> BranchState:
    branch = directory.branch(branch_id)
    if branch is None:
        raise UnknownSubject(f"支部 {branch_id} 不存在", f"branch {branch_id} does not exist")
    return branch


def _register(
    command: RegisterPerson, state: PersonState | None, directory: Directory
) -> list[PersonEvent]:
    branch = _branch_for(directory, command.branch_id)
    if not may_keep_roster(branch, command.actor_id, command.at):
        raise Unauthorized(
            f"{command.actor_id} 无权登记人员", f"{command.actor_id} may not register people"
        )
    if command.status_since > command.at.date():
        raise InvalidCommand("身份起始日期晚于当前", "status_since lies in the future")
    if state is not None:
        registered = (state.branch_id, state.name, state.history[0])
        asked = (
            command.branch_id,
            command.name,
            StatusPeriod(command.status, command.status_since),
        )
        if registered == asked:
            return []
        raise PersonError(
            f"人员编号 {command.person_id} 已被占用",
            f"person id {command.person_id} is already registered",
        )
    return [
        PersonRegistered(
            command.person_id,
            command.branch_id,
            command.name,
            command.status,
            command.status_since,
        )
    ]


def _change(
    command: ChangePartyStatus, state: PersonState | None, directory: Directory
) -> list[PersonEvent]:
    if state is None:
        raise UnknownSubject(
            f"人员 {command.person_id} 不存在", f"person {command.person_id} does not exist"
        )
    if not may_keep_roster(_branch_for(directory, state.branch_id), command.actor_id, command.at):
        raise Unauthorized(
            f"{command.actor_id} 无权变更政治面貌",
            f"{command.actor_id} may not change party status",
        )
    if command.since > command.at.date() or command.since < state.history[-1].since:
        raise InvalidCommand(
            "变更日期须在上次变更之后、当前之前",
            "since must lie between the last change and now",
        )
    if state.status == command.status:
        return []
    return [PartyStatusChanged(command.person_id, command.status, command.since, command.reason)]
