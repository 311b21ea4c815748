"""网格 — a branch's grid (网格党建): large and small blocks, the four posts of a small
block (一网格一班子一干部一党员、代表), its households, the members linked to them
(联户, 1+6+N), and pairing support with visits (结对帮扶)."""

from __future__ import annotations

from dangjian_core.grids import decisions, permissions, projections
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
from dangjian_core.grids.events import EVENTS, GridEvent
from dangjian_core.grids.state import BLOCK, BlockState
from dangjian_core.kernel.concept import Concept

CONCEPT: Concept[GridCommand, GridEvent, BlockState | None] = Concept(
    name="grids",
    stream=BLOCK,
    subject=lambda command: command.block_id,
    commands=(
        LayOutBlock,
        AssignBlockPost,
        AddHousehold,
        LinkHousehold,
        ExemptFromLinking,
        PairHousehold,
        LogVisit,
    ),
    events=EVENTS,
    decide=decisions.decide,
    evolve=decisions.evolve,
    subjects={
        "block_id": "grid",
        "parent_block_id": "grid",
        "branch_id": "branch",
        "person_id": "person",
    },
    authority=permissions.replay,
    projections=projections.PROJECTIONS,
)
