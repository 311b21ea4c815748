"""工作日历规则 — what may be declared on a calendar, after authority.

- 节假日 ``declare_holidays``: only days not yet holidays are recorded (a declared
  working day becomes a holiday);
- 调休上班 ``declare_workdays``: only a weekend day or a declared holiday can be made a
  working day; only days not yet working days are recorded.
"""

from __future__ import annotations

from datetime import date

from dangjian_core.calendar.commands import DeclareHolidays, DeclareWorkdays
from dangjian_core.calendar.events import CalendarEvent, HolidaysDeclared, WorkdaysDeclared
from dangjian_core.calendar.state import CalendarError
from dangjian_core.calendar.workdays import Calendar, is_weekend


def new_holidays(calendar: Calendar, days: tuple[date, ...]) -> tuple[date, ...]:
    """The days not yet declared holidays (a declared working day becomes a holiday)."""
    return tuple(d for d in days if d not in calendar.holidays or d in calendar.workdays)


def new_workdays(calendar: Calendar, days: tuple[date, ...]) -> tuple[date, ...]:
    """The days not yet declared working days; only a weekend day or a declared holiday
    can be made a working day (an ordinary weekday already is one)."""
    ordinary = [d for d in days if not is_weekend(d) and d not in calendar.holidays]
    if ordinary and any(d not in calendar.workdays for d in ordinary):
        listed = "、".join(d.isoformat() for d in ordinary)
        raise CalendarError(
            f"{listed} 本来就是工作日，只有周末或节假日可以调休上班",
            f"{listed} already are working days: only weekend days or declared holidays "
            "can be declared working days",
        )
    return tuple(d for d in days if d not in calendar.workdays)


def declare_holidays(command: DeclareHolidays, calendar: Calendar) -> list[CalendarEvent]:
    """Declare holidays (节假日)."""
    days = new_holidays(calendar, command.days)
    if not days:
        return []
    return [HolidaysDeclared(command.calendar_id, command.name, days, command.unit_id)]


def declare_workdays(command: DeclareWorkdays, calendar: Calendar) -> list[CalendarEvent]:
    """Declare make-up working days (调休上班)."""
    days = new_workdays(calendar, command.days)
    if not days:
        return []
    return [WorkdaysDeclared(command.calendar_id, command.name, days, command.unit_id)]
