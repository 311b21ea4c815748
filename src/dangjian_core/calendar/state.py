"""工作日历状态 — a calendar as folded from its stream: the working-day calendar and the
name each declared day was declared under."""

from __future__ import annotations

from datetime import date

from attrs import field, frozen

from dangjian_core.calendar.workdays import Calendar


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
