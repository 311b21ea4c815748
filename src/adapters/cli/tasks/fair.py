"""公平领办命令 — ``task draw`` (hold a window's draw with the seed read from the log) and
``task close`` (conclude a task after its deadline, recording the no-shows). A claim on a
task whose window has ended holds the draw first (``task claim``)."""

from __future__ import annotations

import click

from adapters.audit.draw_seed import hold_draw
from adapters.cli.clock import Actor, acting
from adapters.cli.messages import sentence
from adapters.cli.runtime import current, record
from adapters.views.tasks import place_of
from dangjian_core.kernel.errors import InvalidCommand
from dangjian_core.tasks.commands import CloseTask


def waitlist_note(task_id: str, person_id: str) -> str:
    """``(候补第 2 位)`` when the person waits on the task, else ``(名额 3/10)``."""
    view = current().app().queries.task(task_id)
    place = place_of(view, person_id)
    if place is not None:
        return f"(候补第 {place} 位)"
    return f"(名额 {view.task['taken']}/{view.task['slots']})"


@click.command("draw")
@click.argument("task_id")
@acting
def draw(task_id: str, actor: Actor) -> None:
    """抽签: 窗口结束后以日志头为种子抽出名额 / draw a window's slots (seed: the log's head).

    The seed is the log's head at the first event recorded at or after the window's end
    (the window's closing is recorded first when nothing else was); anyone may recompute
    it with ``dangjian audit draw TASK``.
    """
    runtime = current()
    app = runtime.app(must_exist=True)
    outcomes = hold_draw(app, task_id, actor.person_id)
    events = [recorded for outcome in outcomes for recorded in outcome.events]
    if not events:
        raise InvalidCommand(
            f"任务 {task_id} 没有待抽签的窗口(没有窗口、尚未结束或已抽签)",
            f"task {task_id} has no draw due (no window, not ended, or already drawn)",
        )
    lines = [sentence(recorded.event) for recorded in events]
    document = {
        "ok": True,
        "task_id": task_id,
        "events": [{"position": r.position, "title": sentence(r.event)} for r in events],
    }
    runtime.show(document, lines)


@click.command("close")
@click.argument("task_id")
@acting
def close(task_id: str, actor: Actor) -> None:
    """结束任务, 记下未履约者 / conclude a task after its deadline, recording the no-shows."""
    record(CloseTask, actor, task_id=task_id)


FAIR_COMMANDS = (draw, close)
