"""中心工作变更 — revising a share an item gave, and cancelling an item.

A share is revised by the item's unit's leaders, for a reason: the shares together still
may not exceed the item's target, a new deadline may not be later than the item's, and
once the receiving unit has accepted the share and split it further, the share may not
fall below what it gave out (nor be due before a share it gave). The accepted item's own
stream keeps the target it accepted; its later splits are checked against the share as
revised (:func:`~dangjian_core.work.rules.terms`). The same target and deadline again
record nothing.

An item is cancelled by its unit's leaders, for a reason; cancelling it again records
nothing. Nothing further is decided on it or on anything below it.
"""

from __future__ import annotations

from datetime import datetime

from dangjian_core.kernel.errors import InvalidCommand
from dangjian_core.kernel.facts import Facts
from dangjian_core.work.commands import CancelWorkItem, ReviseWorkShare
from dangjian_core.work.events import WorkEvent, WorkItemCancelled, WorkShareRevised
from dangjian_core.work.rules.items import live, within
from dangjian_core.work.state import WORK_ITEM, WorkError, WorkItemState


def revise(command: ReviseWorkShare, item: WorkItemState, facts: Facts) -> list[WorkEvent]:
    """Change a share's target (and perhaps deadline), within the item and above what the
    receiving unit already gave out."""
    given = item.share(command.unit_id)
    if given is None:
        raise WorkError(
            f"{item.item_id} 没有给 {command.unit_id} 分解工作",
            f"{item.item_id} gave {command.unit_id} no share",
        )
    deadline = command.deadline or given.deadline
    if (given.target, given.deadline) == (command.target, deadline):
        return []
    _reason(command.reason)
    within(item, facts, deadline, item.assigned - given.target, command.target)
    below = facts.get(WORK_ITEM, given.share_id)
    if below is not None and below.parent_item_id == item.item_id:
        _above_what_was_given(below, command.target, deadline)
    return [WorkShareRevised(item.item_id, given.unit_id, command.target, deadline, command.reason)]


def _above_what_was_given(below: WorkItemState, target: int, deadline: datetime) -> None:
    if below.assigned > target:
        raise WorkError(
            f"{below.unit_id} 已将 {below.item_id} 分解出 {below.assigned}{below.measure}, "
            f"份额不能改为 {target}",
            f"{below.unit_id} already gave out {below.assigned} of {below.item_id}: "
            f"the share may not be revised to {target}",
        )
    late = [s.unit_id for s in below.shares if s.deadline > deadline]
    if late:
        raise WorkError(
            f"{below.item_id} 分给 {'、'.join(late)} 的截止时间晚于修改后的截止时间",
            f"{below.item_id} gave {', '.join(late)} shares due after the revised deadline",
        )


def cancel(command: CancelWorkItem, item: WorkItemState, facts: Facts) -> list[WorkEvent]:
    """Cancel the item, for a reason; a cancelled item again records nothing."""
    if item.cancelled:
        return []
    live(item, facts)
    _reason(command.reason)
    return [WorkItemCancelled(item.item_id, command.reason)]


def _reason(reason: str) -> None:
    if not reason.strip():
        raise InvalidCommand("须说明理由", "a reason is required")
