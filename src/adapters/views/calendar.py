"""工作日历查询 — a calendar's declared days and a year's non-working days, from the
``calendar_days`` read model."""

from __future__ import annotations

from datetime import date

from adapters.storage.store import EventStore
from adapters.views.reading import read
from dangjian_core.calendar.projections import DayOff, calendar_of, days_off
from dangjian_core.calendar.workdays import Calendar


def year_off(store: EventStore, calendar_id: str, year: int) -> tuple[Calendar, list[DayOff]]:
    """The calendar as declared so far and every non-working day of ``year`` (weekends,
    and declared holidays with their names), oldest first."""
    with read(store) as views:
        rows = views.select("calendar_days", {"calendar_id": calendar_id})
    calendar = calendar_of(rows)
    names = {
        date.fromisoformat(str(r["day"])): str(r["name"]) for r in rows if r["kind"] == "holiday"
    }
    return calendar, days_off(calendar, year, names)
