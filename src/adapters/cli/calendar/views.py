"""工作日历 — ``calendar show``: a year's days off and make-up working days."""

from __future__ import annotations

from datetime import date

import click
from rich.console import RenderableType

from adapters.cli.calendar.commands import calendar_option
from adapters.cli.render import heading, table
from adapters.cli.runtime import current
from adapters.views.calendar import year_off


@click.command("show")
@click.option("--year", type=click.IntRange(1921, 2200), required=True, help="年份 / year")
@calendar_option
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
        "holidays_declared": year in calendar.declared_years,
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
    shown: list[RenderableType] = [heading(f"工作日历 {calendar_id} · {year} 年"), grid, extra]
    shown.append(summary)
    if year not in calendar.declared_years:
        shown.append(
            f"[bold red]注意: {year} 年尚未公布法定节假日, 公示期无法按工作日计算。[/] "
            f"运行 dangjian calendar import-official --year {year} --unit <最高一级组织> --as <书记>"
        )
    runtime.show(document, shown)


COMMANDS = (show,)
