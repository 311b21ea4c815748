"""积分事件 — a bonus or deduction (加分/扣分) outside any task."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from attrs import frozen

from dangjian_core.kernel.ids import AdjustmentId, BranchId, PersonId
from dangjian_core.kernel.time import Cycle


@frozen
class PointsAdjusted:
    """积分已调整 — the secretary added (加分) or deducted (扣分) points, with a reason."""

    TITLE: ClassVar[str] = "积分已调整"

    adjustment_id: AdjustmentId
    branch_id: BranchId
    person_id: PersonId
    cycle: Cycle
    category: str
    delta: int
    reason: str


PointsEvent = PointsAdjusted


#: The stable stored name of every points event: a storage contract. A class may be renamed
#: or moved; its stored name stays (a changed event gets a new name and an upcaster).
EVENTS: Mapping[str, type[PointsEvent]] = {
    "PointsAdjusted": PointsAdjusted,
}
