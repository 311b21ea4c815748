"""电子表格安全 — cells every XLSX and CSV the project writes can be opened safely.

A spreadsheet program runs a cell that starts with ``=`` (and, in CSV, ``+ - @``, a tab
or a carriage return) as a formula: a villager's name typed as
``=HYPERLINK("http://e.vil","点我")`` would become a live link on the printed wall, or a
command in someone's Excel. Following OWASP's guidance on CSV injection:

- XLSX: a text cell is always stored as text, never as a formula (what the reader sees
  is exactly the text that was recorded), and a control character XLSX cannot hold is
  shown as U+FFFD rather than breaking the export;
- CSV: a cell starting with one of :data:`LEADS` gets a leading apostrophe, which
  spreadsheet programs show as text; the roster reader takes it off again, so a
  roster exported and imported again reads the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

#: What makes a spreadsheet program read a cell as a formula.
LEADS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> str:
    """A value as a CSV cell that no spreadsheet program runs."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(LEADS) else text


def from_csv_cell(text: str) -> str:
    """The value a :func:`csv_cell` wrote (only an apostrophe it added is taken off)."""
    return text[1:] if text.startswith("'") and text[1:].startswith(LEADS) else text


def xlsx_row(values: Sequence[Any]) -> list[Any]:
    """A row an XLSX file can hold: a control character XLSX forbids (which text recorded
    before the text policy may still carry) is shown as U+FFFD instead of failing the
    whole export."""
    return [
        ILLEGAL_CHARACTERS_RE.sub("\ufffd", value) if isinstance(value, str) else value
        for value in values
    ]


def as_text(cells: Iterable[Any]) -> None:
    """Store every text cell of an openpyxl row as text, never as a formula."""
    for cell in cells:
        if isinstance(cell.value, str) and cell.data_type == "f":
            cell.data_type = "s"
