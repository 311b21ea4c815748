"""网格消息 — one Chinese sentence per recorded grid event."""

from __future__ import annotations

from typing import Any

from dangjian_core.grids.events import (
    BlockLaidOut,
    BlockPostAssigned,
    HouseholdAdded,
    HouseholdLinked,
    HouseholdPaired,
    LinkExemptionRecorded,
    VisitLogged,
)
from dangjian_core.kernel.trail import describe

GRID_EVENTS = (
    BlockLaidOut,
    BlockPostAssigned,
    HouseholdAdded,
    HouseholdLinked,
    HouseholdPaired,
    LinkExemptionRecorded,
    VisitLogged,
)


def grid_sentence(event: Any) -> str:
    """What a grid event recorded, in one sentence."""
    match event:
        case BlockLaidOut():
            where = f"大网格 {event.parent_block_id} 内" if event.parent_block_id else "支部下"
            return f"已在 {event.branch_id} {where}划分{event.size.zh} {event.block_id}「{event.name}」"
        case BlockPostAssigned():
            return f"已落实网格 {event.block_id} 的{event.post.zh}: {event.person_id}"
        case HouseholdAdded():
            low = " (低收入农户)" if event.low_income else ""
            return f"农户 {event.household_id} (户主 {event.head}){low} 已入网格 {event.block_id}"
        case HouseholdLinked():
            return f"{event.person_id} 已联系农户 {event.household_id} (网格 {event.block_id})"
        case LinkExemptionRecorded():
            return f"已免除 {event.person_id} 的联户要求: {event.reason}"
        case HouseholdPaired():
            return (
                f"{event.person_id} 已与农户 {event.household_id} 结对帮扶 (网格 {event.block_id})"
            )
        case VisitLogged():
            return f"已记录 {event.person_id} 于 {event.on} 走访农户 {event.household_id}"
    return describe(event)
