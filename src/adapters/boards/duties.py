"""职责公示 — a unit's duties as a :class:`Board` on a day: the road chiefs (路长制) and the
red workshops' instructors (红色车间) with their patrols and every gap with its dates,
and, when the unit keeps an enterprise register, its coverage (红色全覆盖).

Names only, never a person's id. The day is the one passed in (the page's posting date):
a patrol after it does not count, as :func:`dangjian_core.duties.queries.compliance` says.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from adapters.boards.model import Bar, Board, Cell, Chart, Column, Section
from adapters.views.duties import DutyView
from dangjian_core.coverage.queries import Coverage
from dangjian_core.duties.events import CadenceUnit, DutyKind
from dangjian_core.duties.queries import Gap

DUTY_COLUMNS = (
    Column("对象", 12),
    Column("负责人", 8),
    Column("周期", 10),
    Column("巡查次数", 6, numeric=True),
    Column("最近巡查", 10),
    Column("缺口", 30),
)
COVERAGE_COLUMNS = (
    Column("日期", 10),
    Column("在册企业", 6, numeric=True),
    Column("已建立党组织", 6, numeric=True),
    Column("覆盖率", 8),
)
FOOTNOTES = (
    "路长制：每条主要道路配一名党员路长，三天至少巡查一次；红色车间：每月派出党建指导员指导。",
    "缺口：该巡查而没有巡查的日子（首日—末日）；“仍未巡查”表示截至公示日尚未补上。",
)
_SECTIONS = (
    (DutyKind.ROAD, "路长履职"),
    (DutyKind.WORKSHOP, "红色车间指导"),
    (DutyKind.OTHER, "其他职责"),
)


def duties_board(
    duties: Sequence[DutyView],
    names: Mapping[str, str],
    unit_name: str,
    on: date,
    coverage: Sequence[Coverage] = (),
) -> Board:
    """The board of a unit's duties (and register) as they stand on ``on``."""
    sections = [
        Section(title, DUTY_COLUMNS, tuple(_row(d, names) for d in duties if d.kind == kind.value))
        for kind, title in _SECTIONS
        if any(d.kind == kind.value for d in duties)
    ]
    if coverage:
        sections.append(Section("红色全覆盖", COVERAGE_COLUMNS, tuple(map(_coverage, coverage))))
    kept = sum(1 for d in duties if d.record.kept)
    return Board(
        kind="duties",
        title=f"{unit_name}路长与红色车间履职情况",
        unit_name=unit_name,
        as_of=on,
        sections=tuple(sections),
        period=f"截至{on.isoformat()}",
        footnotes=FOOTNOTES,
        chart=Chart(
            f"{unit_name}职责履行情况",
            (Bar("按周期履职", kept), Bar("有缺口", len(duties) - kept)),
            unit="项",
        ),
    )


def _cadence(duty: DutyView) -> str:
    unit = CadenceUnit(duty.cadence).zh
    return f"每 {duty.every} {unit}至少一次"


def _gap(gap: Gap) -> str:
    end = f"{gap.last}（仍未巡查）" if gap.open else gap.last.isoformat()
    return f"{gap.first}—{end}"


def _row(duty: DutyView, names: Mapping[str, str]) -> tuple[Cell, ...]:
    gaps = "；".join(_gap(g) for g in duty.record.gaps) or "无"
    last = "" if duty.record.last is None else duty.record.last.isoformat()
    holder = names.get(duty.holder_id, duty.holder_id)
    return (duty.object_name, holder, _cadence(duty), duty.record.patrols, last, gaps)


def _coverage(found: Coverage) -> tuple[Cell, ...]:
    return (found.on.isoformat(), found.listed, found.covered, f"{found.percent}%")
