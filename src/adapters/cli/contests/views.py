"""擂台赛查询 — ``contest show | sheets | standings | explain``: the contest with its
contestants and panel, who has scored (never what before 现场亮分), the standings of the
rounds shown (or the published results) exported as a board, and one score explained down
to the judges and the criteria."""

from __future__ import annotations

from datetime import date

import attrs
import click
from rich.console import RenderableType
from rich.table import Table

from adapters.boards.contests import contests_board
from adapters.boards.export import ExportOptions
from adapters.boards.export import export as export_files
from adapters.cli.clock import now
from adapters.cli.export_options import export_options
from adapters.cli.notice import notice_for
from adapters.cli.render import heading, plain, table
from adapters.cli.runtime import current
from adapters.views.contests import ContestQueries, ContestView, Standings
from dangjian_core.contests.state import RoundStatus
from dangjian_core.contests.values import show as show_score

contest_id = click.argument("contest_id")


def _queries() -> ContestQueries:
    return ContestQueries(current().app(must_exist=True).store)


def entries_table(view: ContestView) -> Table:
    """The contestants in drawn order: their report, round and sheets in."""
    grid = table(
        "参赛者",
        ["顺序", "村(社区)", "述职人", "述职报告", "轮次", "已评", "实地考察", "名次", "总分"],
        right=["顺序", "已评", "名次"],
    )
    for e in view.entries:
        revision = f"第 {e['report_revision']} 版" if e["report_revision"] else "未提交"
        grid.add_row(
            str(e["draw"]),
            view.name(str(e["unit_id"])),
            view.name(str(e["person_id"])),
            revision,
            RoundStatus(str(e["stage"])).zh,
            str(e["sheets_in"] or 0),
            str(e["inspection"] or ""),
            str(e["rank"] or ""),
            str(e["final"] or ""),
        )
    return grid


def ranking_table(found: Standings) -> Table:
    """The ranking of the rounds shown, with the tie rule where it placed someone."""
    grid = table(None, ["名次", "村(社区)", "现场得分", "实地考察", "总分", "说明"], right=["名次"])
    for r in found.ranking:
        s = r.score
        seen = "" if s.inspection is None else show_score(s.inspection)
        cells = (str(r.rank), found.view.name(s.unit_id), show_score(s.on_site), seen)
        grid.add_row(*cells, show_score(s.final), r.tie)
    return grid


@click.command("show")
@contest_id
def show(contest_id: str) -> None:
    """擂台赛概况: 评分细则、参赛者、评委 / the contest, its scheme, field and panel."""
    view = _queries().contest(contest_id)
    c = view.contest
    lines: list[RenderableType] = [
        heading(f"{c['title']} ({c['held_on']}, {view.name(str(c['host_unit_id']))})")
    ]
    if view.scheme is not None:
        weights = "、".join(f"{k.name} {k.weight}%" for k in view.scheme.criteria)
        lines.append(
            heading(
                f"评分细则第 {c['scheme_version']} 版「{view.scheme.name}」: {weights}; {view.scheme.aggregation.zh}"
            )
        )
    lines.append(entries_table(view))
    judges = "、".join(
        view.name(str(j["judge_id"]))
        + (f"(回避 {view.name(str(j['home_unit_id']))})" if j["home_unit_id"] else "")
        for j in view.judges
    )
    lines.append(heading(f"评委: {judges or '(未确定)'}"))
    current().show(plain(view), lines)


@click.command("sheets")
@contest_id
@click.argument("unit_id", required=False)
def sheets(contest_id: str, unit_id: str | None) -> None:
    """谁已评分 (亮分前不显示分数) / who has scored whom — never the sealed marks."""
    rows = _queries().sheets(contest_id, unit_id)
    grid = table(
        None, ["村(社区)", "评委", "提交时间", "已亮分", "更正次数", "更正理由"], right=["更正次数"]
    )
    for r in rows:
        shown = "是" if r["shown"] else "否 (密封)"
        cells = (
            r["unit_id"],
            r["judge_id"],
            r["submitted_at"],
            shown,
            r["corrections"] or 0,
            r["reason"] or "",
        )
        grid.add_row(*(str(c) for c in cells))
    current().show({"sheets": rows}, [grid])


@click.command("standings")
@contest_id
@export_options
def standings(contest_id: str, export: ExportOptions) -> None:
    """现场排名或公示结果, 可导出公示榜 (表格、打印页) / the standings, optionally exported."""
    runtime = current()
    app = runtime.app(must_exist=True)
    found = ContestQueries(app.store).standings(contest_id)
    day: date = export.on or now().date()
    written: dict[str, str] = {}
    if export.wanted():
        sheets = ContestQueries(app.store).sheets(contest_id)
        corrections = sum(int(r["corrections"] or 0) for r in sheets)
        board = contests_board(found, day, corrections=corrections, signed_by=export.signed_by)
        if board.notice is not None:
            start = date.fromisoformat(str(found.view.contest["notice_start"]))
            notice = attrs.evolve(notice_for(app, export, start), period=board.notice.period)
            board = attrs.evolve(board, notice=notice)
        written = export_files(board, export)
    state = (
        "结果公示"
        if found.view.published
        else f"现场排名 (已亮分 {len(found.ranking)}/{len(found.view.entries)})"
    )
    lines: list[RenderableType] = [
        heading(f"{found.view.contest['title']} {state}"),
        ranking_table(found),
    ]
    for reviewer in sorted({str(r["reviewer"]) for r in found.reviews}):
        mine = [r for r in found.reviews if r["reviewer"] == reviewer]
        good = "; ".join(str(r["text"]) for r in mine if r["kind"] == "strength")
        hope = "; ".join(str(r["text"]) for r in mine if r["kind"] == "expectation")
        lines.append(heading(f"{reviewer} 点评 — 好: {good}; 期望: {hope or '(无)'}"))
    lines += [heading(f"已导出 {path}") for path in written.values()]
    document = {"contest": found.view.contest, "ranking": plain(found.ranking), "exported": written}
    runtime.show(document, lines)


@click.command("explain")
@contest_id
@click.argument("unit_id")
def explain(contest_id: str, unit_id: str) -> None:
    """一位参赛者的得分说明: 每位评委、每项指标 / a score down to judges and criteria."""
    found = _queries().standings(contest_id)
    explained = found.explained(unit_id) if found.view.scheme is not None else None
    if explained is None:
        lines: list[RenderableType] = [heading(f"{unit_id} 尚未亮分 (亮分前不显示评分)")]
        current().show({"unit_id": unit_id, "shown": False}, lines)
        return
    names = found.view.names
    text = [
        heading(f"{found.view.name(unit_id)} 得分说明"),
        *(heading(line) for line in explained.lines(names)),
    ]
    current().show({"unit_id": unit_id, "shown": True, "lines": explained.lines(names)}, text)


COMMANDS = (show, sheets, standings, explain)
