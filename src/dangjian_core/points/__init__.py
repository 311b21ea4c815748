"""积分 — points credited by approvals, taken back by revocations and adjusted by the
secretary (加分/扣分); the ledger behind every balance, the points wall and explanations."""

from __future__ import annotations

from dangjian_core.kernel.concept import Concept
from dangjian_core.points import decisions, permissions, projections
from dangjian_core.points.commands import AdjustPoints, PointsCommand
from dangjian_core.points.events import EVENTS, PointsEvent
from dangjian_core.points.state import ADJUSTMENT, AdjustmentState

CONCEPT: Concept[PointsCommand, PointsEvent, AdjustmentState] = Concept(
    name="points",
    stream=ADJUSTMENT,
    subject=lambda command: command.adjustment_id,
    commands=(AdjustPoints,),
    events=EVENTS,
    decide=decisions.decide,
    evolve=decisions.evolve,
    subjects={"adjustment_id": "adjustment", "branch_id": "branch", "person_id": "person"},
    authority=permissions.replay,
    projections=projections.PROJECTIONS,
)
