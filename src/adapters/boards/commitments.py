"""公开承诺公示 — a unit's posted commitments of a year as a :class:`Board` (亮诺榜, the
展板 the seed's 司山村民组 put up): how many pledges stand how, the members' pledges, the
collective ones with their owners, and the villagers' feedback the branch has shown.

A pledge withdrawn or changed after posting stays on the board with the reason; an
overdue one is marked 已逾期. The board shows names only — never a person's id, and never
who gave feedback nor how to reach them. Text cells are written as text by the renderers
(:func:`adapters.sheets.as_text`), so a pledge typed as ``=HYPERLINK(…)`` stays text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from adapters.boards.model import Bar, Board, Cell, Chart, Column, Section
from dangjian_core.commitments.queries import BoardPledge, CommitmentBoard, Standing
from dangjian_core.kernel.time import local_date

STANDING_COLUMNS = (Column("践诺情况", 8), Column("事项数", 6, numeric=True))
MEMBER_COLUMNS = (
    Column("承诺人", 8),
    Column("序号", 4, numeric=True),
    Column("岗位", 10),
    Column("承诺内容", 20),
    Column("目标", 24),
    Column("完成时限", 10),
    Column("践诺情况", 8),
    Column("说明", 20),
)
COLLECTIVE_COLUMNS = (
    Column("承诺组织", 10),
    Column("序号", 4, numeric=True),
    Column("承诺内容", 16),
    Column("目标", 24),
    Column("负责人", 8),
    Column("完成时限", 10),
    Column("践诺情况", 8),
    Column("说明", 20),
)
FEEDBACK_COLUMNS = (
    Column("承诺人", 8),
    Column("序号", 4, numeric=True),
    Column("群众意见", 40),
    Column("提出日期", 10),
)
FOOTNOTES = (
    "设岗定责，依岗承诺：每项承诺经党支部审核后公示一年，接受群众监督。",
    "过了完成时限仍未报告完成的事项标“已逾期”；公示后撤回或变更的事项照样列出，并注明理由。",
    "群众意见经党支部审核后公开，不公开提意见人的姓名和联系方式。",
)


def commitments_board(
    found: CommitmentBoard,
    unit_name: str,
    feedback: Sequence[Mapping[str, Any]],
    *,
    signed_by: str | None = None,
) -> Board:
    """The board of a unit's posted commitments as they stand on ``found.on``, with the
    feedback rows that are shown (public rows: no giver's data)."""
    members = [p for p in found.pledges if not p.collective]
    collective = [p for p in found.pledges if p.collective]
    counts = tuple((s.zh, found.count(s)) for s in Standing)
    names = {p.pledger_id: p.pledger_name for p in found.pledges}
    return Board(
        kind="commitments",
        title=f"{unit_name} {found.year} 年度党员公开承诺",
        unit_name=unit_name,
        as_of=found.on,
        sections=(
            Section(
                "践诺情况", STANDING_COLUMNS, (*counts, ("合计", len(found.pledges))), sheet="汇总"
            ),
            Section("党员承诺", MEMBER_COLUMNS, tuple(_member(p) for p in members)),
            Section("集体承诺", COLLECTIVE_COLUMNS, tuple(_collective(p) for p in collective)),
            Section("群众意见", FEEDBACK_COLUMNS, _feedback(feedback, names)),
        ),
        period=f"{found.year}年度",
        footnotes=FOOTNOTES,
        signed_by=signed_by,
        chart=Chart(
            f"{unit_name} {found.year} 年度承诺事项践诺情况",
            tuple(Bar(label, count) for label, count in counts),
            unit="项",
        ),
    )


def _member(p: BoardPledge) -> tuple[Cell, ...]:
    return (p.pledger_name, p.item_no, p.post, p.content, p.target, p.due, p.standing.zh, p.note)


def _collective(p: BoardPledge) -> tuple[Cell, ...]:
    cells = (p.pledger_name, p.item_no, p.content, p.target, p.owner_name, p.due)
    return (*cells, p.standing.zh, p.note)


def _feedback(
    rows: Sequence[Mapping[str, Any]], names: Mapping[str, str]
) -> tuple[tuple[Cell, ...], ...]:
    return tuple(
        (
            names.get(str(row["pledger_id"]), str(row["pledger_id"])),
            int(row["item_no"] or 0),
            str(row["text"]),
            _day(str(row["left_at"])),
        )
        for row in rows
    )


def _day(moment: str) -> str:
    """The day a recorded time falls on, in the units' local time."""
    return local_date(datetime.fromisoformat(moment)).isoformat() if moment else ""
