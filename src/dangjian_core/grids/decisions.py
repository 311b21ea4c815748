"""网格决策 — ``decide`` and ``evolve`` for grid blocks: flat tables over the rules in
:mod:`~dangjian_core.grids.rules`; the state is :mod:`~dangjian_core.grids.state`.

Every grid command is made by the branch's secretary or organizing member (or from a
level above it); a paired member also logs their own visits.
"""

from __future__ import annotations

from typing import assert_never

import attrs

from dangjian_core.grids import permissions, rules
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
from dangjian_core.grids.state import BlockState, Household, existing
from dangjian_core.kernel.facts import Facts


def decide(command: GridCommand, state: BlockState | None, facts: Facts) -> list[GridEvent]:
    """Decide a grid command against the block's state and the facts."""
    if isinstance(command, LayOutBlock):
        return rules.lay_out(command, state, facts)
    block = existing(state, command.block_id)
    match command:
        case PairHousehold():
            return rules.pair(command, block, facts)
        case LogVisit():
            return rules.log_visit(command, block, facts)
    permissions.lead(facts, block, command.actor_id, command.at)
    match command:
        case AssignBlockPost():
            return rules.assign_post(command, block, facts)
        case AddHousehold():
            return rules.add_household(command, block)
        case LinkHousehold():
            return rules.link_household(command, block, facts)
        case ExemptFromLinking():
            return rules.exempt(command, block, facts)
        case _:
            assert_never(command)


def evolve(state: BlockState | None, event: GridEvent) -> BlockState | None:
    """Fold one grid event into the state; never fails (an event of a block never laid
    out leaves nothing to change)."""
    if isinstance(event, BlockLaidOut):
        return BlockState(
            event.block_id, event.branch_id, event.name, event.size, event.parent_block_id
        )
    if state is None:
        return state
    match event:
        case BlockPostAssigned():
            posts = tuple(p for p in state.posts if p[0] != event.post)
            return attrs.evolve(state, posts=(*posts, (event.post, event.person_id)))
        case HouseholdAdded():
            household = Household(event.household_id, event.head, event.low_income)
            return attrs.evolve(state, households=(*state.households, household))
        case HouseholdLinked():
            return attrs.evolve(state, links=(*state.links, (event.household_id, event.person_id)))
        case LinkExemptionRecorded():
            return attrs.evolve(state, exempt=(*state.exempt, event.person_id))
        case HouseholdPaired():
            return attrs.evolve(state, pairs=(*state.pairs, (event.household_id, event.person_id)))
        case VisitLogged():
            return state
        case _:
            assert_never(event)
