"""创星榜表格 — the star board as an XLSX workbook, through the generic board renderer.

Kept for library users: :func:`write_board` builds the board with
:func:`adapters.boards.stars.star_board_board` and writes it with
:func:`adapters.boards.xlsx.write_xlsx` (sheets 汇总, 党支部, 党员).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from adapters.boards.stars import LEVEL_NAMES, star_board_board
from adapters.boards.xlsx import write_xlsx
from dangjian_core.ratings.queries import StarBoard

__all__ = ["LEVEL_NAMES", "write_board"]


def write_board(
    board: StarBoard,
    unit_name: str,
    path: Path,
    *,
    as_of: date | None = None,
    signed_by: str | None = None,
) -> None:
    """Write the board to ``path``: sheet 汇总 (counts per level), 党支部, 党员; dated
    ``as_of`` (default today)."""
    posted = star_board_board(board, unit_name, as_of or date.today(), signed_by=signed_by)
    write_xlsx(posted, path)
