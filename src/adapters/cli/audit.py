"""核查 — ``replay`` (rebuild every view and compare) and ``verify`` (also decode every event).

Exit 0 when the figures follow from the log, 1 on any difference, 6 on corrupt events.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

import click
from attrs import frozen
from rich.console import RenderableType

from adapters.app.replay import Difference, ReplayReport, replay_check
from adapters.cli.errors import EXIT_DIFFERENCES, EXIT_STORAGE
from adapters.cli.progress import progress_bar
from adapters.cli.render import filled, heading, plain, table
from adapters.cli.runtime import Runtime, current
from adapters.storage.errors import CorruptEvent
from adapters.storage.mapper import decode
from adapters.storage.store import EventStore, StoredRow

PAGE = 2000


@frozen
class Problem:
    """问题事件 — a stored event that cannot be decoded or breaks its stream's numbering."""

    position: int
    stream_id: str
    version: int
    kind: str  # "corrupt" or "gap"
    zh: str
    en: str


def scan(store: EventStore, advance: Callable[[int], None]) -> list[Problem]:
    """Decode every stored event; report each corrupt one and each gap in a stream."""
    problems: list[Problem] = []
    last: dict[str, int] = {}
    after = 0
    while rows := store.read_log(after, PAGE):
        for row in rows:
            problems += _check(row, last.get(row.stream_id, 0))
            last[row.stream_id] = row.version
        after = rows[-1].position
        advance(len(rows))
    return problems


def _check(row: StoredRow, previous_version: int) -> list[Problem]:
    where = (row.position, row.stream_id, row.version)
    found: list[Problem] = []
    try:
        decode(row.topic, row.state, position=where[0], stream_id=where[1], version=where[2])
    except CorruptEvent as error:
        found.append(Problem(*where, "corrupt", error.zh, error.en))
    if row.version != previous_version + 1:
        zh, en = "流内版本不连续, 可能有事件被删除", "version gap in the stream"
        found.append(Problem(*where, "gap", zh, en))
    return found


def _replay(runtime: Runtime) -> ReplayReport:
    store = runtime.app(must_exist=True).store

    def stages(label: str, total: int) -> AbstractContextManager[Callable[[int], None]]:
        return progress_bar(label, total, quiet=runtime.as_json)

    # a bar for each long phase: catching up, copying, replaying, comparing
    return replay_check(store, stages=stages)


def _change(difference: Difference) -> str:
    live, rebuilt = difference.live or {}, difference.rebuilt or {}
    if not live or not rebuilt:
        return (
            "现有视图多出此行 / extra live row" if live else "现有视图缺少此行 / missing live row"
        )
    columns = [c for c in rebuilt if live.get(c) != rebuilt.get(c)]
    return "; ".join(f"{c}: {live.get(c)!r} → 应为 {rebuilt.get(c)!r}" for c in columns)


def report_renderables(report: ReplayReport) -> list[RenderableType]:
    """The replay's summary, rows per view and every difference."""
    rows = "、".join(f"{name} {count}" for name, count in report.rows.items())
    lines: list[RenderableType] = [
        heading(f"已重放 {report.events} 条事件 / replayed {report.events} events"),
        f"读模型行数 / rows: {rows}",
    ]
    if report.ok:
        return [
            *lines,
            "一致: 重建的读模型与现有读模型逐行相同 / OK: rebuilt views equal the live views",
        ]
    grid = table(f"差异 {len(report.differences)} 处 / differences", ["读模型", "键", "差异"])
    for difference in report.differences:
        key = ", ".join(str(part) for part in difference.key)
        grid.add_row(difference.table, key, _change(difference))
    return [*lines, grid]


@click.command("replay")
def replay() -> None:
    """重放核对: 从事件重建全部读模型并逐行比较 / rebuild all views from the log, compare."""
    runtime = current()
    report = _replay(runtime)
    runtime.show({"ok": report.ok, **plain(report)}, report_renderables(report))
    if not report.ok:
        click.get_current_context().exit(EXIT_DIFFERENCES)


def problems_renderables(problems: list[Problem]) -> list[RenderableType]:
    """Every bad event, or a line saying every event decodes."""
    if not problems:
        return ["每条事件均可解码 / every event decodes"]
    grid = table(
        f"问题事件 {len(problems)} 条 / bad events",
        ["序号", "流", "版本", "问题"],
        right=["序号", "版本"],
    )
    rows = ((str(p.position), p.stream_id, str(p.version), f"{p.zh} / {p.en}") for p in problems)
    return [filled(grid, rows)]


@click.command("verify")
def verify() -> None:
    """核验: 解码每条事件, 再重放核对 / decode every stored event, then run the replay check."""
    runtime = current()
    store = runtime.app(must_exist=True).store
    with progress_bar("解码 / decoding", store.max_position(), quiet=runtime.as_json) as advance:
        problems = scan(store, advance)
    # A corrupt event cannot be replayed; gaps can, and the replay shows what they changed.
    report = None if any(p.kind == "corrupt" for p in problems) else _replay(runtime)
    ok = not problems and report is not None and report.ok
    document = {"ok": ok, "problems": plain(problems), "replay": plain(report) if report else None}
    shown = problems_renderables(problems) + (report_renderables(report) if report else [])
    runtime.show(document, shown)
    if not ok:
        click.get_current_context().exit(EXIT_STORAGE if problems else EXIT_DIFFERENCES)


COMMANDS = (replay, verify)
