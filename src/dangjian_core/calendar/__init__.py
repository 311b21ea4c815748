"""工作日历 — which days are working days: weekends off, declared holidays off, declared
make-up working days (调休上班) on. Notice periods (公示) count in these days."""

from __future__ import annotations

from dangjian_core.calendar import decisions, permissions, projections
from dangjian_core.calendar.commands import CalendarCommand, DeclareHolidays, DeclareWorkdays
from dangjian_core.calendar.events import EVENTS, CalendarEvent
from dangjian_core.calendar.state import CALENDAR, CalendarState
from dangjian_core.kernel.concept import Concept

CONCEPT: Concept[CalendarCommand, CalendarEvent, CalendarState | None] = Concept(
    name="calendars",
    stream=CALENDAR,
    subject=lambda command: command.calendar_id,
    commands=(DeclareHolidays, DeclareWorkdays),
    events=EVENTS,
    decide=decisions.decide,
    evolve=decisions.evolve,
    subjects={"calendar_id": "calendar", "unit_id": "branch"},
    authority=permissions.replay,
    projections=projections.PROJECTIONS,
)
