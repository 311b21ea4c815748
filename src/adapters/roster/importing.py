"""导入花名册 — every row becomes the domain's own commands, decided in a scratch first.

1. Each row is turned into commands: 单位 → ``FoundUnit`` (parents first), 人员 →
   ``RegisterPerson``, 职务 → ``AppointRole``, 网格 → ``LayOutBlock`` (large blocks
   first) and ``AssignBlockPost`` for each post filled in.
2. Every command is decided, in that order, by the real deciders against a scratch: the
   store's streams as they are, plus what the import has decided so far. So the same
   authority rules and domain rules check every row that would check it at the command
   line; a refusal stops the import with a :class:`RosterError` naming the row and the
   column at fault.
3. Only when every row has passed are all the decided events written, in one transaction
   (``Dangjian.load`` with a single batch): all of them, or — on any failure — none.

The importing actor (``actor_id``) makes every command. Founding a root unit makes them its
superior (上级), which entitles them to everything below it; importing under a unit that
already exists needs its secretary or organizing member, or someone above it. A row that
matches what the store already holds decides nothing, so importing the same roster twice
changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import date, datetime, time
from typing import Any, TypeVar

from attrs import frozen

from adapters.app import Dangjian, HistoryItem
from adapters.roster import columns as c
from adapters.roster.errors import RosterError
from adapters.roster.reading import RawRoster
from adapters.roster.validation import Entry, Roster, validate
from adapters.storage.errors import VersionConflict
from adapters.storage.folding import ViewRows, fold
from adapters.storage.store import EventStore
from dangjian_core.catalog import concept_of, concept_of_prefix, decide, stream_of
from dangjian_core.grids.commands import AssignBlockPost, LayOutBlock
from dangjian_core.grids.events import BlockSize
from dangjian_core.grids.state import BLOCK
from dangjian_core.kernel.concept import Concept, Stream
from dangjian_core.kernel.errors import DomainError, InvalidCommand, Unauthorized, UnknownSubject
from dangjian_core.kernel.time import LOCAL
from dangjian_core.people.commands import RegisterPerson
from dangjian_core.people.events import Gender
from dangjian_core.people.state import PersonError
from dangjian_core.units.commands import AppointRole, FoundUnit
from dangjian_core.units.rules import roles_of
from dangjian_core.units.state import UNIT, UnitError

#: Dates in a roster are days in China Standard Time; a dated command happens at 00:00.
#: How many times the whole import is decided again when another writer got in first.
CONFLICT_RETRIES = 3


#: 进度 — opens a stage (a label and how many steps) and yields ``advance(n)``.
Stages = Callable[[str, int], AbstractContextManager[Callable[[int], None]]]


@contextmanager
def _silent(_label: str, _total: int) -> Iterator[Callable[[int], None]]:
    yield lambda _count: None


@frozen
class SheetCount:
    """每表统计 — a sheet's rows, and how many of them changed nothing (already there)."""

    sheet: str
    rows: int
    unchanged: int


@frozen
class ImportReport:
    """导入结果 — rows per sheet and the events written (0 when all was already there)."""

    sheets: tuple[SheetCount, ...]
    events: int
    actor_id: str
    at: datetime

    @property
    def rows(self) -> int:
        """How many rows in all."""
        return sum(s.rows for s in self.sheets)


Blame = Callable[[Any, DomainError, "Scratch"], str]


@frozen
class Step:
    """一步 — a command from a row, and which column to blame if it is refused."""

    entry: Entry
    command: Any
    blame: Blame


S = TypeVar("S")


class Scratch(ViewRows):
    """草稿 — the store's streams as read, with the import's decisions folded on top: the
    facts the import's commands are decided against."""

    def __init__(self, store: EventStore) -> None:
        super().__init__(store)
        self._streams: dict[str, tuple[int, Any]] = {}
        self.pending: list[HistoryItem] = []

    def state(self, concept: Concept[Any, Any, Any], stream_id: str) -> Any:
        """A stream's state: as stored, then as the import left it."""
        if stream_id not in self._streams:
            rows = self._store.read_stream(stream_id)
            self._streams[stream_id] = fold(concept, 0, concept.initial(), rows)
        return self._streams[stream_id][1]

    def get(self, stream: Stream[S], subject_id: str) -> S:
        """A stream's state, as the import left it."""
        found: S = self.state(concept_of_prefix(stream.prefix), stream.id(subject_id))
        return found

    def ids(self, stream: Stream[Any]) -> list[str]:
        """Every subject with a stream of this kind, stored or begun by the import."""
        begun = {sid for sid, (version, _) in self._streams.items() if version}
        known = {*self._store.stream_ids(stream.prefix), *begun}
        return sorted(s for s in map(stream.subject_of, known) if s is not None)

    def decide(self, command: Any) -> int:
        """Decide a command with the real decider; keep its events; return how many."""
        concept, stream_id = concept_of(command), stream_of(command)
        state = self.state(concept, stream_id)
        version = self._streams[stream_id][0]
        events = decide(command, state, self)
        for event in events:
            state = concept.evolve(state, event)
            version += 1
            item = HistoryItem(stream_id, version, event, command.actor_id, command.at)
            self.pending.append(item)
        self._streams[stream_id] = (version, state)
        return len(events)


