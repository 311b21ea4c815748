"""校验 — every cell read to its type, required cells filled, no id given twice.

Shape problems are found here, before any rule of the domain is asked: a malformed id, an
unknown 类别 or 职务, a bad date, a missing required cell, the same 人员编号 on two rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from attrs import frozen

from adapters.roster.columns import (
    BLOCK_ID,
    GRIDS,
    HOUSE_BLOCK,
    HOUSEHOLD_ID,
    HOUSEHOLDS,
    PEOPLE,
    PERSON_ID,
    ROLE,
    ROLE_PERSON,
    ROLE_UNIT,
    ROLES,
    SHEETS,
    UNIT_ID,
    UNITS,
    Sheet,
)
from adapters.roster.errors import CellProblem, RosterError, Where
from adapters.roster.reading import RawRoster, RawRow, SheetRows

#: The cells that identify a row; no two rows of a sheet may share them.
KEYS: dict[str, tuple[str, ...]] = {
    UNITS.name: (UNIT_ID,),
    PEOPLE.name: (PERSON_ID,),
    ROLES.name: (ROLE_UNIT, ROLE_PERSON, ROLE),
    GRIDS.name: (BLOCK_ID,),
    HOUSEHOLDS.name: (HOUSE_BLOCK, HOUSEHOLD_ID),
}


@frozen
class Entry:
    """已校验的行 — a row's typed values by header (``None`` for a blank optional cell)."""

    sheet: Sheet
    source: str
    number: int
    values: dict[str, Any]

    def where(self, header: str) -> Where:
        """Where a cell of this row is."""
        return Where(self.source, self.number, header)

    def __getitem__(self, header: str) -> Any:
        return self.values.get(header)


@frozen
class Roster:
    """校验后的花名册 — the entries of each sheet, in file order."""

    units: tuple[Entry, ...]
    people: tuple[Entry, ...]
    roles: tuple[Entry, ...]
    grids: tuple[Entry, ...]
    households: tuple[Entry, ...] = ()

    @property
    def count(self) -> int:
        """How many rows in all."""
        sheets = (self.units, self.people, self.roles, self.grids, self.households)
        return sum(len(entries) for entries in sheets)


def validate(raw: RawRoster, advance: Callable[[int], None] | None = None) -> Roster:
    """Read every cell; the first problem raises :class:`RosterError` naming its cell."""
    found = [_sheet(raw.rows(sheet), advance) for sheet in SHEETS]
    return Roster(*found)


def _sheet(rows: SheetRows, advance: Callable[[int], None] | None) -> tuple[Entry, ...]:
    entries = []
    seen: dict[tuple[Any, ...], int] = {}
    keys = KEYS[rows.sheet.name]
    for row in rows.rows:
        entry = _entry(rows, row)
        key = tuple(entry[k] for k in keys)
        if key in seen:
            raise RosterError(
                entry.where(keys[0]),
                f"与第 {seen[key]} 行重复({'、'.join(map(str, key))})",
                f"duplicates row {seen[key]} ({', '.join(map(str, key))})",
            )
        seen[key] = row.number
        entries.append(entry)
        if advance is not None:
            advance(1)
    return tuple(entries)


def _entry(rows: SheetRows, row: RawRow) -> Entry:
    values: dict[str, Any] = {}
    for column in rows.sheet.columns:
        where = Where(rows.source, row.number, column.header)
        cell = row.cells.get(column.header)
        if cell is None:
            if column.required:
                raise RosterError(where, "必填项为空", "a required cell is empty")
            values[column.header] = None
            continue
        try:
            values[column.header] = column.parse(cell)
        except CellProblem as problem:
            raise RosterError(where, problem.zh, problem.en) from None
    return Entry(rows.sheet, rows.source, row.number, values)
