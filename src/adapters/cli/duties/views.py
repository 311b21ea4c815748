"""职责查看 — ``duty list | show``: a unit's duties with their compliance on a day (every
gap with its dates), and one duty's patrols."""

from __future__ import annotations

from datetime import date

import click

from adapters.cli.clock import IsoDate, now
from adapters.cli.params import ZhChoice, zh_of
from adapters.cli.render import filled, heading, plain, table
from adapters.cli.runtime import current
from adapters.views.duties import DutyQueries, DutyView
from dangjian_core.duties.events import CadenceUnit, DutyKind
from dangjian_core.duties.queries import Gap
from dangjian_core.kernel.time import local_date

_KINDS = {k: k.zh for k in DutyKind}
_CADENCES = {c: c.zh for c in CadenceUnit}


def _queries() -> DutyQueries:
    return DutyQueries(current().app(must_exist=True).store)


def _day(on: date | None) -> date:
    return on or local_date(now())


def _gap(gap: Gap) -> str:
    end = f"{gap.last} 仍未巡查" if gap.open else str(gap.last)
    return f"{gap.first}—{end} ({gap.days} 天)"


def _cadence(duty: DutyView) -> str:
    return f"每 {duty.every} {zh_of(_CADENCES, duty.cadence)}"


@click.command("list")
@click.argument("unit_id")
@click.option("--kind", type=ZhChoice(_KINDS), default=None, help="类别 / kind")
@click.option("--on", "on", type=IsoDate(), default=None, help="截至日期 / as of")
def list_duties(unit_id: str, kind: DutyKind | None, on: date | None) -> None:
    """职责与履职情况: 每项职责的缺口 / a unit's duties and their gaps on a day."""
    day = _day(on)
    found = _queries().duties(unit_id, day, None if kind is None else kind.value)
    rows = (
        (
            d.duty_id,
            zh_of(_KINDS, d.kind),
            d.object_name,
            d.holder_id,
            _cadence(d),
            str(d.record.patrols),
            str(d.record.last or "—"),
            "；".join(_gap(g) for g in d.record.gaps) or "无",
        )
        for d in found
    )
    kept = sum(1 for d in found if d.record.kept)
    title = f"{unit_id} 职责 {len(found)} 项 (截至 {day}): 按周期履职 {kept} 项, 有缺口 {len(found) - kept} 项"
    header = ["编号", "类别", "对象", "负责人", "周期", "巡查次数", "最近巡查", "缺口"]
    document = {"unit_id": unit_id, "on": day.isoformat(), "duties": plain(found)}
    current().show(document, [heading(title), filled(table(None, header), rows)])


@click.command("show")
@click.argument("duty_id")
@click.option("--on", "on", type=IsoDate(), default=None, help="截至日期 / as of")
def show(duty_id: str, on: date | None) -> None:
    """一项职责: 巡查记录与缺口 / one duty's patrols and gaps."""
    day = _day(on)
    duty, patrols = _queries().duty(duty_id, day)
    title = (
        f"{duty.object_name} ({zh_of(_KINDS, duty.kind)} {duty.holder_id}, {_cadence(duty)}, "
        f"自 {duty.since}) 截至 {day}: 巡查 {duty.record.patrols} 次, 缺口 {len(duty.record.gaps)} 个"
    )
    rows = ((p.patrolled_on, p.holder_id, p.note, "、".join(p.evidence)) for p in patrols)
    gaps = ((_gap(g), str(g.after or "—")) for g in duty.record.gaps)
    document = {"duty": plain(duty), "patrols": plain(patrols), "on": day.isoformat()}
    current().show(
        document,
        [
            heading(title),
            filled(table("巡查记录", ["日期", "巡查人", "情况", "佐证"]), rows),
            filled(table("缺口", ["期间", "此前最近巡查"]), gaps),
        ],
    )


COMMANDS = (list_duties, show)
