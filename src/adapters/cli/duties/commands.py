"""职责命令 — ``duty assign | hand-over | end | patrol | problem | route``: road chiefs
(路长制), red workshops (红色车间) and other duties with a cadence; patrols with evidence;
a problem found on patrol turned into a task or a work item in one step."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import click

from adapters.cli.clock import Actor, IsoDate, IsoTime, acting
from adapters.cli.params import ZhChoice
from adapters.cli.runtime import record
from dangjian_core.duties.commands import (
    AssignDuty,
    EndDuty,
    HandOverDuty,
    LogPatrol,
    ReportProblem,
    RouteProblem,
)
from dangjian_core.duties.events import CadenceUnit, DutyKind, FollowKind
from dangjian_core.kernel.time import local_date as local_date_of

KIND = ZhChoice({k: k.zh for k in DutyKind})
CADENCE = ZhChoice({c: c.zh for c in CadenceUnit})
FOLLOW = ZhChoice({f: f.zh for f in FollowKind})


@click.command("assign")
@click.argument("duty_id")
@click.option("--unit", "unit_id", required=True, help="组织 / unit id")
@click.option("--kind", type=KIND, default=DutyKind.ROAD.value, help="类别 / kind")
@click.option("--object", "object_name", required=True, help="对象, 如 西周路 / the object")
@click.option("--details", default="", help="说明, 如 长约400米 企业17家 / details")
@click.option("--holder", "holder_id", required=True, help="负责人 / holder")
@click.option("--every", type=click.IntRange(1, 366), required=True, help="每 N 天或 N 个月")
@click.option("--cadence", type=CADENCE, default=CadenceUnit.DAY.value, help="天 / 个月")
@click.option("--since", type=IsoDate(), required=True, help="起始日期 / from")
@acting
def assign(
    duty_id: str,
    unit_id: str,
    kind: DutyKind,
    object_name: str,
    details: str,
    holder_id: str,
    every: int,
    cadence: CadenceUnit,
    since: date,
    actor: Actor,
) -> None:
    """落实职责: 负责人、对象、周期 / bind a person to an object with a cadence."""
    record(
        AssignDuty,
        actor,
        duty_id=duty_id,
        unit_id=unit_id,
        kind=kind,
        object_name=object_name,
        details=details,
        holder_id=holder_id,
        every=every,
        cadence=cadence,
        since=since,
    )


@click.command("hand-over")
@click.argument("duty_id")
@click.argument("holder_id")
@click.option("--on", "on", type=IsoDate(), required=True, help="交接日期 / from")
@acting
def hand_over(duty_id: str, holder_id: str, on: date, actor: Actor) -> None:
    """交接职责 / another person holds the duty from a day on."""
    record(HandOverDuty, actor, duty_id=duty_id, holder_id=holder_id, on=on)


@click.command("end")
@click.argument("duty_id")
@click.option("--on", "on", type=IsoDate(), required=True, help="终止日期 / on")
@click.option("--reason", required=True, help="理由 / reason")
@acting
def end(duty_id: str, on: date, reason: str, actor: Actor) -> None:
    """终止职责 / end a duty."""
    record(EndDuty, actor, duty_id=duty_id, on=on, reason=reason)


@click.command("patrol")
@click.argument("duty_id")
@click.option("--on", "on", type=IsoDate(), default=None, help="巡查日期, 默认当天 / day")
@click.option("--note", default="", help="巡查情况 / note")
@click.option("--evidence", multiple=True, help="佐证(照片、文件名), 可重复 / evidence")
@acting
def patrol(
    duty_id: str, on: date | None, note: str, evidence: tuple[str, ...], actor: Actor
) -> None:
    """记录巡查 (负责人本人或代录) / log a patrol or visit."""
    day = on or local_date_of(actor.at)
    record(LogPatrol, actor, duty_id=duty_id, on=day, note=note, evidence=tuple(evidence))


def _follow(
    kind: FollowKind | None, follow_id: str | None, title: str | None, deadline: datetime | None,
    points: int, measure: str, target: int,
) -> dict[str, Any]:  # fmt: skip
    """The follow-up fields of a problem command (none without ``--to``)."""
    if kind is None:
        return {}
    if follow_id is None or title is None or deadline is None:
        raise click.UsageError("转办须给出 --as-id、--title、--deadline / a follow-up needs them")
    return {
        "to": kind,
        "follow_id": follow_id,
        "title": title,
        "deadline": deadline,
        "points": points,
        "measure": measure,
        "target": target,
    }


def _follow_options(command: Callable[..., None]) -> Callable[..., None]:
    for option in reversed(
        (
            click.option("--to", "kind", type=FOLLOW, default=None, help="转为 任务/中心工作"),
            click.option("--as-id", "follow_id", default=None, help="任务或工作编号 / id"),
            click.option("--title", default=None, help="名称 / title"),
            click.option("--deadline", type=IsoTime(), default=None, help="截止时间"),
            click.option("--points", type=click.IntRange(1, 100), default=1, help="任务积分"),
            click.option("--measure", default="项", help="工作计量单位 / measure"),
            click.option("--target", type=click.IntRange(1), default=1, help="工作目标 / target"),
        )
    ):
        command = option(command)
    return command


@click.command("problem")
@click.argument("duty_id")
@click.argument("problem_id")
@click.option("--on", "on", type=IsoDate(), default=None, help="发现日期, 默认当天 / day")
@click.option("--description", required=True, help="问题描述 / what was found")
@_follow_options
@acting
def problem(
    duty_id: str,
    problem_id: str,
    on: date | None,
    description: str,
    kind: FollowKind | None,
    follow_id: str | None,
    title: str | None,
    deadline: datetime | None,
    points: int,
    measure: str,
    target: int,
    actor: Actor,
) -> None:
    """上报巡查问题, 可一步转为任务或中心工作 / report a problem, perhaps as a task."""
    record(
        ReportProblem,
        actor,
        duty_id=duty_id,
        problem_id=problem_id,
        on=on or local_date_of(actor.at),
        description=description,
        **_follow(kind, follow_id, title, deadline, points, measure, target),
    )


@click.command("route")
@click.argument("duty_id")
@click.argument("problem_id")
@_follow_options
@acting
def route(
    duty_id: str,
    problem_id: str,
    kind: FollowKind | None,
    follow_id: str | None,
    title: str | None,
    deadline: datetime | None,
    points: int,
    measure: str,
    target: int,
    actor: Actor,
) -> None:
    """转办巡查问题为任务或中心工作 / turn a reported problem into a task or work item."""
    follow = _follow(kind or FollowKind.TASK, follow_id, title, deadline, points, measure, target)
    record(RouteProblem, actor, duty_id=duty_id, problem_id=problem_id, **follow)


COMMANDS = (assign, hand_over, end, patrol, problem, route)
