"""读模型事务 — materialised views and their tracking position, changed together.

Views are written rows-and-position in one transaction, so a crash between applying an
event and recording that it was applied cannot happen: both land or neither does.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

from dangjian_core.kernel.readmodel import Change, MemoryViews, Value, sort_rows

if TYPE_CHECKING:
    from adapters.storage.store import StoredRow

Rows = list[dict[str, Value]]


class Selecting(Protocol):
    """读取 — what a query asks of the views: the rows of a table matching some columns,
    sorted. A :class:`ViewTransaction` is one; so are the views read with the log's tail
    (:class:`adapters.views.reading.TailViews`)."""

    def select(self, table: str, where: Mapping[str, Value], order_by: Sequence[str] = ()) -> Rows:
        """Matching rows."""
        ...


class ViewTransaction(ABC):
    """读模型事务 — read and change the views and their position atomically."""

    @abstractmethod
    def position(self) -> int:
        """The global position of the last event applied (0 when none)."""

    @abstractmethod
    def apply(self, changes: Iterable[Change]) -> None:
        """Apply row changes."""

    @abstractmethod
    def set_position(self, position: int) -> None:
        """Record the last event applied; must move forward."""

    @abstractmethod
    def select(self, table: str, where: Mapping[str, Value], order_by: Sequence[str] = ()) -> Rows:
        """Rows of a view matching ``where``."""

    @abstractmethod
    def dump(self) -> dict[str, Rows]:
        """Every view's rows in key order."""

    def pages(self, table: str, size: int) -> Iterator[Rows]:
        """A table's rows in key order, at most ``size`` per page."""
        rows = self.dump()[table]
        for start in range(0, len(rows), size):
            yield rows[start : start + size]

    def read_log(self, after_position: int, limit: int) -> list[StoredRow] | None:  # noqa: ARG002
        """The store's log after a position, read in this transaction where the backend
        can (one connection for both); None: read it from the store instead."""
        return None


class MemoryViewTransaction(ViewTransaction):
    """内存读模型事务 — views in dictionaries, for the in-memory store.

    Keeps the first-seen value of every row it touches and the starting position, so
    :meth:`rollback` restores both: rows and position change together or not at all,
    as in a database.
    """

    def __init__(self, views: MemoryViews, tracking: dict[str, int]) -> None:
        self._views = views
        self._tracking = tracking
        self._start = dict(tracking)
        self._undo: dict[tuple[str, tuple[Value, ...]], dict[str, Value] | None] = {}

    def position(self) -> int:
        """The last position applied."""
        return self._tracking.get("views", 0)

    def apply(self, changes: Iterable[Change]) -> None:
        """Apply changes to the dictionaries, remembering each row as it was first."""
        changes = list(changes)
        for change in changes:
            key = tuple(change.key[name] for name in self._views.tables[change.table].key_names)
            if (change.table, key) not in self._undo:
                row = self._views.rows[change.table].get(key)
                self._undo[change.table, key] = None if row is None else dict(row)
        self._views.apply(changes)

    def set_position(self, position: int) -> None:
        """Move the position forward."""
        if position <= self.position():
            raise ValueError(f"tracking must move forward: {position} <= {self.position()}")
        self._tracking["views"] = position

    def rollback(self) -> None:
        """Put every touched row and the position back as they were."""
        for (table, key), row in self._undo.items():
            if row is None:
                self._views.rows[table].pop(key, None)
            else:
                self._views.rows[table][key] = row
        self._tracking.clear()
        self._tracking.update(self._start)

    def select(self, table: str, where: Mapping[str, Value], order_by: Sequence[str] = ()) -> Rows:
        """Matching rows."""
        return self._views.select(table, where, order_by)

    def dump(self) -> dict[str, Rows]:
        """All rows."""
        return self._views.dump()

    def pages(self, table: str, size: int) -> Iterator[Rows]:
        """One table's rows in key order, ``size`` at a time."""
        rows = sort_rows(self._views.tables[table], self._views.select(table, {}))
        for start in range(0, len(rows), size):
            yield rows[start : start + size]
