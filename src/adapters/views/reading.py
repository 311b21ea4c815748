"""读取 — what every view module shares: the views caught up to the log, and the one row
a query about a named subject must find."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from adapters.storage import projector
from adapters.storage.errors import StoreBusy
from adapters.storage.folding import ViewRows
from adapters.storage.store import EventStore
from adapters.storage.views import Rows, Selecting
from dangjian_core.catalog import ALL_TABLES
from dangjian_core.kernel.errors import UnknownSubject
from dangjian_core.kernel.readmodel import Table, Value, ordered

#: How long a query waits for the views' write lock to catch them up before answering
#: from the views as stored plus the log after them, read in memory (:class:`TailViews`).
CATCH_UP_PATIENCE = 2.0

#: Every read model's table by name.
TABLES: Mapping[str, Table] = {table.name: table for table in ALL_TABLES}


class TailViews:
    """读模型加日志尾部 — the views as they stand with the events after their position
    projected in memory: the same answers, without writing, for when another process
    holds the write lock (a writer stopped with Ctrl-Z, a long import)."""

    def __init__(self, store: EventStore) -> None:
        self._rows = ViewRows(store)

    def select(self, table: str, where: Mapping[str, Value], order_by: Sequence[str] = ()) -> Rows:
        """Matching rows as of the end of the log."""
        return ordered(self._rows.rows(TABLES[table], where), order_by)


@contextmanager
def read(store: EventStore) -> Iterator[Selecting]:
    """The store's views, caught up with the log first — or, when the write lock that
    catching up needs is not free within :data:`CATCH_UP_PATIENCE`, the views with the
    log after them applied in memory: a query never waits on a writer."""
    try:
        projector.catch_up(store, patience=CATCH_UP_PATIENCE)
    except StoreBusy:
        yield TailViews(store)
        return
    with store.views() as views:
        yield views


def one(rows: Rows, kind: str, subject_id: str) -> dict[str, Any]:
    """The first row, or :class:`UnknownSubject` naming the ``kind`` and id."""
    if not rows:
        raise UnknownSubject(f"{kind} {subject_id} 不存在", f"no such {kind}: {subject_id}")
    return rows[0]
