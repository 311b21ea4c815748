"""工作日历决策 — the leaders of a top-level unit declare holidays and make-up working days.

Who may act (:mod:`dangjian_core.permissions`): the secretary or organizing member of a
unit with no parent at the time (or that unit's superior), naming the unit they act for.
Declaring days already declared that way is no change (``[]``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, assert_never

from attrs import evolve

from dangjian_core import permissions
from dangjian_core.calendar import rules
from dangjian_core.calendar.commands import CalendarCommand, DeclareHolidays, DeclareWorkdays
from dangjian_core.calendar.events import CalendarEvent, HolidaysDeclared, WorkdaysDeclared
from dangjian_core.calendar.rules import CalendarError
from dangjian_core.calendar.state import CalendarState
from dangjian_core.calendar.workdays import Calendar
from dangjian_core.shared.ids import BranchId

if TYPE_CHECKING:
    from dangjian_core.directory import Directory

__all__ = ["CalendarError", "CalendarState", "decide", "evolve_state", "initial_state"]


def initial_state() -> CalendarState | None:
    """A calendar stream starts empty: weekends only."""
    return None


def decide(
    command: CalendarCommand, state: CalendarState | None, directory: Directory
) -> list[CalendarEvent]:
    """Decide a declaration against the calendar's state."""
    unit = directory.branch(BranchId(command.unit_id))
    actor, at = command.actor_id, command.at
    permissions.enforce(permissions.keep_calendar(directory, unit, command.unit_id, actor, at))
    calendar = Calendar() if state is None else state.calendar
    match command:
        case DeclareHolidays():
            days = rules.new_holidays(calendar, command.days)
            if not days:
                return []
            return [HolidaysDeclared(command.calendar_id, command.name, days, command.unit_id)]
        case DeclareWorkdays():
            days = rules.new_workdays(calendar, command.days)
            if not days:
                return []
            return [WorkdaysDeclared(command.calendar_id, command.name, days, command.unit_id)]
        case _:
            assert_never(command)


def evolve_state(state: CalendarState | None, event: CalendarEvent) -> CalendarState:
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
    return evolve(state, calendar=calendar, names=names)
