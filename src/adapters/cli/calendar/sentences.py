"""工作日历说明 — one Chinese sentence per recorded calendar event."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from dangjian_core.calendar.events import HolidaysDeclared, WorkdaysDeclared


def _days(days: tuple[date, ...]) -> str:
    """``2024-10-01 至 2024-10-07 共 7 天``, or the days one by one when not consecutive."""
    if not days:
        return "0 天"
    ordered = sorted(set(days))
    first, last = ordered[0], ordered[-1]
    if len(ordered) > 2 and (last - first).days + 1 == len(ordered):
        return f"{first} 至 {last} 共 {len(ordered)} 天"
    return "、".join(str(day) for day in ordered)


def _holidays(event: HolidaysDeclared) -> str:
    where = f"{event.unit_id} 已公布节假日「{event.name}」(日历 {event.calendar_id})"
    return f"{where}: {_days(event.days)}"


def _workdays(event: WorkdaysDeclared) -> str:
    where = f"{event.unit_id} 已公布调休上班「{event.name}」(日历 {event.calendar_id})"
    return f"{where}: {_days(event.days)}"


#: The sentence for each calendar event.
SENTENCES: Mapping[type[Any], Callable[[Any], str]] = {
    HolidaysDeclared: _holidays,
    WorkdaysDeclared: _workdays,
}
