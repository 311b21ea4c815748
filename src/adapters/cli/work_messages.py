"""中心工作说明 — what a recorded work event means, in one Chinese sentence."""

from __future__ import annotations

from adapters.cli.clock import show_time
from dangjian_core.work.events import (
    TasksLinked,
    WorkEvent,
    WorkItemCancelled,
    WorkItemIssued,
    WorkProgressReported,
    WorkShareAccepted,
    WorkShareAssigned,
    WorkShareRevised,
)

WORK_EVENTS = (
    WorkItemIssued,
    WorkShareAssigned,
    WorkShareAccepted,
    TasksLinked,
    WorkProgressReported,
    WorkShareRevised,
    WorkItemCancelled,
)


def work_sentence(event: WorkEvent) -> str:
    """One sentence for a work event."""
    match event:
        case WorkItemIssued():
            return (
                f"{event.unit_id} 已部署工作 {event.item_id}「{event.title}」: 目标 "
                f"{event.target}{event.measure}, 截止 {show_time(event.deadline)}"
            )
        case WorkShareAssigned():
            return (
                f"已将工作 {event.item_id} 分解给 {event.unit_id}: {event.target}, 截止 "
                f"{show_time(event.deadline)}"
            )
        case WorkShareAccepted():
            return (
                f"{event.unit_id} 已承接 {event.parent_item_id} 分解的工作「{event.title}」: "
                f"{event.target}{event.measure}, 截止 {show_time(event.deadline)}"
            )
        case TasksLinked():
            tasks = "、".join(event.task_ids)
            return (
                f"已将任务 {tasks} 关联到工作 {event.item_id}, 每份审核通过计 "
                f"{event.per_completion}"
            )
        case WorkProgressReported():
            note = f": {event.note}" if event.note else ""
            return f"已上报工作 {event.item_id} 本级累计完成 {event.done}{note}"
        case WorkShareRevised():
            return (
                f"已将工作 {event.item_id} 分给 {event.unit_id} 的份额改为 {event.target}, 截止 "
                f"{show_time(event.deadline)}: {event.reason}"
            )
        case WorkItemCancelled():
            return f"已取消工作 {event.item_id} (连同其下各级): {event.reason}"
