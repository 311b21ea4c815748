"""导出 — where to write a board (:class:`ExportOptions`) and :func:`export`, which
writes each format asked for: XLSX (表格), A4 HTML (打印页) and SVG (名次图, boards with a
chart), signed with a date (落款日期) and an issuer (落款单位).

The command line's ``--xlsx/--html/--svg/--date/--signed-by`` options that fill
:class:`ExportOptions` belong to the command line, not to the boards.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click
from attrs import frozen

from adapters.boards.chart import write_svg
from adapters.boards.html import write_html
from adapters.boards.model import Board
from adapters.boards.xlsx import write_xlsx
from dangjian_core.kernel.errors import DangjianError

#: The formats, in the order they are written.
FORMATS = ("xlsx", "html", "svg")


class ExportError(DangjianError):
    """导出失败 — a board could not be written where asked (no such folder, a folder in
    its place, no room left, no permission)."""

    code = "export"


@frozen
class ExportOptions:
    """Where to write each format (None: not asked), and the signature's date and issuer."""

    xlsx: Path | None = None
    html: Path | None = None
    svg: Path | None = None
    on: date | None = None
    signed_by: str | None = None
    #: 联系电话 and 监督电话 lines printed under the notice.
    contacts: tuple[str, ...] = ()
    #: How many working days the notice is posted (公示期).
    notice_days: int = 5
    #: A signing key: cut a checkpoint and print it with its QR code on the notice.
    key: Path | None = None

    def wanted(self) -> bool:
        """Whether any file is to be written."""
        return any(self.path(kind) is not None for kind in FORMATS)

    def path(self, kind: str) -> Path | None:
        """The file asked for one format."""
        found: Path | None = getattr(self, kind)
        return found


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
        if path.is_dir():
            raise ExportError(
                f"{path} 是文件夹, 请给出文件名", f"{path} is a folder: give a file name"
            )
        if not path.parent.is_dir():
            raise ExportError(f"文件夹 {path.parent} 不存在", f"no such folder: {path.parent}")
        existed = path.exists()
        try:
            writers[kind](board, path)
        except OSError as error:
            if not existed:
                path.unlink(missing_ok=True)  # no half-written file of ours left behind
            reason = error.strerror or type(error).__name__
            raise ExportError(
                f"无法写入 {path}: {reason}", f"cannot write {path}: {reason}"
            ) from error
        written[kind] = str(path)
    return written
