"""任务读模型 — the task list with slots taken, and every claim's status."""

from __future__ import annotations

from typing import Any, assert_never

from dangjian_core.kernel.concept import Projection
from dangjian_core.kernel.readmodel import Change, Column, Table, Upsert, Value
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.tasks.events import (
    EVENTS,
    ClaimWaitlisted,
    ClaimWithdrawn,
    CompletionApproved,
    CompletionRejected,
    CompletionSubmitted,
    DrawEntered,
    DrawWindowClosed,
    PointsRevoked,
    SlotsDrawn,
    TaskCancelled,
    TaskClaimed,
    TaskConcluded,
    TaskEvent,
    TaskIssued,
    WaitlistLeft,
    WaitlistPromoted,
)
from dangjian_core.tasks.state import ClaimStatus

WaitingEvent = (
    DrawEntered
    | ClaimWaitlisted
    | WaitlistLeft
    | WaitlistPromoted
    | DrawWindowClosed
    | SlotsDrawn
    | TaskConcluded
)

TASKS = Table(
    "tasks",
    key=(Column("task_id"),),
    values=(
        Column("branch_id"),
        Column("title"),
        Column("category"),
        Column("points", "int"),
        Column("slots", "int"),
        Column("taken", "int"),
        Column("deadline"),
        Column("audiences"),
        Column("source_kind"),
        Column("source_reference"),
        Column("status"),
        Column("issued_by"),
        Column("issued_at"),
        Column("position", "int"),
        Column("grid_block"),
        Column("reserved_for"),
        Column("draw_until"),
        Column("waitlist", "int"),
        Column("drawn", "int"),
    ),
    indexes=(("branch_id",),),
)
CLAIMS = Table(
    "claims",
    key=(Column("task_id"), Column("person_id")),
    values=(
        Column("status"),
        Column("attempts", "int"),
        Column("cycle"),
        Column("awarded", "int"),
        Column("reason"),
        Column("updated_at"),
        Column("queue", "int"),
    ),
    indexes=(("person_id",), ("cycle", "status")),
)
TABLES = (TASKS, CLAIMS)


def project_tasks(recorded: Recorded[Any]) -> list[Change]:
    """Rows changed by one task event."""
    event: TaskEvent = recorded.event
    at = recorded.at.isoformat()
    match event:
        case TaskIssued():
            return [_issued(recorded, event)]
        case TaskClaimed():
            # A claim taken again after a withdrawal keeps its used attempts (as the folded
            # state does) but no award, cycle or reason.
            fresh: dict[str, Any] = {"awarded": 0, "cycle": None, "reason": None}
            return [
                _task(event.task_id, add={"taken": 1}),
                _claim(event.task_id, event.claimant_id, at, ClaimStatus.CLAIMED, **fresh),
            ]
        case ClaimWithdrawn():
            return [
                _task(event.task_id, add={"taken": -1}),
                _claim(event.task_id, event.claimant_id, at, ClaimStatus.WITHDRAWN),
            ]
        case CompletionSubmitted():
            status = ClaimStatus.SUBMITTED
            return [
                _claim(
                    event.task_id,
                    event.claimant_id,
                    at,
                    status,
                    attempts=event.attempt,
                    cycle=event.cycle,
                )
            ]
        case CompletionApproved():
            status = ClaimStatus.APPROVED
            return [
                _claim(
                    event.task_id,
                    event.claimant_id,
                    at,
                    status,
                    awarded=event.points,
                    reason=event.reason,
                )
            ]
        case CompletionRejected():
            return _rejected(event, at)
        case TaskCancelled():
            released = [
                _claim(event.task_id, pid, at, ClaimStatus.RELEASED) for pid in event.released
            ]
            task = Upsert(
                "tasks",
                {"task_id": event.task_id},
                set={"status": "cancelled"},
                add={"taken": -len(event.released)},
            )
            return [task, *released]
        case PointsRevoked():
            status = ClaimStatus.REVOKED
            return [_claim(event.task_id, event.claimant_id, at, status, reason=event.reason)]
        case (
            DrawEntered() | ClaimWaitlisted() | WaitlistLeft() | WaitlistPromoted()
            | DrawWindowClosed() | SlotsDrawn() | TaskConcluded()
        ):  # fmt: skip
            return project_waiting(recorded, event)
        case _:
            assert_never(event)


