"""读取花名册 — CSV files (a folder of them, or single files) and XLSX workbooks into rows.

Rows keep the number the user sees in the sheet (the header is row 1); wholly blank rows
are skipped. Headers are checked here: an unknown or missing required column stops the
import at row 1, naming the column.

Files are read as streams, within limits named in the refusal: a file's size
(:data:`MAX_FILE_BYTES`), what a workbook expands to (:data:`MAX_XLSX_EXPANDED`: a 1.5 MB
"zip bomb" once expanded to 1.5 GB), and rows per sheet (:data:`MAX_ROWS`).
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from attrs import frozen
from openpyxl import load_workbook

from adapters.roster.columns import SHEET_NAMES, SHEETS, Sheet
from adapters.roster.errors import RosterError, Where
from adapters.sheets import from_csv_cell

#: The largest roster file read (a county's roster of 100,000 people is about 20 MB).
MAX_FILE_BYTES = 64 * 1024 * 1024
#: The most a workbook may expand to when unzipped.
MAX_XLSX_EXPANDED = 512 * 1024 * 1024
#: The most rows a sheet may hold.
MAX_ROWS = 200_000
_MB = 1024 * 1024


@frozen
class RawRow:
    """一行 — a row's number in its sheet and its cells by header (blank cells left out)."""

    number: int
    cells: dict[str, Any]


@frozen
class SheetRows:
    """一张表 — a sheet's rows and where they came from (``人员.csv``, ``花名册.xlsx[人员]``)."""

    sheet: Sheet
    source: str
    rows: tuple[RawRow, ...]


@frozen
class RawRoster:
    """花名册 — the sheets found; a sheet not given has no rows."""

    sheets: dict[str, SheetRows]

    def rows(self, sheet: Sheet) -> SheetRows:
        """The rows of a sheet (none when it was not given)."""
        return self.sheets.get(sheet.name, SheetRows(sheet, sheet.file_name, ()))

    @property
    def count(self) -> int:
        """How many rows in all."""
        return sum(len(s.rows) for s in self.sheets.values())


def read_roster(paths: Sequence[Path]) -> RawRoster:
    """Read a roster: one XLSX workbook, a folder of CSV files, or CSV files given singly."""
    if len(paths) == 1 and paths[0].suffix.lower() in (".xlsx", ".xlsm"):
        return read_xlsx(paths[0])
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.suffix.lower() == ".csv")
        else:
            files.append(path)
    sheets: dict[str, SheetRows] = {}
    for file in files:
        sheet = _sheet_of(file)
        if sheet.name in sheets:
            raise RosterError(
                Where(file.name, 1, ""),
                f"与 {sheets[sheet.name].source} 是同一张表({sheet.name})",
                f"gives the same sheet ({sheet.name}) as {sheets[sheet.name].source}",
            )
        sheets[sheet.name] = read_csv(file, sheet)
    if not sheets:
        where = Where(", ".join(str(p) for p in paths) or "-", 1, "")
        names = "、".join(s.file_name for s in SHEETS)
        raise RosterError(where, f"没有找到花名册文件({names})", f"no roster files ({names})")
    return RawRoster(sheets)


def _sheet_of(file: Path) -> Sheet:
    if file.suffix.lower() != ".csv" or file.stem.lower() not in SHEET_NAMES:
        if not file.exists():
            raise RosterError(Where(str(file), 1, ""), "文件不存在", "no such file")
        names = "、".join(s.file_name for s in SHEETS)
        raise RosterError(
            Where(file.name, 1, ""),
            f"文件名须为 {names} 之一(或英文 units/people/roles/grids.csv)",
            f"a roster CSV file is named one of {names} (or units/people/roles/grids.csv)",
        )
    return SHEET_NAMES[file.stem.lower()]


def read_csv(file: Path, sheet: Sheet) -> SheetRows:
    """One sheet from a UTF-8 CSV file (a byte-order mark, as Excel writes, is fine); the
    apostrophe an export put before a formula-like cell is taken off."""
    _check_size(file)
    reader: Any = None
    try:
        with file.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            records = ([from_csv_cell(cell) for cell in row] for row in reader)
            return _rows(sheet, file.name, enumerate(records, start=1))
    except FileNotFoundError:
        raise RosterError(Where(str(file), 1, ""), "文件不存在", "no such file") from None
    except UnicodeDecodeError:
        raise RosterError(
            Where(file.name, 1, ""),
            "文件不是 UTF-8 编码(请在 Excel 中另存为「CSV UTF-8」)",
            "the file is not UTF-8 encoded (save it as CSV UTF-8)",
        ) from None
    except csv.Error as error:  # a cell beyond csv's field limit
        line = reader.line_num if reader is not None else 1
        raise RosterError(
            Where(file.name, max(line, 1), ""),
            "这一行无法按 CSV 读取(单元格过长)",
            f"this line cannot be read as CSV: {error}",
        ) from None


