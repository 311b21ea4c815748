"""红色全覆盖查看 — ``coverage show``: the register's coverage on a day (and on the given
days before it), and the enterprises still without a party organization."""

from __future__ import annotations

from datetime import date

import click

from adapters.cli.clock import IsoDate, now
from adapters.cli.render import filled, heading, plain, table
from adapters.cli.runtime import current
from adapters.views.coverage import CoverageQueries
from dangjian_core.kernel.time import local_date


@click.command("show")
@click.argument("unit_id")
@click.option("--on", "on", type=IsoDate(), default=None, help="截至日期 / as of")
@click.option("--also", type=IsoDate(), multiple=True, help="另列某日的覆盖率, 可重复 / more days")
def show(unit_id: str, on: date | None, also: tuple[date, ...]) -> None:
    """红色全覆盖: 覆盖率及未建立党组织的企业 / coverage of the enterprise register."""
    day = on or local_date(now())
    queries = CoverageQueries(current().app(must_exist=True).store)
    series = queries.over_time(unit_id, [*also, day])
    latest = series[-1]
    names = queries.names(unit_id)
    title = (
        f"{unit_id} 规上企业 {latest.listed} 家, 已建立党组织 {latest.covered} 家, "
        f"覆盖率 {latest.percent}% (截至 {day})"
    )
    trend = ((str(c.on), str(c.listed), str(c.covered), f"{c.percent}%") for c in series)
    missing = ((e, names.get(e, "")) for e in latest.uncovered)
    document = {"unit_id": unit_id, "series": plain(series), "names": names}
    current().show(
        document,
        [
            heading(title),
            filled(table("覆盖率变化", ["日期", "在册", "已建立", "覆盖率"]), trend),
            filled(table("尚未建立党组织", ["编号", "企业"]), missing),
        ],
    )


COMMANDS = (show,)
