"""人员规则 — what each person command must satisfy, after authority (the roll keepers).

- 登记 ``register``: a person id is taken once (registering again the same way changes
  nothing); into a living unit that keeps a roll; a status started no later than today;
- 身份证号码 ``id_number``: one ID number belongs to at most one person; registering or
  recording it for a second person is refused, naming the first;
- 个人信息 ``record_details``, 更正姓名 ``rename``: only a change is recorded;
- 政治面貌 ``change_status``: dated between the last change and today; one step of the
  pipeline at a time, with its waiting periods (:mod:`~dangjian_core.people.pipeline`);
- 延长预备期 ``extend_probation``: by the pipeline's rules;
- 组织关系转接 ``transfer``: from the unit whose roll the person is on then, to another
  living unit that keeps a roll; never the deceased or those transferred out; never
  before the last transfer.
"""

from __future__ import annotations

from datetime import date, datetime

from dangjian_core.kernel.authority import enforce
from dangjian_core.kernel.errors import InvalidCommand
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.time import local_date
from dangjian_core.people import permissions as p
from dangjian_core.people.commands import (
    ChangePartyStatus,
    ExtendProbation,
    RecordPersonDetails,
    RegisterPerson,
    RenamePerson,
    TransferMembership,
)
from dangjian_core.people.events import (
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
from dangjian_core.people.projections import PERSON_DETAILS
from dangjian_core.people.state import (
    DuplicateIdNumber,
    PersonError,
    PersonState,
    StatusPeriod,
    home_unit,
)
from dangjian_core.units.hierarchy import ROLL_KINDS, live_unit
from dangjian_core.units.permissions import keep_roll, lead_unit
from dangjian_core.units.state import UnitError, alive, other


def _keeper(
    facts: Facts, state: PersonState, actor_id: str, at: datetime, what: tuple[str, str]
) -> None:
    unit = home_unit(facts, state, at)
    enforce(keep_roll(facts, unit, actor_id, at, what))


def register(command: RegisterPerson, state: PersonState | None, facts: Facts) -> list[PersonEvent]:
    unit = other(facts, command.branch_id)
    actor, at = command.actor_id, command.at
    enforce(keep_roll(facts, unit, actor, at, p.REGISTER))
    if command.status_since > local_date(at):
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
    _unique_id_number(facts, command.person_id, command.id_number)
    if details == PersonState(command.person_id, unit.unit_id, "", ()).details:
        return [registered]
    return [registered, PersonDetailsRecorded(command.person_id, *details)]


def _first(history: tuple[StatusPeriod, ...]) -> tuple[PartyStatus, date]:
    return history[0].status, history[0].since


def record_details(
    command: RecordPersonDetails, state: PersonState, facts: Facts
) -> list[PersonEvent]:
    _keeper(facts, state, command.actor_id, command.at, p.DETAILS)
    details = (command.gender, command.birth_year, command.contact, command.id_number)
    if details == state.details:
        return []
    if command.id_number != state.id_number:
        _unique_id_number(facts, state.person_id, command.id_number)
    return [PersonDetailsRecorded(state.person_id, *details)]


def _unique_id_number(facts: Facts, person_id: str, id_number: str) -> None:
    """Refuse an ID number another person already holds (read from the details view,
    topped up with the log, under the command's lock)."""
    if not id_number:
        return
    holders = sorted(
        str(row["person_id"])
        for row in facts.rows(PERSON_DETAILS, {"id_number": id_number})
        if row["person_id"] != person_id
    )
    if holders:
        raise DuplicateIdNumber(
            f"该身份证号码已登记在人员 {holders[0]} 名下,一人只能登记一次",
            f"this ID number is already registered to person {holders[0]}: one person, one record",
        )


def rename(command: RenamePerson, state: PersonState, facts: Facts) -> list[PersonEvent]:
    _keeper(facts, state, command.actor_id, command.at, p.RENAME_PERSON)
    if command.name == state.name:
        return []
    return [PersonRenamed(state.person_id, command.name, command.reason)]


def change_status(
    command: ChangePartyStatus, state: PersonState, facts: Facts
) -> list[PersonEvent]:
    _keeper(facts, state, command.actor_id, command.at, p.CHANGE_STATUS)
    if command.since > local_date(command.at) or command.since < state.history[-1].since:
        raise InvalidCommand(
            "变更日期须在上次变更之后、当前之前",
            "since must lie between the last change and now",
        )
    if state.status == command.status:
        return []
    check_change(state.history, state.probation_until, command.status, command.since)
    return [PartyStatusChanged(command.person_id, command.status, command.since, command.reason)]


def extend_probation(
    command: ExtendProbation, state: PersonState, facts: Facts
) -> list[PersonEvent]:
    _keeper(facts, state, command.actor_id, command.at, p.EXTEND)
    if state.probation_until == command.until:
        return []
    check_extension(state.history, state.probation_until, command.until)
    return [ProbationExtended(state.person_id, command.until, command.reason)]


#: Statuses that end a person's membership of any roll here: nobody transfers them.
GONE = (PartyStatus.DECEASED, PartyStatus.TRANSFERRED_OUT)


def transfer(command: TransferMembership, state: PersonState, facts: Facts) -> list[PersonEvent]:
    """组织关系转接: decided by the sending unit's secretary or organizing member (or from
    above it); the person must be on the sender's roll then, the receiver a living unit
    that keeps a roll."""
    actor, at = command.actor_id, command.at
    last = state.transfers[-1] if state.transfers else None
    again = last is not None and (last.to_id, last.since) == (command.to_id, at)
    sent = other(facts, last.from_id) if again and last else home_unit(facts, state, at)
    enforce(lead_unit(facts, sent, actor, at, p.TRANSFER))
    if again:
        return []
    home = sent
    sender = live_unit(facts, command.from_id, at)
    if sender is None or sender.unit_id != home.unit_id:
        raise PersonError(
            f"{state.person_id} 当时在 {home.unit_id} 的名册上，不在 {command.from_id}",
            f"{state.person_id} was on the roll of {home.unit_id}, not {command.from_id}, then",
        )
    target = alive(other(facts, command.to_id), at)
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
