"""中心工作说明 — one Chinese sentence per recorded work event."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from adapters.cli.clock import show_time
from dangjian_core.work.events import (
    TasksLinked,
    WorkItemCancelled,
    WorkItemIssued,
    WorkProgressReported,
    WorkShareAccepted,
    WorkShareAssigned,
    WorkShareRevised,
)


def _issued(event: WorkItemIssued) -> str:
    return (
        f"{event.unit_id} 已部署工作 {event.item_id}「{event.title}」: 目标 "
        f"{event.target}{event.measure}, 截止 {show_time(event.deadline)}"
    )


def _assigned(event: WorkShareAssigned) -> str:
    return (
        f"已将工作 {event.item_id} 分解给 {event.unit_id}: {event.target}, 截止 "
        f"{show_time(event.deadline)}"
    )


def _accepted(event: WorkShareAccepted) -> str:
    return (
        f"{event.unit_id} 已承接 {event.parent_item_id} 分解的工作「{event.title}」: "
        f"{event.target}{event.measure}, 截止 {show_time(event.deadline)}"
    )


def _linked(event: TasksLinked) -> str:
    tasks = "、".join(event.task_ids)
    return f"已将任务 {tasks} 关联到工作 {event.item_id}, 每份审核通过计 {event.per_completion}"


def _reported(event: WorkProgressReported) -> str:
    note = f": {event.note}" if event.note else ""
    return f"已上报工作 {event.item_id} 本级累计完成 {event.done}{note}"


def _revised(event: WorkShareRevised) -> str:
    return (
        f"已将工作 {event.item_id} 分给 {event.unit_id} 的份额改为 {event.target}, 截止 "
        f"{show_time(event.deadline)}: {event.reason}"
    )


def _cancelled(event: WorkItemCancelled) -> str:
    return f"已取消工作 {event.item_id} (连同其下各级): {event.reason}"


#: The sentence for each work event.
SENTENCES: Mapping[type[Any], Callable[[Any], str]] = {
    WorkItemIssued: _issued,
    WorkShareAssigned: _assigned,
    WorkShareAccepted: _accepted,
    TasksLinked: _linked,
    WorkProgressReported: _reported,
    WorkShareRevised: _revised,
    WorkItemCancelled: _cancelled,
}
