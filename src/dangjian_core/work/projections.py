"""中心工作读模型 — items, shares (and their revisions), linked tasks, progress reports,
cancellations and task completions as rows; the cascade report
(:mod:`~dangjian_core.work.rollup`) is computed from them as of any date, so every row
keeps its time. A share's row holds its target and deadline as last revised and as first
assigned; the revisions in between are rows of their own."""

from __future__ import annotations

from typing import Any

from dangjian_core.kernel.concept import Projection
from dangjian_core.kernel.readmodel import Change, Column, Table, Upsert, Value
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.tasks.events import CompletionApproved, PointsRevoked
from dangjian_core.work.events import (
    EVENTS,
    TasksLinked,
    WorkItemCancelled,
    WorkItemIssued,
    WorkProgressReported,
    WorkShareAccepted,
    WorkShareAssigned,
    WorkShareRevised,
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
        Column("cancelled_at"),
        Column("cancel_reason"),
    ),
    indexes=(("unit_id",),),
)
WORK_SHARES = Table(
    "work_shares",
    key=(Column("item_id"), Column("unit_id")),
    values=(
        Column("share_id"),
        Column("target", "int"),
        Column("deadline"),
        Column("since"),
        Column("assigned_target", "int"),
        Column("assigned_deadline"),
    ),
)
WORK_SHARE_REVISIONS = Table(
    "work_share_revisions",
    key=(Column("item_id"), Column("unit_id"), Column("position", "int")),
    values=(
        Column("target", "int"),
        Column("deadline"),
        Column("reason"),
        Column("revised_by"),
        Column("since"),
    ),
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
TABLES = (
    WORK_ITEMS,
    WORK_SHARES,
    WORK_SHARE_REVISIONS,
    WORK_REPORTS,
    WORK_TASKS,
    WORK_COMPLETIONS,
)
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
                "assigned_target": event.target,
                "assigned_deadline": event.deadline.isoformat(),
            }
            return [Upsert(WORK_SHARES.name, key, set=share)]
        case WorkShareRevised():
            key = {"item_id": event.item_id, "unit_id": event.unit_id}
            now: dict[str, Value] = {
                "target": event.target,
                "deadline": event.deadline.isoformat(),
            }
            revision: dict[str, Value] = {
                **now,
                "reason": event.reason,
                "revised_by": recorded.actor_id,
                "since": since,
            }
            return [
                Upsert(WORK_SHARES.name, key, set=now),
                Upsert(WORK_SHARE_REVISIONS.name, {**key, "position": recorded.position}, revision),
            ]
        case WorkItemCancelled():
            cancelled: dict[str, Value] = {"cancelled_at": since, "cancel_reason": event.reason}
            return [Upsert(WORK_ITEMS.name, {"item_id": event.item_id}, set=cancelled)]
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


PROJECTIONS = (Projection("work", TABLES, project_work, (*EVENTS.values(), *TASK_EVENTS)),)
