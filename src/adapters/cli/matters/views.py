"""村务决策查询 — ``matters list | show | board``: a village's matters, one matter with its
steps (应到、实到、到会比例、表决) and publications, and a publication printed as a notice
(XLSX, A4 HTML) with its recorded period, contacts and signed checkpoint."""

from __future__ import annotations

import click
from rich.console import RenderableType
from rich.table import Table

from adapters.boards.export import ExportOptions
from adapters.boards.export import export as export_files
from adapters.boards.matters import matter_board
from adapters.cli.clock import now
from adapters.cli.export_options import export_options
from adapters.cli.notice import notice_for
from adapters.cli.render import heading, table
from adapters.cli.runtime import current
from adapters.views.matters import STATUS, MatterQueries, MatterView, step_names
from dangjian_core.matters.events import MeetingOutcome
from dangjian_core.matters.values import Body, Origin


def _queries() -> MatterQueries:
    return MatterQueries(current().app(must_exist=True).store)


def steps_table(view: MatterView) -> Table:
    """Each step: body, day, 应到, 实到, ratio, the vote and the outcome."""
    grid = table(
        "决策过程",
        ["步骤", "议事主体", "日期", "应到", "实到", "比例", "赞成", "反对", "弃权", "结果"],
        right=["应到", "实到", "赞成", "反对", "弃权"],
    )
    names = step_names()
    for s in view.steps:
        name = "、".join(names.get(k, k) for k in str(s["steps"]).split("+"))
        if s["kind"] == "suggestions":
            grid.add_row(
                name, "村民", str(s["held_on"]), "", "", "", "", "", "", f"{s['present']} 条建议"
            )
            continue
        counts = (s["expected"], s["present"], s["ratio"], s["votes_for"])
        cells = (*counts, s["votes_against"], s["abstentions"])
        outcome = MeetingOutcome(str(s["outcome"])).zh
        grid.add_row(name, Body(str(s["body"])).zh, str(s["held_on"]), *map(str, cells), outcome)
    return grid


@click.command("list")
@click.argument("unit_id")
def list_matters(unit_id: str) -> None:
    """一个村的村务事项及进展 / a village's matters."""
    rows = _queries().matters(unit_id)
    grid = table(None, ["编号", "事项", "来源", "程序", "进展"])
    for r in rows:
        origin = Origin(str(r["origin"])).zh
        grid.add_row(
            str(r["matter_id"]),
            str(r["title"]),
            origin,
            str(r["procedure"]),
            STATUS[str(r["status"])],
        )
    current().show({"unit_id": unit_id, "matters": rows}, [heading(f"{unit_id} 村务事项"), grid])


@click.command("show")
@click.argument("unit_id")
@click.argument("matter_id")
def show(unit_id: str, matter_id: str) -> None:
    """一件村务的决策过程、公开和异议 / one matter, step by step."""
    view = _queries().matter(unit_id, matter_id)
    m = view.matter
    lines: list[RenderableType] = [
        heading(f"{m['title']} ({m['procedure']}, {STATUS[str(m['status'])]})"),
        steps_table(view),
    ]
    for n in view.notices:
        lines.append(
            heading(f"{n['step']}: {n['posted_on']} 至 {n['period_end']} ({n['days']} 个工作日)")
        )
    for o in view.objections:
        lines.append(
            heading(f"异议 {o['objection_id']}: {o['text']} — 答复: {o['answer'] or '(未答复)'}")
        )
    document = {
        "matter": m,
        "steps": list(view.steps),
        "notices": list(view.notices),
        "objections": list(view.objections),
    }
    current().show(document, lines)


@click.command("board")
@click.argument("unit_id")
@click.argument("matter_id")
@click.option("--step", required=True, help="公开步骤 / publish_resolution | publish_result")
@export_options
def board(unit_id: str, matter_id: str, step: str, export: ExportOptions) -> None:
    """村务公开栏: 决议公开或实施结果公开, 可导出表格、打印页 / the publication as a notice."""
    runtime = current()
    app = runtime.app(must_exist=True)
    view = MatterQueries(app.store).matter(unit_id, matter_id)
    name = str(app.queries.branch(unit_id).branch["name"])
    written: dict[str, str] = {}
    if export.wanted():
        notice = notice_for(app, export, export.on or now().date())
        posted = matter_board(
            view, name, step, step_names(), notice=notice, signed_by=export.signed_by
        )
        written = export_files(posted, export)
    lines: list[RenderableType] = [heading(f"{name} {view.matter['title']}"), steps_table(view)]
    lines += [heading(f"已导出 {path}") for path in written.values()]
    runtime.show({"matter": view.matter, "exported": written}, lines)


COMMANDS = (list_matters, show, board)
