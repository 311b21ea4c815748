"""公开承诺查询 — ``commitments show | board | one | feedback-list | overdue | explain |
count``: a book's pledges, the board of posted ones (exported as XLSX, A4 HTML or SVG),
one pledger's commitment, the feedback (contacts only when asked, for the branch), the
overdue pledges, a score explained (with the star criterion computed from it), and the
town's counts."""

from __future__ import annotations

from datetime import date
from typing import Any

import click
from rich.console import RenderableType
from rich.table import Table

from adapters.boards.commitments import commitments_board
from adapters.boards.export import ExportOptions
from adapters.boards.export import export as export_files
from adapters.cli.clock import IsoDate, now
from adapters.cli.commitments.options import book, pledger
from adapters.cli.export_options import export_options
from adapters.cli.render import heading, plain, table
from adapters.cli.runtime import current
from adapters.views.commitments import CommitmentQueries
from dangjian_core.commitments.queries import CommitmentBoard, ScoreExplanation
from dangjian_core.commitments.scoring import show_score
from dangjian_core.commitments.state import FeedbackStatus, PledgeStatus
from dangjian_core.commitments.values import AssessorBody, Fulfilment, ReturnGround

_on = click.option("--on", type=IsoDate(), default=None, help="查看日期, 默认今天 / as of a day")


def _queries() -> CommitmentQueries:
    return CommitmentQueries(current().app(must_exist=True).store)


def _status(row: dict[str, Any]) -> str:
    text = PledgeStatus(str(row["status"])).zh
    if row["outcome"]:
        text += f", {Fulfilment(str(row['outcome'])).zh} {show_score(int(row['score'] or 0))}"
    return text


def pledges_table(rows: list[dict[str, Any]]) -> Table:
    """Every pledge with its status, owner and notes."""
    grid = table(
        "承诺事项",
        ["承诺人", "序号", "岗位", "承诺内容", "目标", "时限", "负责人", "状态", "说明"],
        right=["序号"],
    )
    for r in rows:
        note = ""
        if r["status"] == PledgeStatus.RETURNED.value:
            note = f"{ReturnGround(str(r['ground'])).zh}: {r['returned_reason']}"
        elif r["withdrawn_reason"]:
            note = f"撤回: {r['withdrawn_reason']}"
        elif r["change_reason"]:
            note = f"变更: {r['change_reason']}"
        cells = (r["pledger_id"], r["item_no"], r["post"], r["content"], r["target"], r["due"])
        grid.add_row(*(str(c) for c in cells), str(r["owner_id"]), _status(r), note)
    return grid


def board_table(found: CommitmentBoard) -> Table:
    """The board: each posted pledge as it stands on the day."""
    grid = table(
        None, ["承诺人", "序号", "承诺内容", "负责人", "时限", "践诺情况", "说明"], right=["序号"]
    )
    for p in found.pledges:
        cells = (p.pledger_name, p.item_no, p.content, p.owner_name, p.due, p.standing.zh, p.note)
        grid.add_row(*(str(c) for c in cells))
    return grid


@click.command("show")
@book
def show(unit_id: str, year: int) -> None:
    """一个组织一年的全部承诺事项及状态 / every pledge of a unit's book."""
    queries = _queries()
    rows, scores = queries.pledges(unit_id, year), queries.scores(unit_id, year)
    document = {"unit_id": unit_id, "year": year, "pledges": rows, "scores": scores}
    lines: list[RenderableType] = [heading(f"{unit_id} {year} 年度公开承诺"), pledges_table(rows)]
    if scores:
        grid = table("评诺得分", ["承诺人", "得分", "已兑现", "部分兑现", "未兑现"], right=["得分"])
        for s in scores:
            counts = (s["fulfilled"], s["partly"], s["not_fulfilled"])
            grid.add_row(str(s["pledger_id"]), show_score(int(s["score"] or 0)), *map(str, counts))
        lines.append(grid)
    current().show(document, lines)


@click.command("board")
@book
@_on
@export_options
def board(unit_id: str, year: int, on: date | None, export: ExportOptions) -> None:
    """亮诺榜: 已公示的承诺及践诺情况 (逾期标出), 可导出表格、打印页、统计图 /
    the board of posted commitments, optionally exported."""
    runtime = current()
    app = runtime.app(must_exist=True)
    day = on or export.on or now().date()
    queries = CommitmentQueries(app.store)
    found = queries.board(unit_id, year, day)
    shown = queries.feedback(unit_id, year, shown_only=True)
    written: dict[str, str] = {}
    if export.wanted():
        name = str(app.queries.branch(unit_id).branch["name"])
        posted = commitments_board(found, name, shown, signed_by=export.signed_by)
        written = export_files(posted, export)
    document = {
        "unit_id": unit_id,
        "year": year,
        "on": day.isoformat(),
        "pledges": plain(found.pledges),
        "feedback": shown,
        "exported": written,
    }
    lines: list[RenderableType] = [
        heading(f"{unit_id} {year} 年度亮诺榜 ({day})"),
        board_table(found),
    ]
    lines += [heading(f"已导出 {path}") for path in written.values()]
    runtime.show(document, lines)


