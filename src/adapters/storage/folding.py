"""折叠缓存 — streams folded into state, cached by version, and the directory over them.

A stream's state is folded once and then only topped up with the events after the cached
version, so a hot task's claimers each read just the few newest events.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from adapters.storage.mapper import recorded_of
from adapters.storage.store import EventStore, StoredRow
from dangjian_core.calendar.state import CalendarState
from dangjian_core.calendar.workdays import Calendar
from dangjian_core.catalog import CALENDARS, EVALUATION, GRIDS, PEOPLE, TASKS, UNITS, WORK, Concept
from dangjian_core.evaluation.standings import CycleLedger
from dangjian_core.evaluation.state import EvaluationState, evaluation_id
from dangjian_core.grids.state import BlockState
from dangjian_core.people.decisions import PersonState
from dangjian_core.shared.ids import BranchId, PersonId
from dangjian_core.tasks.state import TaskState
from dangjian_core.units.hierarchy import children_among
from dangjian_core.units.state import UnitState
from dangjian_core.work.state import WorkItemState


class StateCache:
    """状态缓存 — the latest folded (version, state) per stream, least-recently-used first out."""

    def __init__(self, capacity: int = 20_000) -> None:
        self.capacity = capacity
        self._states: OrderedDict[str, tuple[int, Any]] = OrderedDict()
        self._lock = threading.Lock()  # threads of one application share the cache

    def get(self, concept: Concept, stream_id: str) -> tuple[int, Any]:
        """The cached version and state, or the stream's initial state at version 0."""
        with self._lock:
            cached = self._states.get(stream_id)
            if cached is not None:
                self._states.move_to_end(stream_id)
        return (0, concept.initial_state()) if cached is None else cached

    def put(self, stream_id: str, version: int, state: Any) -> None:
        """Remember a stream's state at a version (never moving a stream backwards)."""
        with self._lock:
            cached = self._states.get(stream_id)
            if cached is not None and cached[0] > version:
                return
            self._states[stream_id] = (version, state)
            self._states.move_to_end(stream_id)
            while len(self._states) > self.capacity:
                self._states.popitem(last=False)

    def forget(self, stream_id: str) -> None:
        """Forget one stream's state (it changed behind the cache's back)."""
        with self._lock:
            self._states.pop(stream_id, None)

    def clear(self) -> None:
        """Forget everything."""
        with self._lock:
            self._states.clear()


def fold(concept: Concept, version: int, state: Any, rows: list[StoredRow]) -> tuple[int, Any]:
    """Fold stored rows onto a state."""
    for row in rows:
        state = concept.evolve(state, recorded_of(row).event)
        version = row.version
    return version, state


class UnitIndex:
    """组织索引 — the id of every unit stream in the store, topped up from the log, so a
    decision can find the units under a unit (a unit's stream names its parent, not its
    children)."""

    def __init__(self, store: EventStore) -> None:
        self._store = store
        self._position = 0
        self._ids: set[str] = set()
        self._prefix = UNITS.stream_id("")
        self._lock = threading.Lock()

    def ids(self) -> list[str]:
        """Every unit id recorded so far: first from the units view (never written here, so
        safe under a stream's lock), then from the log after the view's position."""
        with self._lock:
            if not self._position:
                with self._store.views() as views:
                    self._position = views.position()
                    self._ids.update(str(row["unit_id"]) for row in views.select("units", {}))
            for row in self._store.iter_log(self._position):
                if row.stream_id.startswith(self._prefix):
                    self._ids.add(row.stream_id[len(self._prefix) :])
                self._position = row.position
            return sorted(self._ids)


class StoreDirectory:
    """名录 — branches, people and grid blocks folded from their streams in the store."""

    def __init__(
        self,
        read: Any,
        unit_ids: Callable[[], Iterable[str]] | None = None,
        *,
        ledger: Callable[[str, str], CycleLedger] | None = None,
    ) -> None:
        self._read = read
        self._unit_ids = unit_ids
        self._ledger = ledger

    def branch(self, branch_id: BranchId) -> UnitState | None:
        """The branch's current state."""
        state: UnitState | None = self._read(UNITS, UNITS.stream_id(branch_id))
        return state

    def person(self, person_id: PersonId) -> PersonState | None:
        """The person's current state."""
        state: PersonState | None = self._read(PEOPLE, PEOPLE.stream_id(person_id))
        return state

    def block(self, block_id: str) -> BlockState | None:
        """The grid block's current state."""
        block: BlockState | None = self._read(GRIDS, GRIDS.stream_id(block_id))
        return block

    def evaluation(self, unit_id: BranchId, cycle: str) -> EvaluationState | None:
        """The unit's evaluation for the cycle (scheme, quota, close)."""
        stream_id = EVALUATION.stream_id(evaluation_id(unit_id, cycle))
        state: EvaluationState | None = self._read(EVALUATION, stream_id)
        return state

    def cycle_ledger(self, unit_id: BranchId, cycle: str) -> CycleLedger:
        """The unit's ledger lines and open reviews for the cycle, from the views topped
        up with the log (see :func:`adapters.evaluation_queries.cycle_ledger`); empty when
        the directory was built without a ledger."""
        return CycleLedger() if self._ledger is None else self._ledger(unit_id, cycle)

    def work_item(self, item_id: str) -> WorkItemState | None:
        """The work item's current state."""
        item: WorkItemState | None = self._read(WORK, WORK.stream_id(item_id))
        return item

    def task(self, task_id: str) -> TaskState | None:
        """The task's current state."""
        task: TaskState | None = self._read(TASKS, TASKS.stream_id(task_id))
        return task

    def children(self, unit_id: BranchId, at: datetime) -> list[UnitState]:
        """The living units directly under ``unit_id`` at ``at`` (empty without an index)."""
        if self._unit_ids is None:
            return []
        units = [self.branch(BranchId(u)) for u in self._unit_ids()]
        return children_among(self, [u for u in units if u is not None], unit_id, at)

    def calendar(self, calendar_id: str = "default") -> Calendar:
        """The calendar as declared so far (weekends only when nothing was declared)."""
        state: CalendarState | None = self._read(CALENDARS, CALENDARS.stream_id(calendar_id))
        return Calendar() if state is None else state.calendar
