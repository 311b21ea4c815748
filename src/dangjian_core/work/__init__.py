"""中心工作层层抓 — central work cascaded down the tree (党委抓总支、总支抓支部、支部抓党员):
a unit issues a work item with a measure, a target and a deadline; it splits the item
into shares for the units directly below it; each accepts its share as a work item of
its own (and may split it further); a branch links tasks to its item and reports
measured progress. Progress rolls back up the tree. One stream per item,
``work-<item_id>``; an accepted share's id is :func:`~dangjian_core.work.events.share_id`.
"""

from __future__ import annotations

from dangjian_core.kernel.concept import Concept
from dangjian_core.work import decisions, permissions, projections
from dangjian_core.work.commands import (
    AcceptWorkShare,
    AssignWorkShare,
    CancelWorkItem,
    IssueWorkItem,
    LinkTasks,
    ReportWorkProgress,
    ReviseWorkShare,
    WorkCommand,
)
from dangjian_core.work.events import EVENTS, WorkEvent
from dangjian_core.work.state import WORK_ITEM, WorkItemState

CONCEPT: Concept[WorkCommand, WorkEvent, WorkItemState | None] = Concept(
    name="work",
    stream=WORK_ITEM,
    subject=lambda command: command.item_id,
    commands=(
        IssueWorkItem,
        AssignWorkShare,
        AcceptWorkShare,
        LinkTasks,
        ReportWorkProgress,
        ReviseWorkShare,
        CancelWorkItem,
    ),
    events=EVENTS,
    decide=decisions.decide,
    evolve=decisions.evolve,
    subjects={
        "item_id": "work",
        "parent_item_id": "work",
        "share_id": "work",
        "unit_id": "branch",
        "task_ids": "task",
    },
    authority=permissions.replay,
    projections=projections.PROJECTIONS,
)
