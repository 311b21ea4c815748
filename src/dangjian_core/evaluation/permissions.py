"""考评权限 — the upper unit sets the development quota (发展名额); the unit's secretary or
organizing member (or a level above) adopts the points scheme, deducts, vetoes, scores
activists, publishes the quarterly standings and closes the cycle. :func:`replay` asks
the same of a recorded evaluation event."""

from __future__ import annotations

from datetime import datetime

from dangjian_core.evaluation.events import CycleClosed, EvaluationEvent, QuotaSet, SchemeAdopted
from dangjian_core.evaluation.state import EvaluationState
from dangjian_core.kernel.authority import Rule, What
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.units.permissions import change_unit, known, lead_unit
from dangjian_core.units.state import UnitState

ADOPT_SCHEME: What = ("采用积分细则", "adopt a points scheme for")
SET_QUOTA: What = ("下达发展名额", "set the development quota of")
EVALUATE: What = ("扣分、否决、评分或公布成绩", "deduct, veto, score or publish standings in")
CLOSE_CYCLE: What = ("结束考评周期", "close the evaluation cycle of")


def adopt_scheme(facts: Facts, unit: UnitState, actor_id: str, at: datetime) -> Rule | None:
    """积分细则: adopted by the unit's secretary or organizing member, or from above it."""
    return lead_unit(facts, unit, actor_id, at, ADOPT_SCHEME)


def set_quota(facts: Facts, unit: UnitState, actor_id: str, at: datetime) -> Rule | None:
    """发展名额: set by the upper unit (its secretary or organizing member, any level
    higher, or a root's superior) — never by the branch itself."""
    return change_unit(facts, unit, actor_id, at, SET_QUOTA)


def evaluate(
    facts: Facts, unit: UnitState, actor_id: str, at: datetime, what: What = EVALUATE
) -> Rule | None:
    """扣分、一票否决、积极分子评分、季度成绩、结束周期: the unit's secretary or
    organizing member, or a level above it."""
    return lead_unit(facts, unit, actor_id, at, what)


def replay(
    recorded: Recorded[EvaluationEvent],
    facts: Facts,
    before: EvaluationState | None,  # noqa: ARG001
) -> Rule | None:
    """The rule a recorded evaluation event's actor broke, or None."""
    event, actor, at = recorded.event, recorded.actor_id, recorded.at
    unit = known(facts, event.unit_id)
    if isinstance(unit, Rule):
        return unit
    match event:
        case SchemeAdopted():
            return adopt_scheme(facts, unit, actor, at)
        case QuotaSet():
            return set_quota(facts, unit, actor, at)
        case CycleClosed():
            return evaluate(facts, unit, actor, at, CLOSE_CYCLE)
        case _:
            return evaluate(facts, unit, actor, at)
