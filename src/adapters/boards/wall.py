"""积分墙公示 — the points wall as a :class:`Board`: ranks, names, totals, the tie-break
rules as footnotes, and a chart of the totals."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from adapters.boards.model import Bar, Board, Cell, Chart, Column, Section
from dangjian_core.kernel.time import cycle_label
from dangjian_core.people.events import STATUS_NAMES
from dangjian_core.points.queries import TIE_RULES, WallEntry

#: One row per person on the printed wall; the points per category are on a sheet of
#: their own in the XLSX (one number per cell, to sum), not on the page.
COLUMNS = (
    Column("名次", 4, numeric=True),
    Column("姓名", 8),
    Column("政治面貌", 12),
    Column("总分", 4, numeric=True),
)
#: Shown only when two people share a total: why one stands above the other.
TIE_COLUMN = Column("同分说明", 24)


def zh(rule_label: str) -> str:
    """The Chinese half of a bilingual label: ``总分高者在前 / higher total`` → ``总分高者在前``."""
    return rule_label.split(" / ")[0]


def tie_note(entry: WallEntry) -> str:
    """Why this entry sits below the one above with the same total; empty if not tied."""
    if entry.separated_by is None:
        return ""
    return f"与第{entry.rank - 1}名同分，依「{zh(entry.separated_by)}」"


def status_zh(status: str) -> str:
    """A stored party status in Chinese (the stored value if unknown)."""
    for member, name in STATUS_NAMES.items():
        if member.value == status:
            return name
    return status


def wall_board(
    unit_name: str,
    cycle: str,
    entries: Sequence[WallEntry],
    as_of: date,
    *,
    statuses: Iterable[str] = (),
    signed_by: str | None = None,
) -> Board:
    """The wall of a unit for a cycle, as posted on ``as_of``; ``statuses`` names a filter."""
    tied = any(entry.separated_by is not None for entry in entries)
    rows = tuple(
        (
            entry.rank,
            entry.standing.name,
            status_zh(entry.standing.status),
            entry.standing.total,
            *((tie_note(entry),) if tied else ()),
        )
        for entry in entries
    )
    rules = "；".join(f"{i}. {zh(label)}" for i, (_key, label) in enumerate(TIE_RULES, start=1))
    shown = [status_zh(s) for s in statuses]
    meta = (("范围", "、".join(shown)),) if shown else ()
    bars = tuple(Bar(entry.standing.name, entry.standing.total) for entry in entries)
    return Board(
        kind="wall",
        title=f"{unit_name}积分墙",
        unit_name=unit_name,
        as_of=as_of,
        sections=(
            Section("积分墙", (*COLUMNS, *((TIE_COLUMN,) if tied else ())), rows),
            by_category(entries),
        ),
        period=cycle_label(cycle),
        footnotes=(f"排名规则（依次适用）：{rules}。",),
        signed_by=signed_by,
        chart=Chart(f"{unit_name}积分名次", bars),
        meta=meta,
    )


def by_category(entries: Sequence[WallEntry]) -> Section:
    """The XLSX sheet 分类积分: one numeric column per category, then the total (not printed)."""
    categories = sorted({c for entry in entries for c in entry.standing.categories})
    columns = (
        Column("名次", 4, numeric=True),
        Column("姓名", 8),
        *(Column(c, 8, numeric=True) for c in categories),
        Column("总分", 4, numeric=True),
    )
    rows: list[tuple[Cell, ...]] = []
    for entry in entries:
        points: list[Cell] = [entry.standing.categories.get(c, 0) for c in categories]
        rows.append((entry.rank, entry.standing.name, *points, entry.standing.total))
    return Section("分类积分", columns, tuple(rows), printed=False)