def _issued(recorded: Recorded[Any], event: TaskIssued) -> Change:
    values: dict[str, Value] = {
        "branch_id": event.branch_id,
        "title": event.title,
        "category": event.category,
        "points": event.points,
        "slots": event.slots,
        "taken": 0,
        "deadline": event.deadline.isoformat(),
        "audiences": ",".join(a.value for a in event.audiences),
        "source_kind": event.source_kind.value,
        "source_reference": event.source_reference,
        "status": "open",
        "issued_by": recorded.actor_id,
        "issued_at": recorded.at.isoformat(),
        "position": recorded.position,
        "grid_block": event.grid_block,
        "reserved_for": ",".join(event.reserved_for) or None,
        "draw_until": None if event.draw_until is None else event.draw_until.isoformat(),
        "waitlist": int(event.waitlist or event.draw_until is not None),
    }
    return Upsert("tasks", {"task_id": event.task_id}, set=values)


def project_waiting(recorded: Recorded[Any], event: WaitingEvent) -> list[Change]:
    """Rows changed by a fair-claiming event: entries, the waitlist (``queue`` orders the
    waiting claims of a task), promotions, the draw, the no-shows."""
    at, task_id = recorded.at.isoformat(), event.task_id
    fresh: dict[str, Any] = {"awarded": 0, "cycle": None, "reason": None, "queue": 0}
    match event:
        case DrawEntered():
            return [_claim(task_id, event.claimant_id, at, ClaimStatus.ENTERED)]
        case ClaimWaitlisted():
            queue = recorded.position * QUEUE_STEP
            return [
                _claim(task_id, event.claimant_id, at, ClaimStatus.WAITING, queue=queue),
            ]
        case WaitlistLeft():
            return [_claim(task_id, event.claimant_id, at, ClaimStatus.WITHDRAWN, queue=0)]
        case WaitlistPromoted():
            return [
                _task(task_id, add={"taken": 1}),
                _claim(task_id, event.claimant_id, at, ClaimStatus.CLAIMED, **fresh),
            ]
        case SlotsDrawn():
            won = [_claim(task_id, p, at, ClaimStatus.CLAIMED, **fresh) for p in event.winners]
            base = recorded.position * QUEUE_STEP
            lost = [
                _claim(task_id, p, at, ClaimStatus.WAITING, queue=base + i)
                for i, p in enumerate(event.waitlist)
            ]
            task = Upsert(
                "tasks",
                {"task_id": task_id},
                set={"drawn": recorded.position},
                add={"taken": len(event.winners)},
            )
            return [task, *won, *lost]
        case DrawWindowClosed():
            return []
        case TaskConcluded():
            task = Upsert("tasks", {"task_id": task_id}, set={"status": "concluded"})
            missed = [
                _claim(task_id, p, at, ClaimStatus.NO_SHOW, cycle=event.cycle)
                for p in event.no_shows
            ]
            dropped = [
                _claim(task_id, p, at, ClaimStatus.WITHDRAWN, queue=0) for p in event.dropped
            ]
            return [task, *missed, *dropped]
        case _:
            assert_never(event)


#: The waiting claims of a task are ordered by ``queue``: the log position they joined
#: at, times this step, plus their rank in a draw.
QUEUE_STEP = 100_000


def _rejected(event: CompletionRejected, at: str) -> list[Change]:
    if not event.final:
        status = ClaimStatus.REJECTED
        return [_claim(event.task_id, event.claimant_id, at, status, reason=event.reason)]
    return [
        _task(event.task_id, add={"taken": -1}),
        _claim(event.task_id, event.claimant_id, at, ClaimStatus.FAILED, reason=event.reason),
    ]


def _task(task_id: str, add: dict[str, int]) -> Change:
    return Upsert("tasks", {"task_id": task_id}, add=add)


def _claim(task_id: str, person_id: str, at: str, status: ClaimStatus, **values: Any) -> Change:
    key = {"task_id": task_id, "person_id": person_id}
    return Upsert("claims", key, set={"status": status.value, "updated_at": at, **values})


PROJECTIONS = (Projection("tasks", TABLES, project_tasks, tuple(EVENTS.values())),)
