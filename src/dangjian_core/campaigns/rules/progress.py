"""推进 — starting a problem, its milestones, progress reports and completion."""

from __future__ import annotations

from dangjian_core.campaigns.commands import (
    CompleteProblem,
    ReportMilestoneProgress,
    SetMilestone,
    StartProblem,
)
from dangjian_core.campaigns.events import (
    CampaignEvent,
    CampaignProblemCompleted,
    CampaignProblemStarted,
    MilestoneProgressReported,
    MilestoneSet,
)
from dangjian_core.campaigns.rules.common import (
    formed,
    not_after,
    not_before,
    problem_of,
    refuse,
)
from dangjian_core.campaigns.state import CampaignState
from dangjian_core.campaigns.values import amount, amount_text
from dangjian_core.kernel.errors import UnknownSubject
from dangjian_core.kernel.ids import PersonId


def start(command: StartProblem, campaign: CampaignState) -> list[CampaignEvent]:
    """启动: a problem with a task force, once, not before it was formed."""
    problem = formed(campaign, command.problem_id)
    if problem.started_on is not None:
        return []
    not_after(command.on, command.at)
    not_before(command.on, problem.formed_on, "攻坚党小组组建")
    return [CampaignProblemStarted(command.campaign_id, command.problem_id, command.on)]


def set_milestone(command: SetMilestone, campaign: CampaignState) -> list[CampaignEvent]:
    """节点: one number, one milestone; due no earlier than the campaign starts."""
    problem = problem_of(campaign, command.problem_id)
    event = MilestoneSet(
        command.campaign_id,
        command.problem_id,
        command.milestone_no,
        command.title,
        command.due,
        amount_text(amount(command.target)),
        command.measure,
    )
    known = problem.milestones.get(command.milestone_no)
    if known is not None:
        terms = (known.title, known.due, known.target, known.measure)
        if terms == (event.title, event.due, event.target, event.measure):
            return []
        raise refuse(f"节点 {command.milestone_no} 已设定", f"{command.milestone_no} is set")
    not_before(command.due, campaign.starts, "攻坚行动开始")
    return [event]


def report(command: ReportMilestoneProgress, campaign: CampaignState) -> list[CampaignEvent]:
    """进展: on a started, open problem, in date order; over the target only as
    over-fulfilment, and over-fulfilment only over the target."""
    problem = problem_of(campaign, command.problem_id)
    if problem.started_on is None:
        raise refuse(f"攻坚点 {problem.problem_id} 尚未启动", f"{problem.problem_id} not started")
    if problem.completed_on is not None:
        raise refuse(f"攻坚点 {problem.problem_id} 已完成", f"{problem.problem_id} is completed")
    milestone = problem.milestones.get(command.milestone_no)
    if milestone is None:
        raise UnknownSubject(
            f"节点 {command.milestone_no} 未设定", f"milestone {command.milestone_no} is not set"
        )
    event = MilestoneProgressReported(
        command.campaign_id,
        command.problem_id,
        command.milestone_no,
        PersonId(command.actor_id),
        command.on,
        amount_text(amount(command.achieved)),
        command.evidence,
        command.over_fulfilment,
    )
    last = (milestone.achieved, milestone.last_on, milestone.evidence, milestone.over_fulfilment)
    if last == (event.achieved, event.on, event.evidence, event.over_fulfilment):
        return []
    not_after(command.on, command.at)
    not_before(command.on, problem.started_on, "攻坚点启动")
    not_before(command.on, milestone.last_on, "上次报告")
    over = amount(command.achieved) > amount(milestone.target)
    measure = milestone.measure
    if over and not command.over_fulfilment:
        raise refuse(
            f"报告 {event.achieved}{measure} 超出目标 {milestone.target}{measure},须登记为超额完成",
            "a result beyond the target must be recorded as over-fulfilment",
        )
    if command.over_fulfilment and not over:
        raise refuse(
            f"报告 {event.achieved}{measure} 未超出目标 {milestone.target}{measure},"
            "不能登记为超额完成",
            "over-fulfilment is recorded only beyond the target",
        )
    return [event]


def complete(command: CompleteProblem, campaign: CampaignState) -> list[CampaignEvent]:
    """完成: started, every milestone (one at least) reached."""
    problem = problem_of(campaign, command.problem_id)
    if problem.completed_on is not None:
        return []
    if problem.started_on is None:
        raise refuse(f"攻坚点 {problem.problem_id} 尚未启动", f"{problem.problem_id} not started")
    if not problem.milestones:
        raise refuse("未设定节点的攻坚点不能完成", "a problem without milestones cannot complete")
    open_ = [str(n) for n, m in sorted(problem.milestones.items()) if not m.reached]
    if open_:
        raise refuse(
            f"节点 {'、'.join(open_)} 尚未达到目标", f"milestones {', '.join(open_)} not reached"
        )
    not_after(command.on, command.at)
    not_before(command.on, problem.started_on, "攻坚点启动")
    return [CampaignProblemCompleted(command.campaign_id, command.problem_id, command.on)]
