"""网格决策 — ``decide`` and ``evolve`` for grid blocks.

Every grid command is made by the branch's secretary or organizing member (or from a
level above it); a small block sits inside a large block of the same branch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, assert_never

from attrs import evolve

from dangjian_core.grids import pairing
from dangjian_core.grids.commands import (
    AddHousehold,
    AssignBlockPost,
    ExemptFromLinking,
    GridCommand,
    LayOutBlock,
    LinkHousehold,
    LogVisit,
    PairHousehold,
)
from dangjian_core.grids.events import (
    BlockLaidOut,
    BlockPostAssigned,
    GridEvent,
    HouseholdAdded,
    HouseholdLinked,
    HouseholdPaired,
    LinkExemptionRecorded,
    VisitLogged,
)
from dangjian_core.grids.rules import existing, lay_out, person_on_roll, small
from dangjian_core.grids.state import BlockState, GridError, Household

if TYPE_CHECKING:
    from dangjian_core.directory import Directory

__all__ = ["BlockState", "GridError", "decide", "evolve_state", "initial_state"]


def initial_state() -> BlockState | None:
    """A block stream starts empty: not laid out."""
    return None


def decide(command: GridCommand, state: BlockState | None, directory: Directory) -> list[GridEvent]:
    """Decide a grid command against the block's state and the directory."""
    if isinstance(command, LayOutBlock):
        return lay_out(command, state, directory)
    block = existing(state, command.block_id)
    match command:
        case PairHousehold():
            return pairing.pair(command, block, directory)
        case LogVisit():
            return pairing.visit(command, block, directory)
    pairing.lead(directory, block, command.actor_id, command.at)
    match command:
        case AssignBlockPost():
            small(block)
            person_on_roll(directory, block, command.person_id, command.at)
            if block.holder(command.post) == command.person_id:
                return []
            return [BlockPostAssigned(block.block_id, command.post, command.person_id)]
        case AddHousehold():
            small(block)
            if block.household(command.household_id) is not None:
                return []
            added = HouseholdAdded(
                block.block_id, command.household_id, command.head, command.low_income
            )
            return [added]
        case LinkHousehold():
            if block.household(command.household_id) is None:
                raise GridError(
                    f"农户 {command.household_id} 不在网格 {block.block_id}",
                    f"household {command.household_id} is not in block {block.block_id}",
                )
            person_on_roll(directory, block, command.person_id, command.at)
            if (command.household_id, command.person_id) in block.links:
                return []
            return [HouseholdLinked(block.block_id, command.household_id, command.person_id)]
        case ExemptFromLinking():
            person_on_roll(directory, block, command.person_id, command.at)
            if command.person_id in block.exempt:
                return []
            return [LinkExemptionRecorded(block.block_id, command.person_id, command.reason)]
        case _:
            assert_never(command)


def evolve_state(state: BlockState | None, event: GridEvent) -> BlockState | None:
    """Fold one grid event into the state; never fails."""
    if isinstance(event, BlockLaidOut):
        return BlockState(
            event.block_id, event.branch_id, event.name, event.size, event.parent_block_id
        )
    assert state is not None
    match event:
        case BlockPostAssigned():
            posts = tuple(p for p in state.posts if p[0] != event.post)
            return evolve(state, posts=(*posts, (event.post, event.person_id)))
        case HouseholdAdded():
            household = Household(event.household_id, event.head, event.low_income)
            return evolve(state, households=(*state.households, household))
        case HouseholdLinked():
            return evolve(state, links=(*state.links, (event.household_id, event.person_id)))
        case LinkExemptionRecorded():
            return evolve(state, exempt=(*state.exempt, event.person_id))
        case HouseholdPaired():
            return evolve(state, pairs=(*state.pairs, (event.household_id, event.person_id)))
        case VisitLogged():
            return state
        case _:
            assert_never(event)
