"""中心工作决策 — ``decide`` and ``evolve`` for work items.

Who may act (:func:`dangjian_core.permissions.run_work`): the secretary or organizing
member of the item's unit issues it, splits it, revises its shares, links tasks to it,
reports on it and cancels it; the receiving unit's secretary or organizing member accepts
a share. Nothing is decided on a cancelled item or one below it (cancelling again records
nothing). The rules live in :mod:`~dangjian_core.work.rules`,
:mod:`~dangjian_core.work.progress` and :mod:`~dangjian_core.work.changes`.
"""

from __future__ import annotations

from typing import assert_never

import attrs

from dangjian_core.kernel.facts import Facts
from dangjian_core.work import permissions, rules
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
from dangjian_core.work.state import Share, WorkItemState, existing


def decide(command: WorkCommand, state: WorkItemState | None, facts: Facts) -> list[WorkEvent]:
    """Decide a work command against the item's state and the facts."""
    match command:
        case IssueWorkItem():
            return rules.issue(command, state, facts)
        case AcceptWorkShare():
            return rules.accept(command, state, facts)
    item = existing(state, command.item_id)
    permissions.lead(facts, item.unit_id, command.actor_id, command.at)
    if isinstance(command, CancelWorkItem):
        return rules.cancel(command, item, facts)
    rules.live(item, facts)
    match command:
        case AssignWorkShare():
            return rules.assign(command, item, facts)
        case LinkTasks():
            return rules.link(command, item, facts)
        case ReportWorkProgress():
            return rules.report(command, item)
        case ReviseWorkShare():
            return rules.revise(command, item, facts)
        case _:
            assert_never(command)


def evolve(state: WorkItemState | None, event: WorkEvent) -> WorkItemState | None:
    """Fold one work event into the state; never fails (an event of an item never issued
    leaves nothing to change)."""
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
    if state is None:
        return state
    match event:
        case WorkShareAssigned():
            share = Share(event.unit_id, event.share_id, event.target, event.deadline)
            return attrs.evolve(state, shares=(*state.shares, share))
        case TasksLinked():
            links = tuple((task_id, event.per_completion) for task_id in event.task_ids)
            return attrs.evolve(state, tasks=(*state.tasks, *links))
        case WorkProgressReported():
            return attrs.evolve(state, done=event.done)
        case WorkShareRevised():
            shares = tuple(
                attrs.evolve(s, target=event.target, deadline=event.deadline)
                if s.unit_id == event.unit_id
                else s
                for s in state.shares
            )
            return attrs.evolve(state, shares=shares)
        case WorkItemCancelled():
            return attrs.evolve(state, cancelled=True)
        case _:
            assert_never(event)
