"""工作日历读模型 — every declared day of every calendar, and a year's non-working days."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from attrs import frozen

from dangjian_core.calendar.events import EVENTS, HolidaysDeclared, WorkdaysDeclared
from dangjian_core.calendar.workdays import Calendar
from dangjian_core.kernel.concept import Projection
from dangjian_core.kernel.readmodel import Change, Column, Table, Upsert, Value
from dangjian_core.kernel.recorded import Recorded

#: The kind column's values: 节假日, 调休上班.
HOLIDAY, WORKDAY = "holiday", "workday"

CALENDAR_DAYS = Table(
    "calendar_days",
    key=(Column("calendar_id"), Column("day")),
    values=(Column("year", "int"), Column("kind"), Column("name"), Column("position", "int")),
    indexes=(("calendar_id", "year"),),
)
TABLES = (CALENDAR_DAYS,)


def project_calendar(recorded: Recorded[Any]) -> list[Change]:
    """One row per declared day: its kind and the name it was last declared under."""
    event = recorded.event
    if not isinstance(event, HolidaysDeclared | WorkdaysDeclared):
        return []
    kind = HOLIDAY if isinstance(event, HolidaysDeclared) else WORKDAY
    return [
        Upsert(
            "calendar_days",
            {"calendar_id": event.calendar_id, "day": day.isoformat()},
            set={"year": day.year, "kind": kind, "name": event.name, "position": recorded.position},
        )
        for day in event.days
    ]


@frozen
class DayOff:
    """休息日 — a non-working day and why: 周末 (weekend) or the holiday's name."""

    day: date
    reason: str
    declared: bool


def calendar_of(rows: Iterable[Mapping[str, Value]]) -> Calendar:
    """The calendar the ``calendar_days`` rows describe."""
    days = [(date.fromisoformat(str(r["day"])), r["kind"]) for r in rows]
    return Calendar(
        frozenset(d for d, kind in days if kind == HOLIDAY),
        frozenset(d for d, kind in days if kind == WORKDAY),
    )


def days_off(calendar: Calendar, year: int, names: Mapping[date, str]) -> list[DayOff]:
    """Every non-working day of ``year``, oldest first, with the holiday's name (or 周末)."""
    found = []
    for day in calendar.non_working_days(date(year, 1, 1), date(year, 12, 31)):
        declared = day in calendar.holidays
        reason = names.get(day, "节假日") if declared else "周末"
        found.append(DayOff(day, reason, declared))
    return found


PROJECTIONS = (Projection("calendars", TABLES, project_calendar, tuple(EVENTS.values())),)
