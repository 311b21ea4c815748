"""创星榜公示 — the star board as a :class:`Board`: counts per level, branches, members.

Entries show the star level, the name and the score; ids are left out (a person's id may
be any code a unit chose, and a public board shows names only).
"""

from __future__ import annotations

from datetime import date

from adapters.boards.model import Bar, Board, Chart, Column, Section
from dangjian_core.ratings.events import RatedKind
from dangjian_core.ratings.queries import LEVELS, BoardEntry, StarBoard

#: Each star level's label, as printed on the board (0: 不合格).
LEVEL_NAMES = {5: "五星", 4: "四星", 3: "三星", 2: "二星", 1: "一星", 0: "不合格"}
COUNT_COLUMNS = (
    Column("星级", 6),
    Column("党支部", 6, numeric=True),
    Column("党员", 6, numeric=True),
)
ENTRY_COLUMNS = (Column("星级", 6), Column("名称", 16), Column("得分", 4, numeric=True))


def star_board_board(
    board: StarBoard, unit_name: str, as_of: date, *, signed_by: str | None = None
) -> Board:
    """The board of a unit for a year, as posted on ``as_of``: sheets 汇总, 党支部, 党员."""
    branches, members = board.counts(RatedKind.BRANCH), board.counts(RatedKind.MEMBER)
    counts = tuple((LEVEL_NAMES[level], branches[level], members[level]) for level in LEVELS)
    total = ("合计", len(board.branches), len(board.members))
    bars = tuple(Bar(LEVEL_NAMES[level], members[level]) for level in LEVELS)
    return Board(
        kind="stars",
        title=f"{unit_name} {board.year} 年度创星榜",
        unit_name=unit_name,
        as_of=as_of,
        sections=(
            Section("各星级数量", COUNT_COLUMNS, (*counts, total), sheet="汇总"),
            Section("党支部", ENTRY_COLUMNS, _entries(board.branches)),
            Section("党员", ENTRY_COLUMNS, _entries(board.members)),
        ),
        period=f"{board.year}年度",
        footnotes=("只列已评定（公示期满、未撤销）的星级；按星级、得分从高到低排列。",),
        signed_by=signed_by,
        chart=Chart(f"{unit_name} {board.year} 年度各星级党员人数", bars, unit="人"),
    )


def _entries(entries: tuple[BoardEntry, ...]) -> tuple[tuple[str, str, int], ...]:
    return tuple((LEVEL_NAMES[e.stars], e.name, e.score) for e in entries)