def import_roster(
    app: Dangjian,
    raw: RawRoster,
    *,
    actor_id: str,
    at: datetime,
    stages: Stages = _silent,
) -> ImportReport:
    """Import a roster as ``actor_id`` at ``at``: all rows, or — on any problem — nothing."""
    if at.tzinfo is None:
        raise InvalidCommand("导入时间须带时区", "the import time must be timezone-aware")
    with stages("校验 / checking cells", raw.count) as advance:
        roster = validate(raw, advance)
    steps = plan(roster, actor_id, at)
    for attempt in range(CONFLICT_RETRIES):
        scratch = Scratch(app.store)
        unchanged = _decide_all(scratch, steps, stages)
        with stages("写入 / writing", len(scratch.pending)) as advance:
            try:
                if scratch.pending:
                    app.load(scratch.pending, batch=len(scratch.pending), progress=advance)
            except VersionConflict:
                if attempt == CONFLICT_RETRIES - 1:
                    raise
                continue
        break
    sheets = (
        SheetCount(c.UNITS.name, len(roster.units), unchanged[c.UNITS.name]),
        SheetCount(c.PEOPLE.name, len(roster.people), unchanged[c.PEOPLE.name]),
        SheetCount(c.ROLES.name, len(roster.roles), unchanged[c.ROLES.name]),
        SheetCount(c.GRIDS.name, len(roster.grids), unchanged[c.GRIDS.name]),
    )
    return ImportReport(sheets, len(scratch.pending), actor_id, at)


def _decide_all(scratch: Scratch, steps: list[Step], stages: Stages) -> dict[str, int]:
    changed: dict[tuple[str, int], bool] = {}
    with stages("核对 / deciding rows", len(steps)) as advance:
        for step in steps:
            try:
                recorded = scratch.decide(step.command)
            except DomainError as refused:
                column = step.blame(step.command, refused, scratch)
                raise RosterError(
                    step.entry.where(column), refused.zh, refused.en, code=refused.code
                ) from refused
            key = (step.entry.sheet.name, step.entry.number)
            changed[key] = changed.get(key, False) or recorded > 0
            advance(1)
    unchanged = {sheet.name: 0 for sheet in c.SHEETS}
    for (sheet, _), did in changed.items():
        unchanged[sheet] += not did
    return unchanged


def plan(roster: Roster, actor_id: str, at: datetime) -> list[Step]:
    """The commands of every row, in the order they are decided."""

    def when(day: date | None) -> datetime:
        return at if day is None else datetime.combine(day, time(), tzinfo=LOCAL)

    acting = {"actor_id": actor_id}
    steps = [
        Step(
            e,
            _build(
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
            _build(
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
            _build(
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
        lay_out = _build(
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
                assign = _build(
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


def _build(entry: Entry, header: str, command_type: type[Any], **fields: Any) -> Any:
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


def _blame_unit(command: FoundUnit, refused: DomainError, scratch: Scratch) -> str:
    if isinstance(refused, UnknownSubject | Unauthorized):
        return c.PARENT if command.parent_id is not None else c.UNIT_ID
    if scratch.get(UNIT, command.unit_id) is not None:
        return c.UNIT_ID
    parent = None if command.parent_id is None else scratch.get(UNIT, command.parent_id)
    if parent is not None and not parent.alive_at(command.at):
        return c.FOUNDED
    return c.KIND


def _blame_person(_command: RegisterPerson, refused: DomainError, _scratch: Scratch) -> str:
    if isinstance(refused, InvalidCommand):
        return c.SINCE
    if isinstance(refused, PersonError):
        return c.PERSON_ID
    return c.HOME


def _blame_role(command: AppointRole, refused: DomainError, scratch: Scratch) -> str:
    unit = scratch.get(UNIT, command.unit_id)
    if isinstance(refused, Unauthorized):
        return c.ROLE_PERSON if command.person_id == command.actor_id else c.ROLE_UNIT
    if isinstance(refused, UnknownSubject):
        return c.ROLE_UNIT if unit is None else c.ROLE_PERSON
    if isinstance(refused, UnitError) and unit is not None and unit.alive_at(command.at):
        return c.ROLE if command.role not in roles_of(unit.kind) else c.ROLE_SINCE
    return c.ROLE_SINCE


def _blame_block(command: LayOutBlock, refused: DomainError, scratch: Scratch) -> str:
    if isinstance(refused, Unauthorized | UnknownSubject):
        return c.BLOCK_BRANCH
    if scratch.get(BLOCK, command.block_id) is not None:
        return c.BLOCK_ID
    return c.PARENT_BLOCK


def _blame_post(command: AssignBlockPost, _refused: DomainError, _scratch: Scratch) -> str:
    return c.POST_HEADERS[command.post]
