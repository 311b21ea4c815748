"""折叠缓存 — streams folded into state, cached by version, and the directory over them.

A stream's state is folded once and then only topped up with the events after the cached
version, so a hot task's claimers each read just the few newest events.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from adapters.storage.mapper import recorded_of
from adapters.storage.store import StoredRow
from dangjian_core.catalog import GRIDS, PEOPLE, UNITS, Concept
from dangjian_core.grids.state import BlockState
from dangjian_core.people.decisions import PersonState
from dangjian_core.shared.ids import BranchId, PersonId
from dangjian_core.units.state import UnitState


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


class StoreDirectory:
    """名录 — branches, people and grid blocks folded from their streams in the store."""

    def __init__(self, read: Any) -> None:
        self._read = read

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
