"""考评 — ``eval adopt-scheme | set-quota | deduct | veto | score-activist | snapshot |
close | standings | explain``.

Closing a cycle cuts a signed audit checkpoint (reason 周期结束) when a key is given
(``--key`` or ``$DANGJIAN_KEY``) and prints its note with the frozen standings.
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import click
from rich.console import RenderableType
from rich.table import Table

from adapters.app import Dangjian
from adapters.audit import keys
from adapters.audit.cut import cut_checkpoint
from adapters.cli.clock import Actor, IsoDate, acting, now, show_time
from adapters.cli.params import CYCLE
from adapters.cli.render import heading, plain, signed, table
from adapters.cli.runtime import current, record
from adapters.evaluation_queries import StandingsView
from adapters.scheme_files import read_scheme
from dangjian_core.evaluation.commands import (
    AdoptScheme,
    ApplyDeduction,
    CloseCycle,
    PublishSnapshot,
    RecordVeto,
    ScoreActivist,
    SetQuota,
)
from dangjian_core.evaluation.state import FrozenStandings
from dangjian_core.kernel.time import LOCAL, cycle_label
from dangjian_core.points.projections import KIND_NAMES

KEY_ENV = "DANGJIAN_KEY"
CLOSE_REASON = "周期结束"


def _unit_cycle(command: Any) -> Any:
    """UNIT_ID and --cycle: whose evaluation, for which cycle."""
    command = click.option("--cycle", type=CYCLE, required=True, help="周期, 如 2021-10 / cycle")(
        command
    )
    return click.argument("unit_id")(command)


def _scores(_ctx: object, _param: object, value: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    found = []
    for item in value:
        name, _, score = item.rpartition("=")
        if not name or not score.isdigit():
            raise click.BadParameter(f"须为 维度=分数 / DIMENSION=SCORE: {item}")
        found.append((name, int(score)))
    return tuple(found)


@click.command("adopt-scheme")
@_unit_cycle
@click.argument("scheme_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@acting
def adopt_scheme(unit_id: str, cycle: str, scheme_file: Path, actor: Actor) -> None:
    """采用积分细则 (TOML 文件, 见 docs/schemes.md) / adopt a points scheme from a TOML file."""
    record(AdoptScheme, actor, unit_id=unit_id, cycle=cycle, scheme=read_scheme(scheme_file))


@click.command("set-quota")
@_unit_cycle
@click.option("--quota", type=int, required=True, help="发展名额 / the number of candidates")
@click.option("--reason", default="", help="说明 / note, e.g. 镇党委下达")
@acting
def set_quota(unit_id: str, cycle: str, actor: Actor, **fields: Any) -> None:
    """下达发展名额 (上级组织) / set the development quota (from the unit above)."""
    record(SetQuota, actor, unit_id=unit_id, cycle=cycle, **fields)


@click.command("deduct")
@_unit_cycle
@click.argument("person_id")
@click.option("--item", "code", required=True, help="扣分项编号 / deduction item code")
@click.option("--reason", required=True, help="事由 / what happened")
@click.option("--id", "deduction_id", default=None, help="扣分编号, 默认自动生成 / id")
@acting
def deduct(
    unit_id: str, cycle: str, person_id: str, deduction_id: str | None, actor: Actor, **fields: Any
) -> None:
    """按积分细则扣分 / apply one of the scheme's deduction items."""
    chosen = deduction_id or actor.derived_id("D-")
    record(
        ApplyDeduction, actor, unit_id=unit_id, cycle=cycle, person_id=person_id,
        deduction_id=chosen, **fields,
    )  # fmt: skip


@click.command("veto")
@_unit_cycle
@click.argument("person_id")
@click.option("--item", "code", required=True, help="否决项编号 / veto item code")
@click.option("--reason", required=True, help="事由 / what happened")
@acting
def veto(unit_id: str, cycle: str, person_id: str, actor: Actor, **fields: Any) -> None:
    """一票否决 (本周期总分计 0) / record a one-vote veto."""
    record(RecordVeto, actor, unit_id=unit_id, cycle=cycle, person_id=person_id, **fields)


@click.command("score-activist")
@_unit_cycle
@click.argument("person_id")
@click.option(
    "--score", "scores", multiple=True, required=True, callback=_scores,
    help="维度=分数, 可多次 / DIMENSION=SCORE, repeatable",
)  # fmt: skip
@acting
def score_activist(unit_id: str, cycle: str, person_id: str, actor: Actor, **fields: Any) -> None:
    """为入党积极分子的考评维度打分 / score an activist's dimensions."""
    record(ScoreActivist, actor, unit_id=unit_id, cycle=cycle, person_id=person_id, **fields)


@click.command("snapshot")
@_unit_cycle
@click.option("--quarter", required=True, help="季度, 如 2022Q2 / quarter")
@acting
def snapshot(unit_id: str, cycle: str, quarter: str, actor: Actor) -> None:
    """公布季度成绩 (冻结此刻的排名) / publish the quarter's standings."""
    record(PublishSnapshot, actor, unit_id=unit_id, cycle=cycle, quarter=quarter)


@click.command("close")
@_unit_cycle
@click.option(
    "--key", "key_file", type=click.Path(dir_okay=False, path_type=Path), envvar=KEY_ENV,
    default=None, help=f"签名私钥, 结束时签发检查点 / key to cut a checkpoint (env {KEY_ENV})",
)  # fmt: skip
@acting
def close(unit_id: str, cycle: str, key_file: Path | None, actor: Actor) -> None:
    """结束考评周期, 冻结成绩 (须无待审核) / close the cycle and freeze its standings."""

    def checkpoint(app: Dangjian) -> str:
        if key_file is None:
            return ""
        name, private = keys.load(key_file)
        note = cut_checkpoint(app.store, name, private, CLOSE_REASON, now())
        return f"\n已签发审计检查点 (原因 {CLOSE_REASON}), 请与成绩一并公示:\n{note}"

    record(CloseCycle, actor, then=checkpoint, unit_id=unit_id, cycle=cycle)


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
@_unit_cycle
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
@_unit_cycle
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
    runtime.show({"ok": True, "scored": plain(scored)}, lines)


COMMANDS = (
    adopt_scheme,
    set_quota,
    deduct,
    veto,
    score_activist,
    snapshot,
    close,
    standings,
    explain,
)
