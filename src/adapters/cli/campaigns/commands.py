"""攻坚命令 — ``campaigns launch | front | problem | form | join | leave | start |
milestone | report | complete | link`` (the reads are :mod:`adapters.cli.campaigns.views`).

Every command names the CAMPAIGN_ID; problem commands the PROBLEM_ID. Amounts are
decimals as measured (``--target 30.3208 --measure 公顷``).
"""

from __future__ import annotations

from typing import Any

import click

from adapters.cli.clock import Actor, IsoDate, acting
from adapters.cli.params import ZhChoice
from adapters.cli.runtime import record
from dangjian_core.campaigns.commands import (
    CompleteProblem,
    FormTaskForce,
    JoinTaskForce,
    LaunchCampaign,
    LeaveTaskForce,
    LinkWork,
    ListProblem,
    OpenFront,
    ReportMilestoneProgress,
    SetMilestone,
    StartProblem,
)
from dangjian_core.campaigns.values import Capacity, LinkKind

CAPACITIES = ZhChoice({c: c.zh for c in Capacity})
KINDS = ZhChoice({k: k.zh for k in LinkKind})


_campaign = click.argument("campaign_id")
_problem = click.argument("problem_id")


_starts = click.option("--starts", type=IsoDate(), required=True, help="开始日期 / first day")
_ends = click.option("--ends", type=IsoDate(), required=True, help="结束日期 / last day")
_since = click.option("--since", type=IsoDate(), required=True, help="起始日期 / since")
_until = click.option("--until", type=IsoDate(), required=True, help="退出日期 / left on")
_on = click.option("--on", type=IsoDate(), required=True, help="日期 / on the day")
_due = click.option("--due", type=IsoDate(), required=True, help="完成时限 / due date")


@click.command("launch")
@_campaign
@click.argument("unit_id")
@click.option("--name", required=True, help="攻坚行动名称 / the campaign's name")
@_starts
@_ends
@acting
def launch(actor: Actor, **fields: Any) -> None:
    """发起攻坚行动 / launch a campaign of a unit."""
    record(LaunchCampaign, actor, **fields)


@click.command("front")
@_campaign
@click.argument("front_id")
@click.option("--name", required=True, help="战场名称 / the front's name")
@acting
def front(actor: Actor, **fields: Any) -> None:
    """设立战场 (一场硬仗、一个战场) / open a front."""
    record(OpenFront, actor, **fields)


@click.command("problem")
@_campaign
@_problem
@click.option("--front", "front_id", required=True, help="所在战场 / the front")
@click.option("--title", required=True, help="攻坚点 / the key problem")
@acting
def problem(actor: Actor, **fields: Any) -> None:
    """列入攻坚点 / list a key problem on a front."""
    record(ListProblem, actor, **fields)


@click.command("form")
@_campaign
@_problem
@click.option("--leader", "leader_id", required=True, help="组长 (领导班子成员) / leader")
@_since
@acting
def form(actor: Actor, **fields: Any) -> None:
    """组建攻坚党小组 / form a problem's task force."""
    record(FormTaskForce, actor, **fields)


@click.command("join")
@_campaign
@_problem
@click.argument("person_id")
@click.option("--capacity", type=CAPACITIES, required=True, help="身份 / capacity")
@click.option("--from", "home_unit_id", required=True, help="来自的组织 / home unit")
@_since
@acting
def join(actor: Actor, **fields: Any) -> None:
    """加入攻坚党小组 / a member joins a task force."""
    record(JoinTaskForce, actor, **fields)


@click.command("leave")
@_campaign
@_problem
@click.argument("person_id")
@_until
@acting
def leave(actor: Actor, **fields: Any) -> None:
    """退出攻坚党小组 / a member leaves a task force."""
    record(LeaveTaskForce, actor, **fields)


@click.command("start")
@_campaign
@_problem
@_on
@acting
def start(actor: Actor, **fields: Any) -> None:
    """启动攻坚点 / start work on a problem."""
    record(StartProblem, actor, **fields)


@click.command("milestone")
@_campaign
@_problem
@click.option("--no", "milestone_no", type=int, required=True, help="节点序号 / number")
@click.option("--title", required=True, help="节点内容 / what")
@_due
@click.option("--target", required=True, help="目标量 / target, e.g. 30.3208")
@click.option("--measure", required=True, help="计量单位 / unit, e.g. 公顷、穴、幢、户")
@acting
def milestone(actor: Actor, **fields: Any) -> None:
    """设定节点目标 / set a dated milestone with a measured target."""
    record(SetMilestone, actor, **fields)


@click.command("report")
@_campaign
@_problem
@click.option("--no", "milestone_no", type=int, required=True, help="节点序号 / number")
@click.option("--achieved", required=True, help="累计完成量 / result so far")
@_on
@click.option("--evidence", required=True, help="佐证 / evidence")
@click.option("--over", "over_fulfilment", is_flag=True, help="登记为超额完成 / over-fulfilment")
@acting
def report(actor: Actor, **fields: Any) -> None:
    """报告节点进展 (附佐证) / report a milestone's progress with evidence."""
    record(ReportMilestoneProgress, actor, **fields)


@click.command("complete")
@_campaign
@_problem
@_on
@acting
def complete(actor: Actor, **fields: Any) -> None:
    """攻坚点完成 / complete a problem whose milestones are all reached."""
    record(CompleteProblem, actor, **fields)


@click.command("link")
@_campaign
@_problem
@click.option("--kind", type=KINDS, required=True, help="任务或中心工作 / task or work item")
@click.argument("target_id")
@acting
def link(actor: Actor, **fields: Any) -> None:
    """关联攻坚点派生的任务或中心工作 / link a task or work item to a problem."""
    record(LinkWork, actor, **fields)


COMMANDS = (launch, front, problem, form, join, leave, start, milestone, report, complete, link)
