"""积分墙 — ``wall``: a branch's people ranked for a cycle, ties explained."""

from __future__ import annotations

from datetime import datetime

import attrs
import click
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from adapters.app import Dangjian
from adapters.boards.export import ExportOptions
from adapters.boards.export import export as export_files
from adapters.boards.wall import wall_board
from adapters.cli.clock import at_option, now
from adapters.cli.export_options import export_options
from adapters.cli.notice import notice_for
from adapters.cli.params import CYCLE, STATUS, zh_of
from adapters.cli.render import heading, plain, table
from adapters.cli.runtime import current
from dangjian_core.kernel.time import LOCAL, cycle_label, cycle_of
from dangjian_core.people.events import STATUS_NAMES, PartyStatus
from dangjian_core.points.queries import TIE_RULES, WallEntry


def pick_cycle(app: Dangjian, branch_id: str, cycle: str | None, at: datetime) -> str:
    """The cycle asked for; else the latest with points; else the one ``at`` falls in."""
    if cycle:
        return cycle
    cycles = app.queries.cycles(branch_id)
    if cycles:
        return cycles[-1]
    start_month = int(app.queries.branch(branch_id).branch["cycle_start_month"])
    return cycle_of(at, start_month)


def tie_rules_text() -> Text:
    """The ranking rules in order, as printed above the wall."""
    rules = [f"  {i}. {label}" for i, (_key, label) in enumerate(TIE_RULES, start=1)]
    return Text("\n".join(["排名规则, 依次适用 / ranking rules, in order:", *rules]), style="dim")


def wall_table(entries: list[WallEntry]) -> Table:
    """Rank, name, status, total, points per category (one per line) and the tie-break note."""
    grid = table(
        None,
        ["名次", "姓名", "政治面貌", "总分", "分类积分", "同分说明"],
        right=["名次", "总分"],
        whole=["姓名"],
    )
    for entry in entries:
        s = entry.standing
        categories = "\n".join(f"{c} {p}" for c, p in sorted(s.categories.items()) if p)
        status = zh_of(STATUS_NAMES, s.status)
        grid.add_row(str(entry.rank), s.name, status, str(s.total), categories, _tie_note(entry))
    return grid


def _tie_note(entry: WallEntry) -> str:
    if entry.separated_by is None:
        return ""
    return f"与第{entry.rank - 1}名同分, 依「{entry.separated_by.split(' / ')[0]}」"


@click.command("wall")
@click.argument("branch_id")
@click.option(
    "--cycle", type=CYCLE, default=None, help="周期 YYYY-MM, 默认最近有积分的周期 / cycle"
)
@click.option(
    "--status", "statuses", type=STATUS, multiple=True, help="只看某些政治面貌, 可多次 / filter"
)
@at_option
@export_options
def wall(
    branch_id: str,
    cycle: str | None,
    statuses: tuple[PartyStatus, ...],
    at: datetime | None,
    export: ExportOptions,
) -> None:
    """积分墙: 名次、总分、分类积分、同分规则; 可导出表格、打印页、名次图 /
    the points wall of a branch for a cycle, optionally exported."""
    runtime = current()
    app = runtime.app(must_exist=True)
    name = str(app.queries.branch(branch_id).branch["name"])
    chosen = pick_cycle(app, branch_id, cycle, at or now())
    entries = app.queries.wall(branch_id, chosen, tuple(s.value for s in statuses))
    written: dict[str, str] = {}
    if export.wanted():
        on = export.on or (at or now()).astimezone(LOCAL).date()
        shown = [s.value for s in statuses]
        posted = wall_board(name, chosen, entries, on, statuses=shown, signed_by=export.signed_by)
        posted = attrs.evolve(posted, notice=notice_for(app, export, on))
        written = export_files(posted, export)
    document = {
        "branch_id": branch_id,
        "name": name,
        "cycle": chosen,
        "cycle_label": cycle_label(chosen),
        "tie_rules": [{"key": key, "label": label} for key, label in TIE_RULES],
        "entries": plain(entries),
        "exported": written,
    }
    evaluation = app.queries.evaluation.state(branch_id, chosen)
    version = None if evaluation is None else evaluation.scheme_version
    document["scheme_version"] = version
    title = heading(f"{name} 积分墙 · {cycle_label(chosen)} ({chosen})")
    basis = Text(f"按积分细则第 {version} 版计入 (封顶、扣分、一票否决)" if version else "")
    done = [heading(f"已导出 {path}") for path in written.values()]
    chosen_how = Text(which_cycle(app.queries.cycles(branch_id), chosen, given=cycle is not None))
    lines: list[RenderableType] = [title, chosen_how, basis, tie_rules_text(), wall_table(entries)]
    lines += done
    runtime.show(document, lines)


def which_cycle(cycles: list[str], chosen: str, *, given: bool) -> str:
    """Which cycle the wall shows and how to choose another (empty when asked by name)."""
    if given:
        return ""
    others = [c for c in cycles if c != chosen]
    why = "最近有积分的周期" if chosen in cycles else "当前周期(尚无积分)"
    line = f"显示{why} {chosen}"
    if others:
        line += f"; 其他周期: {'、'.join(reversed(others))}, 用 --cycle 选择"
    return line + " / showing " + chosen + ("" if not others else "; choose with --cycle")


COMMANDS = (wall,)
