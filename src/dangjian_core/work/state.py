"""中心工作状态 — one work item as folded from its stream: where it came from, its
shares (as last revised), its linked tasks, its own reported progress and whether it was
cancelled."""

from __future__ import annotations

from datetime import datetime

from attrs import frozen

from dangjian_core.kernel.concept import Stream, nothing
from dangjian_core.kernel.errors import DomainError, UnknownSubject
from dangjian_core.kernel.ids import BranchId, TaskId
from dangjian_core.work.events import WorkItemId


class WorkError(DomainError):
    """中心工作错误 — a work command was refused by a rule of the cascade."""

    code = "work"


@frozen
class Share:
    """分解份额 — the part of an item given to a unit directly below: its target, its
    deadline and the id it takes when accepted."""

    unit_id: BranchId
    share_id: WorkItemId
    target: int
    deadline: datetime


@frozen
class WorkItemState:
    """工作状态 — a work item: its unit, measure, target and deadline, the item it was
    accepted from (None when issued), its shares, linked tasks, own progress, and whether
    it was cancelled. An accepted item keeps the target and deadline it accepted: the
    share as the item above now gives it is looked up there."""

    item_id: WorkItemId
    unit_id: BranchId
    title: str
    measure: str
    target: int
    deadline: datetime
    parent_item_id: WorkItemId | None = None
    shares: tuple[Share, ...] = ()
    tasks: tuple[tuple[TaskId, int], ...] = ()
    done: int = 0
    cancelled: bool = False

    def share(self, unit_id: str) -> Share | None:
        """The share given to ``unit_id``, if any."""
        return next((s for s in self.shares if s.unit_id == unit_id), None)

    @property
    def assigned(self) -> int:
        """The targets given away in shares, together."""
        return sum(s.target for s in self.shares)


#: A work item's stream, ``work-<item id>``; None before it is issued or accepted.
WORK_ITEM: Stream[WorkItemState | None] = Stream("work", nothing)


def existing(state: WorkItemState | None, item_id: str) -> WorkItemState:
    """The item, or a refusal naming the unknown item."""
    if state is None:
        raise UnknownSubject(f"工作 {item_id} 不存在", f"work item {item_id} does not exist")
    return state
