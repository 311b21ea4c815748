"""读模型事务 — materialised views and their tracking position, changed together.

Views are written rows-and-position in one transaction, so a crash between applying an
event and recording that it was applied cannot happen: both land or neither does.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping, Sequence

from dangjian_core.shared.readmodel import Change, MemoryViews, Value

Rows = list[dict[str, Value]]


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


class MemoryViewTransaction(ViewTransaction):
    """内存读模型事务 — views in dictionaries, for the in-memory store."""

    def __init__(self, views: MemoryViews, tracking: dict[str, int]) -> None:
        self._views = views
        self._tracking = tracking

    def position(self) -> int:
        """The last position applied."""
        return self._tracking.get("views", 0)

    def apply(self, changes: Iterable[Change]) -> None:
        """Apply changes to the dictionaries."""
        self._views.apply(changes)

    def set_position(self, position: int) -> None:
        """Move the position forward."""
        if position <= self.position():
            raise ValueError(f"tracking must move forward: {position} <= {self.position()}")
        self._tracking["views"] = position

    def select(self, table: str, where: Mapping[str, Value], order_by: Sequence[str] = ()) -> Rows:
        """Matching rows."""
        return self._views.select(table, where, order_by)

    def dump(self) -> dict[str, Rows]:
        """All rows."""
        return self._views.dump()
