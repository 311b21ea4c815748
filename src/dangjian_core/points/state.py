"""积分调整状态 — an adjustment (加分/扣分) as folded from its stream: the adjustment itself;
and the refusals of points commands."""

from __future__ import annotations

from dangjian_core.kernel.concept import Stream, nothing
from dangjian_core.kernel.errors import DomainError
from dangjian_core.points.events import PointsAdjusted

AdjustmentState = PointsAdjusted | None

#: An adjustment's stream, ``adjustment-<adjustment id>``; None before it is made.
ADJUSTMENT: Stream[AdjustmentState] = Stream("adjustment", nothing)


class PointsError(DomainError):
    """积分错误 — a points command was refused."""

    code = "points"
