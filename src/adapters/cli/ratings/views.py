"""创星榜 — ``stars board UNIT_ID --year``: counts per star level, branches and members."""

from __future__ import annotations

from typing import Any

import click
from rich.console import RenderableType
from rich.table import Table

from adapters.boards.export import ExportOptions
from adapters.boards.export import export as export_files
from adapters.boards.stars import LEVEL_NAMES, star_board_board
from adapters.cli.clock import now
from adapters.cli.export_options import export_options
from adapters.cli.render import heading, plain, table
from adapters.cli.runtime import current
from dangjian_core.ratings.events import RatedKind
from dangjian_core.ratings.queries import LEVELS, BoardEntry, StarBoard


def counts_table(board: StarBoard) -> Table:
    """How many branches and members at each star level."""
    grid = table("各星级数量", ["星级", "党支部", "党员"], right=["党支部", "党员"])
    branches, members = board.counts(RatedKind.BRANCH), board.counts(RatedKind.MEMBER)
    for level in LEVELS:
        grid.add_row(LEVEL_NAMES[level], str(branches[level]), str(members[level]))
    return grid


def entries_table(title: str, entries: tuple[BoardEntry, ...]) -> Table:
    """Entries by stars then score, high to low."""
    grid = table(title, ["星级", "编号", "名称", "得分"], right=["得分"], whole=["星级"])
    for entry in entries:
        stars = "★" * entry.stars or "不合格"
        grid.add_row(stars, entry.subject_id, entry.name, str(entry.score))
    return grid


@click.command("board")
@click.argument("unit_id")
@click.option("--year", type=int, required=True, help="年度 / year")
@export_options
def board(unit_id: str, year: int, export: ExportOptions) -> None:
    """创星榜: 按星级列出已评定的党支部和党员, 可导出表格、打印页、名次图 /
    the star board of a unit for a year, optionally exported."""
    runtime = current()
    app = runtime.app(must_exist=True)
    name = str(app.queries.branch(unit_id).branch["name"])
    found = app.queries.star_board(unit_id, year)
    written: dict[str, str] = {}
    if export.wanted():
        on = export.on or now().date()
        posted = star_board_board(found, name, on, signed_by=export.signed_by)
        written = export_files(posted, export)
    document: dict[str, Any] = {
        "unit_id": unit_id,
        "name": name,
        "year": year,
        "counts": {
            kind.value: {str(k): v for k, v in found.counts(kind).items()} for kind in RatedKind
        },
        "branches": plain(found.branches),
        "members": plain(found.members),
        "standards": app.queries.star_standards(unit_id, year),
        "xlsx": written.get("xlsx"),
        "exported": written,
    }
    lines: list[RenderableType] = [heading(f"{name} {year} 年度创星榜"), counts_table(found)]
    lines += [entries_table("党支部", found.branches), entries_table("党员", found.members)]
    lines += [heading(f"已导出 {path}") for path in written.values()]
    runtime.show(document, lines)


COMMANDS = (board,)
