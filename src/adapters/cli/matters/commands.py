"""村务决策命令 — ``matters adopt | roll | open | suggest | meet | publish | implement |
object | answer`` (the reads are :mod:`adapters.cli.matters.views`).

Every command names the village: UNIT_ID (its branch); matter commands the MATTER_ID and
the procedure's ``--step`` (its key: propose, discuss, review, supervise, resolve,
publish_resolution, publish_result …). A meeting lists everyone present (``--present``,
repeated or comma-separated) and its vote: ``--votes 40,2,1`` (for, against, abstain) for
a counted body, ``--ballot id=for`` (repeated) for a named one.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import click

from adapters.cli.clock import Actor, IsoDate, acting
from adapters.cli.params import ZhChoice
from adapters.cli.runtime import record
from adapters.procedure_files import read_procedure
from dangjian_core.matters.commands import (
    AdoptProcedure,
    AnswerMatterObjection,
    FileMatterObjection,
    GatherSuggestions,
    HoldMeeting,
    OpenMatter,
    PublishNotice,
    RecordImplementation,
    SetRoll,
)
from dangjian_core.matters.procedures import SHIPPED
from dangjian_core.matters.values import Ballot, Body, Choice, Origin

BODIES = ZhChoice({b: b.zh for b in (Body.TWO_COMMITTEES, Body.SUPERVISORS, Body.REPRESENTATIVES)})
ORIGINS = ZhChoice({o: o.zh for o in Origin})
unit = click.argument("unit_id")
matter = click.argument("matter_id")
step = click.option("--step", required=True, help="步骤代码 / the step's key, e.g. review")
day = click.option("--on", "day", type=IsoDate(), required=True, help="日期 / the day")


def _ids(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _ballots(values: tuple[str, ...]) -> tuple[Ballot, ...]:
    ballots = []
    for value in values:
        voter, _, choice = value.partition("=")
        try:
            ballots.append(Ballot(voter.strip(), Choice(choice.strip())))
        except ValueError as error:
            raise click.BadParameter(f"{value}: 写成 人员编号=for|against|abstain") from error
    return tuple(ballots)


def _votes(text: str | None) -> tuple[int, int, int] | None:
    if text is None:
        return None
    parts = [int(p) for p in text.split(",")]
    if len(parts) != 3:
        raise click.BadParameter("写成 赞成,反对,弃权 / for,against,abstain")
    return (parts[0], parts[1], parts[2])


@click.command("adopt")
@unit
@click.option(
    "--shipped", type=click.Choice(sorted(SHIPPED)), default=None, help="随附程序 / shipped one"
)
@click.option("--file", "path", default=None, help="程序 TOML 文件 / a procedure file")
@acting
def adopt(unit_id: str, shipped: str | None, path: str | None, actor: Actor) -> None:
    """采用决策程序 (四议两公开、五议两公开或自定) / adopt the decision procedure."""
    if (shipped is None) == (path is None):
        raise click.UsageError("--shipped 与 --file 二选一 / give one of --shipped, --file")
    procedure = SHIPPED[shipped] if shipped is not None else read_procedure(str(path))
    record(AdoptProcedure, actor, unit_id=unit_id, procedure=procedure)


@click.command("roll")
@unit
@click.option("--body", type=BODIES, required=True, help="议事主体 / which body")
@click.option("--since", type=IsoDate(), required=True, help="起始日期 / from")
@click.option("--member", "members", multiple=True, required=True, help="成员编号 / member ids")
@click.option("--director", default="", help="村委会主任 (两委名册) / the village director")
@acting
def roll(
    unit_id: str, body: Body, since: date, members: tuple[str, ...], director: str, actor: Actor
) -> None:
    """登记两委、监委会或村民代表名册 / set a body's roll from a date."""
    fields: dict[str, Any] = {"body": body, "since": since, "members": _ids(members)}
    record(SetRoll, actor, unit_id=unit_id, director_id=director, **fields)


