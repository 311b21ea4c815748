"""中心工作读模型 — items, shares, linked tasks, progress reports and task completions as
rows; the cascade report (:mod:`~dangjian_core.work.rollup`) is computed from them as of
any date, so every row keeps its time."""

from __future__ import annotations

from typing import Any

from dangjian_core.shared.readmodel import Change, Column, Table, Upsert, Value
from dangjian_core.shared.recorded import Recorded
from dangjian_core.tasks.events import CompletionApproved, PointsRevoked
from dangjian_core.work.events import (
    TasksLinked,
    WorkItemIssued,
    WorkProgressReported,
    WorkShareAccepted,
    WorkShareAssigned,
)

WORK_ITEMS = Table(
    "work_items",
    key=(Column("item_id"),),
    values=(
        Column("unit_id"),
        Column("parent_item_id"),
        Column("title"),
        Column("measure"),
        Column("target", "int"),
        Column("deadline"),
        Column("since"),
        Column("done", "int"),
    ),
    indexes=(("unit_id",),),
)
WORK_SHARES = Table(
    "work_shares",
    key=(Column("item_id"), Column("unit_id")),
    values=(Column("share_id"), Column("target", "int"), Column("deadline"), Column("since")),
)
WORK_REPORTS = Table(
    "work_reports",
    key=(Column("item_id"), Column("position", "int")),
    values=(Column("done", "int"), Column("note"), Column("reported_by"), Column("since")),
)
WORK_TASKS = Table(
    "work_tasks",
    key=(Column("item_id"), Column("task_id")),
    values=(Column("per_completion", "int"), Column("since")),
    indexes=(("task_id",),),
)
WORK_COMPLETIONS = Table(
    "work_completions",
    key=(Column("task_id"), Column("person_id")),
    values=(Column("approved_at"), Column("revoked_at")),
)
TABLES = (WORK_ITEMS, WORK_SHARES, WORK_REPORTS, WORK_TASKS, WORK_COMPLETIONS)
#: Task events the work read models also listen to: approvals count, revocations undo.
TASK_EVENTS = (CompletionApproved, PointsRevoked)


def project_work(recorded: Recorded[Any]) -> list[Change]:
    """Rows changed by one work event (or one task approval or revocation)."""
    event = recorded.event
    since = recorded.at.isoformat()
    match event:
        case WorkItemIssued() | WorkShareAccepted():
            parent = event.parent_item_id if isinstance(event, WorkShareAccepted) else None
            values: dict[str, Value] = {
                "unit_id": event.unit_id,
                "parent_item_id": parent,
                "title": event.title,
                "measure": event.measure,
                "target": event.target,
                "deadline": event.deadline.isoformat(),
                "since": since,
            }
            return [Upsert(WORK_ITEMS.name, {"item_id": event.item_id}, set=values)]
        case WorkShareAssigned():
            key = {"item_id": event.item_id, "unit_id": event.unit_id}
            share: dict[str, Value] = {
                "share_id": event.share_id,
                "target": event.target,
                "deadline": event.deadline.isoformat(),
                "since": since,
            }
            return [Upsert(WORK_SHARES.name, key, set=share)]
        case TasksLinked():
            link: dict[str, Value] = {"per_completion": event.per_completion, "since": since}
            return [
                Upsert(WORK_TASKS.name, {"item_id": event.item_id, "task_id": t}, set=link)
                for t in event.task_ids
            ]
        case WorkProgressReported():
            row: dict[str, Value] = {"item_id": event.item_id, "position": recorded.position}
            report: dict[str, Value] = {"done": event.done, "note": event.note, "since": since}
            report["reported_by"] = recorded.actor_id
            return [
                Upsert(WORK_REPORTS.name, row, set=report),
                Upsert(WORK_ITEMS.name, {"item_id": event.item_id}, set={"done": event.done}),
            ]
        case CompletionApproved():
            key = {"task_id": event.task_id, "person_id": event.claimant_id}
            approval: dict[str, Value] = {"approved_at": since, "revoked_at": None}
            return [Upsert(WORK_COMPLETIONS.name, key, set=approval)]
        case PointsRevoked():
            key = {"task_id": event.task_id, "person_id": event.claimant_id}
            return [Upsert(WORK_COMPLETIONS.name, key, set={"revoked_at": since})]
    return []