def _check_size(path: Path) -> None:
    """Refuse a file larger than :data:`MAX_FILE_BYTES` before reading it."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise RosterError(Where(str(path), 1, ""), "文件不存在", "no such file") from None
    if size > MAX_FILE_BYTES:
        raise RosterError(
            Where(path.name, 1, ""),
            f"文件过大({size / _MB:.1f} MB, 上限 {MAX_FILE_BYTES // _MB} MB)",
            f"the file is {size / _MB:.1f} MB; the limit is {MAX_FILE_BYTES // _MB} MB",
        )


def _check_expanded(path: Path) -> None:
    """Refuse a workbook that would expand beyond :data:`MAX_XLSX_EXPANDED` (read from the
    zip's directory, before anything is expanded)."""
    try:
        with zipfile.ZipFile(path) as archive:
            expanded = sum(entry.file_size for entry in archive.infolist())
    except zipfile.BadZipFile:
        return  # not a zip at all: load_workbook names it "not an XLSX workbook"
    if expanded > MAX_XLSX_EXPANDED:
        raise RosterError(
            Where(path.name, 1, ""),
            f"工作簿解压后过大({expanded / _MB:.0f} MB, 上限 {MAX_XLSX_EXPANDED // _MB} MB)",
            f"the workbook expands to {expanded / _MB:.0f} MB; "
            f"the limit is {MAX_XLSX_EXPANDED // _MB} MB",
        )


def read_xlsx(path: Path) -> RawRoster:
    """The four sheets of a workbook (other sheets, such as 说明, are ignored)."""
    _check_size(path)
    _check_expanded(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise RosterError(Where(str(path), 1, ""), "文件不存在", "no such file") from None
    except Exception as error:  # openpyxl raises many kinds for a file that is not XLSX
        raise RosterError(
            Where(path.name, 1, ""), "不是有效的 XLSX 工作簿", f"not an XLSX workbook ({error})"
        ) from None
    try:
        sheets: dict[str, SheetRows] = {}
        for title in workbook.sheetnames:
            sheet = SHEET_NAMES.get(title.strip().lower())
            if sheet is None:
                continue
            values = workbook[title].iter_rows(values_only=True)
            sheets[sheet.name] = _rows(sheet, f"{path.name}[{title}]", enumerate(values, start=1))
    finally:
        workbook.close()
    if not sheets:
        names = "、".join(s.name for s in SHEETS)
        raise RosterError(
            Where(path.name, 1, ""), f"工作簿中没有 {names} 工作表", f"no sheet named {names}"
        )
    return RawRoster(sheets)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _rows(sheet: Sheet, source: str, records: Iterable[tuple[int, Sequence[Any]]]) -> SheetRows:
    iterator = iter(records)
    header: list[str] | None = None
    for number, record in iterator:
        if any(not _blank(v) for v in record):
            header = [("" if _blank(v) else str(v).strip()) for v in record]
            _check_header(sheet, source, number, header)
            break
    if header is None:
        return SheetRows(sheet, source, ())
    rows: list[RawRow] = []
    for number, record in iterator:
        if all(_blank(v) for v in record):
            continue
        extra = [v for v in record[len(header) :] if not _blank(v)]
        if extra:
            raise RosterError(
                Where(source, number, ""),
                f"表头之外还有数据({extra[0]!r})",
                f"a value beyond the last column ({extra[0]!r})",
            )
        cells = {h: v for h, v in zip(header, record, strict=False) if h and not _blank(v)}
        if len(rows) >= MAX_ROWS:
            raise RosterError(
                Where(source, number, ""),
                f"行数超过上限 {MAX_ROWS} 行",
                f"more than {MAX_ROWS} rows in one sheet",
            )
        rows.append(RawRow(number, cells))
    return SheetRows(sheet, source, tuple(rows))


def _check_header(sheet: Sheet, source: str, number: int, header: list[str]) -> None:
    known = set(sheet.headers)
    for index, name in enumerate(header):
        if name and name not in known:
            raise RosterError(
                Where(source, number, name),
                f"未知的列(本表的列: {'、'.join(sheet.headers)})",
                f"unknown column (this sheet's columns: {', '.join(sheet.headers)})",
            )
        if name and name in header[:index]:
            raise RosterError(Where(source, number, name), "列重复", "the column appears twice")
    for column in sheet.columns:
        if column.required and column.header not in header:
            raise RosterError(
                Where(source, number, column.header), "缺少必填列", "a required column is missing"
            )
