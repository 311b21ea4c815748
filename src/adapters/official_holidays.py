"""法定节假日 — the State Council's holidays and make-up working days, as declarations.

The dates come from the ``chinese-calendar`` package (which follows the State Council's
yearly notice 国务院办公厅关于节假日安排的通知); :func:`declarations` turns one year of it
into calendar commands, so they are kept as events like any declaration made by hand
and a replay never depends on the package's version. A year the package does not know
(the notice for the next year is published each November or December) is refused with
its range named: declare that year by hand with ``calendar declare-holidays``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import date, datetime

from attrs import frozen

from dangjian_core.calendar.commands import DEFAULT_CALENDAR, DeclareHolidays, DeclareWorkdays
from dangjian_core.kernel.errors import InvalidCommand
from dangjian_core.kernel.ids import BranchId

#: The package's English names in the State Council's words.
NAMES: Mapping[str, str] = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "Mid-autumn Festival": "中秋节",
    "National Day": "国庆节",
    "Anti-Fascist 70th Day": "中国人民抗日战争胜利70周年纪念日",
}


class UnknownHolidayYear(InvalidCommand):
    """法定节假日未知 — the holiday source does not cover the year asked for."""

    code = "unknown_holiday_year"


@frozen
class Declaration:
    """一个节日的安排 — one holiday's days off and the make-up working days that go with it."""

    name: str
    holidays: tuple[date, ...]
    workdays: tuple[date, ...]


def _source() -> tuple[Mapping[date, object], Mapping[date, object], str]:
    import chinese_calendar  # type: ignore[import-untyped]  # only this command needs it
    from chinese_calendar import constants

    version = str(getattr(chinese_calendar, "__version__", "?"))
    return constants.holidays, constants.workdays, version


def known_years() -> range:
    """The years the source covers."""
    holidays, _, _ = _source()
    return range(min(holidays).year, max(holidays).year + 1)


def source_version() -> str:
    """``chinese-calendar`` and its version, for the record."""
    return f"chinese-calendar {_source()[2]}"


def _label(value: object) -> str:
    return NAMES.get(str(value), str(value))


def declarations(year: int) -> list[Declaration]:
    """The official holidays of ``year``, one :class:`Declaration` per holiday, in date order.

    A holiday whose days span two years (元旦 of the next year beginning on 12-30) is
    listed under the year its days fall in.
    """
    holidays, workdays, version = _source()
    years = known_years()
    if year not in years:
        raise UnknownHolidayYear(
            f"{source_version()} 只含 {years.start}–{years.stop - 1} 年的法定节假日, "
            f"没有 {year} 年的; 请用 calendar declare-holidays 手工公布",
            f"chinese-calendar {version} knows {years.start}-{years.stop - 1}, not {year}: "
            f"declare that year's holidays by hand with `calendar declare-holidays`",
        )
    off: dict[str, list[date]] = defaultdict(list)
    on: dict[str, list[date]] = defaultdict(list)
    for day, value in holidays.items():
        if day.year == year:
            off[_label(value)].append(day)
    for day, value in workdays.items():
        if day.year == year:
            on[_label(value)].append(day)
    names = sorted(off.keys() | on.keys(), key=lambda n: min(off.get(n) or on[n]))
    return [
        Declaration(name, tuple(sorted(off.get(name, ()))), tuple(sorted(on.get(name, ()))))
        for name in names
    ]


def official_commands(
    year: int, *, unit_id: str, actor_id: str, at: datetime, calendar_id: str = DEFAULT_CALENDAR
) -> list[DeclareHolidays | DeclareWorkdays]:
    """The commands that declare ``year``'s official holidays on ``calendar_id``, acting for
    the top-level unit ``unit_id``: for each holiday its days off, then its make-up working
    days. Handling them again changes nothing (a declaration already made is no change)."""
    commands: list[DeclareHolidays | DeclareWorkdays] = []
    for declaration in declarations(year):
        name, unit = f"{year}年{declaration.name}", BranchId(unit_id)
        if declaration.holidays:
            commands.append(
                DeclareHolidays(calendar_id, name, declaration.holidays, unit, actor_id, at)
            )
        if declaration.workdays:
            commands.append(
                DeclareWorkdays(calendar_id, name, declaration.workdays, unit, actor_id, at)
            )
    return commands
