"""工作日历规则 — what may be declared on a calendar."""

from __future__ import annotations

from datetime import date

from dangjian_core.calendar.workdays import Calendar, is_weekend
from dangjian_core.shared.errors import DomainError


class CalendarError(DomainError):
    """日历错误 — a declaration was refused by a rule of the calendar."""

    code = "calendar"


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
