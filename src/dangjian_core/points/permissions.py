"""积分权限 — only the unit's secretary adjusts points outside tasks. :func:`replay` asks
the same of a recorded adjustment."""

from __future__ import annotations

from dangjian_core.kernel.authority import Rule, What
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.points.events import PointsEvent
from dangjian_core.points.state import AdjustmentState
from dangjian_core.units.permissions import hold_role, known
from dangjian_core.units.roles import ADJUSTERS

ADJUST: What = ("调整积分", "adjust points")


def replay(
    recorded: Recorded[PointsEvent],
    facts: Facts,
    before: AdjustmentState,  # noqa: ARG001
) -> Rule | None:
    """The rule a recorded adjustment's actor broke, or None."""
    unit = known(facts, recorded.event.branch_id)
    if isinstance(unit, Rule):
        return unit
    return hold_role(unit, recorded.actor_id, ADJUSTERS, recorded.at, ADJUST)
