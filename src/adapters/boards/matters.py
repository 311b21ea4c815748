"""村务公开 — a village matter's publication as a :class:`Board`: the resolution (决议公开)
with the decision's steps — each meeting's roll (应到), attendance (实到), ratio and vote —
or the implementation's result (实施结果公开); the objections answered; and the notice's
period as recorded, with the contacts and signed checkpoint of :class:`Notice`.

The board shows counts and answers only — never who objected nor how to reach them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from adapters.boards.model import Board, Cell, Column, Notice, Section, date_zh
from adapters.views.matters import MatterView
from dangjian_core.matters.events import MeetingOutcome
from dangjian_core.matters.values import Body, Origin, StepKind

ITEM_COLUMNS = (Column("序号", 4, numeric=True), Column("事项", 40))
STEP_COLUMNS = (
    Column("步骤", 14),
    Column("议事主体", 12),
    Column("日期", 10),
    Column("应到", 5, numeric=True),
    Column("实到", 5, numeric=True),
    Column("到会比例", 6),
    Column("赞成", 5, numeric=True),
    Column("反对", 5, numeric=True),
    Column("弃权", 5, numeric=True),
    Column("结果", 14),
)
RESULT_COLUMNS = (Column("完成日期", 10), Column("实施情况", 50))
OBJECTION_COLUMNS = (Column("异议", 30), Column("答复", 30))
FOOTNOTES = (
    "党员大会须应到党员三分之二以上到会、到会党员过半数同意；村民代表会议须过半数到会、到会代表过半数同意。",
    "公示期内如有异议，请向村党支部或村务监督委员会反映；不公开提出人的姓名和联系方式。",
)


def matter_board(
    view: MatterView,
    unit_name: str,
    step: str,
    step_names: Mapping[str, str],
    *,
    notice: Notice | None = None,
    signed_by: str | None = None,
) -> Board:
    """The publication at ``step`` (its key) of the matter, as a notice to post."""
    published = next((n for n in view.notices if n["step"] == step), None)
    if published is None:
        raise ValueError(f"{step}: 尚未公开 / not published")
    kind = StepKind(str(published["kind"]))
    posted = date.fromisoformat(str(published["posted_on"]))
    end = date.fromisoformat(str(published["period_end"]))
    period = f"{date_zh(posted)}至{date_zh(end)}（{published['days']}个工作日）"
    matter = view.matter
    sections = [_items(matter)]
    if kind is StepKind.RESULT_NOTICE:
        sections.append(_result(matter))
    sections.append(_steps(view, step_names))
    answered = [o for o in view.objections if o["answer"]]
    if answered:
        rows = tuple((str(o["text"]), str(o["answer"])) for o in answered)
        sections.append(Section("异议及答复", OBJECTION_COLUMNS, rows))
    origin = Origin(str(matter["origin"])).zh
    return Board(
        kind="matter",
        title=f"{matter['title']}{kind.zh}",
        unit_name=unit_name,
        as_of=posted,
        sections=tuple(sections),
        period=period,
        footnotes=(str(published["text"]), *FOOTNOTES),
        signed_by=signed_by,
        meta=(("来源", origin), ("程序", str(matter["procedure"]))),
        notice=None if notice is None else _with_period(notice, period),
    )


def _with_period(notice: Notice, period: str) -> Notice:
    return Notice(period, notice.contacts, notice.checkpoint, notice.closing)


def _items(matter: Mapping[str, Any]) -> Section:
    items = [i for i in str(matter["items"]).split("、") if i] or [str(matter["title"])]
    rows: tuple[tuple[Cell, ...], ...] = tuple((n, item) for n, item in enumerate(items, 1))
    return Section("决议事项", ITEM_COLUMNS, rows)


def _result(matter: Mapping[str, Any]) -> Section:
    return Section(
        "实施结果",
        RESULT_COLUMNS,
        ((str(matter["implemented_on"]), str(matter["summary"])),),
    )


def _steps(view: MatterView, step_names: Mapping[str, str]) -> Section:
    rows: list[tuple[Cell, ...]] = []
    for s in view.steps:
        name = "、".join(step_names.get(k, k) for k in str(s["steps"]).split("+"))
        body = Body(str(s["body"])).zh
        if s["kind"] == StepKind.SUGGESTIONS.value:
            result = f"征集建议 {s['present']} 条"
            rows.append((name, body, str(s["held_on"]), None, None, "", None, None, None, result))
            continue
        outcome = MeetingOutcome(str(s["outcome"])).zh
        votes = (int(s["votes_for"]), int(s["votes_against"]), int(s["abstentions"]))
        counts = (int(s["expected"]), int(s["present"]), str(s["ratio"]))
        rows.append((name, body, str(s["held_on"]), *counts, *votes, outcome))
    return Section("决策过程", STEP_COLUMNS, tuple(rows))
