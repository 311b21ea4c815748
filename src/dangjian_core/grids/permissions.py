"""网格权限 — a branch's grid is laid out and staffed by its secretary or organizing member
(or from a level above it); a paired member also logs their own visits. :func:`replay`
asks the same of a recorded grid event.
"""

from __future__ import annotations

from datetime import datetime

from dangjian_core.grids.events import BlockLaidOut, GridEvent, VisitLogged
from dangjian_core.grids.state import BlockState
from dangjian_core.kernel.authority import Rule, What, enforce, unknown
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.units.permissions import known, lead_unit

GRID: What = ("管理网格", "lay out or staff the grid of")


def lay_out_grid(facts: Facts, branch_id: str, actor_id: str, at: datetime) -> Rule | None:
    """网格: the branch's secretary or organizing member (or a level above) lays out its
    grid, assigns posts, adds and links households, pairs them."""
    unit = known(facts, branch_id)
    return unit if isinstance(unit, Rule) else lead_unit(facts, unit, actor_id, at, GRID)


def lead(facts: Facts, block: BlockState, actor_id: str, at: datetime) -> None:
    """Refuse unless the actor leads the block's branch (or is above it)."""
    enforce(lay_out_grid(facts, block.branch_id, actor_id, at))


def visit_rule(
    facts: Facts, block: BlockState, person_id: str, actor_id: str, at: datetime
) -> Rule | None:
    """The paired member logs their own visits; the branch's leaders may log them too."""
    if actor_id == person_id:
        return None
    return lay_out_grid(facts, block.branch_id, actor_id, at)


def replay(recorded: Recorded[GridEvent], facts: Facts, before: BlockState | None) -> Rule | None:
    """The rule a recorded grid event's actor broke, or None."""
    event, actor, at = recorded.event, recorded.actor_id, recorded.at
    if isinstance(event, BlockLaidOut):
        return lay_out_grid(facts, event.branch_id, actor, at)
    if before is None:
        return unknown(event.block_id)
    if isinstance(event, VisitLogged):
        return visit_rule(facts, before, event.person_id, actor, at)
    return lay_out_grid(facts, before.branch_id, actor, at)
