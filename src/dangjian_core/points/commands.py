"""积分命令 — adjusting a person's points."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from attrs import field, frozen

from dangjian_core.kernel.ids import AdjustmentId, BranchId, PersonId, check_id
from dangjian_core.kernel.time import check_aware
from dangjian_core.kernel.validation import text as _text

MAX_ADJUSTMENT = 100
ADJUSTMENT_CATEGORY = "加减分"


def _nonzero_delta(_instance: object, _attribute: object, value: Any) -> None:
    ok = isinstance(value, int) and not isinstance(value, bool)
    if not ok or value == 0 or abs(value) > MAX_ADJUSTMENT:
        raise ValueError(
            f"调整分值须为 ±1 至 ±{MAX_ADJUSTMENT} 的整数 / delta must be a non-zero "
            f"integer within ±{MAX_ADJUSTMENT}, got {value!r}"
        )


@frozen
class AdjustPoints:
    """调整积分 — add or deduct points for a person in the current cycle, with a reason."""

    adjustment_id: AdjustmentId = field(validator=check_id)
    branch_id: BranchId = field(validator=check_id)
    person_id: PersonId = field(validator=check_id)
    delta: int = field(validator=_nonzero_delta)
    reason: str = field(validator=_text(1, 500))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)
    category: str = field(default=ADJUSTMENT_CATEGORY, validator=_text(1, 30))


PointsCommand = AdjustPoints
