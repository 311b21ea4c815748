"""职责权限 — a unit's duties are assigned, handed over and ended by its secretary or
organizing member (or from a level above it); the holder logs their own patrols and reports
problems, which the leaders may also enter for them (代录); turning a problem into a task
or a work item is the leaders' (it issues one of the unit's). :func:`replay` asks the same
of a recorded duty event.
"""

from __future__ import annotations

from datetime import datetime

from dangjian_core.duties.events import (
    DutyAssigned,
    DutyEvent,
    PatrolLogged,
    ProblemReported,
)
from dangjian_core.duties.state import DutyState
from dangjian_core.kernel.authority import Rule, What, unknown
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.units.permissions import known, lead_unit

DUTIES: What = ("落实、交接或终止职责、转办问题", "assign, hand over or end the duties of")


def run_duties(facts: Facts, unit_id: str, actor_id: str, at: datetime) -> Rule | None:
    """职责: the unit's secretary or organizing member, or a level above it."""
    unit = known(facts, unit_id)
    return unit if isinstance(unit, Rule) else lead_unit(facts, unit, actor_id, at, DUTIES)


def patrol_rule(facts: Facts, duty: DutyState, actor_id: str, at: datetime) -> Rule | None:
    """巡查: the holder logs their own; the unit's leaders may enter it for them."""
    if actor_id == duty.holder_id:
        return None
    return run_duties(facts, duty.unit_id, actor_id, at)


def replay(recorded: Recorded[DutyEvent], facts: Facts, before: DutyState | None) -> Rule | None:
    """The rule a recorded duty event's actor broke, or None."""
    event, actor, at = recorded.event, recorded.actor_id, recorded.at
    if isinstance(event, DutyAssigned):
        return run_duties(facts, event.unit_id, actor, at)
    if before is None:
        return unknown(event.duty_id)
    if isinstance(event, PatrolLogged) or (
        isinstance(event, ProblemReported) and event.follow is None
    ):
        return patrol_rule(facts, before, actor, at)
    return run_duties(facts, before.unit_id, actor, at)