@click.command("open")
@unit
@matter
@click.option("--title", required=True, help="事项名称 / title")
@click.option("--origin", type=ORIGINS, required=True, help="来源 / origin")
@click.option("--item", "items", multiple=True, help="子项 / an item (repeat)")
@acting
def open_matter(
    unit_id: str, matter_id: str, title: str, origin: Origin, items: tuple[str, ...], actor: Actor
) -> None:
    """村务事项立项 / open a village matter."""
    fields: dict[str, Any] = {"title": title, "origin": origin, "items": items}
    record(OpenMatter, actor, unit_id=unit_id, matter_id=matter_id, **fields)


@click.command("suggest")
@unit
@matter
@step
@day
@click.option("--count", type=int, required=True, help="建议条数 / how many")
@click.option("--summary", required=True, help="摘要 / what they say")
@acting
def suggest(unit_id: str, matter_id: str, day: date, actor: Actor, **fields: Any) -> None:
    """记录征集的群众建议 / record the villagers' suggestions."""
    record(
        GatherSuggestions, actor, unit_id=unit_id, matter_id=matter_id, gathered_on=day, **fields
    )


@click.command("meet")
@unit
@matter
@step
@day
@click.option("--present", multiple=True, required=True, help="实到人员 / who attended")
@click.option("--notice-sent", type=IsoDate(), default=None, help="方案送达日期 / plan sent on")
@click.option("--votes", default=None, help="计票: 赞成,反对,弃权 / counted vote")
@click.option("--ballot", "ballots", multiple=True, help="记名票: 编号=for|against|abstain")
@click.option("--merged", is_flag=True, help="一肩挑: 提议与商议合并召开 / merged meeting")
@acting
def meet(
    unit_id: str,
    matter_id: str,
    step: str,
    day: date,
    present: tuple[str, ...],
    notice_sent: date | None,
    votes: str | None,
    ballots: tuple[str, ...],
    merged: bool,
    actor: Actor,
) -> None:
    """召开会议表决 (应到、实到、表决) / hold a step's meeting and its vote."""
    fields: dict[str, Any] = {"step": step, "held_on": day, "present": _ids(present)}
    fields |= {"notice_sent_on": notice_sent, "votes": _votes(votes)}
    fields |= {"ballots": _ballots(ballots), "merged": merged}
    record(HoldMeeting, actor, unit_id=unit_id, matter_id=matter_id, **fields)


@click.command("publish")
@unit
@matter
@step
@day
@click.option("--days", type=int, required=True, help="公示期 (工作日) / working days")
@click.option("--text", required=True, help="公开内容 / what is published")
@click.option("--calendar", "calendar_id", default="default", help="工作日历 / calendar")
@acting
def publish(unit_id: str, matter_id: str, day: date, actor: Actor, **fields: Any) -> None:
    """决议公开或实施结果公开 / publish the resolution or the result."""
    record(PublishNotice, actor, unit_id=unit_id, matter_id=matter_id, posted_on=day, **fields)


@click.command("implement")
@unit
@matter
@day
@click.option("--summary", required=True, help="实施情况 / what was done")
@acting
def implement(unit_id: str, matter_id: str, day: date, summary: str, actor: Actor) -> None:
    """记录实施结果 / record the implementation."""
    fields: dict[str, Any] = {"done_on": day, "summary": summary}
    record(RecordImplementation, actor, unit_id=unit_id, matter_id=matter_id, **fields)


@click.command("object")
@unit
@matter
@click.argument("objection_id")
@step
@click.option("--text", required=True, help="异议内容 / the objection")
@click.option("--name", "filer_name", required=True, help="姓名 (不公开) / name, kept private")
@click.option("--contact", required=True, help="联系方式 (不公开) / contact, kept private")
@acting
def object_to(unit_id: str, matter_id: str, actor: Actor, **fields: Any) -> None:
    """对公开提出异议 / object to a publication."""
    record(FileMatterObjection, actor, unit_id=unit_id, matter_id=matter_id, **fields)


@click.command("answer")
@unit
@matter
@click.argument("objection_id")
@click.option("--answer", required=True, help="答复 / the answer")
@acting
def answer(unit_id: str, matter_id: str, actor: Actor, **fields: Any) -> None:
    """答复异议 / answer an objection."""
    record(AnswerMatterObjection, actor, unit_id=unit_id, matter_id=matter_id, **fields)


COMMANDS = (adopt, roll, open_matter, suggest, meet, publish, implement, object_to, answer)
