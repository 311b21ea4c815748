"""人员决策 — who may register people, record their details and change their status;
the person's folded state. The order of statuses and its waiting periods are in
:mod:`~dangjian_core.people.pipeline`."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, assert_never

from attrs import evolve, frozen

from dangjian_core import permissions
from dangjian_core.people.commands import (
    ChangePartyStatus,
    ExtendProbation,
    PersonCommand,
    RecordPersonDetails,
    RegisterPerson,
    RenamePerson,
    TransferMembership,
)
from dangjian_core.people.events import (
    Gender,
    MembershipTransferred,
    PartyStatus,
    PartyStatusChanged,
    PersonDetailsRecorded,
    PersonEvent,
    PersonRegistered,
    PersonRenamed,
    ProbationExtended,
)
from dangjian_core.people.pipeline import check_change, check_extension
from dangjian_core.shared.errors import DomainError, InvalidCommand, UnknownSubject
from dangjian_core.shared.ids import BranchId, PersonId
from dangjian_core.units.guards import UnitError, alive, other
from dangjian_core.units.hierarchy import ROLL_KINDS, live_unit

if TYPE_CHECKING:
    from dangjian_core.directory import Directory
    from dangjian_core.units.state import UnitState


class PersonError(DomainError):
    """人员错误 — a person command was refused."""

    code = "person"


@frozen
class StatusPeriod:
    """身份时段 — a party status held from a date."""

    status: PartyStatus
    since: date


@frozen
class Transfer:
    """转接 — the person's membership moved from one unit's roll to another's at a time."""

    from_id: BranchId
    to_id: BranchId
    since: datetime


@frozen
class PersonState:
    """人员状态 — a person as folded from their stream (personal details included)."""

    person_id: PersonId
    branch_id: BranchId
    name: str
    history: tuple[StatusPeriod, ...]
    gender: Gender = Gender.UNSPECIFIED
    birth_year: int | None = None
    contact: str = ""
    id_number: str = ""
    probation_until: date | None = None
    transfers: tuple[Transfer, ...] = ()

    @property
    def registered_id(self) -> BranchId:
        """The unit the person was registered in (before any transfer)."""
        return self.transfers[0].from_id if self.transfers else self.branch_id

    def branch_at(self, at: datetime) -> BranchId:
        """The unit whose roll the person was on at ``at``, as recorded (``branch_id`` is
        the latest); see :func:`home_unit` for hand-overs after merges."""
        current = self.registered_id
        for transfer in self.transfers:
            if transfer.since <= at:
                current = transfer.to_id
        return current

    @property
    def status(self) -> PartyStatus:
        """The current party status."""
        return self.history[-1].status

    @property
    def details(self) -> tuple[Gender, int | None, str, str]:
        """Gender, birth year, contact and ID number, as recorded."""
        return (self.gender, self.birth_year, self.contact, self.id_number)


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
        case RecordPersonDetails():
            return _details(command, _existing(state, command.person_id), directory)
        case RenamePerson():
            return _rename(command, _existing(state, command.person_id), directory)
        case ChangePartyStatus():
            return _change(command, _existing(state, command.person_id), directory)
        case ExtendProbation():
            return _extend(command, _existing(state, command.person_id), directory)
        case TransferMembership():
            return _transfer(command, _existing(state, command.person_id), directory)
        case _:
            assert_never(command)


def evolve_state(state: PersonState | None, event: PersonEvent) -> PersonState | None:
    """Fold one person event into the state; never fails."""
    if isinstance(event, PersonRegistered):
        period = StatusPeriod(event.status, event.status_since)
        return PersonState(event.person_id, event.branch_id, event.name, (period,))
    assert state is not None
    match event:
        case PartyStatusChanged():
            history = (*state.history, StatusPeriod(event.status, event.since))
            fresh = event.status == PartyStatus.PROBATIONARY
            until = None if fresh else state.probation_until
            return evolve(state, history=history, probation_until=until)
        case PersonDetailsRecorded():
            return evolve(
                state,
                gender=event.gender,
                birth_year=event.birth_year,
                contact=event.contact,
                id_number=event.id_number,
            )
        case PersonRenamed():
            return evolve(state, name=event.name)
        case ProbationExtended():
            return evolve(state, probation_until=event.until)
        case MembershipTransferred():
            transfer = Transfer(event.from_id, event.to_id, event.since)
            return evolve(state, branch_id=event.to_id, transfers=(*state.transfers, transfer))
        case _:
            assert_never(event)


def home_unit(directory: Directory, state: PersonState, at: datetime) -> UnitState:
    """The unit whose roll the person is on at ``at`` (after merges and dissolutions)."""
    branch_id = state.branch_at(at)
    unit = live_unit(directory, branch_id, at) or directory.branch(branch_id)
    if unit is None:
        raise UnknownSubject(f"组织 {branch_id} 不存在", f"unit {branch_id} does not exist")
    return unit


def _existing(state: PersonState | None, person_id: str) -> PersonState:
    if state is None:
        raise UnknownSubject(f"人员 {person_id} 不存在", f"person {person_id} does not exist")
    return state


def _keeper(
    directory: Directory, state: PersonState, actor_id: str, at: datetime, what: tuple[str, str]
) -> None:
    unit = home_unit(directory, state, at)
    permissions.enforce(permissions.keep_roll(directory, unit, actor_id, at, what))


