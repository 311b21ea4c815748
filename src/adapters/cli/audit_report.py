"""核验报告的呈现 — a :class:`~adapters.audit.report.VerifyReport` as text and as JSON.

The printed report reads top to bottom: what was verified, one line per check (✓ passed,
✗ failed, – not checked, ! note), the problems (first 30), the rebuilt balances of a
bundle, and the verdict naming the first problem.
"""

from __future__ import annotations

from typing import Any

from rich.console import RenderableType

from adapters.audit.report import CHECKS, VerifyReport
from adapters.cli.audit import report_renderables
from adapters.cli.render import filled, heading, plain, table

MARKS = {"ok": "✓", "failed": "✗", "skipped": "–", "note": "!"}
SHOWN = 30


def document(report: VerifyReport) -> dict[str, Any]:
    """The report as one JSON document (every finding, every rebuilt balance)."""
    first = report.first
    return {
        "ok": report.ok,
        "verdict": "passed" if report.ok else "failed",
        "first_problem": plain(first) if first else None,
        **{k: v for k, v in plain(report).items() if k != "replay"},
        "replay": plain(report.replay) if report.replay else None,
    }


def renderables(report: VerifyReport) -> list[RenderableType]:
    """The printed report."""
    shown: list[RenderableType] = [
        heading("核验报告 / verification report"),
        f"来源 / source: {report.source}",
        f"账本 / ledger: {report.ledger}",
        f"事件 / events: {report.events}    链条目 / chain entries: {report.chain_entries}",
        f"重算链头 / recomputed head: {report.head}  (大小 / size {report.events})",
        "",
    ]
    for line in report.sections:
        zh, en = CHECKS[line.check]
        shown.append(f"[{MARKS[line.status]}] {zh} / {en}: {line.zh} / {line.en}")
    if report.findings:
        grid = table(
            f"问题 {len(report.findings)} 处 / problems",
            ["检查", "链序号 seq", "事件 position", "说明"],
            right=["链序号 seq", "事件 position"],
        )
        rows = (
            (CHECKS[f.check][0], str(f.seq or ""), str(f.position or ""), f"{f.zh} / {f.en}")
            for f in report.findings[:SHOWN]
        )
        shown += ["", filled(grid, rows)]
        if len(report.findings) > SHOWN:
            shown.append(
                f"…另有 {len(report.findings) - SHOWN} 处, 全部见 --json / and more: see --json"
            )
    if report.replay is not None and not report.replay.ok:
        shown += report_renderables(report.replay)[2:]
    if report.figures:
        grid = table(None, ["支部", "周期", "人员", "总分"], right=["总分"])
        rows = ((f.branch_id, f.cycle, f.person_id, str(f.total)) for f in report.figures)
        shown += [
            "",
            heading("由事件重建的积分 / balances rebuilt from the events"),
            filled(grid, rows),
        ]
    shown += ["", verdict(report)]
    return shown


def verdict(report: VerifyReport) -> str:
    """The last line: passed, or failed and where first."""
    if report.ok:
        return (
            f"结论: 通过 — 各项核验无误; 最后一个持有的检查点之后还有 {report.unanchored} 条事件 / "
            f"PASSED — {report.unanchored} event(s) lie after the last held checkpoint"
        )
    first = report.first
    assert first is not None
    where = first.where()
    return f"结论: 未通过 — 第一处问题 ({where}): {first.zh} / FAILED — first problem ({where}): {first.en}"
