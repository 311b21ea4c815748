"""红色全覆盖权限 — a unit's register of enterprises is kept by its secretary or organizing
member (or from a level above it). :func:`replay` asks the same of a recorded event."""

from __future__ import annotations

from datetime import datetime

from dangjian_core.coverage.events import CoverageEvent
from dangjian_core.coverage.state import RegisterState
from dangjian_core.kernel.authority import Rule, What
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.units.permissions import known, lead_unit

REGISTER: What = ("维护企业名册", "keep the enterprise register of")


def keep_register(facts: Facts, unit_id: str, actor_id: str, at: datetime) -> Rule | None:
    """企业名册: the unit's secretary or organizing member, or a level above it."""
    unit = known(facts, unit_id)
    return unit if isinstance(unit, Rule) else lead_unit(facts, unit, actor_id, at, REGISTER)


def replay(recorded: Recorded[CoverageEvent], facts: Facts, _before: RegisterState) -> Rule | None:
    """The rule a recorded register event's actor broke, or None."""
    return keep_register(facts, recorded.event.unit_id, recorded.actor_id, recorded.at)
