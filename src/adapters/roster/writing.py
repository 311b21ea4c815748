"""写出花名册 — rows to a folder of CSV files or to one XLSX workbook; the blank template.

CSV files are UTF-8 with a byte-order mark (so Excel opens Chinese text correctly). The
workbook has the four sheets plus 说明 (every column explained), a bold frozen header,
drop-down lists for the columns with fixed choices, and ids, dates and ID numbers stored
as text so Excel never turns them into numbers.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from adapters.private_files import private_folder, private_open, write_private
from adapters.roster import columns as c
from adapters.roster.exporting import Tables
from adapters.sheets import as_text, csv_cell, xlsx_row

#: The rows of the example roster in ``docs/roster.md`` (``roster template --example``).
EXAMPLE: Tables = {
    c.UNITS.name: [
        ["pingshan", "平山镇党委", "党委", "", "2017-01-01", 1],
        ["ps-dawa", "大洼社区党支部", "党支部", "pingshan", "2017-01-01", 1],
        ["ps-dawa-sishan", "司山网格党小组", "党小组", "ps-dawa", "2017-01-01", 1],
    ],
    c.PEOPLE.name: [
        ["wang-jinsheng", "汪金生", "pingshan", "正式党员", "2000-07-01", "男", 1968, "", ""],
        ["cheng-bingkui", "程秉奎", "ps-dawa", "预备党员", "2017-06-30", "男", 1990, "", ""],
        ["cheng-jun", "程军", "ps-dawa", "正式党员", "2005-07-01", "男", 1975, "", ""],
        ["hu-wangjie", "胡汪节", "ps-dawa", "正式党员", "2010-07-01", "男", 1970, "", ""],
    ],
    c.ROLES.name: [
        ["pingshan", "wang-jinsheng", "书记", "2017-01-01"],
        ["ps-dawa", "hu-wangjie", "书记", "2017-01-01"],
        ["ps-dawa-sishan", "cheng-jun", "党小组长", "2017-01-01"],
    ],
    c.GRIDS.name: [
        ["ps-dawa-g", "ps-dawa", "大洼社区", "大网格", "", "", "", "", ""],
        [
            "ps-dawa-g-sishan",
            "ps-dawa",
            "司山村民组",
            "小网格",
            "ps-dawa-g",
            "hu-wangjie",
            "",
            "cheng-jun",
            "cheng-bingkui",
        ],
    ],
    c.HOUSEHOLDS.name: [
        ["ps-dawa-g-sishan", "sishan-h01", "程大爷", "是", "cheng-jun", "wang-jinsheng"],
        ["ps-dawa-g-sishan", "sishan-h02", "胡大妈", "否", "cheng-jun、cheng-bingkui", ""],
    ],
}

GUIDE_SHEET = "说明"
GUIDE_HEADER = ("表", "列", "必填", "说明", "例")
GUIDE_NOTES = (
    "花名册由 单位、人员、职务、网格、农户 五张表组成;表头须与本说明一致,列的顺序不限,空行忽略。",
    "导入时每一行都按系统规则核对(权限、隶属关系、名册、任期);任何一行有误则整份不导入,"
    "错误信息会指出文件、行号、列名和原因。",
    "导入命令: dangjian roster import 花名册.xlsx --as 导入人编号",
)


def blank_tables() -> Tables:
    """No rows in any sheet: the template."""
    return {sheet.name: [] for sheet in c.SHEETS}


def write_csv(folder: Path, found: Tables) -> list[Path]:
    """Write ``单位.csv`` … ``网格.csv`` into ``folder`` (created if missing)."""
    private_folder(folder)
    written = []
    for sheet in c.SHEETS:
        path = folder / sheet.file_name
        with private_open(path, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow(sheet.headers)
            writer.writerows([csv_cell(v) for v in row] for row in found.get(sheet.name, []))
        written.append(path)
    return written


def write_xlsx(path: Path, found: Tables) -> Path:
    """Write one workbook: the four sheets and 说明."""
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    workbook.remove(first)
    for sheet in c.SHEETS:
        _sheet(workbook.create_sheet(sheet.name), sheet, found.get(sheet.name, []))
    _guide(workbook.create_sheet(GUIDE_SHEET))
    private_folder(path.parent)
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_private(path, buffer.getvalue())
    return path


def _sheet(ws: Any, sheet: c.Sheet, rows: list[list[Any]]) -> None:
    ws.append(list(sheet.headers))
    bold = Font(bold=True)
    for cell in ws[1]:
        cell.font = bold
    ws.freeze_panes = "A2"
    for row in rows:
        ws.append(xlsx_row([None if v == "" else v for v in row]))
        as_text(ws[ws.max_row])
    last = max(len(rows) + 1, 1000)
    for index, column in enumerate(sheet.columns, start=1):
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = max(12, 2 * len(column.header) + 4)
        if column.text:
            for (cell,) in ws.iter_rows(
                min_row=2, max_row=len(rows) + 1, min_col=index, max_col=index
            ):
                cell.number_format = "@"
            ws.column_dimensions[letter].number_format = "@"
        if column.choices:
            listed = ",".join(column.choices)
            check = DataValidation(type="list", formula1=f'"{listed}"', allow_blank=True)
            check.error = f"请选择: {listed}"
            check.add(f"{letter}2:{letter}{last}")
            ws.add_data_validation(check)


def _guide(ws: Any) -> None:
    for note in GUIDE_NOTES:
        ws.append([note])
    ws.append([])
    ws.append(list(GUIDE_HEADER))
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    for sheet in c.SHEETS:
        for column in sheet.columns:
            required = "是" if column.required else ""
            ws.append([sheet.name, column.header, required, column.doc, column.example or None])
    for letter, width in zip("ABCDE", (8, 16, 6, 60, 18), strict=True):
        ws.column_dimensions[letter].width = width


def write_roster(path: Path, found: Tables) -> list[Path]:
    """Write to ``path``: an XLSX workbook when it ends in ``.xlsx``, else a CSV folder."""
    if path.suffix.lower() == ".xlsx":
        return [write_xlsx(path, found)]
    return write_csv(path, found)
