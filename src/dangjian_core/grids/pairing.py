"""结对帮扶 — pairing members with low-income households and logging their visits.

The branch's leaders make the pairs; a visit is logged by the paired member themselves
(or by the leaders for them), never for a day after the command.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dangjian_core import permissions
from dangjian_core.grids.commands import LogVisit, PairHousehold
from dangjian_core.grids.events import GridEvent, HouseholdPaired, VisitLogged
from dangjian_core.grids.rules import person_on_roll
from dangjian_core.grids.state import BlockState, GridError

if TYPE_CHECKING:
    from datetime import datetime

    from dangjian_core.directory import Directory


def pair(command: PairHousehold, block: BlockState, directory: Directory) -> list[GridEvent]:
    """Pair a member of the branch with a low-income household of the block."""
    lead(directory, block, command.actor_id, command.at)
    household = block.household(command.household_id)
    if household is None or not household.low_income:
        raise GridError(
            f"农户 {command.household_id} 不是网格 {block.block_id} 的低收入农户",
            f"{command.household_id} is not a low-income household of {block.block_id}",
        )
    person_on_roll(directory, block, command.person_id, command.at)
    if (command.household_id, command.person_id) in block.pairs:
        return []
    return [HouseholdPaired(block.block_id, command.household_id, command.person_id)]


def visit(command: LogVisit, block: BlockState, directory: Directory) -> list[GridEvent]:
    """Log a visit by a paired member on a day not after the command."""
    permissions.enforce(
        visit_rule(directory, block, command.person_id, command.actor_id, command.at)
    )
    if (command.household_id, command.person_id) not in block.pairs:
        raise GridError(
            f"{command.person_id} 未与农户 {command.household_id} 结对",
            f"{command.person_id} is not paired with {command.household_id}",
        )
    if command.on > command.at.date():
        raise GridError("走访日期不能晚于记录时间", "a visit cannot be logged ahead of its day")
    return [
        VisitLogged(
            block.block_id, command.household_id, command.person_id, command.on, command.note
        )
    ]


def lead(directory: Directory, block: BlockState, actor_id: str, at: datetime) -> None:
    """Refuse unless the actor leads the block's branch (or is above it)."""
    permissions.enforce(permissions.lay_out_grid(directory, block.branch_id, actor_id, at))


def visit_rule(
    directory: Directory, block: BlockState, person_id: str, actor_id: str, at: datetime
) -> permissions.Rule | None:
    """The paired member logs their own visits; the branch's leaders may log them too."""
    if actor_id == person_id:
        return None
    return permissions.lay_out_grid(directory, block.branch_id, actor_id, at)
