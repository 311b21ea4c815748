"""Roster files are read as streams within named limits: a file too large, a workbook
that would expand too far (a zip bomb), too many rows, a cell beyond CSV's field limit —
each refused with a RosterError that names the file, the row and the limit,
never a MemoryError or a traceback. (A NUL byte is read, then refused by the text policy
when the row becomes a command.)"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from adapters.roster import reading
from adapters.roster.errors import RosterError
from adapters.roster.reading import read_roster
from adapters.roster.writing import write_roster

HEADER = "人员编号,姓名,所在组织编号,政治面貌,起始日期"


def people_csv(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "人员.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def test_more_rows_than_the_limit_are_refused_at_the_first_row_beyond_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "MAX_ROWS", 3)
    rows = [f"p{i},吕{i},paixilv,群众,2020-09-01" for i in range(5)]

    with pytest.raises(RosterError, match="3 行") as refused:
        read_roster([people_csv(tmp_path, rows)])

    assert 5 == refused.value.where.row


def test_a_file_larger_than_the_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 100)
    rows = [f"p{i},吕{i},paixilv,群众,2020-09-01" for i in range(10)]

    with pytest.raises(RosterError, match="文件过大"):
        read_roster([people_csv(tmp_path, rows)])


def test_a_workbook_that_would_expand_too_far_is_refused_from_its_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "MAX_XLSX_EXPANDED", 64 * 1024 * 1024)  # a quicker bomb
    bomb = tmp_path / "花名册.xlsx"
    block = b"\0" * (1024 * 1024)
    with (
        zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as entry,
    ):
        for _ in range(reading.MAX_XLSX_EXPANDED // len(block) + 1):
            entry.write(block)

    assert bomb.stat().st_size < 1024 * 1024  # small on disk
    with pytest.raises(RosterError, match="解压后过大"):
        read_roster([bomb])


def test_a_real_workbook_is_well_within_the_limits(tmp_path: Path) -> None:
    path = tmp_path / "花名册.xlsx"
    write_roster(path, {})

    assert {} == {name: rows.rows for name, rows in read_roster([path]).sheets.items() if rows.rows}


def test_a_cell_beyond_the_csv_field_limit_is_refused_naming_the_line(tmp_path: Path) -> None:
    row = "p1," + "吕" * 200_000 + ",paixilv,群众,2020-09-01"

    with pytest.raises(RosterError, match="CSV") as refused:
        read_roster([people_csv(tmp_path, ["p0,吕零,paixilv,群众,2020-09-01", row])])

    assert 3 == refused.value.where.row
