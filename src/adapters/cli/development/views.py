"""发展对象名单 — ``dev show``: the lists of a unit and cycle, and their export
(``--list …`` picks which of :data:`adapters.boards.development.LISTS` to post, all by
default; ``--xlsx/--html/--svg`` the files to write)."""

from __future__ import annotations

import click
from rich.console import RenderableType

from adapters.app import Dangjian
from adapters.boards.development import LISTS, development_board, non_empty
from adapters.boards.export import ExportOptions
from adapters.boards.export import export as export_files
from adapters.cli.clock import now
from adapters.cli.development.commands import unit_cycle
from adapters.cli.export_options import export_options
from adapters.cli.render import heading, table
from adapters.cli.runtime import current
from adapters.views.development import (
    OUTCOME_NAMES,
    STATUS_NAMES,
    DevelopmentQueries,
    DevelopmentView,
)

lists_option = click.option(
    "--list",
    "lists",
    type=click.Choice(LISTS),
    multiple=True,
    help="导出哪些名单, 可多次, 默认全部 / which lists to export: " + "|".join(LISTS),
)


def export_development(
    app: Dangjian,
    view: DevelopmentView,
    unit_id: str,
    cycle: str,
    lists: tuple[str, ...],
    options: ExportOptions,
) -> dict[str, str]:
    """Write the files asked for (none when no export option is given); paths by format."""
    if not options.wanted():
        return {}
    name = str(app.queries.branch(unit_id).branch["name"])
    board = development_board(
        view,
        name,
        cycle,
        options.on or now().date(),
        lists=lists or non_empty(view),
        signed_by=options.signed_by,
    )
    return export_files(board, options)


@click.command("show")
@unit_cycle
@lists_option
@export_options
def show(unit_id: str, cycle: str, lists: tuple[str, ...], export: ExportOptions) -> None:
    """发展对象名单、公示期、异议、表扬与培训名单; 可导出表格、打印页、名次图 /
    the lists of a unit and cycle, optionally exported (docs/boards.md)."""
    runtime = current()
    view = DevelopmentQueries(runtime.app(must_exist=True).store).show(unit_id, cycle)
    written = export_development(runtime.app(), view, unit_id, cycle, lists, export)
    document = {
        "ok": True,
        "unit_id": unit_id,
        "cycle": cycle,
        "list": view.listing,
        "ranking": list(view.ranking),
        "proposed": [r["person_id"] for r in view.proposed],
        "confirmed": [r["person_id"] for r in view.confirmed],
        "notices": list(view.notices),
        "objections": list(view.objections),
        "commended": list(view.commended),
        "training": list(view.training),
        "exported": written,
    }
    done = [heading(f"已导出 {path}") for path in written.values()]
    runtime.show(document, [*renderables(unit_id, cycle, view), *done])


def renderables(unit_id: str, cycle: str, view: DevelopmentView) -> list[RenderableType]:
    """The list, ranking, notices, objections and members as headings and tables."""
    out = list_renderables(unit_id, cycle, view)
    for title, rows in (("表扬党员", view.commended), ("加强培训和引导", view.training)):
        if rows:
            members = table(title, ["编号", "姓名", "积分", "培训任务"], right=["积分"])
            for m in rows:
                cells = (m["person_id"], m["name"], m["total"], m["task_id"] or "")
                members.add_row(*(str(cell) for cell in cells))
            out.append(members)
    return out


def list_renderables(unit_id: str, cycle: str, view: DevelopmentView) -> list[RenderableType]:
    """The list's heading, the ranking and the objections."""
    if view.listing is None:
        return [heading(f"{unit_id} {cycle} 尚未拟定发展对象名单")]
    row = view.listing
    period = f", 公示 {row['posted_on']} 至 {row['period_end']}" if row["posted_on"] else ""
    status = STATUS_NAMES[str(row["status"])]
    out: list[RenderableType] = [
        heading(f"{unit_id} {cycle} 发展对象名单 ({status}, 名额 {row['quota']}{period})")
    ]
    headers = ["名次", "姓名", "积分", "任务", "名单", "说明"]
    grid = table("积极分子排名", headers, right=["名次", "积分", "任务"])
    for r in view.ranking:
        mark = "已确定" if r["confirmed"] else "拟发展" if r["on_list"] else ""
        mark = "移出" if r["removed"] else mark
        note = r["reason"] or (f"并列: {r['separated_by']}" if r["separated_by"] else "")
        cells = (r["rank"], r["name"], r["total"], r["credits"], mark, note)
        grid.add_row(*(str(cell) for cell in cells))
    out.append(grid)
    if view.objections:
        objections = table("异议", ["编号", "对象", "内容", "提出人", "结果", "结论或理由"])
        for o in view.objections:
            moved = f" ({o['promoted']} 递补)" if o["promoted"] else ""
            result = OUTCOME_NAMES[str(o["outcome"])] + moved
            found = (o["objection_id"], o["person_id"], o["text"], o["filer_name"], result)
            objections.add_row(*(str(cell) for cell in found), str(o["note"] or ""))
        out.append(objections)
    return out


COMMANDS = (show,)
