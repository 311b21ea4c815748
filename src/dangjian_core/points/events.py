"""积分事件 — a bonus or deduction (加分/扣分) outside any task."""

from __future__ import annotations

from attrs import frozen

from dangjian_core.shared.ids import AdjustmentId, BranchId, PersonId
from dangjian_core.shared.time import Cycle


@frozen
class PointsAdjusted:
    """积分已调整 — the secretary added (加分) or deducted (扣分) points, with a reason."""

    adjustment_id: AdjustmentId
    branch_id: BranchId
    person_id: PersonId
    cycle: Cycle
    category: str
    delta: int
    reason: str


PointsEvent = PointsAdjusted
