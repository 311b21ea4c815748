"""抽签核验 — ``audit draw TASK``: recompute a task's draw from the log and say whether it
matches (exit code 7 when it does not), with the events worth a look around its seed."""

from __future__ import annotations

import click

from adapters.audit.draw_check import check_draw
from adapters.cli.errors import EXIT_VERIFY_FAILED
from adapters.cli.render import heading, table
from adapters.cli.runtime import current


@click.command("draw")
@click.argument("task_id")
def draw(task_id: str) -> None:
    """从日志重算任务的抽签并核对 / recompute a task's draw from the log and compare it."""
    runtime = current()
    app = runtime.app(must_exist=True)
    found = check_draw(app.store, task_id)
    drawn = found.drawn
    grid = table(None, ["项目", "记录", "按日志重算"])
    for label, recorded, recomputed in (
        ("种子位置", drawn.seed_position, found.seed_position),
        ("种子", drawn.seed, found.seed),
        ("种子种类", drawn.seed_kind, drawn.seed_kind),
        ("规则", drawn.rule, drawn.rule),
        ("报名人数", len(drawn.entrants), len(drawn.entrants)),
        ("中签", "、".join(drawn.winners), "、".join(found.recomputed.winners)),
        ("候补", "、".join(drawn.waitlist), "、".join(found.recomputed.waitlist)),
    ):
        grid.add_row(label, str(recorded), str(recomputed))
    verdict = (
        "抽签结果与日志相符 / the draw matches the log"
        if found.matches
        else ("抽签结果与日志不符 / the draw does NOT match the log")
    )
    lines: list[object] = [
        heading(f"任务 {task_id} 的抽签 (日志第 {found.drawn_position} 条)"),
        grid,
    ]
    lines += [f"✗ {problem}" for problem in found.problems]
    lines += [f"⚠ {flag}" for flag in found.flags] or [
        "窗口结束前后没有时间倒置或补录的事件 / no out-of-order or late events around the seed"
    ]
    lines.append(verdict)
    document = {
        "task_id": task_id,
        "matches": found.matches,
        "seed_position": found.seed_position,
        "seed": found.seed,
        "recorded_seed_position": drawn.seed_position,
        "recorded_seed": drawn.seed,
        "rule": drawn.rule,
        "winners": list(found.recomputed.winners),
        "waitlist": list(found.recomputed.waitlist),
        "problems": list(found.problems),
        "flags": list(found.flags),
    }
    runtime.show(document, lines)  # type: ignore[arg-type]
    if not found.matches:
        click.get_current_context().exit(EXIT_VERIFY_FAILED)


COMMANDS = (draw,)