@click.command("one")
@pledger
def one(unit_id: str, pledger_id: str, year: int) -> None:
    """一人 (或一个党小组) 的承诺、进展和评诺 / one pledger's commitment."""
    view = _queries().commitment(unit_id, year, pledger_id)
    lines: list[RenderableType] = [
        heading(f"{view.name} {year} 年度承诺"),
        pledges_table(list(view.pledges)),
    ]
    if view.progress:
        grid = table("践诺进展", ["序号", "时间", "进展", "佐证", "完成"], right=["序号"])
        for r in view.progress:
            done = "是" if r["done"] else ""
            grid.add_row(
                str(r["item_no"]),
                str(r["reported_at"])[:10],
                str(r["note"]),
                str(r["evidence"]),
                done,
            )
        lines.append(grid)
    if view.grades:
        grid = table("评诺", ["评诺主体", "序号", "评定"], right=["序号"])
        for r in view.grades:
            body, grade = AssessorBody(str(r["body"])).zh, Fulfilment(str(r["grade"])).zh
            grid.add_row(body, str(r["item_no"]), grade)
        lines.append(grid)
    if view.score is not None:
        lines.append(heading(f"评诺得分 {show_score(int(view.score['score'] or 0))}"))
    current().show(plain(view), lines)


@click.command("feedback-list")
@book
@click.option(
    "--contacts", is_flag=True, help="同时列出姓名和联系方式 (仅供支部核实) / with contacts"
)
def feedback_list(unit_id: str, year: int, contacts: bool) -> None:
    """群众意见及处理情况 / the villagers' feedback and its moderation."""
    queries = _queries()
    rows = queries.feedback(unit_id, year)
    private = queries.feedback_contacts(unit_id, year) if contacts else {}
    headers = ["编号", "承诺人", "序号", "意见", "状态", "理由"]
    grid = table(
        "群众意见", [*headers, *(["姓名", "联系方式"] if contacts else [])], right=["序号"]
    )
    for r in rows:
        cells = [r["feedback_id"], r["pledger_id"], r["item_no"], r["text"]]
        cells += [FeedbackStatus(str(r["status"])).zh, r["reason"]]
        found = private.get(str(r["feedback_id"]), {})
        cells += [found.get("contact_name"), found.get("contact")] if contacts else []
        grid.add_row(*("" if c is None else str(c) for c in cells))
    document = {"feedback": rows, "contacts": private}
    current().show(document, [grid])


@click.command("overdue")
@book
@_on
def overdue(unit_id: str, year: int, on: date | None) -> None:
    """逾期未完成的承诺事项 / the posted pledges overdue on a day."""
    day = on or now().date()
    rows = _queries().overdue(unit_id, year, day)
    grid = table(f"{day} 已逾期", ["承诺人", "序号", "承诺内容", "负责人", "时限"], right=["序号"])
    for r in rows:
        cells = (r["pledger_id"], r["item_no"], r["content"], r["owner_id"], r["due"])
        grid.add_row(*(str(c) for c in cells))
    current().show({"on": day.isoformat(), "overdue": rows}, [grid])


def explanation_lines(found: ScoreExplanation) -> list[RenderableType]:
    """The score's heading and one table of every pledge's parts."""
    rule = found.rule
    weights = f"本人 {rule.self_weight}%、党员大会 {rule.meeting_weight}%、村民代表 {rule.representatives_weight}%"
    grid = table(
        None, ["序号", "承诺内容", "评诺主体", "权重", "评定", "计分"], right=["权重", "计分"]
    )
    for p in found.pledges:
        for part in p.parts:
            cells = (
                p.item_no,
                p.content,
                part.body.zh,
                f"{part.weight}%",
                part.grade.zh,
                show_score(part.points),
            )
            grid.add_row(*(str(c) for c in cells))
        grid.add_row(str(p.item_no), "", "合计", "", p.outcome.zh, show_score(p.total))
    check = "一致" if found.consistent else "不一致!"
    return [
        heading(
            f"{found.pledger_id} {found.year} 年度评诺得分 {show_score(found.score)} "
            f"(第 {found.rule_version} 版规则: {weights}; 与记录{check})"
        ),
        grid,
    ]


@click.command("explain")
@pledger
def explain(unit_id: str, pledger_id: str, year: int) -> None:
    """评诺得分说明, 及由它算出的评星项 / a score explained, and the stars it feeds."""
    queries = _queries()
    found = queries.explain(unit_id, year, pledger_id)
    criteria = queries.star_criteria(year, pledger_id)
    lines = explanation_lines(found)
    for c in criteria:
        lines.append(
            heading(
                f"评星项「{c['name']}」({c['unit_id']} {c['kind']}): {c['points']}/{c['out_of']} 分, "
                f"依据评诺得分 {show_score(int(c['basis'] or 0))}"
            )
        )
    current().show({"explanation": plain(found), "star_criteria": criteria}, lines)


@click.command("count")
@click.option("--year", type=int, required=True, help="年度 / year")
@click.argument("unit_ids", nargs=-1)
def count(year: int, unit_ids: tuple[str, ...]) -> None:
    """已公示承诺的统计 (默认全部组织) / counts of posted commitments."""
    found = _queries().counts(year, unit_ids or None)
    text = (
        f"{year} 年度: {found.units} 个组织公示承诺, {found.members} 名党员作出承诺, "
        f"个人承诺事项 {found.pledges} 项, 集体承诺事项 {found.collective_pledges} 项"
    )
    current().show(plain(found), [heading(text)])


COMMANDS = (show, board, one, feedback_list, overdue, explain, count)
