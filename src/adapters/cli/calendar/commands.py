"""工作日历命令 — ``calendar declare-holidays | declare-workdays``."""

from __future__ import annotations

from datetime import date, timedelta

import click

from adapters.cli.clock import Actor, acting
from adapters.cli.runtime import record, record_each
from adapters.official_holidays import official_commands, source_version
from dangjian_core.calendar.commands import DEFAULT_CALENDAR, DeclareHolidays, DeclareWorkdays
from dangjian_core.kernel.errors import InvalidCommand

calendar_option = click.option(
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
@calendar_option
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
@calendar_option
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


@click.command("import-official")
@click.option("--year", type=click.IntRange(1921, 2200), required=True, help="年份 / year")
@_unit
@calendar_option
@acting
def import_official(year: int, unit_id: str, calendar_id: str, actor: Actor) -> None:
    """导入国务院公布的法定节假日与调休 / import a year's official holidays and make-up days.

    Each holiday is recorded as a declaration (kept as events, so replays never depend on
    the source); importing a year again changes nothing.
    """
    commands = official_commands(
        year, unit_id=unit_id, actor_id=actor.person_id, at=actor.at, calendar_id=calendar_id
    )
    record_each(
        commands, actor, summary=f"已导入 {year} 年法定节假日 ({source_version()}) / imported"
    )


COMMANDS = (declare_holidays, declare_workdays, import_official)
