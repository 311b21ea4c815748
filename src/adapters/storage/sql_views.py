"""SQL 读模型 — the core's declared tables as SQL tables, upserted in the event store's database.

The same statements run on SQLite and PostgreSQL (both speak ``ON CONFLICT … DO UPDATE``);
only the parameter placeholder differs. Tracking uses eventsourcing's tracking recorder
inside the same transaction as the rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from eventsourcing.persistence import Tracking

from adapters.storage.views import Rows, ViewTransaction
from dangjian_core.catalog import ALL_TABLES
from dangjian_core.shared.readmodel import Change, Table, Value, sort_rows

TRACKING_NAME = "dangjian_views"
_TABLES = {table.name: table for table in ALL_TABLES}


def table_name(name: str) -> str:
    """The SQL name of a view table."""
    return f"view_{name}"


def create_statements(int_type: str = "INTEGER") -> list[str]:
    """DDL for every view table and its indexes."""
    statements: list[str] = []
    for table in ALL_TABLES:
        columns = ", ".join(
            f"{c.name} {int_type} NOT NULL DEFAULT 0" if c.kind == "int" else f"{c.name} TEXT"
            for c in table.columns
        )
        keys = ", ".join(table.key_names)
        sql_name = table_name(table.name)
        statements.append(
            f"CREATE TABLE IF NOT EXISTS {sql_name} ({columns}, PRIMARY KEY ({keys}))"
        )
        for index in table.indexes:
            index_name = f"{sql_name}_{'_'.join(index)}"
            statements.append(
                f"CREATE INDEX IF NOT EXISTS {index_name} ON {sql_name} ({', '.join(index)})"
            )
    return statements


@lru_cache(maxsize=1024)
def _upsert_sql(table: str, sets: tuple[str, ...], adds: tuple[str, ...], mark: str) -> str:
    spec = _TABLES[table]
    sql_name = table_name(table)
    columns = (*spec.key_names, *sets, *adds)
    updates = [f"{c} = excluded.{c}" for c in sets]
    updates += [f"{c} = {sql_name}.{c} + excluded.{c}" for c in adds]
    action = f"DO UPDATE SET {', '.join(updates)}" if updates else "DO NOTHING"
    return (
        f"INSERT INTO {sql_name} ({', '.join(columns)}) "
        f"VALUES ({', '.join([mark] * len(columns))}) "
        f"ON CONFLICT ({', '.join(spec.key_names)}) {action}"
    )


class SqlViewTransaction(ViewTransaction):
    """SQL 读模型事务 — view rows and tracking through one database cursor."""

    def __init__(self, cursor: Any, tracking: Any, mark: str = "?") -> None:
        self._cursor = cursor
        self._tracking = tracking
        self._mark = mark

    def position(self) -> int:
        """The last position applied, from eventsourcing's tracking table."""
        return int(self._tracking._max_tracking_id(TRACKING_NAME, self._cursor) or 0)

    def apply(self, changes: Iterable[Change]) -> None:
        """Upsert each change's row."""
        for change in changes:
            sets, adds = tuple(change.set), tuple(change.add)
            sql = _upsert_sql(change.table, sets, adds, self._mark)
            spec = _TABLES[change.table]
            params = [change.key[name] for name in spec.key_names]
            params += [change.set[name] for name in sets]
            params += [change.add[name] for name in adds]
            self._cursor.execute(sql, params)

    def set_position(self, position: int) -> None:
        """Record the position; eventsourcing refuses a position that does not move forward."""
        self._tracking._insert_tracking(self._cursor, Tracking(TRACKING_NAME, position))

    def select(self, table: str, where: Mapping[str, Value], order_by: Sequence[str] = ()) -> Rows:
        """Matching rows as dictionaries."""
        spec = _TABLES[table]
        sql = f"SELECT {', '.join(c.name for c in spec.columns)} FROM {table_name(table)}"
        if where:
            sql += " WHERE " + " AND ".join(f"{name} = {self._mark}" for name in where)
        if order_by:
            sql += " ORDER BY " + ", ".join(order_by)
        self._cursor.execute(sql, list(where.values()))
        names = [c.name for c in spec.columns]
        return [dict(zip(names, tuple(row), strict=True)) for row in self._cursor.fetchall()]

    def dump(self) -> dict[str, Rows]:
        """Every table's rows, sorted the same way as the in-memory views."""
        return {t.name: sort_rows(t, self.select(t.name, {})) for t in ALL_TABLES}


def table(name: str) -> Table:
    """The core's declaration of a view table."""
    return _TABLES[name]
