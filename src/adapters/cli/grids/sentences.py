"""网格说明 — one Chinese sentence per recorded grid event."""

from __future__ import annotations

from collections.abc import Callable, Mapping
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


def _laid_out(event: BlockLaidOut) -> str:
    where = f"大网格 {event.parent_block_id} 内" if event.parent_block_id else "支部下"
    return f"已在 {event.branch_id} {where}划分{event.size.zh} {event.block_id}「{event.name}」"


def _post_assigned(event: BlockPostAssigned) -> str:
    return f"已落实网格 {event.block_id} 的{event.post.zh}: {event.person_id}"


def _household_added(event: HouseholdAdded) -> str:
    low = " (低收入农户)" if event.low_income else ""
    return f"农户 {event.household_id} (户主 {event.head}){low} 已入网格 {event.block_id}"


def _household_linked(event: HouseholdLinked) -> str:
    return f"{event.person_id} 已联系农户 {event.household_id} (网格 {event.block_id})"


def _exemption(event: LinkExemptionRecorded) -> str:
    return f"已免除 {event.person_id} 的联户要求: {event.reason}"


def _paired(event: HouseholdPaired) -> str:
    return f"{event.person_id} 已与农户 {event.household_id} 结对帮扶 (网格 {event.block_id})"


def _visit(event: VisitLogged) -> str:
    return f"已记录 {event.person_id} 于 {event.on} 走访农户 {event.household_id}"


#: The sentence for each grid event.
SENTENCES: Mapping[type[Any], Callable[[Any], str]] = {
    BlockLaidOut: _laid_out,
    BlockPostAssigned: _post_assigned,
    HouseholdAdded: _household_added,
    HouseholdLinked: _household_linked,
    LinkExemptionRecorded: _exemption,
    HouseholdPaired: _paired,
    VisitLogged: _visit,
}
