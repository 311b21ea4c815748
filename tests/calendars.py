"""法定节假日 for tests: the official calendar of every year the source knows, so a notice
period in a test counts working days as a village's would (a year without declared
holidays is refused, see :meth:`Calendar.notice_period_end`)."""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from typing import Any

from adapters.official_holidays import declarations, known_years, official_commands
from dangjian_core.calendar.workdays import Calendar


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
