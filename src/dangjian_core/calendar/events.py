"""工作日历事件 — holidays and make-up working days declared on a calendar."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import ClassVar

from attrs import frozen

from dangjian_core.kernel.ids import BranchId


@frozen
class HolidaysDeclared:
    """节假日已公布 — days declared non-working under a name (e.g. 国庆节), by the leaders
    of the top-level unit ``unit_id``."""

    TITLE: ClassVar[str] = "节假日已公布"

    calendar_id: str
    name: str
    days: tuple[date, ...]
    unit_id: BranchId


@frozen
class WorkdaysDeclared:
    """调休上班已公布 — days declared working (e.g. a Saturday made up for a holiday), by
    the leaders of the top-level unit ``unit_id``."""

    TITLE: ClassVar[str] = "调休上班已公布"

    calendar_id: str
    name: str
    days: tuple[date, ...]
    unit_id: BranchId


CalendarEvent = HolidaysDeclared | WorkdaysDeclared


#: The stable stored name of every calendar event: a storage contract. A class may be renamed
#: or moved; its stored name stays (a changed event gets a new name and an upcaster).
EVENTS: Mapping[str, type[CalendarEvent]] = {
    "HolidaysDeclared": HolidaysDeclared,
    "WorkdaysDeclared": WorkdaysDeclared,
}
