"""花名册的命令 — what each row of a roster becomes, in the order it is decided, and
which column to blame when a command is refused.

单位 → ``FoundUnit`` (parents first), 人员 → ``RegisterPerson``, 职务 → ``AppointRole``,
网格 → ``LayOutBlock`` (large blocks first) and ``AssignBlockPost`` for each post filled in;
农户 → :mod:`adapters.roster.households`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any, Protocol, TypeVar

from attrs import frozen

from adapters.roster import columns as c
from adapters.roster.errors import RosterError
from adapters.roster.validation import Entry, Roster
from dangjian_core.grids.commands import AssignBlockPost, LayOutBlock
from dangjian_core.grids.events import BlockSize
from dangjian_core.grids.state import BLOCK
from dangjian_core.kernel.concept import Stream
from dangjian_core.kernel.errors import DomainError, InvalidCommand, Unauthorized, UnknownSubject
from dangjian_core.kernel.time import LOCAL
from dangjian_core.people.commands import RegisterPerson
from dangjian_core.people.events import Gender
from dangjian_core.people.state import DuplicateIdNumber, PersonError
from dangjian_core.units.commands import AppointRole, FoundUnit
from dangjian_core.units.rules import roles_of
from dangjian_core.units.state import UNIT, UnitError

S = TypeVar("S")


class Looks(Protocol):
    """What blaming a column needs: the states the import's commands were decided against."""

    def get(self, stream: Stream[S], subject_id: str) -> S:
        """A stream's state, as the import left it."""


Blame = Callable[[Any, DomainError, Looks], str]


@frozen
class Step:
    """一步 — a command from a row, and which column to blame if it is refused."""

    entry: Entry
    command: Any
    blame: Blame


def plan(roster: Roster, actor_id: str, at: datetime) -> list[Step]:
    """The commands of every row, in the order they are decided."""

    def when(day: date | None) -> datetime:
        return at if day is None else datetime.combine(day, time(), tzinfo=LOCAL)

    acting = {"actor_id": actor_id}
    steps = [
        Step(
            e,
            build(
                e,
                c.UNIT_ID,
                FoundUnit,
                unit_id=e[c.UNIT_ID],
                kind=e[c.KIND],
                name=e[c.UNIT_NAME],
                parent_id=e[c.PARENT],
                cycle_start_month=e[c.CYCLE] or 1,
                at=when(e[c.FOUNDED]),
                **acting,
            ),
            _blame_unit,
        )
        for e in parents_first(roster.units)
    ]
    steps += [
        Step(
            e,
            build(
                e,
                c.PERSON_ID,
                RegisterPerson,
                person_id=e[c.PERSON_ID],
                branch_id=e[c.HOME],
                name=e[c.PERSON_NAME],
                status=e[c.STATUS],
                status_since=e[c.SINCE],
                gender=e[c.GENDER] or Gender.UNSPECIFIED,
                birth_year=e[c.BIRTH],
                contact=e[c.CONTACT] or "",
                id_number=e[c.ID_NUMBER] or "",
                at=at,
                **acting,
            ),
            _blame_person,
        )
        for e in roster.people
    ]
    steps += [
        Step(
            e,
            build(
                e,
                c.ROLE,
                AppointRole,
                unit_id=e[c.ROLE_UNIT],
                person_id=e[c.ROLE_PERSON],
                role=e[c.ROLE],
                at=when(e[c.ROLE_SINCE]),
                **acting,
            ),
            _blame_role,
        )
        for e in roster.roles
    ]
    blocks = sorted(roster.grids, key=lambda e: e[c.SIZE] == BlockSize.SMALL)
    for e in blocks:
        lay_out = build(
            e,
            c.BLOCK_ID,
            LayOutBlock,
            block_id=e[c.BLOCK_ID],
            branch_id=e[c.BLOCK_BRANCH],
            name=e[c.BLOCK_NAME],
            size=e[c.SIZE],
            parent_block_id=e[c.PARENT_BLOCK],
            at=at,
            **acting,
        )
        steps.append(Step(e, lay_out, _blame_block))
    for e in blocks:
        for post, header in c.POST_HEADERS.items():
            if e[header] is not None:
                assign = build(
                    e,
                    header,
                    AssignBlockPost,
                    block_id=e[c.BLOCK_ID],
                    post=post,
                    person_id=e[header],
                    at=at,
                    **acting,
                )
                steps.append(Step(e, assign, _blame_post))
    return steps


def build(entry: Entry, header: str, command_type: type[Any], **fields: Any) -> Any:
    """The command a row's cells make; a shape problem names the cell (``header``)."""
    try:
        return command_type(**fields)
    except (TypeError, ValueError) as error:
        zh, _, en = str(error).partition(" / ")
        raise RosterError(entry.where(header), zh, en or zh) from error


def parents_first(units: tuple[Entry, ...]) -> list[Entry]:
    """Units ordered so each comes after its parent when the parent is in the roster too."""
    by_id = {e[c.UNIT_ID]: e for e in units}
    ordered: list[Entry] = []
    done: set[str] = set()
    for entry in units:
        chain: list[Entry] = []
        current: Entry | None = entry
        while current is not None and current[c.UNIT_ID] not in done:
            if current in chain:
                raise RosterError(
                    entry.where(c.PARENT),
                    "上级组织形成循环(组织不能隶属于自己或自己的下级)",
                    "the parents form a cycle (a unit cannot report to itself or a unit under it)",
                )
            chain.append(current)
            current = by_id.get(current[c.PARENT])
        for found in reversed(chain):
            ordered.append(found)
            done.add(found[c.UNIT_ID])
    return ordered


# --------------------------------------------------------------------------- blame


def _blame_unit(command: FoundUnit, refused: DomainError, scratch: Looks) -> str:
    if isinstance(refused, UnknownSubject | Unauthorized):
        return c.PARENT if command.parent_id is not None else c.UNIT_ID
    if scratch.get(UNIT, command.unit_id) is not None:
        return c.UNIT_ID
    parent = None if command.parent_id is None else scratch.get(UNIT, command.parent_id)
    if parent is not None and not parent.alive_at(command.at):
        return c.FOUNDED
    return c.KIND


def _blame_person(_command: RegisterPerson, refused: DomainError, _scratch: Looks) -> str:
    if isinstance(refused, InvalidCommand):
        return c.SINCE
    if isinstance(refused, DuplicateIdNumber):
        return c.ID_NUMBER
    if isinstance(refused, PersonError):
        return c.PERSON_ID
    return c.HOME


def _blame_role(command: AppointRole, refused: DomainError, scratch: Looks) -> str:
    unit = scratch.get(UNIT, command.unit_id)
    if isinstance(refused, Unauthorized):
        return c.ROLE_PERSON if command.person_id == command.actor_id else c.ROLE_UNIT
    if isinstance(refused, UnknownSubject):
        return c.ROLE_UNIT if unit is None else c.ROLE_PERSON
    if isinstance(refused, UnitError) and unit is not None and unit.alive_at(command.at):
        return c.ROLE if command.role not in roles_of(unit.kind) else c.ROLE_SINCE
    return c.ROLE_SINCE


def _blame_block(command: LayOutBlock, refused: DomainError, scratch: Looks) -> str:
    if isinstance(refused, Unauthorized | UnknownSubject):
        return c.BLOCK_BRANCH
    if scratch.get(BLOCK, command.block_id) is not None:
        return c.BLOCK_ID
    return c.PARENT_BLOCK


def _blame_post(command: AssignBlockPost, _refused: DomainError, _scratch: Looks) -> str:
    return c.POST_HEADERS[command.post]
