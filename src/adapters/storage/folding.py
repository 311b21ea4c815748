"""折叠 — streams folded into state, cached by version, and view rows as of the log's end.

A stream's state is folded once and then only topped up with the events after the cached
version, so a hot task's claimers each read just the few newest events. :class:`ViewRows`
answers questions about read models from the views topped up with the log after them,
never writing, so a decision may ask them under its stream's lock
(:class:`adapters.app.facts.StoreFacts`).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from attrs import frozen

from adapters.storage.mapper import recorded_of
from adapters.storage.store import EventStore, StoredRow
from adapters.storage.tail import tail_of
from dangjian_core.catalog import project_all
from dangjian_core.kernel.concept import Concept
from dangjian_core.kernel.facts import Row
from dangjian_core.kernel.readmodel import MemoryViews, Table, Value
from dangjian_core.kernel.recorded import Recorded


@frozen
class Folded:
    """折叠结果 — a stream's state at a version, and the time of its latest event (None
    before the first): a command on the stream may not be dated before it."""

    version: int
    state: Any
    last_at: datetime | None = None


class StateCache:
    """状态缓存 — the latest :class:`Folded` per stream, least-recently-used first out."""

    def __init__(self, capacity: int = 20_000) -> None:
        self.capacity = capacity
        self._states: OrderedDict[str, Folded] = OrderedDict()
        self._lock = threading.Lock()  # threads of one application share the cache

    def get(self, concept: Concept[Any, Any, Any], stream_id: str) -> Folded:
        """The cached fold, or the stream's initial state at version 0."""
        with self._lock:
            cached = self._states.get(stream_id)
            if cached is not None:
                self._states.move_to_end(stream_id)
        return Folded(0, concept.initial()) if cached is None else cached

    def put(self, stream_id: str, folded: Folded) -> None:
        """Remember a stream's fold (never moving a stream backwards)."""
        with self._lock:
            cached = self._states.get(stream_id)
            if cached is not None and cached.version > folded.version:
                return
            self._states[stream_id] = folded
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


def top_up(concept: Concept[Any, Any, Any], folded: Folded, rows: list[StoredRow]) -> Folded:
    """Fold stored rows onto a cached fold, keeping the latest event's time."""
    state, last_at = folded.state, folded.last_at
    for row in rows:
        recorded = recorded_of(row)
        state = concept.evolve(state, recorded.event)
        last_at = recorded.at
    return Folded(rows[-1].version, state, last_at) if rows else folded


def fold(
    concept: Concept[Any, Any, Any], version: int, state: Any, rows: list[StoredRow]
) -> tuple[int, Any]:
    """Fold stored rows onto a state."""
    for row in rows:
        state = concept.evolve(state, recorded_of(row).event)
        version = row.version
    return version, state


class ViewRows:
    """读模型行 — rows of the views as they stand, topped up with the log after their
    position by the same projections: exact as of the end of the log, and never writing,
    so it is safe under a stream's lock. The log's tail is projected once per store and
    kept while the views stand still (:class:`adapters.storage.tail.LogTail`)."""

    def __init__(self, store: EventStore) -> None:
        self._store = store
        self._position = 0

    def rows(self, table: Table, where: Mapping[str, Value]) -> list[Row]:
        """Matching rows of a view, with the events after the views' position applied."""
        keys = table.key_names
        with self._store.views() as views:
            touched, end = tail_of(self._store).rows(self._store, views, table)
            found = views.select(table.name, where)
            self._position = max(self._position, end)
            changes = [
                c for r in self.beyond_log(end) for c in project_all(r) if c.table == table.name
            ]
            if not changes:
                return _patched(found, touched, keys, where)
            overlay = MemoryViews([table])
            mine = overlay.rows[table.name]
            for row in found:
                mine[tuple(row[k] for k in keys)] = dict(row)
            for key, row in touched.items():
                mine[key] = dict(row)
            for change in changes:
                key = tuple(change.key[k] for k in keys)
                if key not in mine:
                    for row in views.select(table.name, dict(change.key)):
                        mine[key] = dict(row)
        overlay.apply(changes)
        return overlay.select(table.name, where)

    def beyond_log(self, after: int) -> list[Recorded[Any]]:  # noqa: ARG002
        """Events decided but not yet in the log, numbered after position ``after``, to
        apply on top of the log's tail (none here; an import's scratch has some)."""
        return []

    def position(self) -> int:
        """The last log position read for the rows (0 before any)."""
        return self._position


def _patched(
    found: list[Row], touched: Mapping[tuple[Value, ...], Row], keys: tuple[str, ...],
    where: Mapping[str, Value],
) -> list[Row]:  # fmt: skip
    """The rows found in the views, each the tail touched replaced by its newer self, and
    the tail's other rows that match."""
    if not touched:
        return found
    rows = [row for row in found if tuple(row[k] for k in keys) not in touched]
    wanted = list(where.items())
    rows += [dict(row) for row in touched.values() if all(row[n] == v for n, v in wanted)]
    return rows
