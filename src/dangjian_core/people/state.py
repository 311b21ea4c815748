"""人员状态 — a person as folded from their stream: roll, status history, details,
transfers; and the refusals of person commands. Other concepts read a person as
``facts.get(PERSON, person_id)``."""

from __future__ import annotations

from datetime import date, datetime

from attrs import frozen

from dangjian_core.kernel.concept import Stream, nothing
from dangjian_core.kernel.errors import DomainError, UnknownSubject
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.ids import BranchId, PersonId
from dangjian_core.people.events import Gender, PartyStatus
from dangjian_core.units.hierarchy import live_unit
from dangjian_core.units.state import UNIT, UnitState


class PersonError(DomainError):
    """人员错误 — a person command was refused."""

    code = "person"


class DuplicateIdNumber(PersonError):
    """身份证号码重复 — the ID number already belongs to another person."""

    code = "duplicate_id_number"


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


#: A person's stream, ``person-<person id>``; None before registration.
PERSON: Stream[PersonState | None] = Stream("person", nothing)


def existing(state: PersonState | None, person_id: str) -> PersonState:
    """The person, or a refusal naming the unknown person."""
    if state is None:
        raise UnknownSubject(f"人员 {person_id} 不存在", f"person {person_id} does not exist")
    return state


def home_unit(facts: Facts, state: PersonState, at: datetime) -> UnitState:
    """The unit whose roll the person is on at ``at`` (after merges and dissolutions)."""
    branch_id = state.branch_at(at)
    unit = live_unit(facts, branch_id, at) or facts.get(UNIT, branch_id)
    if unit is None:
        raise UnknownSubject(f"组织 {branch_id} 不存在", f"unit {branch_id} does not exist")
    return unit


def _existing(state: PersonState | None, person_id: str) -> PersonState:
    if state is None:
        raise UnknownSubject(f"人员 {person_id} 不存在", f"person {person_id} does not exist")
    return state
