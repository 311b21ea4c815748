"""中心工作事件 — items issued, split into shares, shares accepted and revised, tasks
linked, progress reported, items cancelled."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import datetime
from typing import ClassVar, NewType

from attrs import frozen

from dangjian_core.kernel.ids import BranchId, TaskId

WorkItemId = NewType("WorkItemId", str)

#: The longest id an item may have (the shape of every id, see ``shared.ids``).
_MAX_ID = 64
_DIGEST = 12


def share_id(item_id: str, unit_id: str) -> WorkItemId:
    """The id of the work item a unit's share of ``item_id`` becomes when accepted:
    ``<item_id>.<unit_id>``, or, past 64 characters, its start and a digest of the whole.
    Derived, not chosen, so one share can only ever be accepted as one item."""
    whole = f"{item_id}.{unit_id}"
    if len(whole) <= _MAX_ID:
        return WorkItemId(whole)
    digest = hashlib.sha256(whole.encode()).hexdigest()[:_DIGEST]
    return WorkItemId(f"{whole[: _MAX_ID - _DIGEST - 1]}-{digest}")


@frozen
class WorkItemIssued:
    """工作已部署 — a unit issued a central work item: what, measured in what unit, how
    much, by when."""

    TITLE: ClassVar[str] = "工作已部署"

    item_id: WorkItemId
    unit_id: BranchId
    title: str
    measure: str
    target: int
    deadline: datetime


@frozen
class WorkShareAssigned:
    """工作已分解 — a work item gave a unit directly below its own a share: a target and
    a deadline; accepted, the share becomes the item ``share_id``."""

    TITLE: ClassVar[str] = "工作已分解"

    item_id: WorkItemId
    unit_id: BranchId
    share_id: WorkItemId
    target: int
    deadline: datetime


@frozen
class WorkShareAccepted:
    """工作已承接 — a unit accepted its share of the item above as a work item of its own
    (the first event of the share's stream)."""

    TITLE: ClassVar[str] = "工作已承接"

    item_id: WorkItemId
    unit_id: BranchId
    parent_item_id: WorkItemId
    title: str
    measure: str
    target: int
    deadline: datetime


@frozen
class TasksLinked:
    """任务已关联 — tasks of the item's unit count toward it: every approved completion of
    one adds ``per_completion`` to the unit's own progress."""

    TITLE: ClassVar[str] = "任务已关联"

    item_id: WorkItemId
    task_ids: tuple[TaskId, ...]
    per_completion: int


@frozen
class WorkProgressReported:
    """进度已上报 — the unit's own measured progress on its item so far (a running total,
    not an increment), with a note; a lower figure corrects an earlier one."""

    TITLE: ClassVar[str] = "进度已上报"

    item_id: WorkItemId
    done: int
    note: str


@frozen
class WorkShareRevised:
    """份额已修改 — a work item changed the target (and perhaps the deadline) of the share
    it gave a unit directly below, for a reason. The accepted item's own stream keeps the
    target it accepted; the share as revised here is what counts from now on."""

    TITLE: ClassVar[str] = "份额已修改"

    item_id: WorkItemId
    unit_id: BranchId
    target: int
    deadline: datetime
    reason: str


@frozen
class WorkItemCancelled:
    """工作已取消 — a unit cancelled its work item, for a reason: the item and everything
    below it stop (no further commands), and the report shows them as 已取消."""

    TITLE: ClassVar[str] = "工作已取消"

    item_id: WorkItemId
    reason: str


WorkEvent = (
    WorkItemIssued
    | WorkShareAssigned
    | WorkShareAccepted
    | TasksLinked
    | WorkProgressReported
    | WorkShareRevised
    | WorkItemCancelled
)


#: The stable stored name of every work event: a storage contract. A class may be renamed
#: or moved; its stored name stays (a changed event gets a new name and an upcaster).
EVENTS: Mapping[str, type[WorkEvent]] = {
    "WorkItemIssued": WorkItemIssued,
    "WorkShareAssigned": WorkShareAssigned,
    "WorkShareAccepted": WorkShareAccepted,
    "TasksLinked": TasksLinked,
    "WorkProgressReported": WorkProgressReported,
    "WorkShareRevised": WorkShareRevised,
    "WorkItemCancelled": WorkItemCancelled,
}
