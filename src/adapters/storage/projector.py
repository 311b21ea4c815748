"""投影器 — keeps the materialised views caught up with the event log.

It pulls pages of the log after the views' tracking position and applies each page's
row changes and the new position in one transaction. Running it twice, or in two
processes at once, never double-counts: the write lock and eventsourcing's tracking
table (which refuses a position that does not move forward) make sure of it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from adapters.storage.mapper import decode
from adapters.storage.store import EventStore, StoredRow
from dangjian_core.catalog import project_all
from dangjian_core.shared.recorded import Recorded

PAGE = 2000


def apply_page(store: EventStore, limit: int = PAGE, *, source: EventStore | None = None) -> int:
    """Apply at most one page of pending events; returns how many were applied.

    Events come from ``source`` (default: the store itself), so a replay can rebuild
    another store's views from this store's log.
    """
    with store.views(write=True) as views:
        rows = (source or store).read_log(views.position(), limit)
        for row in rows:
            views.apply(project_all(_recorded(row)))
        if rows:
            views.set_position(rows[-1].position)
        return len(rows)


def catch_up(
    store: EventStore,
    *,
    page: int = PAGE,
    progress: Callable[[int], None] | None = None,
    source: EventStore | None = None,
) -> int:
    """Apply every pending event; returns how many were applied."""
    total = 0
    while applied := apply_page(store, page, source=source):
        total += applied
        if progress is not None:
            progress(applied)
    return total


def _recorded(row: StoredRow) -> Recorded[Any]:
    recorded, _envelope = decode(
        row.topic, row.state, position=row.position, stream_id=row.stream_id, version=row.version
    )
    return recorded
