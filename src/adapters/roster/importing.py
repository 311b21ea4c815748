"""导入花名册 — every row becomes the domain's own commands, decided in a scratch first.

1. Each row is turned into commands: 单位 → ``FoundUnit`` (parents first), 人员 →
   ``RegisterPerson``, 职务 → ``AppointRole``, 网格 → ``LayOutBlock`` (large blocks
   first) and ``AssignBlockPost`` for each post filled in, 农户 → ``AddHousehold``,
   ``LinkHousehold`` and ``PairHousehold``.
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
from datetime import datetime
from typing import Any, TypeVar

from attrs import frozen

from adapters.app import Dangjian
from adapters.app.bulk import HistoryItem
from adapters.app.handling import Entry, admit_late
from adapters.roster import columns as c
from adapters.roster.errors import RosterError
from adapters.roster.households import household_steps
from adapters.roster.planning import Step, plan
from adapters.roster.reading import RawRoster
from adapters.roster.validation import validate
from adapters.storage.errors import VersionConflict
from adapters.storage.folding import ViewRows, fold
from adapters.storage.store import EventStore
from dangjian_core.catalog import concept_of, concept_of_prefix, decide, stream_of
from dangjian_core.kernel.concept import Concept, Stream
from dangjian_core.kernel.errors import DomainError, InvalidCommand
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.kernel.time import check_not_future, entered_late

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


S = TypeVar("S")


class Scratch(ViewRows):
    """草稿 — the store's streams as read, with the import's decisions folded on top: the
    facts the import's commands are decided against."""

    def __init__(self, store: EventStore, entered_by: str = "", late_reason: str = "") -> None:
        super().__init__(store)
        self.entered_by = entered_by
        self.late_reason = late_reason
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

    def beyond_log(self, after: int) -> list[Recorded[Any]]:
        """What the import has decided so far, numbered after the log's end ``after``, so
        a rule reading a read model sees the rows above it too."""
        return [
            Recorded(after + n, item.stream_id, item.version, item.actor_id, item.at, item.event)
            for n, item in enumerate(self.pending, start=1)
        ]

    def decide(self, command: Any) -> int:
        """Decide a command with the real decider; keep its events; return how many."""
        concept, stream_id = concept_of(command), stream_of(command)
        state = self.state(concept, stream_id)
        version = self._streams[stream_id][0]
        events = decide(command, state, self)
        for event in events:
            state = concept.evolve(state, event)
            version += 1
            item = HistoryItem(
                stream_id,
                version,
                event,
                command.actor_id,
                command.at,
                self.entered_by,
                self.late_reason,
            )
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
    entered_by: str = "",
    late_reason: str = "",
) -> ImportReport:
    """Import a roster as ``actor_id`` at ``at``: all rows, or — on any problem — nothing.
    ``entered_by`` names who typed it in, when not the actor (代录); an import dated in the
    past follows the rules for late entries (补录), ``late_reason`` saying why."""
    if at.tzinfo is None:
        raise InvalidCommand("导入时间须带时区", "the import time must be timezone-aware")
    now = app.now()
    check_not_future(at, now)
    if entered_late(at, now):
        proxy = "" if entered_by == actor_id else entered_by
        entry = Entry(proxy, late_reason.strip(), app.went_live())
        admit_late(actor_id, at, entry, now, Scratch(app.store))
    with stages("校验 / checking cells", raw.count) as advance:
        roster = validate(raw, advance)
    steps = plan(roster, actor_id, at) + household_steps(roster.households, actor_id, at)
    for attempt in range(CONFLICT_RETRIES):
        scratch = Scratch(app.store, entered_by, late_reason.strip())
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
        SheetCount(c.HOUSEHOLDS.name, len(roster.households), unchanged[c.HOUSEHOLDS.name]),
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
