"""Facts from plain values, for pure decisions: the states of other streams by kind, and
a cycle's ledger as the read-model rows it is read from.

``FixedFacts(branches={...}, people={...}, ledgers={(unit, cycle): CycleLedger(...)})``
answers :class:`~dangjian_core.kernel.facts.Facts` the way the store does, so a test
builds the world its decision sees from the values the story names.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Any, TypeVar

from attrs import field, frozen

from dangjian_core.calendar.commands import DEFAULT_CALENDAR
from dangjian_core.calendar.state import CALENDAR, CalendarState
from dangjian_core.calendar.workdays import Calendar
from dangjian_core.catalog import ALL_TABLES
from dangjian_core.evaluation.standings import CycleLedger
from dangjian_core.evaluation.state import EVALUATION, evaluation_id
from dangjian_core.grids.state import BLOCK
from dangjian_core.kernel.concept import Stream
from dangjian_core.kernel.facts import MemoryFacts, Row
from dangjian_core.kernel.readmodel import MemoryViews, Table, Upsert, Value
from dangjian_core.people.state import PERSON
from dangjian_core.tasks.state import TASK
from dangjian_core.units.state import UNIT
from dangjian_core.work.state import WORK_ITEM
from tests.calendars import official

S = TypeVar("S")


@frozen
class FixedFacts:
    """固定事实 — states given by kind, and cycle ledgers given as values."""

    branches: Mapping[Any, Any] = field(factory=dict)
    people: Mapping[Any, Any] = field(factory=dict)
    blocks: Mapping[str, Any] = field(factory=dict)
    evaluations: Mapping[tuple[str, str], Any] = field(factory=dict)
    ledgers: Mapping[tuple[str, str], CycleLedger] = field(factory=dict)
    work_items: Mapping[str, Any] = field(factory=dict)
    tasks: Mapping[str, Any] = field(factory=dict)
    #: The default calendar, when none is given, has the official holidays of every year.
    calendars: Mapping[str, Calendar] = field(factory=dict)

    @cached_property
    def _memory(self) -> MemoryFacts:
        states: dict[str, Any] = {}
        kinds: list[tuple[Stream[Any], Mapping[Any, Any]]] = [
            (UNIT, self.branches),
            (PERSON, self.people),
            (BLOCK, self.blocks),
            (WORK_ITEM, self.work_items),
            (TASK, self.tasks),
        ]
        for stream, given in kinds:
            states.update({stream.id(str(key)): state for key, state in given.items()})
        for (unit_id, cycle), state in self.evaluations.items():
            states[EVALUATION.id(evaluation_id(unit_id, cycle))] = state
        calendars = {DEFAULT_CALENDAR: official(), **self.calendars}
        for calendar_id, calendar in calendars.items():
            states[CALENDAR.id(calendar_id)] = CalendarState(calendar_id, calendar)
        through = max((ledger.through_position for ledger in self.ledgers.values()), default=0)
        return MemoryFacts(states, _ledger_views(self.ledgers), through)

    def get(self, stream: Stream[S], subject_id: str) -> S:
        """The given state (a stream's initial one when none was given)."""
        return self._memory.get(stream, subject_id)

    def ids(self, stream: Stream[Any]) -> list[str]:
        """Every given subject of a kind."""
        return self._memory.ids(stream)

    def rows(self, table: Table, where: Mapping[str, Value]) -> list[Row]:
        """Rows of the read models the given ledgers are read from."""
        return self._memory.rows(table, where)

    def position(self) -> int:
        """The furthest position the given ledgers were read through."""
        return self._memory.position()


def _ledger_views(ledgers: Mapping[tuple[str, str], CycleLedger]) -> MemoryViews:
    views = MemoryViews(ALL_TABLES)
    for (unit_id, cycle), ledger in ledgers.items():
        for person_id, lines in ledger.lines.items():
            for line in lines:
                views.apply([Upsert("ledger", {"position": line.position}, set=_line(line))])
                views.rows["ledger"][(line.position,)].update(
                    branch_id=unit_id, cycle=cycle, person_id=person_id
                )
        for review in ledger.pending:
            views.apply([Upsert("tasks", {"task_id": review.task_id}, set={"branch_id": unit_id})])
            claim = {"task_id": review.task_id, "person_id": review.person_id}
            views.apply([Upsert("claims", claim, set={"status": "submitted", "cycle": cycle})])
        for person_id in ledger.roll:
            roll = {"branch_id": unit_id, "status": "activist"}
            views.apply([Upsert("people", {"person_id": person_id}, set=roll)])
    return views


def _line(line: Any) -> dict[str, Value]:
    return {
        "at": line.at,
        "actor_id": line.actor_id,
        "kind": line.kind,
        "category": line.category,
        "delta": line.delta,
        "ref": line.ref,
        "reason": line.reason,
    }
