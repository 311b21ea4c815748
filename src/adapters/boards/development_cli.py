"""发展对象名单导出 — ``dev show … --list … --xlsx/--html/--svg``: which lists to post
(:data:`adapters.boards.development.LISTS`, all by default) and the files to write."""

from __future__ import annotations

import click

from adapters.app import Dangjian
from adapters.boards.development import LISTS, development_board
from adapters.boards.export import ExportOptions, export
from adapters.cli.clock import now
from adapters.development_queries import DevelopmentView

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
        lists=lists or LISTS,
        signed_by=options.signed_by,
    )
    return export(board, options)
