"""攻坚查询 — ``campaigns list | board | detail | growth``: a unit's campaigns, the
dashboard on a day (per front and per problem, overdue milestones flagged; exported as
XLSX, A4 HTML or SVG), one problem's task force, milestones, reports and linked work, and
a young cadre's printable growth record (红色成长)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import click
from rich.console import RenderableType

from adapters.boards.campaigns import amount_of, dashboard_board, growth_board
from adapters.boards.export import ExportOptions
from adapters.boards.export import export as export_files
from adapters.cli.clock import IsoDate, now
from adapters.cli.export_options import export_options
from adapters.cli.render import heading, table
from adapters.cli.runtime import current
from adapters.views.campaigns import CampaignQueries
from dangjian_core.campaigns.queries import Dashboard, ProgressStatus
from dangjian_core.campaigns.values import Capacity

_on = click.option("--on", type=IsoDate(), default=None, help="查看日期, 默认今天 / as of a day")


def _queries() -> CampaignQueries:
    return CampaignQueries(current().app(must_exist=True).store)


def document(value: Any) -> Any:
    """Attrs values as JSON-ready data: decimals as their text, dates in ISO."""
    if attrs.has(type(value)):
        return {f.name: document(getattr(value, f.name)) for f in attrs.fields(type(value))}
    if isinstance(value, dict):
        return {str(k): document(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [document(v) for v in value]
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    return value


def dashboard_lines(found: Dashboard, names: dict[str, str]) -> list[RenderableType]:
    """The heading, the counts per front and one line per problem."""
    statuses = [s.zh for s in ProgressStatus]
    counts = table("战场汇总", ["战场", *statuses, "合计"], right=[*statuses, "合计"])
    for f in found.fronts:
        counts.add_row(f.name, *(str(f.counts[s]) for s in ProgressStatus), str(len(f.problems)))
    counts.add_row("合计", *(str(found.counts[s]) for s in ProgressStatus), str(found.problems))
    grid = table("攻坚点", ["编号", "攻坚点", "组长", "成员", "节点", "状态"], right=["成员"])
    for f in found.fronts:
        for line in f.problems:
            marks = "\n".join(
                f"{m.milestone_no}. {m.title} {amount_of(m.achieved, m.measure)}/"
                f"{amount_of(m.target, m.measure)} ({m.due} 前, {m.standing.zh}"
                f"{', 超额完成' if m.over_fulfilment else ''})"
                for m in line.milestones
            )
            leader = names.get(line.leader_id, line.leader_id) if line.leader_id else "未组建"
            grid.add_row(
                line.problem_id, line.title, leader, str(line.members), marks, line.standing.zh
            )
    title = (
        f"{found.name} 攻坚看板 ({found.as_of}): 共 {found.problems} 项, "
        f"已启动 {found.started} 项, 已逾期 {found.counts[ProgressStatus.OVERDUE]} 项"
    )
    return [heading(title), counts, grid]


@click.command("list")
@click.argument("unit_id")
def list_(unit_id: str) -> None:
    """一个组织发起的攻坚行动 / the campaigns a unit launched."""
    rows = _queries().campaigns(unit_id)
    grid = table("攻坚行动", ["编号", "名称", "开始", "结束"])
    for r in rows:
        grid.add_row(*(str(r[k]) for k in ("campaign_id", "name", "starts", "ends")))
    current().show({"campaigns": rows}, [grid])


@click.command("board")
@click.argument("campaign_id")
@_on
@export_options
def board(campaign_id: str, on: date | None, export: ExportOptions) -> None:
    """攻坚看板: 每个战场、每个攻坚点的状态 (逾期标出), 可导出 / the campaign dashboard."""
    runtime = current()
    app = runtime.app(must_exist=True)
    day = on or export.on or now().date()
    queries = CampaignQueries(app.store)
    found = queries.board(campaign_id, day)
    leaders = [p.leader_id for f in found.fronts for p in f.problems if p.leader_id]
    names = {pid: queries.name_of(pid) for pid in set(leaders)}
    written: dict[str, str] = {}
    if export.wanted():
        unit_name = queries.name_of(str(queries.campaign(campaign_id)["unit_id"]))
        posted = dashboard_board(found, unit_name, names, signed_by=export.signed_by)
        written = export_files(posted, export)
    lines = dashboard_lines(found, names)
    lines += [heading(f"已导出 {path}") for path in written.values()]
    runtime.show({"dashboard": document(found), "exported": written}, lines)


@click.command("detail")
@click.argument("campaign_id")
@click.argument("problem_id")
@_on
def detail(campaign_id: str, problem_id: str, on: date | None) -> None:
    """一个攻坚点: 攻坚党小组、节点、进展和关联工作 / one problem in detail."""
    day = on or now().date()
    view = _queries().problem(campaign_id, problem_id, day)
    line = view.line
    members = table("攻坚党小组", ["成员", "身份", "来自", "起", "止"])
    for m in view.members:
        capacity = Capacity(str(m["capacity"])).zh
        members.add_row(
            str(m["name"]),
            capacity,
            str(m["home_unit"]),
            str(m["joined_on"]),
            str(m["left_on"] or ""),
        )
    reports = table("节点进展", ["日期", "节点", "累计完成量", "报告人", "佐证"], right=["节点"])
    for r in view.reports:
        over = " (超额完成)" if r["over_fulfilment"] else ""
        reports.add_row(
            str(r["reported_on"]), str(r["milestone_no"]), f"{r['achieved']}{over}",
            str(r["reporter"]), str(r["evidence"]),
        )  # fmt: skip
    linked = table("关联工作", ["类别", "编号", "名称", "完成", "目标"], right=["完成", "目标"])
    for p in view.linked.parts:
        linked.add_row(p.kind.zh, p.target_id, p.title, str(p.done), str(p.target))
    linked.add_row("合计", "", "", str(view.linked.done), str(view.linked.target))
    lines: list[RenderableType] = [
        heading(f"{line.title} ({day}): {line.standing.zh}; 组长 {view.leader_name or '未组建'}"),
        members,
        reports,
        linked,
    ]
    current().show(document(view), lines)


@click.command("growth")
@click.argument("person_id")
@_on
@export_options
def growth(person_id: str, on: date | None, export: ExportOptions) -> None:
    """红色成长档案: 攻坚经历和实绩, 可打印供干部考察 / a young cadre's growth record."""
    runtime = current()
    app = runtime.app(must_exist=True)
    day = on or export.on or now().date()
    record, name, unit_name = CampaignQueries(app.store).growth(person_id)
    written: dict[str, str] = {}
    if export.wanted():
        written = export_files(
            growth_board(record, name, unit_name, day, signed_by=export.signed_by), export
        )
    services = table("攻坚经历", ["攻坚行动", "攻坚点", "身份", "起", "止"])
    for s in record.services:
        services.add_row(
            s.campaign, s.problem, s.capacity.zh, str(s.joined_on), str(s.left_on or "")
        )
    results = table("攻坚实绩", ["日期", "攻坚点", "节点", "完成量", "佐证", "达标"])
    for c in record.contributions:
        results.add_row(
            str(c.reported_on), c.problem, c.milestone, amount_of(c.achieved, c.measure),
            c.evidence, "是" if c.reached else "",
        )  # fmt: skip
    summary = (
        f"{name} 红色成长档案: 攻坚党小组 {len(record.services)} 次, 报告进展 "
        f"{len(record.contributions)} 次, 使 {record.milestones_reached} 个节点达标, "
        f"所在攻坚点完成 {record.problems_completed} 个"
    )
    lines: list[RenderableType] = [heading(summary), services, results]
    lines += [heading(f"已导出 {path}") for path in written.values()]
    runtime.show({"growth": document(record), "name": name, "exported": written}, lines)


COMMANDS = (list_, board, detail, growth)
