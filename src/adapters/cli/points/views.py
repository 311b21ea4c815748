"""积分说明 — ``balance``: every ledger line behind a person's total (a root command)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click
from rich.console import RenderableType
from rich.table import Table

from adapters.app import Dangjian
from adapters.boards.export import ExportOptions, export
from adapters.boards.points_card import points_card
from adapters.cli.clock import at_option, now, show_time
from adapters.cli.errors import EXIT_DIFFERENCES
from adapters.cli.params import CYCLE
from adapters.cli.render import heading, plain, signed, table
from adapters.cli.runtime import current
from adapters.cli.wall import pick_cycle
from dangjian_core.kernel.time import LOCAL, cycle_label
from dangjian_core.points.projections import KIND_NAMES
from dangjian_core.points.queries import Explanation


def ledger_table(explanation: Explanation) -> Table:
    """Every ledger line (time, actor, kind, category, delta, ref, reason) and the total."""
    grid = table(
        None,
        ["时间", "操作人", "类型", "类别", "分值", "依据", "理由"],
        right=["分值"],
        whole=["时间"],
    )
    for line in explanation.lines:
        kind = KIND_NAMES.get(line.kind, line.kind)
        at = show_time(line.at)
        grid.add_row(
            at, line.actor_id, kind, line.category, signed(line.delta), line.ref, line.reason
        )
    grid.add_section()
    grid.add_row("合计 / total", "", "", "", str(explanation.total), "", "")
    return grid


def balance_lines(explanation: Explanation) -> list[str]:
    """The total checked against the sum of the lines, and the total per category."""
    summed = sum(line.delta for line in explanation.lines)
    check = "= 各行之和 / equals the sum of the lines"
    if not explanation.consistent:
        check = f"≠ 各行之和 {summed}! 请运行 dangjian replay / does NOT equal the lines' sum"
    by_category = "、".join(f"{c} {t}" for c, t in sorted(explanation.categories.items()))
    lines = [f"合计 {explanation.total} 分 {check}", f"分类 / by category: {by_category or '无'}"]
    if explanation.counted_total is not None:
        lines.append(
            f"按积分细则计入 {explanation.counted_total} 分 / counted under the points scheme"
        )
        at = {line.position: show_time(line.at) for line in explanation.lines}
        lines += [
            f"  {at.get(position, f'#{position}')} 的一笔计入 {counted} 分: {note}"
            for position, counted, note in explanation.capped
        ]
    return lines


@click.command("balance")
@click.argument("person_id")
@click.option("--cycle", type=CYCLE, default=None, help="周期 YYYY-MM, 默认支部最近有积分的周期")
@at_option
@click.option(
    "--card",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="打印积分证 (A4 网页, 带核验二维码) / write the printable points card",
)
@click.option(
    "--base-url",
    envvar="DANGJIAN_BASE_URL",
    default=None,
    help="网页地址, 二维码指向其核验页 / the pages' address the card's QR code opens",
)
def balance(
    person_id: str,
    cycle: str | None,
    at: datetime | None,
    card: Path | None,
    base_url: str | None,
) -> None:
    """个人积分及其全部明细 / a person's balance and every ledger line behind it."""
    runtime = current()
    app = runtime.app(must_exist=True)
    probe = app.queries.explain(person_id, cycle or "")
    chosen = pick_cycle(app, probe.branch_id, cycle, at or now())
    explained = app.queries.explain(person_id, chosen)
    document = {**plain(explained), "cycle_label": cycle_label(chosen)}
    document |= {"sum_of_lines": sum(line.delta for line in explained.lines)}
    document |= {"consistent": explained.consistent}
    title = heading(f"{explained.name} ({person_id}) · {cycle_label(chosen)} 积分说明")
    shown: list[RenderableType] = [title, ledger_table(explained), *balance_lines(explained)]
    if card is not None:
        document["card"] = write_card(app, explained, card, base_url, (at or now()))
        shown.append(heading(f"已导出积分证 {card}"))
    runtime.show(document, shown)
    if not explained.consistent:
        click.get_current_context().exit(EXIT_DIFFERENCES)


def write_card(
    app: Dangjian, explained: Explanation, path: Path, base_url: str | None, at: datetime
) -> str:
    """Write the points card; the address its QR code opens."""
    if not base_url:
        raise click.UsageError(
            "打印积分证须给出网页地址 --base-url (或 DANGJIAN_BASE_URL) / --card needs --base-url"
        )
    unit = str(app.queries.branch(explained.branch_id).branch["name"])
    board, address = points_card(
        explained, unit, at.astimezone(LOCAL).date(), base_url=base_url, signed_by=None
    )
    export(board, ExportOptions(html=path))
    return address


COMMANDS = (balance,)
