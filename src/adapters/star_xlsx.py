"""创星榜表格 — the star board as an XLSX workbook (openpyxl): counts, branches, members."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook

from dangjian_core.ratings.board import LEVELS, BoardEntry, StarBoard
from dangjian_core.ratings.events import RatedKind

#: Each star level's label, as printed on the board (0: 不合格).
LEVEL_NAMES = {5: "五星", 4: "四星", 3: "三星", 2: "二星", 1: "一星", 0: "不合格"}
HEADER = ("星级", "编号", "名称", "得分")


def write_board(board: StarBoard, unit_name: str, path: Path) -> None:
    """Write the board to ``path``: sheet 汇总 (counts per level), 党支部, 党员."""
    workbook = Workbook()
    summary = workbook.active
    summary.title = "汇总"
    summary.append([f"{unit_name} {board.year} 年度创星榜"])
    summary.append(["星级", "党支部", "党员"])
    branches, members = board.counts(RatedKind.BRANCH), board.counts(RatedKind.MEMBER)
    for level in LEVELS:
        summary.append([LEVEL_NAMES[level], branches[level], members[level]])
    summary.append(["合计", len(board.branches), len(board.members)])
    _entries(workbook.create_sheet("党支部"), board.branches)
    _entries(workbook.create_sheet("党员"), board.members)
    workbook.save(path)


def _entries(sheet: Any, entries: tuple[BoardEntry, ...]) -> None:
    sheet.append(HEADER)
    for entry in entries:
        row = (LEVEL_NAMES[entry.stars], entry.subject_id, entry.name, entry.score)
        sheet.append(row)
