"""工作日历命令 — ``calendar declare-holidays | declare-workdays | show``."""

from __future__ import annotations

from datetime import date, timedelta

import click

from adapters.calendar_queries import year_off
from adapters.cli.clock import Actor, acting
from adapters.cli.render import heading, table
from adapters.cli.runtime import current, record
from dangjian_core.calendar.commands import DEFAULT_CALENDAR, DeclareHolidays, DeclareWorkdays
from dangjian_core.kernel.errors import InvalidCommand

_calendar = click.option(
    "--calendar",
    "calendar_id",
    default=DEFAULT_CALENDAR,
    show_default=True,
    help="日历编号 / calendar id",
)
_unit = click.option(
    "--unit", "unit_id", required=True, help="最高一级组织编号 / the top-level unit acting"
)
_name = click.option("--name", required=True, help="名称 / name, e.g. 国庆节")


def parse_days(values: tuple[str, ...]) -> tuple[date, ...]:
    """Dates and ranges: ``2024-10-01`` or ``2024-10-01..2024-10-07`` (both ends included)."""
    days: list[date] = []
    for value in values:
        first, _, last = value.partition("..")
        try:
            start, end = date.fromisoformat(first), date.fromisoformat(last or first)
        except ValueError as error:
            raise InvalidCommand(
                f"日期格式不对: {value}(应为 2024-10-01 或 2024-10-01..2024-10-07)",
                f"bad date or range {value!r}: {error}",
            ) from error
        days += [start + timedelta(days=i) for i in range((end - start).days + 1)]
    return tuple(days)


@click.command("declare-holidays")
@click.argument("days", nargs=-1, required=True)
@_name
@_unit
@_calendar
@acting
def declare_holidays(
    days: tuple[str, ...], name: str, unit_id: str, calendar_id: str, actor: Actor
) -> None:
    """公布节假日(休息) / declare holidays, e.g. 2024-10-01..2024-10-07 --name 国庆节."""
    record(
        DeclareHolidays,
        actor,
        calendar_id=calendar_id,
        name=name,
        days=parse_days(days),
        unit_id=unit_id,
    )


@click.command("declare-workdays")
@click.argument("days", nargs=-1, required=True)
@_name
@_unit
@_calendar
@acting
def declare_workdays(
    days: tuple[str, ...], name: str, unit_id: str, calendar_id: str, actor: Actor
) -> None:
    """公布调休上班 / declare make-up working days (weekend days or declared holidays)."""
    record(
        DeclareWorkdays,
        actor,
        calendar_id=calendar_id,
        name=name,
        days=parse_days(days),
        unit_id=unit_id,
    )


@click.command("show")
@click.option("--year", type=click.IntRange(1921, 2200), required=True, help="年份 / year")
@_calendar
def show(year: int, calendar_id: str) -> None:
    """列出一年的休息日(周末与节假日)及调休上班日 / a year's non-working days."""
    runtime = current()
    calendar, off = year_off(runtime.app(must_exist=True).store, calendar_id, year)
    made_up = sorted(d for d in calendar.workdays if d.year == year)
    holidays = [o for o in off if o.declared]
    document = {
        "calendar_id": calendar_id,
        "year": year,
        "non_working_days": [{"day": o.day.isoformat(), "reason": o.reason} for o in off],
        "make_up_workdays": [d.isoformat() for d in made_up],
    }
    grid = table("节假日", ["日期", "名称"])
    for o in holidays:
        grid.add_row(o.day.isoformat(), o.reason)
    extra = table("调休上班", ["日期"])
    for d in made_up:
        extra.add_row(d.isoformat())
    summary = (
        f"{year} 年休息日 {len(off)} 天(其中节假日 {len(holidays)} 天), "
        f"调休上班 {len(made_up)} 天, 工作日 "
        f"{calendar.working_days_between(date(year, 1, 1), date(year, 12, 31))} 天"
    )
    runtime.show(document, [heading(f"工作日历 {calendar_id} · {year} 年"), grid, extra, summary])


COMMANDS = (declare_holidays, declare_workdays, show)
