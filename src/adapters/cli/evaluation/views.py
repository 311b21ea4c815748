"""考评成绩 — ``eval standings | explain``: the standings under the points scheme, and how
one person's lines were counted."""

from __future__ import annotations

from datetime import date, datetime, time

import click
from rich.console import RenderableType
from rich.table import Table

from adapters.cli.clock import IsoDate, now, show_time
from adapters.cli.evaluation.commands import unit_cycle
from adapters.cli.render import heading, plain, signed, table
from adapters.cli.runtime import current
from adapters.views.evaluation import StandingsView
from dangjian_core.evaluation.no_shows import rule_text
from dangjian_core.evaluation.state import FrozenStandings
from dangjian_core.kernel.time import LOCAL, cycle_label
from dangjian_core.points.projections import KIND_NAMES


def standings_table(frozen: FrozenStandings, view: StandingsView) -> Table:
    """Rank, name, total, tasks, counted points per category, veto and tie-break note."""
    grid = table(
        None, ["名次", "姓名", "总分", "通过任务", "分类计入", "说明"],
        right=["名次", "总分", "通过任务"], whole=["姓名"],
    )  # fmt: skip
    rules = view.separated_by if frozen is view.standings else (None,) * len(frozen.rows)
    for rank, (row, rule) in enumerate(zip(frozen.rows, rules, strict=True), start=1):
        categories = "\n".join(f"{c} {p}" for c, p in row.categories)
        notes = [f"一票否决:{row.veto}"] if row.vetoed else []
        notes += [f"与上一名同分, 依「{rule.split(' / ')[0]}」"] if rule else []
        name = view.names.get(row.person_id, row.person_id)
        grid.add_row(
            str(rank), name, str(row.total), str(row.credits), categories, "\n".join(notes)
        )
    return grid


def _end_of(day: date) -> datetime:
    return datetime.combine(day, time(23, 59, 59, 999999), LOCAL)


@click.command("standings")
@unit_cycle
@click.option(
    "--at", "on", type=IsoDate(), default=None, help="当日公布的季度成绩 / as published on DATE"
)
def standings(unit_id: str, cycle: str, on: date | None) -> None:
    """考评成绩: 按积分细则计入, 排名; --at 查某日墙上公布的成绩 / standings, or as of a date."""
    runtime = current()
    queries = runtime.app(must_exist=True).queries.evaluation
    view = queries.standings(unit_id, cycle, now())
    frozen, title = view.standings, "冻结成绩" if view.closed else "当前成绩"
    if on is not None:
        found = queries.snapshot(unit_id, cycle, _end_of(on))
        if found is None:
            runtime.show({"ok": True, "snapshot": None}, [f"{on} 之前尚未公布季度成绩"])
            return
        frozen, title = found.standings, f"{found.quarter} 季度公布成绩 (截至 {on})"
    quota = "未下达" if view.quota is None else f"{view.quota} 名"
    version = frozen.scheme_version
    basis = "原始积分 (未采用积分细则)" if version is None else f"积分细则第 {version} 版计入"
    lines: list[RenderableType] = [
        heading(f"{unit_id} · {cycle_label(cycle)} · {title}"),
        f"{basis}; 发展名额 {quota}; 公布于 {show_time(frozen.at)}",
        standings_table(frozen, view),
    ]
    document = {"unit_id": unit_id, "cycle": cycle, "title": title, "quota": view.quota}
    runtime.show(document | {"standings": plain(frozen), "closed": view.closed}, lines)


@click.command("explain")
@unit_cycle
@click.argument("person_id")
def explain(unit_id: str, cycle: str, person_id: str) -> None:
    """按积分细则说明某人的计入分: 每行明细计入多少, 超出上限的注明 / counted lines."""
    runtime = current()
    scored = runtime.app(must_exist=True).queries.evaluation.scored(unit_id, person_id, cycle)
    if scored is None:
        runtime.show({"ok": True, "scored": None}, [f"{unit_id} 在 {cycle} 周期未采用积分细则"])
        return
    grid = table(
        None,
        ["时间", "类型", "明细类别", "分值", "计入类别", "计入", "说明"],
        right=["分值", "计入"],
    )
    for c in scored.lines:
        kind = KIND_NAMES.get(c.line.kind, c.line.kind)
        grid.add_row(show_time(c.line.at), kind, c.line.category, signed(c.line.delta), c.category,
                     signed(c.counted), c.note)  # fmt: skip
    for d in scored.deductions:
        grid.add_row(
            "", "扣分", d.label, signed(-d.points), d.category, signed(-d.points), d.reason
        )
    s = scored.standing
    lines: list[RenderableType] = [
        heading(f"{person_id} · {cycle_label(cycle)} · 积分细则计入说明"),
        grid,
    ]
    lines.append("分类计入: " + "、".join(f"{k} {v}" for k, v in s.categories))
    lines.append(f"总分 {s.total}" + (f" (一票否决: {s.veto})" if s.vetoed else ""))
    state = runtime.app().queries.evaluation.state(unit_id, cycle)
    no_show = rule_text(None if state is None else state.scheme)  # fair claiming (issue 20)
    lines += [no_show] if no_show else []
    runtime.show({"ok": True, "scored": plain(scored)}, lines)


COMMANDS = (standings, explain)
