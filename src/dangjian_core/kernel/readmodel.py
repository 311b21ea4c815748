"""读模型原语 — read models as declared tables changed by pure projections.

A projection turns one recorded event into a list of row changes. The same changes are
applied to in-memory views here and to SQL tables by the storage adapter, so both
backends compute the same figures from the same code.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Literal

from attrs import field, frozen

Value = str | int | None
Row = Mapping[str, Value]
Kind = Literal["text", "int"]


@frozen
class Column:
    """列 — a column of a read-model table."""

    name: str
    kind: Kind = "text"


@frozen
class Table:
    """表 — a read-model table: its key columns and value columns."""

    name: str
    key: tuple[Column, ...]
    values: tuple[Column, ...]
    indexes: tuple[tuple[str, ...], ...] = ()

    @property
    def columns(self) -> tuple[Column, ...]:
        """Key columns first, then value columns."""
        return self.key + self.values

    @property
    def key_names(self) -> tuple[str, ...]:
        """The names of the key columns, in order."""
        return _key_names(self.key)


@frozen
class Upsert:
    """写行 — create the row at ``key`` if missing, then set and add to its values.

    ``add`` increments integer columns (missing rows start from 0); ``set`` overwrites.
    """

    table: str
    key: Mapping[str, Value]
    set: Mapping[str, Value] = field(factory=dict)
    add: Mapping[str, int] = field(factory=dict)


Change = Upsert


MergedRow = tuple[str, Mapping[str, Value], dict[str, Value], dict[str, int]]


def merge_rows(tables: Mapping[str, Table], changes: Iterable[Change]) -> list[MergedRow]:
    """Merge changes to the same row into one (table, key, set, add), first-seen order.

    Exact for any order: a later ``set`` replaces what came before; an ``add`` after a
    ``set`` adds to the set value; adds alone sum.
    """
    key_names = {name: table.key_names for name, table in tables.items()}
    merged: dict[tuple[str, tuple[Value, ...]], MergedRow] = {}
    for change in changes:
        table, key = change.table, change.key
        ident = (table, tuple([key[name] for name in key_names[table]]))
        row = merged.get(ident)
        if row is None:
            merged[ident] = (table, key, dict(change.set), dict(change.add))
            continue
        _, _, sets, adds = row
        for name, value in change.set.items():
            sets[name] = value
            adds.pop(name, None)
        for name, delta in change.add.items():
            if name in sets:
                sets[name] = int(sets[name] or 0) + delta
            else:
                adds[name] = adds.get(name, 0) + delta
    return list(merged.values())


def coalesce(tables: Mapping[str, Table], changes: Iterable[Change]) -> list[Change]:
    """The merged changes as :class:`Upsert` values (see :func:`merge_rows`)."""
    return [Upsert(t, k, set=s, add=a) for t, k, s, a in merge_rows(tables, changes)]


class MemoryViews:
    """内存读模型 — tables held in dictionaries; used by tests and in-memory stores."""

    def __init__(self, tables: Sequence[Table]) -> None:
        self.tables = {table.name: table for table in tables}
        self.rows: dict[str, dict[tuple[Value, ...], dict[str, Value]]] = {
            table.name: {} for table in tables
        }

    def apply(self, changes: Iterable[Change]) -> None:
        """Apply row changes in order."""
        for change in changes:
            table = self.tables[change.table]
            key = tuple(change.key[name] for name in table.key_names)
            row = self.rows[change.table].get(key)
            if row is None:
                row = {c.name: (0 if c.kind == "int" else None) for c in table.values}
                row.update(change.key)
                self.rows[change.table][key] = row
            row.update(change.set)
            for name, delta in change.add.items():
                row[name] = int(row[name] or 0) + delta

    def select(
        self, table: str, where: Mapping[str, Value], order_by: Sequence[str] = ()
    ) -> list[dict[str, Value]]:
        """Rows of ``table`` whose columns equal ``where``, sorted by ``order_by``."""
        found = [
            dict(row)
            for row in self.rows[table].values()
            if all(row.get(name) == value for name, value in where.items())
        ]
        return ordered(found, order_by)

    def dump(self) -> dict[str, list[dict[str, Value]]]:
        """Every table's rows in key order, for comparing two sets of views."""
        return {
            name: sort_rows(self.tables[name], [dict(row) for row in rows.values()])
            for name, rows in self.rows.items()
        }


def ordered(rows: Iterable[dict[str, Value]], order_by: Sequence[str]) -> list[dict[str, Value]]:
    """Rows sorted by the ``order_by`` columns, as every backend's ``select`` sorts them."""
    return sorted(rows, key=lambda row: tuple(_sortable(row[c]) for c in order_by))


def sort_rows(table: Table, rows: Iterable[dict[str, Value]]) -> list[dict[str, Value]]:
    """Rows in key order, the same order whichever backend they came from."""
    names = table.key_names
    return sorted(rows, key=lambda row: _sortable_key(tuple(row[n] for n in names)))


@cache
def _key_names(key: tuple[Column, ...]) -> tuple[str, ...]:
    return tuple(column.name for column in key)


def _sortable(value: Value) -> tuple[int, int | str]:
    if value is None:
        return (0, 0)
    return (1, value) if isinstance(value, int) else (2, value)


def _sortable_key(key: tuple[Value, ...]) -> tuple[tuple[int, int | str], ...]:
    return tuple(_sortable(value) for value in key)
