"""积分说明 — one Chinese sentence per recorded points event."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from dangjian_core.kernel.time import cycle_label
from dangjian_core.points.events import PointsAdjusted


def _adjusted(event: PointsAdjusted) -> str:
    verb = "加" if event.delta > 0 else "扣"
    return (
        f"已为 {event.person_id} {verb} {abs(event.delta)} 分 ({event.category}, "
        f"调整编号 {event.adjustment_id}, {cycle_label(event.cycle)}): {event.reason}"
    )


#: The sentence for each points event.
SENTENCES: Mapping[type[Any], Callable[[Any], str]] = {
    PointsAdjusted: _adjusted,
}
