"""工作日历事件 — holidays and make-up working days declared on a calendar."""

from __future__ import annotations

from datetime import date

from attrs import frozen

from dangjian_core.shared.ids import BranchId


@frozen
class HolidaysDeclared:
    """节假日已公布 — days declared non-working under a name (e.g. 国庆节), by the leaders
    of the top-level unit ``unit_id``."""

    calendar_id: str
    name: str
    days: tuple[date, ...]
    unit_id: BranchId


@frozen
class WorkdaysDeclared:
    """调休上班已公布 — days declared working (e.g. a Saturday made up for a holiday), by
    the leaders of the top-level unit ``unit_id``."""

    calendar_id: str
    name: str
    days: tuple[date, ...]
    unit_id: BranchId


CalendarEvent = HolidaysDeclared | WorkdaysDeclared
