"""工作日历决策 — ``decide`` and ``evolve`` for calendars: flat tables over the rules in
:mod:`~dangjian_core.calendar.rules`. Declaring days already declared that way is no
change (``[]``).
"""

from __future__ import annotations

from typing import assert_never

import attrs

from dangjian_core.calendar import permissions, rules
from dangjian_core.calendar.commands import CalendarCommand, DeclareHolidays, DeclareWorkdays
from dangjian_core.calendar.events import CalendarEvent, HolidaysDeclared, WorkdaysDeclared
from dangjian_core.calendar.state import CalendarState
from dangjian_core.calendar.workdays import Calendar
from dangjian_core.kernel.authority import enforce
from dangjian_core.kernel.facts import Facts
from dangjian_core.units.state import UNIT


def decide(
    command: CalendarCommand, state: CalendarState | None, facts: Facts
) -> list[CalendarEvent]:
    """Decide a declaration against the calendar's state."""
    unit = facts.get(UNIT, command.unit_id)
    actor, at = command.actor_id, command.at
    enforce(permissions.keep_calendar(facts, unit, command.unit_id, actor, at))
    calendar = Calendar() if state is None else state.calendar
    match command:
        case DeclareHolidays():
            return rules.declare_holidays(command, calendar)
        case DeclareWorkdays():
            return rules.declare_workdays(command, calendar)
        case _:
            assert_never(command)


def evolve(state: CalendarState | None, event: CalendarEvent) -> CalendarState:
    """Fold one declaration into the calendar; never fails."""
    state = state or CalendarState(event.calendar_id)
    calendar, days = state.calendar, frozenset(event.days)
    match event:
        case HolidaysDeclared():
            calendar = Calendar(calendar.holidays | days, calendar.workdays - days)
        case WorkdaysDeclared():
            calendar = Calendar(calendar.holidays - days, calendar.workdays | days)
        case _:
            assert_never(event)
    names = (*state.names, *((d, event.name) for d in event.days))
    return attrs.evolve(state, calendar=calendar, names=names)
