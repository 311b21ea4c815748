"""攻坚看板与红色成长档案 — a campaign's dashboard on a day as a :class:`Board` (how many
problems stand how, front by front; every problem with its leader, members serving and
milestones, overdue ones marked), and a young cadre's growth record (红色成长) for cadre
evaluation: the task forces they served on and the results they reported, with evidence.

Both are printable like the other boards (XLSX, A4 HTML, the dashboard's chart as SVG).
Boards show names, never ids; measured amounts are printed exactly as recorded
(``30.3208 公顷``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from adapters.boards.model import Bar, Board, Cell, Chart, Column, Section
from dangjian_core.campaigns.growth import GrowthRecord
from dangjian_core.campaigns.queries import (
    Dashboard,
    MilestoneLine,
    ProblemLine,
    ProgressStatus,
)
from dangjian_core.campaigns.values import amount_text

COUNT_COLUMNS = (
    Column("战场", 16),
    *(Column(status.zh, 6, numeric=True) for status in ProgressStatus),
    Column("合计", 6, numeric=True),
)
PROBLEM_COLUMNS = (
    Column("战场", 12),
    Column("攻坚点", 20),
    Column("组长", 8),
    Column("成员", 4, numeric=True),
    Column("节点", 36),
    Column("状态", 8),
)
SERVICE_COLUMNS = (
    Column("攻坚行动", 14),
    Column("攻坚点", 20),
    Column("身份", 12),
    Column("起止", 22),
    Column("攻坚点完成", 10),
)
CONTRIBUTION_COLUMNS = (
    Column("日期", 10),
    Column("攻坚点", 18),
    Column("节点", 16),
    Column("完成量", 12),
    Column("佐证", 24),
    Column("说明", 10),
)
DASHBOARD_NOTES = (
    "节点过了完成时限仍未达到目标的标“已逾期”；攻坚点有逾期节点即为已逾期。",
    "完成量为截至看板日期最近一次报告的累计量；超出目标的须登记为超额完成。",
)
GROWTH_NOTES = (
    "本档案由攻坚党小组的任职记录和本人报告的节点进展汇成，供年轻干部考察使用。",
    "“达标”表示该次报告使节点首次达到目标。",
)


def amount_of(value: Decimal, measure: str) -> str:
    """An amount as printed: ``30.3208公顷``."""
    return f"{amount_text(value)}{measure}"


def dashboard_board(
    found: Dashboard, unit_name: str, names: Mapping[str, str], *, signed_by: str | None = None
) -> Board:
    """The campaign's dashboard on ``found.as_of`` (``names`` of the leaders by id)."""
    fronts: tuple[tuple[Cell, ...], ...] = tuple(
        (f.name, *(f.counts[s] for s in ProgressStatus), len(f.problems)) for f in found.fronts
    )
    totals: tuple[Cell, ...] = ("合计", *(found.counts[s] for s in ProgressStatus), found.problems)
    rows = tuple(
        _problem(front.name, line, names) for front in found.fronts for line in front.problems
    )
    return Board(
        kind="campaign",
        title=f"{found.name} 攻坚看板",
        unit_name=unit_name,
        as_of=found.as_of,
        sections=(
            Section("战场汇总", COUNT_COLUMNS, (*fronts, totals), sheet="汇总"),
            Section("攻坚点", PROBLEM_COLUMNS, rows),
        ),
        meta=(("攻坚点", f"共 {found.problems} 项，已启动 {found.started} 项"),),
        footnotes=DASHBOARD_NOTES,
        signed_by=signed_by,
        chart=Chart(
            f"{found.name} 攻坚点进度",
            tuple(Bar(s.zh, found.counts[s]) for s in ProgressStatus),
            unit="项",
        ),
    )


def _problem(front: str, line: ProblemLine, names: Mapping[str, str]) -> tuple[Cell, ...]:
    leader = names.get(line.leader_id, line.leader_id) if line.leader_id else "未组建"
    marks = "\n".join(_milestone(m) for m in line.milestones) or "未设定"
    return (front, line.title, leader, line.members, marks, line.standing.zh)


def _milestone(m: MilestoneLine) -> str:
    over = "，超额完成" if m.over_fulfilment else ""
    done = f"{amount_of(m.achieved, m.measure)}/{amount_of(m.target, m.measure)}"
    return f"{m.milestone_no}. {m.title} {done}（{m.percent}%，{m.due} 前，{m.standing.zh}{over}）"


def growth_board(
    record: GrowthRecord, name: str, unit_name: str, on: date, *, signed_by: str | None = None
) -> Board:
    """A person's growth record (红色成长档案) as printed on ``on``."""
    services = tuple(
        (
            s.campaign,
            s.problem,
            s.capacity.zh,
            f"{s.joined_on} 至 {s.left_on or '今'}",
            s.completed_on.isoformat() if s.completed_on else "",
        )
        for s in record.services
    )
    contributions = tuple(
        (
            c.reported_on.isoformat(),
            c.problem,
            c.milestone,
            amount_of(c.achieved, c.measure),
            c.evidence,
            "，".join(
                x
                for x in ("达标" if c.reached else "", "超额完成" if c.over_fulfilment else "")
                if x
            ),
        )
        for c in record.contributions
    )
    summary = (
        f"参加攻坚党小组 {len(record.services)} 次，报告进展 {len(record.contributions)} 次，"
        f"使 {record.milestones_reached} 个节点达标，所在攻坚点完成 {record.problems_completed} 个。"
    )
    return Board(
        kind="growth",
        title=f"{name} 红色成长档案",
        unit_name=unit_name,
        as_of=on,
        sections=(
            Section("攻坚经历", SERVICE_COLUMNS, services),
            Section("攻坚实绩", CONTRIBUTION_COLUMNS, contributions, notes=(summary,)),
        ),
        footnotes=GROWTH_NOTES,
        signed_by=signed_by,
    )
