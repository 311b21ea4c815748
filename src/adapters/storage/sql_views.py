"""SQL 读模型 — the core's declared tables as SQL tables, upserted in the event store's database.

The same statements run on SQLite and PostgreSQL (both speak ``ON CONFLICT … DO UPDATE``);
only the parameter placeholder differs. Tracking uses eventsourcing's tracking recorder
inside the same transaction as the rows.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any

from eventsourcing.persistence import Tracking

from adapters.storage.sql_ledger import SqlLedger
from adapters.storage.store import StoredRow
from adapters.storage.views import Rows, ViewTransaction
from dangjian_core.catalog import ALL_TABLES, PROJECTIONS
from dangjian_core.kernel.readmodel import Change, Table, Value, merge_rows, sort_rows

TRACKING_NAME = "dangjian_views"
_TABLES = {table.name: table for table in ALL_TABLES}
_KEY_NAMES = {table.name: table.key_names for table in ALL_TABLES}


def table_name(name: str, prefix: str = "") -> str:
    """The SQL name of a view table (``prefix`` qualifies it with a schema)."""
    return f"{prefix}view_{name}"


def create_statements(int_type: str = "INTEGER", prefix: str = "") -> list[str]:
    """DDL for every view table and its indexes."""
    statements: list[str] = []
    for table in ALL_TABLES:
        columns = ", ".join(
            f"{c.name} {int_type} NOT NULL DEFAULT 0" if c.kind == "int" else f"{c.name} TEXT"
            for c in table.columns
        )
        keys = ", ".join(table.key_names)
        sql_name = table_name(table.name, prefix)
        statements.append(
            f"CREATE TABLE IF NOT EXISTS {sql_name} ({columns}, PRIMARY KEY ({keys}))"
        )
        for index in table.indexes:
            index_name = f"view_{table.name}_{'_'.join(index)}"
            statements.append(
                f"CREATE INDEX IF NOT EXISTS {index_name} ON {sql_name} ({', '.join(index)})"
            )
    return statements


def views_fingerprint(statements: Sequence[str]) -> str:
    """What the views were made by: their tables' DDL and each projection's name and
    version (raised when a projection changes what it writes into the same tables)."""
    versions = [f"-- projection {p.name} version {p.version}" for p in PROJECTIONS]
    return hashlib.sha256("\n".join([*statements, *versions]).encode()).hexdigest()


def prepare_views(
    ledger: SqlLedger, cursor: Any, int_type: str, tracking_table: str, prefix: str = ""
) -> bool:
    """Create the view tables; if their declaration or a projection's version changed since
    they were made, drop them and reset their tracking first, so they are rebuilt from the
    log on the next catch-up. Returns whether a rebuild was started. Runs inside the
    opening transaction."""
    statements = create_statements(int_type, prefix)
    fingerprint = views_fingerprint(statements)
    if ledger.meta("views_schema") == fingerprint:
        return False
    old = json.loads(ledger.meta("views_tables") or "[]")
    for name in {*old, *(t.name for t in ALL_TABLES)}:
        cursor.execute(f"DROP TABLE IF EXISTS {table_name(name, prefix)}")
    cursor.execute(
        f"DELETE FROM {prefix}{tracking_table} WHERE application_name = '{TRACKING_NAME}'"
    )
    for statement in statements:
        cursor.execute(statement)
    ledger.set_meta("views_schema", fingerprint)
    ledger.set_meta("views_tables", json.dumps([t.name for t in ALL_TABLES]))
    return True


@lru_cache(maxsize=1024)
def _upsert_sql(
    table: str, sets: tuple[str, ...], adds: tuple[str, ...], mark: str, prefix: str
) -> str:
    spec = _TABLES[table]
    sql_name = table_name(table, prefix)
    columns = (*spec.key_names, *sets, *adds)
    updates = [f"{c} = excluded.{c}" for c in sets]
    updates += [f"{c} = t.{c} + excluded.{c}" for c in adds]
    action = f"DO UPDATE SET {', '.join(updates)}" if updates else "DO NOTHING"
    return (
        f"INSERT INTO {sql_name} AS t ({', '.join(columns)}) "
        f"VALUES ({', '.join([mark] * len(columns))}) "
        f"ON CONFLICT ({', '.join(spec.key_names)}) {action}"
    )


@lru_cache(maxsize=1024)
def _unnest_upsert_sql(
    table: str, sets: tuple[str, ...], adds: tuple[str, ...], prefix: str
) -> str:
    """PostgreSQL: many rows in one statement, each column passed as one typed array."""
    spec = _TABLES[table]
    kinds = {c.name: c.kind for c in spec.columns}
    columns = (*spec.key_names, *sets, *adds)
    arrays = ", ".join(f"%s::{'bigint' if kinds[c] == 'int' else 'text'}[]" for c in columns)
    updates = [f"{c} = excluded.{c}" for c in sets]
    updates += [f"{c} = t.{c} + excluded.{c}" for c in adds]
    action = f"DO UPDATE SET {', '.join(updates)}" if updates else "DO NOTHING"
    return (
        f"INSERT INTO {table_name(table, prefix)} AS t ({', '.join(columns)}) "
        f"SELECT * FROM unnest({arrays}) "
        f"ON CONFLICT ({', '.join(spec.key_names)}) {action}"
    )


#: Below this many rows for one statement, ``executemany`` (already pipelined) is as quick.
_UNNEST_FROM = 2


class SqlViewTransaction(ViewTransaction):
    """SQL 读模型事务 — view rows and tracking through one database cursor."""

    def __init__(
        self,
        cursor: Any,
        tracking: Any,
        mark: str = "?",
        prefix: str = "",
        *,
        log: Callable[[int, int], list[StoredRow]] | None = None,
    ) -> None:
        self._cursor = cursor
        self._tracking = tracking
        self._mark = mark
        self._prefix = prefix
        self._log = log
        self._pending: list[Change] = []

    @property
    def cursor(self) -> Any:
        """The transaction's database cursor (for bulk copies between stores)."""
        return self._cursor

    def read_log(self, after_position: int, limit: int) -> list[StoredRow] | None:
        """The log read through this transaction's connection (when the store gave a reader)."""
        return None if self._log is None else self._log(after_position, limit)

    def position(self) -> int:
        """The last position applied, from eventsourcing's tracking table."""
        return int(self._tracking._max_tracking_id(TRACKING_NAME, self._cursor) or 0)

    def apply(self, changes: Iterable[Change]) -> None:
        """Buffer row changes; they are merged per row and written on the next read or
        position update, many rows per statement."""
        self._pending.extend(changes)

    def _flush(self) -> None:
        if not self._pending:
            return
        groups: dict[tuple[str, tuple[str, ...], tuple[str, ...]], list[list[Value]]] = {}
        for table, key, set_values, add_values in merge_rows(_TABLES, self._pending):
            params = [key[name] for name in _KEY_NAMES[table]]
            params += set_values.values()
            params += add_values.values()
            groups.setdefault((table, tuple(set_values), tuple(add_values)), []).append(params)
        self._pending.clear()
        for (table, sets, adds), rows in groups.items():
            if self._mark == "%s" and len(rows) >= _UNNEST_FROM and _typed(table, sets, adds, rows):
                # merge_rows left one row per key, as one INSERT … ON CONFLICT requires
                columns = [list(column) for column in zip(*rows, strict=True)]
                self._cursor.execute(_unnest_upsert_sql(table, sets, adds, self._prefix), columns)
            else:
                self._cursor.executemany(
                    _upsert_sql(table, sets, adds, self._mark, self._prefix), rows
                )

    def set_position(self, position: int) -> None:
        """Write pending rows, then record the position; eventsourcing refuses a position
        that does not move forward."""
        self._flush()
        self._tracking._insert_tracking(self._cursor, Tracking(TRACKING_NAME, position))

    def select(self, table: str, where: Mapping[str, Value], order_by: Sequence[str] = ()) -> Rows:
        """Matching rows as dictionaries (pending changes are written first)."""
        if any(isinstance(v, str) and "\x00" in v for v in where.values()):
            return []  # no stored text holds a NUL (the text policy); PostgreSQL refuses it
        self._flush()
        spec = _TABLES[table]
        sql = f"SELECT {', '.join(c.name for c in spec.columns)} FROM {table_name(table, self._prefix)}"
        if where:
            sql += " WHERE " + " AND ".join(f"{name} = {self._mark}" for name in where)
        if order_by:
            sql += " ORDER BY " + ", ".join(order_by)
        self._cursor.execute(sql, list(where.values()))
        names = [c.name for c in spec.columns]
        return [dict(zip(names, _values(row), strict=True)) for row in self._cursor.fetchall()]

    def dump(self) -> dict[str, Rows]:
        """Every table's rows, sorted the same way as the in-memory views."""
        return {t.name: sort_rows(t, self.select(t.name, {})) for t in ALL_TABLES}

    def pages(self, table: str, size: int) -> Iterator[Rows]:
        """A table's rows in key order, ``size`` at a time, each page found from the last
        key of the one before (keyset paging: memory stays flat however large the view)."""
        self._flush()
        spec = _TABLES[table]
        names = [c.name for c in spec.columns]
        keys = ", ".join(spec.key_names)
        head = f"SELECT {', '.join(names)} FROM {table_name(table, self._prefix)}"
        marks = ", ".join([self._mark] * len(spec.key_names))
        last: list[Value] | None = None
        while True:
            where = "" if last is None else f" WHERE ({keys}) > ({marks})"
            self._cursor.execute(f"{head}{where} ORDER BY {keys} LIMIT {int(size)}", last or [])
            rows = [dict(zip(names, _values(row), strict=True)) for row in self._cursor.fetchall()]
            if not rows:
                return
            yield rows
            last = [rows[-1][name] for name in spec.key_names]


def _typed(
    table: str, sets: tuple[str, ...], adds: tuple[str, ...], rows: list[list[Value]]
) -> bool:
    """Whether every value fits its column's array type (``int`` for int columns, ``str``
    or None for text), so the rows can travel as typed arrays."""
    kinds = {c.name: c.kind for c in _TABLES[table].columns}
    for index, name in enumerate((*_KEY_NAMES[table], *sets, *adds)):
        if kinds[name] == "int":
            if any(type(row[index]) is not int for row in rows):
                return False
        elif any(row[index] is not None and type(row[index]) is not str for row in rows):
            return False
    return True


def table(name: str) -> Table:
    """The core's declaration of a view table."""
    return _TABLES[name]


def _values(row: Any) -> tuple[Any, ...]:
    """A row's values, from a tuple-like (SQLite) or dict (psycopg dict_row) row."""
    return tuple(row.values()) if isinstance(row, dict) else tuple(row)
