"""中心工作进度 — linking a unit's tasks to its item and reporting its own progress.

A linked task must be a task of the item's unit that has not been cancelled; linking it
again with the same weight is a no-op, with another weight a refusal. A report is the
unit's running total; lowering it needs a note saying why.
"""

from __future__ import annotations

from dangjian_core.kernel.errors import InvalidCommand, UnknownSubject
from dangjian_core.kernel.facts import Facts
from dangjian_core.tasks.state import TASK
from dangjian_core.units.hierarchy import live_unit
from dangjian_core.work.commands import LinkTasks, ReportWorkProgress
from dangjian_core.work.events import TasksLinked, WorkEvent, WorkProgressReported
from dangjian_core.work.state import WorkError, WorkItemState


def link(command: LinkTasks, item: WorkItemState, facts: Facts) -> list[WorkEvent]:
    """Link the unit's open tasks to the item; each approved completion then counts."""
    linked = dict(item.tasks)
    new = []
    for task_id in dict.fromkeys(command.task_ids):
        _check_task(facts, item, task_id, command)
        weight = linked.get(task_id)
        if weight == command.per_completion:
            continue
        if weight is not None:
            raise WorkError(
                f"任务 {task_id} 已按每完成一份计 {weight}{item.measure} 关联",
                f"task {task_id} is already linked at {weight} per completion",
            )
        new.append(task_id)
    if not new:
        return []
    return [TasksLinked(item.item_id, tuple(new), command.per_completion)]


def _check_task(facts: Facts, item: WorkItemState, task_id: str, command: LinkTasks) -> None:
    task = facts.get(TASK, task_id)
    if task is None:
        raise UnknownSubject(f"任务 {task_id} 不存在", f"task {task_id} does not exist")
    home = live_unit(facts, task.issued.branch_id, command.at)
    here = live_unit(facts, item.unit_id, command.at)
    if home is None or here is None or home.unit_id != here.unit_id:
        raise WorkError(
            f"任务 {task_id} 不是 {item.unit_id} 的任务",
            f"task {task_id} is not a task of {item.unit_id}",
        )
    if task.cancelled:
        raise WorkError(f"任务 {task_id} 已取消", f"task {task_id} was cancelled")


def report(command: ReportWorkProgress, item: WorkItemState) -> list[WorkEvent]:
    """Record the unit's own running total; the same figure again changes nothing."""
    if command.done == item.done:
        return []
    if command.done < item.done and not command.note.strip():
        raise InvalidCommand(
            f"进度由 {item.done} 下调为 {command.done}, 须说明理由",
            f"lowering progress from {item.done} to {command.done} needs a note saying why",
        )
    return [WorkProgressReported(item.item_id, command.done, command.note)]
