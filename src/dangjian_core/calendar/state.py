"""工作日历状态 — a calendar as folded from its stream: the working-day calendar and the
name each declared day was declared under; and the refusals of declarations. Other
concepts read the working days as ``working_days(facts)``."""

from __future__ import annotations

from datetime import date

from attrs import field, frozen

from dangjian_core.calendar.workdays import Calendar
from dangjian_core.kernel.concept import Stream, nothing
from dangjian_core.kernel.errors import DomainError
from dangjian_core.kernel.facts import Facts


@frozen
class CalendarState:
    """日历状态 — the calendar and the name of each declared day (e.g. 国庆节)."""

    calendar_id: str
    calendar: Calendar = field(factory=Calendar)
    names: tuple[tuple[date, str], ...] = ()

    def name_of(self, day: date) -> str | None:
        """The name ``day`` was last declared under, if any."""
        found = None
        for declared, name in self.names:
            if declared == day:
                found = name
        return found


#: A calendar's stream, ``calendar-<calendar id>`` (one ``default`` calendar today);
#: None before the first declaration: weekends only.
CALENDAR: Stream[CalendarState | None] = Stream("calendar", nothing)


class CalendarError(DomainError):
    """日历错误 — a declaration was refused by a rule of the calendar."""

    code = "calendar"


def working_days(facts: Facts, calendar_id: str = "default") -> Calendar:
    """The working-day calendar as declared so far (weekends only when nothing was)."""
    state = facts.get(CALENDAR, calendar_id)
    return Calendar() if state is None else state.calendar
