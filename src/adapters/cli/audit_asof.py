"""回看 — ``audit as-of DATE wall BRANCH`` and ``audit as-of DATE balance PERSON``: a board
as it was, rebuilt from the events into a scratch store.

"As of" a date keeps the events whose command time ``at`` is on or before it (a bare date
means the end of that day, Beijing time): the time the thing happened, as the command
said, so a year replayed from the seeds keeps its own dates. ``--by recorded`` uses the
time each event was stored instead (what the boards said at that moment on this store).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

import click

from adapters.audit.rebuild import BY
from adapters.cli.audit_explain import bundle_option, cycle_option, opened
from adapters.cli.clock import IsoTime
from adapters.cli.points.views import balance_lines, ledger_table
from adapters.cli.render import heading, plain
from adapters.cli.runtime import current
from adapters.cli.wall import pick_cycle, tie_rules_text, wall_table
from dangjian_core.kernel.time import LOCAL, cycle_label


def _end_of(text: str) -> datetime:
    """The moment a DATE (end of that day, Beijing time) or ISO time names."""
    if len(text.strip()) == 10:  # a bare date: the whole day counts
        day = datetime.combine(datetime.fromisoformat(text.strip()).date(), time(), LOCAL)
        return day + timedelta(days=1) - timedelta(microseconds=1)
    return IsoTime().convert(text, None, None)  # type: ignore[no-any-return]


@click.group("as-of")
@click.argument("moment")
@click.pass_context
def as_of(ctx: click.Context, moment: str) -> None:
    """回看某一时刻的积分墙或个人积分 / a board as it was at DATE (or an ISO time)."""
    try:
        ctx.obj = (current(), _end_of(moment))
    except ValueError as error:
        raise click.BadParameter(f"日期格式不对 / not an ISO date: {moment!r}", ctx) from error


def _as_of_options(command: Callable[..., None]) -> Callable[..., None]:
    """``--bundle``, ``--by`` and ``--cycle`` for both boards."""
    by = click.option(
        "--by",
        type=click.Choice(BY),
        default="at",
        show_default=True,
        help="at=命令时间, recorded=入库时间",
    )
    return bundle_option(by(cycle_option(command)))


@as_of.command("wall")
@click.argument("branch_id")
@_as_of_options
@click.pass_obj
def as_of_wall(
    obj: Any, branch_id: str, cycle: str | None, bundle_file: Path | None, by: str
) -> None:
    """当时的积分墙 / the points wall as it was."""
    runtime, until = obj
    app, _ = opened(bundle_file, until, by)
    chosen = pick_cycle(app, branch_id, cycle, until)
    entries = app.queries.wall(branch_id, chosen)
    name = str(app.queries.branch(branch_id).branch["name"])
    title = heading(
        f"{name} 积分墙 · {cycle_label(chosen)} · 截至 {until.isoformat(timespec='seconds')} ({by})"
    )
    document = {"branch_id": branch_id, "cycle": chosen, "as_of": until.isoformat(), "by": by}
    document["entries"] = plain(entries)
    runtime.show(document, [title, tie_rules_text(), wall_table(entries)])


@as_of.command("balance")
@click.argument("person_id")
@_as_of_options
@click.pass_obj
def as_of_balance(
    obj: Any, person_id: str, cycle: str | None, bundle_file: Path | None, by: str
) -> None:
    """当时的个人积分及明细 / a person's balance as it was."""
    runtime, until = obj
    app, _ = opened(bundle_file, until, by)
    probe = app.queries.explain(person_id, cycle or "")
    chosen = pick_cycle(app, probe.branch_id, cycle, until)
    e = app.queries.explain(person_id, chosen)
    title = heading(
        f"{e.name} ({person_id}) · {cycle_label(chosen)} · "
        f"截至 {until.isoformat(timespec='seconds')} ({by})"
    )
    document = {
        "person_id": person_id,
        "cycle": chosen,
        "as_of": until.isoformat(),
        "by": by,
        "total": e.total,
    }
    runtime.show(
        document | {"lines": [line.position for line in e.lines]},
        [title, ledger_table(e), *balance_lines(e)],
    )


COMMANDS = (as_of,)
