"""工作日历权限 — holidays and make-up working days are declared for a top-level unit (one
with no parent at the time) by its secretary or organizing member (or its superior).
:func:`replay` asks the same of a recorded declaration."""

from __future__ import annotations

from datetime import datetime

from dangjian_core.calendar.events import CalendarEvent
from dangjian_core.calendar.state import CalendarState
from dangjian_core.kernel.authority import Rule, What, unknown
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.units.permissions import lead_unit
from dangjian_core.units.state import UNIT, UnitState

CALENDAR: What = ("公布节假日或调休", "declare holidays or working days for")


def keep_calendar(
    facts: Facts, unit: UnitState | None, unit_id: str, actor_id: str, at: datetime
) -> Rule | None:
    """工作日历: declared for a top-level unit by its secretary or organizing member (or
    its superior)."""
    if unit is None or not unit.alive_at(at):
        return unknown(unit_id)
    if unit.parent_at(at) is not None:
        return Rule(
            "top_level",
            f"{unit_id} 不是最高一级组织，不能{CALENDAR[0]}",
            f"{unit_id} is not a top-level unit; only a unit with no parent may "
            f"{CALENDAR[1]} the calendar",
        )
    return lead_unit(facts, unit, actor_id, at, CALENDAR)


def replay(
    recorded: Recorded[CalendarEvent],
    facts: Facts,
    before: CalendarState | None,  # noqa: ARG001
) -> Rule | None:
    """The rule a recorded declaration's actor broke, or None."""
    unit_id = recorded.event.unit_id
    unit = facts.get(UNIT, unit_id)
    return keep_calendar(facts, unit, unit_id, recorded.actor_id, recorded.at)
