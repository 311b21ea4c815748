"""中心工作查看 — ``work report | show | list``: the cascade report as of a date (per
unit target, done, status), one item's shares, tasks and reports, and a unit's items."""

from __future__ import annotations

from datetime import datetime

import click

from adapters.cli.clock import AsOf, now, show_time
from adapters.cli.render import filled, heading, plain, table
from adapters.cli.runtime import current
from adapters.views.work import WorkQueries
from dangjian_core.work.queries import WorkStatus, tally, walk

_INDENT = "  "


def _queries() -> WorkQueries:
    return WorkQueries(current().app(must_exist=True).store)


@click.command("report")
@click.argument("item_id")
@click.option(
    "--at", type=AsOf(), default=None, help="截至某日(当日结束时), 默认现在 / as of a date"
)
def report(item_id: str, at: datetime | None) -> None:
    """层层汇总的进度: 各级目标、完成、状态 / the cascade report: per unit done and status."""
    runtime = current()
    queries = _queries()
    moment = at or now()
    detail = queries.item(item_id).item
    progress = queries.cascade(item_id, moment)
    counts = tally(progress)
    rows = (
        (
            f"{_INDENT * depth}{line.name}",
            line.unit_id,
            str(line.target),
            str(line.own),
            str(line.done),
            line.status.zh + ("" if line.accepted else " (待承接)"),
            show_time(line.deadline),
        )
        for depth, line in walk(progress)
    )
    header = ["组织", "编号", "目标", "本级", "完成", "状态", "截止"]
    grid = table(None, header, right=["目标", "本级", "完成"], whole=["截止"])
    summary = "、".join(f"{status.zh} {counts[status]}" for status in WorkStatus)
    title = (
        f"{detail['title']} ({item_id}) 截至 {show_time(moment)}: 完成 {progress.done}/"
        f"{progress.target}{detail['measure']}, {progress.status.zh}; 下级 {summary}"
    )
    document = {
        "item_id": item_id,
        "title": detail["title"],
        "measure": detail["measure"],
        "at": moment.isoformat(),
        "tally": {status.value: counts[status] for status in WorkStatus},
        "report": plain(progress),
    }
    runtime.show(document, [heading(title), filled(grid, rows)])


@click.command("show")
@click.argument("item_id")
def show(item_id: str) -> None:
    """工作详情: 分解、关联任务、上报记录 / an item's shares, linked tasks and reports."""
    runtime = current()
    view = _queries().item(item_id)
    item = view.item
    parent = f", 承接自 {item['parent_item_id']}" if item["parent_item_id"] else ""
    cancelled = (
        f"; 已于 {show_time(str(item['cancelled_at']))} 取消: {item['cancel_reason']}"
        if item["cancelled_at"]
        else ""
    )
    title = (
        f"{item['title']} ({item_id}) {item['unit_id']}: 目标 {item['target']}{item['measure']}, "
        f"截止 {show_time(str(item['deadline']))}, 本级上报 {item['done']}{parent}{cancelled}"
    )
    shares = filled(
        table("分解", ["组织", "目标", "截止", "承接后编号"], right=["目标"]),
        (
            (str(s["unit_id"]), str(s["target"]), show_time(str(s["deadline"])), str(s["share_id"]))
            for s in view.shares
        ),
    )
    tasks = filled(
        table("关联任务", ["任务", "每份计"], right=["每份计"]),
        ((str(t["task_id"]), str(t["per_completion"])) for t in view.tasks),
    )
    reports = filled(
        table("上报记录", ["时间", "累计完成", "上报人", "说明"], right=["累计完成"]),
        (
            (show_time(str(r["since"])), str(r["done"]), str(r["reported_by"]), str(r["note"]))
            for r in view.reports
        ),
    )
    revisions = filled(
        table("份额修改", ["时间", "组织", "目标", "截止", "修改人", "理由"], right=["目标"]),
        (
            (
                show_time(str(r["since"])),
                str(r["unit_id"]),
                str(r["target"]),
                show_time(str(r["deadline"])),
                str(r["revised_by"]),
                str(r["reason"]),
            )
            for r in view.revisions
        ),
    )
    sections = (
        (shares, view.shares),
        (revisions, view.revisions),
        (tasks, view.tasks),
        (reports, view.reports),
    )
    parts = [part for part, rows in sections if rows]
    runtime.show(plain(view), [heading(title), *parts])


@click.command("list")
@click.argument("unit_id")
def list_items(unit_id: str) -> None:
    """本组织部署或承接的工作 / the work items a unit issued or accepted."""
    runtime = current()
    rows = _queries().items(unit_id)
    grid = filled(
        table(None, ["编号", "名称", "目标", "截止", "上级工作"], right=["目标"]),
        (
            (
                str(r["item_id"]),
                str(r["title"]),
                f"{r['target']}{r['measure']}",
                show_time(str(r["deadline"])),
                str(r["parent_item_id"] or "—"),
            )
            for r in rows
        ),
    )
    document = {"unit_id": unit_id, "items": rows}
    runtime.show(document, [heading(f"{unit_id} 的中心工作 {len(rows)} 项"), grid])


COMMANDS = (report, show, list_items)
