"""花名册测试支撑 — the example roster as CSV or XLSX, and reading files back."""

from __future__ import annotations

import copy
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from adapters.roster import EXAMPLE, Tables, write_roster
from dangjian_core.kernel.time import LOCAL as CST

COUNTY = "huaining-xianwei"
AT = datetime(2018, 1, 2, 9, 0, tzinfo=CST)


def example() -> Tables:
    """A fresh copy of the example roster's rows."""
    return copy.deepcopy(EXAMPLE)


def as_text(found: Tables) -> Tables:
    """Rows as CSV reads them back: every cell text."""
    return {sheet: [[str(v) for v in row] for row in rows] for sheet, rows in found.items()}


def written(folder: Path, found: Tables, *, xlsx: bool = False) -> list[Path]:
    """Write the rows as a CSV folder (or one workbook) and return what to import."""
    path = folder / ("roster.xlsx" if xlsx else "roster")
    write_roster(path, found)
    return [path]


def workbook_cells(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every sheet's cell values, row by row."""
    book = load_workbook(path, read_only=True)
    try:
        return {name: list(book[name].iter_rows(values_only=True)) for name in book.sheetnames}
    finally:
        book.close()
