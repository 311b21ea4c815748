"""任务 — the task points system's tasks: issued by the organizing member with points and
slots, claimed first come first served (or drawn at the end of an optional draw window, with a
waitlist), completed, reviewed, cancelled, revoked, and concluded with its no-shows."""

from __future__ import annotations

from dangjian_core.kernel.concept import Concept
from dangjian_core.tasks import decisions, permissions, projections
from dangjian_core.tasks.commands import (
    ApproveCompletion,
    CancelTask,
    ClaimTask,
    CloseDrawWindow,
    CloseTask,
    DrawSlots,
    IssueTask,
    RejectCompletion,
    RevokePoints,
    SubmitCompletion,
    TaskCommand,
    WithdrawClaim,
)
from dangjian_core.tasks.events import EVENTS, TaskEvent
from dangjian_core.tasks.state import TASK, TaskState

CONCEPT: Concept[TaskCommand, TaskEvent, TaskState | None] = Concept(
    name="tasks",
    stream=TASK,
    subject=lambda command: command.task_id,
    commands=(
        IssueTask,
        ClaimTask,
        WithdrawClaim,
        SubmitCompletion,
        ApproveCompletion,
        RejectCompletion,
        CancelTask,
        RevokePoints,
        CloseDrawWindow,
        DrawSlots,
        CloseTask,
    ),
    events=EVENTS,
    decide=decisions.decide,
    evolve=decisions.evolve,
    subjects={
        "branch_id": "branch",
        "task_id": "task",
        "claimant_id": "person",
        "released": "person",
        "reserved_for": "person",
        "grid_block": "grid",
        "entrants": "person",
        "no_shows": "person",
    },
    authority=permissions.replay,
    projections=projections.PROJECTIONS,
)
