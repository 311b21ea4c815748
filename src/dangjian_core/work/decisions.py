"""中心工作决策 — ``decide`` and ``evolve`` for work items.

Who may act (:func:`dangjian_core.permissions.run_work`): the secretary or organizing
member of the item's unit issues it, splits it, revises its shares, links tasks to it,
reports on it and cancels it; the receiving unit's secretary or organizing member accepts
a share. Nothing is decided on a cancelled item or one below it (cancelling again records
nothing). The rules live in :mod:`~dangjian_core.work.rules`,
:mod:`~dangjian_core.work.progress` and :mod:`~dangjian_core.work.changes`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, assert_never

from attrs import evolve

from dangjian_core.work import changes, progress, rules
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
from dangjian_core.work.state import Share, WorkError, WorkItemState

if TYPE_CHECKING:
    from dangjian_core.directory import Directory

__all__ = ["WorkError", "WorkItemState", "decide", "evolve_state", "initial_state"]


def initial_state() -> WorkItemState | None:
    """A work stream starts empty: not issued, not accepted."""
    return None


def decide(
    command: WorkCommand, state: WorkItemState | None, directory: Directory
) -> list[WorkEvent]:
    """Decide a work command against the item's state and the directory."""
    match command:
        case IssueWorkItem():
            return rules.issue(command, state, directory)
        case AcceptWorkShare():
            return rules.accept(command, state, directory)
    item = rules.existing(state, command.item_id)
    rules.lead(directory, item.unit_id, command.actor_id, command.at)
    if isinstance(command, CancelWorkItem):
        return changes.cancel(command, item, directory)
    rules.live(item, directory)
    match command:
        case AssignWorkShare():
            return rules.assign(command, item, directory)
        case LinkTasks():
            return progress.link(command, item, directory)
        case ReportWorkProgress():
            return progress.report(command, item)
        case ReviseWorkShare():
            return changes.revise(command, item, directory)
        case _:
            assert_never(command)


def evolve_state(state: WorkItemState | None, event: WorkEvent) -> WorkItemState | None:
    """Fold one work event into the state; never fails."""
    match event:
        case WorkItemIssued():
            return WorkItemState(
                event.item_id,
                event.unit_id,
                event.title,
                event.measure,
                event.target,
                event.deadline,
            )
        case WorkShareAccepted():
            return WorkItemState(
                event.item_id,
                event.unit_id,
                event.title,
                event.measure,
                event.target,
                event.deadline,
                event.parent_item_id,
            )
    assert state is not None
    match event:
        case WorkShareAssigned():
            share = Share(event.unit_id, event.share_id, event.target, event.deadline)
            return evolve(state, shares=(*state.shares, share))
        case TasksLinked():
            links = tuple((task_id, event.per_completion) for task_id in event.task_ids)
            return evolve(state, tasks=(*state.tasks, *links))
        case WorkProgressReported():
            return evolve(state, done=event.done)
        case WorkShareRevised():
            shares = tuple(
                evolve(s, target=event.target, deadline=event.deadline)
                if s.unit_id == event.unit_id
                else s
                for s in state.shares
            )
            return evolve(state, shares=shares)
        case WorkItemCancelled():
            return evolve(state, cancelled=True)
        case _:
            assert_never(event)
