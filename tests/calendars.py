"""法定节假日 for tests: the official calendar of every year the source knows, so a notice
period in a test counts working days as a village's would (a year without declared
holidays is refused, see :meth:`Calendar.notice_period_end`)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from adapters.official_holidays import declarations, known_years, official_commands
from dangjian_core.calendar.commands import DeclareHolidays
from dangjian_core.calendar.workdays import Calendar
from dangjian_core.kernel.ids import BranchId


@cache
def official() -> Calendar:
    """Every known year's holidays and make-up working days, as one calendar."""
    holidays: set[date] = set()
    workdays: set[date] = set()
    for year in known_years():
        for declaration in declarations(year):
            holidays.update(declaration.holidays)
            workdays.update(declaration.workdays)
    return Calendar(frozenset(holidays), frozenset(workdays))


def with_official(calendar: Calendar) -> Calendar:
    """``calendar`` with the official holidays of the years it declares nothing for."""
    base = official()
    declared = calendar.declared_years
    return Calendar(
        calendar.holidays | frozenset(d for d in base.holidays if d.year not in declared),
        calendar.workdays | frozenset(d for d in base.workdays if d.year not in declared),
    )


def declare_official(app: Any, year: int, unit_id: str, actor_id: str, at: datetime) -> None:
    """Record ``year``'s official holidays through ``app`` (as ``calendar import-official``)."""
    for command in official_commands(year, unit_id=unit_id, actor_id=actor_id, at=at):
        app.handle(command)


def declare_around(app: Any, day: date, unit_id: str, actor_id: str, at: datetime) -> None:
    """Holidays for a notice starting on ``day`` (a test's today): the official ones of its
    year, and of the next when a month from it falls there (a year the source does not know
    yet gets its 元旦 declared by hand, as an office would from the State Council's notice)."""
    for year in sorted({day.year, (day + timedelta(days=31)).year}):
        if year in known_years():
            declare_official(app, year, unit_id, actor_id, at)
        else:
            new_year = (date(year, 1, 1),)
            app.handle(
                DeclareHolidays(
                    "default", f"{year}年元旦", new_year, BranchId(unit_id), actor_id, at
                )
            )
