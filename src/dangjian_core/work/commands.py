"""中心工作命令 — issue an item, assign a share, accept a share, link tasks, report
progress, revise a share, cancel an item. Each names its actor and time."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from attrs import field, frozen

from dangjian_core.kernel.ids import BranchId, TaskId, check_id
from dangjian_core.kernel.time import check_aware
from dangjian_core.kernel.validation import int_between, text
from dangjian_core.work.events import WorkItemId, share_id

#: The largest target or progress figure a command may carry.
MAX_QUANTITY = 1_000_000_000
#: How many tasks one command may link.
MAX_LINKED = 100

_title: Any = text(1, 80)
_measure: Any = text(1, 10)
_note: Any = text(0, 500)
_target: Any = int_between(1, MAX_QUANTITY)
_reason: Any = text(1, 500)


def _optional_time(instance: object, attribute: Any, value: Any) -> None:
    if value is not None:
        check_aware(instance, attribute, value)


def _task_ids(instance: object, attribute: Any, value: Any) -> None:
    if not isinstance(value, tuple) or not 1 <= len(value) <= MAX_LINKED:
        raise ValueError(
            f"须关联 1 至 {MAX_LINKED} 项任务 / link 1 to {MAX_LINKED} tasks: {value!r}"
        )
    for task_id in value:
        check_id(instance, attribute, task_id)


@frozen
class IssueWorkItem:
    """部署工作 — a unit's secretary or organizing member issues a central work item:
    its title, its measure (户, 个, 公里…), the target quantity and the deadline."""

    item_id: WorkItemId = field(validator=check_id)
    unit_id: BranchId = field(validator=check_id)
    title: str = field(validator=_title)
    measure: str = field(validator=_measure)
    target: int = field(validator=_target)
    deadline: datetime = field(validator=check_aware)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class AssignWorkShare:
    """分解工作 — give a unit directly below the item's unit a share of the target, due by
    the item's deadline or an earlier one."""

    item_id: WorkItemId = field(validator=check_id)
    unit_id: BranchId = field(validator=check_id)
    target: int = field(validator=_target)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)
    deadline: datetime | None = field(default=None, validator=_optional_time)


@frozen
class AcceptWorkShare:
    """承接工作 — the receiving unit's secretary or organizing member accepts its share of
    an item as a work item of the unit's own (decided on the share's stream)."""

    parent_item_id: WorkItemId = field(validator=check_id)
    unit_id: BranchId = field(validator=check_id)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)

    @property
    def item_id(self) -> WorkItemId:
        """The id the accepted share gets (see :func:`share_id`)."""
        return share_id(self.parent_item_id, self.unit_id)


@frozen
class LinkTasks:
    """关联任务 — count tasks of the item's unit toward the item: each approved completion
    adds ``per_completion`` (default 1) to the unit's own progress."""

    item_id: WorkItemId = field(validator=check_id)
    task_ids: tuple[TaskId, ...] = field(validator=_task_ids)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)
    per_completion: int = field(default=1, validator=int_between(1, MAX_QUANTITY))


@frozen
class ReportWorkProgress:
    """上报进度 — the unit's own progress so far (a running total); lowering an earlier
    figure needs a note saying why."""

    item_id: WorkItemId = field(validator=check_id)
    done: int = field(validator=int_between(0, MAX_QUANTITY))
    note: str = field(validator=_note)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class ReviseWorkShare:
    """修改份额 — the item's unit's secretary or organizing member changes the target of a
    share it gave (and, optionally, its deadline), saying why; the shares together still
    may not exceed the item's target, nor a share fall below what its unit gave out."""

    item_id: WorkItemId = field(validator=check_id)
    unit_id: BranchId = field(validator=check_id)
    target: int = field(validator=_target)
    reason: str = field(validator=_reason)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)
    deadline: datetime | None = field(default=None, validator=_optional_time)


@frozen
class CancelWorkItem:
    """取消工作 — the item's unit's secretary or organizing member cancels the item, saying
    why; the item and everything below it take no further commands."""

    item_id: WorkItemId = field(validator=check_id)
    reason: str = field(validator=_reason)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


WorkCommand = (
    IssueWorkItem
    | AssignWorkShare
    | AcceptWorkShare
    | LinkTasks
    | ReportWorkProgress
    | ReviseWorkShare
    | CancelWorkItem
)
