"""导出选项 — the one set of export options every board command takes.

``--xlsx FILE`` (表格), ``--html FILE`` (A4 打印页), ``--svg FILE`` (名次图, boards with a
chart), ``--date YYYY-MM-DD`` (落款日期) and ``--signed-by TEXT`` (落款单位). A command
decorates itself with :func:`export_options`, builds its :class:`Board` when
:func:`wanted` says so, and calls :func:`export`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import click
from attrs import frozen

from adapters.boards.chart import write_svg
from adapters.boards.html import write_html
from adapters.boards.model import Board
from adapters.boards.xlsx import write_xlsx
from adapters.cli.clock import IsoDate

#: The formats, in the order they are written.
FORMATS = ("xlsx", "html", "svg")
_HELP = {
    "xlsx": "导出 XLSX 表格 / export the board to this XLSX file",
    "html": "导出可打印的 A4 网页 / export a printable A4 HTML page",
    "svg": "导出名次图 (SVG) / export a chart of the standings",
}


@frozen
class ExportOptions:
    """Where to write each format (None: not asked), and the signature's date and issuer."""

    xlsx: Path | None = None
    html: Path | None = None
    svg: Path | None = None
    on: date | None = None
    signed_by: str | None = None

    def wanted(self) -> bool:
        """Whether any file is to be written."""
        return any(self.path(kind) is not None for kind in FORMATS)

    def path(self, kind: str) -> Path | None:
        """The file asked for one format."""
        found: Path | None = getattr(self, kind)
        return found


def export_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add the export options; the command receives them as one ``export`` argument."""

    options = [
        click.option(
            f"--{kind}",
            f"export_{kind}",
            type=click.Path(dir_okay=False, path_type=Path),
            default=None,
            help=_HELP[kind],
        )
        for kind in FORMATS
    ]
    options.append(
        click.option(
            "--date",
            "export_on",
            type=IsoDate(),
            default=None,
            help="落款日期, 默认今天或 --at 当天 / the date printed on the board",
        )
    )
    options.append(
        click.option(
            "--signed-by",
            "export_signed_by",
            default=None,
            help="落款单位, 默认由组织名称推出 / the issuer printed on the board",
        )
    )

    @functools.wraps(command)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        kwargs["export"] = ExportOptions(
            kwargs.pop("export_xlsx"),
            kwargs.pop("export_html"),
            kwargs.pop("export_svg"),
            kwargs.pop("export_on"),
            kwargs.pop("export_signed_by"),
        )
        return command(*args, **kwargs)

    result: Callable[..., Any] = wrapped
    for option in reversed(options):
        result = option(result)
    return result


def export(board: Board, options: ExportOptions) -> dict[str, str]:
    """Write every file asked for; the paths written, by format."""
    if options.svg is not None and board.chart is None:
        raise click.UsageError(f"{board.title} 没有名次图 / this board has no chart (--svg)")
    writers = {"xlsx": write_xlsx, "html": write_html, "svg": write_svg}
    written: dict[str, str] = {}
    for kind in FORMATS:
        path = options.path(kind)
        if path is None:
            continue
        writers[kind](board, path)
        written[kind] = str(path)
    return written
