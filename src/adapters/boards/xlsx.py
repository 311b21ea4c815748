"""公示榜表格 — a :class:`Board` as an XLSX workbook (openpyxl), one sheet per section.

Every sheet is laid out the same way, ready to print on A4 portrait, fitted to the
page's width:

- row 1: the board's title (merged over the columns);
- row 2: unit, period and date (:attr:`Board.info_text`);
- row 3: the Chinese headers (frozen, and repeated on every printed page);
- row 4 on: the rows; numbers stay numbers;
- then the section's notes and the board's footnotes, and the signature line
  (issuer, then date) on the right.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from adapters.boards.model import Board, Section
from adapters.sheets import as_text, xlsx_row

#: The row of the headers; rows above it are the title and the info line.
HEADER_ROW = 3
RED = "C00000"
#: The font of every cell: 宋体 (SimSun), which Windows and WPS have; LibreOffice maps it.
FONT = "宋体"
_THIN = Side(style="thin", color="808080")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_MAX_WIDTH = 60


def write_xlsx(board: Board, path: Path) -> None:
    """Write the board to ``path`` (built in memory first, so a failing disk leaves no
    half-written workbook open)."""
    buffer = io.BytesIO()
    workbook_of(board).save(buffer)
    path.write_bytes(buffer.getvalue())


def workbook_of(board: Board) -> Workbook:
    """The board as a workbook (not yet saved)."""
    workbook = Workbook()
    first = True
    for section in board.sections:
        sheet = workbook.active if first else workbook.create_sheet()
        first = False
        sheet.title = section.sheet_name
        _fill(sheet, board, section)
    return workbook


def _fill(sheet: Any, board: Board, section: Section) -> None:
    span = max(len(section.columns), 1)
    last = get_column_letter(span)
    sheet.append([board.title])
    as_text(sheet[1])
    sheet.merge_cells(f"A1:{last}1")
    sheet["A1"].font = Font(size=16, bold=True, color=RED)
    sheet["A1"].alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 28
    sheet.append([board.info_text])
    as_text(sheet[2])
    sheet.merge_cells(f"A2:{last}2")
    sheet["A2"].alignment = Alignment(horizontal="center")
    sheet.append([column.header for column in section.columns])
    as_text(sheet[HEADER_ROW])
    for cell in sheet[HEADER_ROW]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=RED)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = _BOX
    for row in section.rows:
        sheet.append(xlsx_row(row))
        as_text(sheet[sheet.max_row])
        for column, cell in zip(section.columns, sheet[sheet.max_row], strict=True):
            cell.border = _BOX
            wrap = isinstance(cell.value, str) and "\n" in cell.value
            horizontal = "right" if column.numeric else "left"
            cell.alignment = Alignment(horizontal=horizontal, vertical="top", wrap_text=wrap)
    notes = (*section.notes, *board.footnotes)
    if board.notice is not None:
        notice = board.notice
        notes = (*notes, notice.closing, f"公示期：{notice.period}", *notice.contacts)
    if notes:
        sheet.append([])
    for note in notes:
        sheet.append([note])
        as_text(sheet[sheet.max_row])
        sheet.merge_cells(f"A{sheet.max_row}:{last}{sheet.max_row}")
        sheet.cell(sheet.max_row, 1).alignment = Alignment(wrap_text=True, vertical="top")
    sheet.append([])
    for line in (board.signer, board.date_text):
        sheet.append([line])
        as_text(sheet[sheet.max_row])
        sheet.merge_cells(f"A{sheet.max_row}:{last}{sheet.max_row}")
        sheet.cell(sheet.max_row, 1).alignment = Alignment(horizontal="right")
    _widths(sheet, section)
    _print_setup(sheet, span)
    _in_chinese_font(sheet)


def _in_chinese_font(sheet: Any) -> None:
    """Every written cell in 宋体 (a spreadsheet opened on a town office's PC shows Chinese
    in the font notices are printed in), keeping its size, weight and colour."""
    for row in sheet.iter_rows():
        for cell in row:
            font = cell.font
            cell.font = Font(name=FONT, sz=font.sz, b=font.b, color=font.color)


def _widths(sheet: Any, section: Section) -> None:
    for index, width in enumerate(section.widths(_MAX_WIDTH - 2), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width + 2


def _print_setup(sheet: Any, span: int) -> None:
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.print_area = f"A1:{get_column_letter(span)}{sheet.max_row}"
    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.orientation = "portrait"
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    margins = sheet.page_margins
    margins.left = margins.right = margins.top = margins.bottom = 0.7  # inches (≈ 18 mm)
