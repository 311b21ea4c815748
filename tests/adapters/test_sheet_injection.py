"""A name typed as a formula never runs: every XLSX the project writes stores text as
text, and every CSV puts an apostrophe before a formula-like cell (OWASP, CSV injection)
— which the roster reader takes off again, so an export imports as what was recorded."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from adapters.app import open_app
from adapters.boards.wall import wall_board
from adapters.boards.xlsx import write_xlsx
from adapters.roster import import_roster, read_roster, snapshot, tables, write_roster
from adapters.sheets import LEADS, csv_cell, from_csv_cell
from dangjian_core.points.queries import Standing, rank
from tests.adapters.roster_support import AT, COUNTY, example, written

HOSTILE = [
    '=HYPERLINK("http://e.vil","点我")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1)",
]


def _formulas(path: Path) -> list[str]:
    book = load_workbook(path)
    return [
        f"{sheet.title}!{cell.coordinate}"
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]


def test_the_wall_as_xlsx_holds_a_formula_like_name_as_plain_text(tmp_path: Path) -> None:
    standings = [
        Standing(f"p{n}", name, "activist", 5 - n, 1, n, {"卫生整治": 5 - n})
        for n, name in enumerate(HOSTILE)
    ]
    board = wall_board("派溪吕村党支部", "2021-10", rank(standings), date(2021, 11, 22))
    path = tmp_path / "wall.xlsx"

    write_xlsx(board, path)

    assert [] == _formulas(path)
    values = {c.value for row in load_workbook(path).active.iter_rows() for c in row}
    assert set(HOSTILE) <= values


@pytest.mark.parametrize("suffix", ["", ".xlsx"])
def test_a_roster_export_neither_runs_a_name_nor_changes_it(suffix: str, tmp_path: Path) -> None:
    rows = example()
    hostile = HOSTILE[: len(rows["人员"])]
    for row, name in zip(rows["人员"], hostile, strict=True):
        row[1] = name
    with open_app("memory://") as app:
        import_roster(app, read_roster(written(tmp_path / "in", rows)), actor_id=COUNTY, at=AT)
        exported = write_roster(tmp_path / f"out{suffix}", tables(snapshot(app.store), AT))

    with open_app("memory://") as again:
        import_roster(again, read_roster(exported), actor_id=COUNTY, at=AT)
        names = {str(row[1]) for row in tables(snapshot(again.store), AT)["人员"]}

    assert len(hostile) >= 4
    assert set(hostile) <= names
    if suffix:
        assert [] == _formulas(exported[0])
    else:
        with (tmp_path / "out" / "人员.csv").open(encoding="utf-8-sig", newline="") as handle:
            cells = {cell for row in csv.reader(handle) for cell in row}
        assert {f"'{name}" for name in hostile} <= cells


@pytest.mark.parametrize("lead", LEADS)
def test_a_csv_cell_starting_a_formula_is_quoted_and_read_back_whole(lead: str) -> None:
    text = f"{lead}x"

    assert csv_cell(text) == f"'{text}"
    assert from_csv_cell(csv_cell(text)) == text
    assert from_csv_cell("'普通") == "'普通"  # an apostrophe the writer did not add stays
    assert csv_cell(None) == ""


def test_a_control_character_recorded_before_the_text_policy_does_not_break_the_xlsx(
    tmp_path: Path,
) -> None:
    standings = [Standing("p1", "吕\x07兰枝", "activist", 5, 1, 1, {"卫生整治": 5})]
    board = wall_board("派溪吕村党支部", "2021-10", rank(standings), date(2021, 11, 22))
    path = tmp_path / "wall.xlsx"

    write_xlsx(board, path)

    values = {c.value for row in load_workbook(path).active.iter_rows() for c in row}
    assert "吕\ufffd兰枝" in values
