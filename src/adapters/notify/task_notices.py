"""任务通知 — a new task, with a link to claim it in the task hall, and a task whose
slots are all taken (told once, by the claim that took the last slot)."""

from __future__ import annotations

from typing import Any

from adapters.notify.escaping import NAME, plain
from adapters.notify.notices import Notice, NoticeFacts, moment, names, task_link
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.tasks.events import SourceKind, TaskClaimed, TaskIssued
from dangjian_core.tasks.state import HOLDS_SLOT, TaskState


def task_issued(recorded: Recorded[Any], facts: NoticeFacts) -> Notice:
    """新任务 — what the task is, what it earns, who may claim it until when."""
    task: TaskIssued = recorded.event
    audience = (
        "指定人员"
        if task.reserved_for
        else "、".join(audience.zh for audience in task.audiences) or "所有人"
    )
    source = task.source_kind.zh
    if task.source_kind is SourceKind.UPPER and task.source_reference:
        source = f"{source}（{plain(task.source_reference)}）"
    return Notice(
        "task_issued",
        task.branch_id,
        f"新任务: {plain(task.title)}",
        (
            plain(facts.unit_name(task.branch_id)),
            f"- 类别: {plain(task.category)}",
            f"- 积分: {task.points} 分, 名额 {task.slots} 个",
            f"- 领办对象: {audience}",
            f"- 截止时间: {moment(task.deadline)}",
            f"- 来源: {source}",
        ),
        task_link("去任务大厅领办" if not task.reserved_for else "查看任务", task.task_id),
    )


def task_full(recorded: Recorded[Any], facts: NoticeFacts) -> Notice | None:
    """名额已满 — told when a claim took the task's last slot, naming who hold them."""
    claimed: TaskClaimed = recorded.event
    task = facts.state_at(recorded.stream_id, recorded.version)
    if not isinstance(task, TaskState) or task.taken < task.issued.slots:
        return None
    holders = [
        plain(facts.name_of(person), NAME)
        for person, claim in task.claims.items()
        if claim.status in HOLDS_SLOT
    ]
    return Notice(
        "task_full",
        task.issued.branch_id,
        f"名额已满: {plain(task.issued.title)}",
        (
            plain(facts.unit_name(task.issued.branch_id)),
            f"- {task.issued.slots} 个名额已全部领办",
            f"- 领办人: {names(holders)}",
        ),
        task_link("查看任务", claimed.task_id),
    )
