"""评星权限 — standards for a unit are set from above it; ratings on its board are decided
by its secretary or organizing member, or from above it. :func:`replay` asks the same of
a recorded rating event."""

from __future__ import annotations

from datetime import datetime

from dangjian_core.kernel.authority import Rule, What
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.ratings.events import CommitmentCriterionSet, RatingEvent, StarStandardSet
from dangjian_core.ratings.state import BoardState
from dangjian_core.units.permissions import change_unit, known, lead_unit
from dangjian_core.units.state import UnitState

STANDARD: What = ("设定评星标准", "set star standards for")
RATE: What = ("评星", "rate on the star board of")


def set_standards(facts: Facts, unit: UnitState, actor_id: str, at: datetime) -> Rule | None:
    """评星标准: set for a unit from a level above it (the upper unit's secretary or
    organizing member, any level higher, or a root's superior)."""
    return change_unit(facts, unit, actor_id, at, STANDARD)


def rate(facts: Facts, unit: UnitState, actor_id: str, at: datetime) -> Rule | None:
    """评星: ratings on a unit's board are decided by its secretary or organizing member,
    or from a level above it."""
    return lead_unit(facts, unit, actor_id, at, RATE)


def replay(
    recorded: Recorded[RatingEvent],
    facts: Facts,
    before: BoardState | None,  # noqa: ARG001
) -> Rule | None:
    """The rule a recorded rating event's actor broke, or None."""
    event, actor, at = recorded.event, recorded.actor_id, recorded.at
    unit = known(facts, event.unit_id)
    if isinstance(unit, Rule):
        return unit
    if isinstance(event, StarStandardSet | CommitmentCriterionSet):
        return set_standards(facts, unit, actor, at)
    return rate(facts, unit, actor, at)