def _register(
    command: RegisterPerson, state: PersonState | None, directory: Directory
) -> list[PersonEvent]:
    unit = other(directory, command.branch_id)
    actor, at = command.actor_id, command.at
    permissions.enforce(permissions.keep_roll(directory, unit, actor, at, permissions.REGISTER))
    if command.status_since > at.date():
        raise InvalidCommand("身份起始日期晚于当前", "status_since lies in the future")
    details = (command.gender, command.birth_year, command.contact, command.id_number)
    registered = PersonRegistered(
        command.person_id, unit.unit_id, command.name, command.status, command.status_since
    )
    if state is not None:
        first = PersonRegistered(
            state.person_id, state.registered_id, state.name, *_first(state.history)
        )
        if (first, state.details) == (registered, details):
            return []
        raise PersonError(
            f"人员编号 {command.person_id} 已被占用",
            f"person id {command.person_id} is already registered",
        )
    alive(unit, at)
    if unit.kind not in ROLL_KINDS:
        raise UnitError(
            f"{unit.kind.zh}不设名册，请登记到其所在的组织",
            f"a {unit.kind.value} keeps no roll: register people in the unit above it",
        )
    if details == PersonState(command.person_id, unit.unit_id, "", ()).details:
        return [registered]
    return [registered, PersonDetailsRecorded(command.person_id, *details)]


def _first(history: tuple[StatusPeriod, ...]) -> tuple[PartyStatus, date]:
    return history[0].status, history[0].since


def _details(
    command: RecordPersonDetails, state: PersonState, directory: Directory
) -> list[PersonEvent]:
    _keeper(directory, state, command.actor_id, command.at, permissions.DETAILS)
    details = (command.gender, command.birth_year, command.contact, command.id_number)
    if details == state.details:
        return []
    return [PersonDetailsRecorded(state.person_id, *details)]


def _rename(command: RenamePerson, state: PersonState, directory: Directory) -> list[PersonEvent]:
    _keeper(directory, state, command.actor_id, command.at, permissions.RENAME_PERSON)
    if command.name == state.name:
        return []
    return [PersonRenamed(state.person_id, command.name, command.reason)]


def _change(
    command: ChangePartyStatus, state: PersonState, directory: Directory
) -> list[PersonEvent]:
    _keeper(directory, state, command.actor_id, command.at, permissions.CHANGE_STATUS)
    if command.since > command.at.date() or command.since < state.history[-1].since:
        raise InvalidCommand(
            "变更日期须在上次变更之后、当前之前",
            "since must lie between the last change and now",
        )
    if state.status == command.status:
        return []
    check_change(state.history, state.probation_until, command.status, command.since)
    return [PartyStatusChanged(command.person_id, command.status, command.since, command.reason)]


def _extend(
    command: ExtendProbation, state: PersonState, directory: Directory
) -> list[PersonEvent]:
    _keeper(directory, state, command.actor_id, command.at, permissions.EXTEND)
    if state.probation_until == command.until:
        return []
    check_extension(state.history, state.probation_until, command.until)
    return [ProbationExtended(state.person_id, command.until, command.reason)]


#: Statuses that end a person's membership of any roll here: nobody transfers them.
GONE = (PartyStatus.DECEASED, PartyStatus.TRANSFERRED_OUT)


def _transfer(
    command: TransferMembership, state: PersonState, directory: Directory
) -> list[PersonEvent]:
    """组织关系转接: decided by the sending unit's secretary or organizing member (or from
    above it); the person must be on the sender's roll then, the receiver a living unit
    that keeps a roll."""
    actor, at = command.actor_id, command.at
    last = state.transfers[-1] if state.transfers else None
    again = last is not None and (last.to_id, last.since) == (command.to_id, at)
    sent = other(directory, last.from_id) if again and last else home_unit(directory, state, at)
    permissions.enforce(permissions.lead_unit(directory, sent, actor, at, permissions.TRANSFER))
    if again:
        return []
    home = sent
    sender = live_unit(directory, command.from_id, at)
    if sender is None or sender.unit_id != home.unit_id:
        raise PersonError(
            f"{state.person_id} 当时在 {home.unit_id} 的名册上，不在 {command.from_id}",
            f"{state.person_id} was on the roll of {home.unit_id}, not {command.from_id}, then",
        )
    target = alive(other(directory, command.to_id), at)
    if target.unit_id == home.unit_id:
        raise PersonError(
            f"{state.person_id} 已在 {target.unit_id} 的名册上",
            f"{state.person_id} is already on the roll of {target.unit_id}",
        )
    if target.kind not in ROLL_KINDS:
        raise UnitError(
            f"{target.kind.zh}不设名册，请转入其所在的组织",
            f"a {target.kind.value} keeps no roll: transfer to the unit above it",
        )
    if state.status in GONE:
        raise PersonError(
            f"{state.person_id} {state.status.zh}，不能转接组织关系",
            f"{state.person_id} is {state.status.value}: the membership cannot be transferred",
        )
    if last is not None and at < last.since:
        raise InvalidCommand(
            "转接时间须晚于上次转接", f"a transfer cannot precede the last one ({last.since})"
        )
    return [
        MembershipTransferred(state.person_id, home.unit_id, target.unit_id, at, command.reason)
    ]
