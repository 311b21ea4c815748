"""日志尾部 — the rows of the views that the log after their position changes, kept
between calls while the views stand still.

When the views lag behind the log (no projector running, a bulk load not yet caught up),
every question about a read model must see the log's tail applied on top of them. The
tail is read, decoded and projected once per store, then only topped up with the events
appended since: a decision or a query no longer decodes the whole tail on every call.
Rows are built per table on the first question about that table, from the row as the
views hold it (read in the same transaction as their position) and the tail's changes
to it, in log order. Once the views move, everything kept is dropped and the tail
starts again from their new position.
"""

from __future__ import annotations

import threading
import weakref
from typing import TYPE_CHECKING, Any

from adapters.storage.mapper import recorded_of
from dangjian_core.catalog import project_all
from dangjian_core.kernel.readmodel import Change, MemoryViews, Table, Value

if TYPE_CHECKING:
    from adapters.storage.store import EventStore
    from adapters.storage.views import ViewTransaction

PAGE = 2000

Key = tuple[Value, ...]


class LogTail:
    """日志尾部 — the tail's changes per table, and the touched rows of each table asked
    about so far, as of :attr:`end` (the last log position read)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._through = -1
        self.end = 0
        self._waiting: dict[str, list[Change]] = {}
        self._built: dict[str, MemoryViews] = {}

    def rows(
        self, store: EventStore, views: ViewTransaction, table: Table
    ) -> tuple[dict[Key, dict[str, Value]], int]:
        """The rows of ``table`` the tail changed, as of the log's end, and that end.

        ``views`` is the caller's open transaction: its position says where the tail
        starts, and unchanged rows are read through it, so both are of one moment."""
        with self._lock:
            through = views.position()
            if through != self._through:
                self._through, self.end = through, through
                self._waiting, self._built = {}, {}
            self._read(store)
            built = self._built.setdefault(table.name, MemoryViews([table]))
            waiting = self._waiting.pop(table.name, [])
            if waiting:
                self._seed(views, table, built, waiting)
                built.apply(waiting)
            return dict(built.rows[table.name]), self.end

    def _read(self, store: EventStore) -> None:
        """Project the events appended since the last call into each table's queue."""
        while page := store.read_log(self.end, PAGE):
            for row in page:
                for change in project_all(recorded_of(row)):
                    self._waiting.setdefault(change.table, []).append(change)
            self.end = page[-1].position

    @staticmethod
    def _seed(
        views: ViewTransaction, table: Table, built: MemoryViews, changes: list[Change]
    ) -> None:
        """Put each row the changes touch for the first time in as the views hold it."""
        names = table.key_names
        rows = built.rows[table.name]
        for change in changes:
            key = tuple(change.key[name] for name in names)
            if key in rows:
                continue
            found = views.select(table.name, dict(change.key))
            if found:
                rows[key] = dict(found[0])
            else:
                rows[key] = {c.name: (0 if c.kind == "int" else None) for c in table.values}
                rows[key].update(change.key)


_TAILS: weakref.WeakKeyDictionary[Any, LogTail] = weakref.WeakKeyDictionary()
_TAILS_LOCK = threading.Lock()


def tail_of(store: EventStore) -> LogTail:
    """The store's shared tail (one per store object, dropped with it)."""
    with _TAILS_LOCK:
        tail = _TAILS.get(store)
        if tail is None:
            tail = _TAILS[store] = LogTail()
        return tail
