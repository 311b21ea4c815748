"""花名册命令 — ``roster import | export | template``: units, people, roles and grid
blocks from and to CSV or XLSX.

::

    $ dangjian roster template 花名册.xlsx
    $ dangjian roster import 花名册.xlsx --as huaining-xianwei
    $ dangjian roster export 导出/ --root pingshan

An import is all or nothing: the first bad row stops it, naming the file, row, column and
problem, and nothing is written (``docs/roster.md``).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime
from pathlib import Path

import click
from rich.console import RenderableType

from adapters.cli.clock import IsoTime, late_reason_option, now, show_time
from adapters.cli.progress import progress_bar
from adapters.cli.render import filled, table
from adapters.cli.runtime import current
from adapters.roster import (
    EXAMPLE,
    ImportReport,
    Tables,
    blank_tables,
    import_roster,
    read_roster,
    snapshot,
    tables,
    write_roster,
)
from adapters.roster.columns import SHEETS
from dangjian_core.kernel.ids import is_valid_id

_path = click.Path(path_type=Path)
_at = click.option(
    "--at",
    type=IsoTime(),
    default=None,
    help="时间, 默认现在(北京时间) / the time, default now in Asia/Shanghai (UTC+8)",
)


def report_table(report: ImportReport) -> RenderableType:
    """Rows per sheet: new and already there."""
    grid = table(
        "导入结果 / imported", ["表", "行数", "新增", "已有"], right=["行数", "新增", "已有"]
    )
    rows = (
        (s.sheet, str(s.rows), str(s.rows - s.unchanged), str(s.unchanged)) for s in report.sheets
    )
    return filled(grid, rows)


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=_path)
@click.option(
    "--as",
    "actor_id",
    required=True,
    help="导入人编号: 须有权成立、登记、任命 / the importing actor, who must hold the authority",
)
@_at
@late_reason_option
def import_(paths: tuple[Path, ...], actor_id: str, at: datetime | None, late_reason: str) -> None:
    """导入花名册(XLSX 工作簿, 或 CSV 文件夹/文件); 任一行有误则整份不导入 / import a roster."""
    runtime = current()
    if not is_valid_id(actor_id):
        raise click.BadParameter(f"编号格式不对 / malformed id {actor_id!r}", param_hint="--as")
    when = at or now()
    raw = read_roster(list(paths))
    app = runtime.app()

    def stages(label: str, total: int) -> AbstractContextManager[Callable[[int], None]]:
        return progress_bar(label, total, quiet=runtime.as_json)

    operator = current().operator()
    report = import_roster(
        app,
        raw,
        actor_id=actor_id,
        at=when,
        stages=stages,
        entered_by=operator,
        late_reason=late_reason,
    )
    counts = "、".join(f"{s.sheet} {s.rows} 行" for s in report.sheets)
    message = f"已导入花名册: {counts}; 写入事件 {report.events} 条"
    if report.events == 0:
        message = f"花名册与库中一致, 无变化: {counts}"
    document = {
        "ok": True,
        "actor_id": actor_id,
        "at": when.isoformat(),
        "events": report.events,
        "rows": report.rows,
        "sheets": [
            {
                "sheet": s.sheet,
                "rows": s.rows,
                "new": s.rows - s.unchanged,
                "unchanged": s.unchanged,
            }
            for s in report.sheets
        ],
        "message": message,
    }
    lines: list[RenderableType] = [message, report_table(report)]
    lines.append(f"导入人 {actor_id}, 时间 {show_time(when)}")
    runtime.show(document, lines)


def _summary(found: Tables) -> list[dict[str, object]]:
    return [{"sheet": s.name, "rows": len(found.get(s.name, []))} for s in SHEETS]


def _written(title: str, path: Path, found: Tables, document: dict[str, object]) -> None:
    runtime = current()
    counts = "、".join(f"{s['sheet']} {s['rows']} 行" for s in _summary(found))
    message = f"{title} {path}: {counts}"
    runtime.show(
        {**document, "path": str(path), "sheets": _summary(found), "message": message}, [message]
    )


@click.command("export")
@click.argument("path", type=_path)
@click.option("--root", "root", default=None, help="只导出此组织及其下级 / only this unit's tree")
@_at
def export(path: Path, root: str | None, at: datetime | None) -> None:
    """导出花名册(以 .xlsx 结尾为工作簿, 否则为 CSV 文件夹), 格式与导入相同 / export."""
    runtime = current()
    app = runtime.app(must_exist=True)
    when = at or now()
    with progress_bar(
        "读取事件 / reading the log", app.store.max_position(), quiet=runtime.as_json
    ) as advance:
        found = tables(snapshot(app.store, advance), when, root=root)
    write_roster(path, found)
    document: dict[str, object] = {"ok": True, "at": when.isoformat(), "root": root}
    _written("已导出花名册", path, found, document)


@click.command("template")
@click.argument("path", type=_path)
@click.option("--example", is_flag=True, help="附带示例行 / include the example rows")
def template(path: Path, example: bool) -> None:
    """生成花名册模板(.xlsx 工作簿, 否则为 CSV 文件夹) / write the blank roster template."""
    found = EXAMPLE if example else blank_tables()
    write_roster(path, found)
    title = "已生成花名册示例" if example else "已生成花名册模板"
    _written(title, path, found, {"ok": True, "example": example})


COMMANDS = (import_, export, template)
