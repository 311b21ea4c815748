"""承诺规则的共同部分 — finding a commitment and a pledge, refusing with a named rule, and
who may pledge: a member on a roll under the unit, or a party group or the branch itself."""

from __future__ import annotations

from datetime import date, datetime
from typing import NoReturn

from dangjian_core.commitments.state import (
    Commitment,
    CommitmentBook,
    CommitmentError,
    Pledge,
)
from dangjian_core.kernel.errors import InvalidCommand, UnknownSubject
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.time import local_date
from dangjian_core.people.events import PartyStatus
from dangjian_core.people.state import PERSON, PersonState
from dangjian_core.units.hierarchy import lies_within
from dangjian_core.units.state import UNIT, UnitState

#: Who makes a personal commitment: party members (预备党员 and 正式党员).
MEMBERS = frozenset({PartyStatus.PROBATIONARY, PartyStatus.FULL})


def refuse(rule: str, zh: str, en: str) -> NoReturn:
    """Raise :class:`CommitmentError` naming ``rule``."""
    raise CommitmentError(f"{zh} (规则 {rule})", f"{en} (rule {rule})")


def commitment_of(book: CommitmentBook, pledger_id: str) -> Commitment:
    """The pledger's commitment in the book, or a refusal naming it."""
    found = book.commitments.get(pledger_id)
    if found is None:
        raise UnknownSubject(
            f"{pledger_id} 在 {book.unit_id} {book.year} 年没有承诺",
            f"{pledger_id} has no {book.year} commitment in {book.unit_id}",
        )
    return found


def pledge_of(book: CommitmentBook, pledger_id: str, item_no: int) -> Pledge:
    """One pledge of the pledger's commitment, or a refusal naming it."""
    found = commitment_of(book, pledger_id).pledges.get(item_no)
    if found is None:
        raise UnknownSubject(
            f"{pledger_id} 的承诺没有第 {item_no} 项", f"{pledger_id} has no pledge {item_no}"
        )
    return found


def open_commitment(commitment: Commitment) -> None:
    """Nothing changes on a commitment once its assessment is concluded."""
    if commitment.concluded is not None:
        refuse(
            "concluded",
            f"{commitment.pledger_id} 的评诺结果已确定, 承诺不能再改动",
            f"{commitment.pledger_id}'s assessment is concluded; the commitment is closed",
        )


def status_on(person: PersonState, day: date) -> PartyStatus | None:
    """The person's party status on ``day`` (None before the first one)."""
    found = None
    for period in person.history:
        if period.since <= day:
            found = period.status
    return found


def member_within(facts: Facts, person_id: str, unit: UnitState, at: datetime) -> PersonState:
    """A party member on a roll under ``unit`` at ``at``, or a refusal saying why not."""
    person = facts.get(PERSON, person_id)
    if person is None or not lies_within(facts, person.branch_at(at), unit, at):
        raise UnknownSubject(
            f"{person_id} 不是 {unit.unit_id} 名册上的人员",
            f"{person_id} is not on a roll under {unit.unit_id}",
        )
    if status_on(person, local_date(at)) not in MEMBERS:
        refuse(
            "member",
            f"{person_id} 不是党员, 不作公开承诺",
            f"{person_id} is not a party member; public commitments are members'",
        )
    return person


def collective(facts: Facts, pledger_id: str) -> bool:
    """Whether a pledger id names a unit (a collective commitment) rather than a person."""
    return facts.get(UNIT, pledger_id) is not None


def pledging_unit(facts: Facts, pledger_id: str, unit: UnitState, at: datetime) -> UnitState:
    """The party group or branch making a collective commitment: alive, and the book's
    unit itself or under it."""
    pledger = facts.get(UNIT, pledger_id)
    alive = pledger is not None and pledger.alive_at(at)
    if not alive or not lies_within(facts, pledger_id, unit, at):
        raise UnknownSubject(
            f"{pledger_id} 不是 {unit.unit_id} 或其下属的党组织",
            f"{pledger_id} is not {unit.unit_id} or a unit under it",
        )
    assert pledger is not None
    return pledger


def due_within(due: date, year: int, at: datetime) -> None:
    """A pledge falls due within its commitment's year, not before the day it is written."""
    today = local_date(at)
    if due.year != year or due < today:
        raise InvalidCommand(
            f"完成时限 {due} 须在 {year} 年内且不早于当天 ({today})",
            f"the due date {due} must fall in {year} and not before the day written ({today})",
        )
