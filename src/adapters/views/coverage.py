"""红色全覆盖查询 — a unit's register of enterprises from the read model, and its coverage
on days passed in (:func:`dangjian_core.coverage.queries.coverage`)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from adapters.storage.store import EventStore
from adapters.storage.views import Selecting
from adapters.views.reading import one, read
from dangjian_core.coverage.queries import Coverage, EnterpriseRow, over_time


def _day(value: object) -> date | None:
    return None if value in (None, "") else date.fromisoformat(str(value))


def enterprises(views: Selecting, unit_id: str) -> list[EnterpriseRow]:
    """The unit's register, by enterprise id."""
    rows = views.select("enterprises", {"unit_id": unit_id}, order_by=("enterprise_id",))
    return [
        EnterpriseRow(
            str(r["enterprise_id"]),
            str(r["name"]),
            date.fromisoformat(str(r["listed_on"])),
            _day(r["founded_on"]),
            _day(r["delisted_on"]),
        )
        for r in rows
    ]


class CoverageQueries:
    """红色全覆盖查询 — the register read model of a store, caught up first."""

    def __init__(self, store: EventStore) -> None:
        self._store = store

    def over_time(self, unit_id: str, days: Iterable[date]) -> list[Coverage]:
        """The register's coverage on each day, in order."""
        with read(self._store) as views:
            one(views.select("units", {"unit_id": unit_id}), "组织", unit_id)
            return over_time(enterprises(views, unit_id), days)

    def names(self, unit_id: str) -> dict[str, str]:
        """The enterprises' names by id."""
        with read(self._store) as views:
            return {e.enterprise_id: e.name for e in enterprises(views, unit_id)}
