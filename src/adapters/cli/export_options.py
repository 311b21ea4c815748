"""导出选项 — the one set of export options every board command takes.

``--xlsx FILE`` (表格), ``--html FILE`` (A4 打印页), ``--svg FILE`` (名次图, boards with a
chart), ``--date YYYY-MM-DD`` (落款日期) and ``--signed-by TEXT`` (落款单位). A command
decorates itself with :func:`export_options`, builds its :class:`~adapters.boards.model.Board`
when :meth:`~adapters.boards.export.ExportOptions.wanted` says so, and calls
:func:`adapters.boards.export.export`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from adapters.boards.export import FORMATS, ExportOptions
from adapters.cli.clock import IsoDate

#: The environment variable naming the signing key file, for every command that signs.
KEY_ENV = "DANGJIAN_KEY"

_HELP = {
    "xlsx": "导出 XLSX 表格 / export the board to this XLSX file",
    "html": "导出可打印的 A4 网页 / export a printable A4 HTML page",
    "svg": "导出名次图 (SVG) / export a chart of the standings",
}


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

    options += notice_options()

    @functools.wraps(command)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        contacts = [f"联系电话：{c}" for c in kwargs.pop("export_contact")]
        contacts += [f"监督电话：{c}" for c in kwargs.pop("export_supervision")]
        kwargs["export"] = ExportOptions(
            kwargs.pop("export_xlsx"),
            kwargs.pop("export_html"),
            kwargs.pop("export_svg"),
            kwargs.pop("export_on"),
            kwargs.pop("export_signed_by"),
            tuple(contacts),
            kwargs.pop("export_notice_days"),
            kwargs.pop("export_key"),
        )
        return command(*args, **kwargs)

    result: Callable[..., Any] = wrapped
    for option in reversed(options):
        result = option(result)
    return result


def notice_options() -> list[Callable[[Any], Any]]:
    """``--contact``, ``--supervision``, ``--notice-days`` and ``--key``: what a printed
    notice carries besides its table."""
    return [
        click.option(
            "--contact",
            "export_contact",
            multiple=True,
            metavar="联系人及电话",
            help="联系电话, 印在公示下方, 可多次 / contact line, e.g. '吕国庆 13800000000'",
        ),
        click.option(
            "--supervision",
            "export_supervision",
            multiple=True,
            metavar="单位及电话",
            help="监督电话 / supervision line, e.g. '象珠镇纪委 0579-87000000'",
        ),
        click.option(
            "--notice-days",
            "export_notice_days",
            type=click.IntRange(1, 30),
            default=5,
            show_default=True,
            help="公示工作日数 / working days the notice is posted",
        ),
        click.option(
            "--key",
            "export_key",
            type=click.Path(dir_okay=False, exists=True, path_type=Path),
            envvar=KEY_ENV,
            default=None,
            help=f"签名私钥: 签发检查点并印上二维码 / cut a signed checkpoint (env {KEY_ENV})",
        ),
    ]
