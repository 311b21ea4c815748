"""攻坚权限 — the campaign unit's leaders (its secretary or organizing member, or a level
above) launch a campaign, open fronts, list problems and form task forces; a task force's
leader, or those leaders, steer its problem (members, start, milestones, completion, linked
work); progress is reported by the task force's leader or a member serving on the day
reported. :func:`replay` asks the same of a recorded event, from the event, the facts and
the campaign as it stood."""

from __future__ import annotations

from datetime import date, datetime
from typing import assert_never

from dangjian_core.campaigns.events import (
    CampaignEvent,
    CampaignFrontOpened,
    CampaignLaunched,
    CampaignProblemCompleted,
    CampaignProblemListed,
    CampaignProblemStarted,
    CampaignWorkLinked,
    MilestoneProgressReported,
    MilestoneSet,
    TaskForceFormed,
    TaskForceMemberJoined,
    TaskForceMemberLeft,
)
from dangjian_core.campaigns.state import CampaignState, Problem
from dangjian_core.kernel.authority import Rule, What, unknown
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.units.permissions import known, lead_unit
from dangjian_core.units.state import UnitState

LAUNCH: What = ("发起攻坚行动", "launch a campaign of")
ORGANISE: What = ("部署攻坚行动", "organise the campaign of")
STEER: What = ("指挥攻坚点", "steer a problem of the campaign of")
REPORT: What = ("报告节点进展", "report progress")


def lead(facts: Facts, unit: UnitState, actor_id: str, at: datetime, what: What) -> Rule | None:
    """The campaign unit's secretary or organizing member, or a level above it."""
    return lead_unit(facts, unit, actor_id, at, what)


def steer(
    facts: Facts, unit: UnitState, problem: Problem, actor_id: str, at: datetime
) -> Rule | None:
    """A problem's task-force leader, or the campaign unit's leaders."""
    if problem.leader_id == actor_id:
        return None
    return lead(facts, unit, actor_id, at, STEER)


def report(problem: Problem, actor_id: str, on: date) -> Rule | None:
    """节点进展: the task force's leader, or a member serving on the day reported."""
    if problem.leader_id == actor_id or problem.serving(actor_id, on) is not None:
        return None
    return Rule(
        "task_force",
        f"{actor_id} 于 {on} 不是攻坚点 {problem.problem_id} 的攻坚党小组成员,无权{REPORT[0]}",
        f"{actor_id} was not on the task force of {problem.problem_id} on {on}: may not "
        f"{REPORT[1]}",
    )


def replay(
    recorded: Recorded[CampaignEvent], facts: Facts, before: CampaignState | None
) -> Rule | None:
    """The rule a recorded campaign event's actor broke, or None."""
    event, actor, at = recorded.event, recorded.actor_id, recorded.at
    unit_id = event.unit_id if isinstance(event, CampaignLaunched) else None
    if unit_id is None and before is not None:
        unit_id = before.unit_id
    unit = known(facts, unit_id)
    if isinstance(unit, Rule):
        return unit if unit_id is not None else unknown(event.campaign_id)
    match event:
        case CampaignLaunched():
            return lead(facts, unit, actor, at, LAUNCH)
        case CampaignFrontOpened() | CampaignProblemListed() | TaskForceFormed():
            return lead(facts, unit, actor, at, ORGANISE)
        case (
            TaskForceMemberJoined()
            | TaskForceMemberLeft()
            | CampaignProblemStarted()
            | MilestoneSet()
            | CampaignProblemCompleted()
            | CampaignWorkLinked()
        ):
            problem = _problem(before, event.problem_id)
            return problem if isinstance(problem, Rule) else steer(facts, unit, problem, actor, at)
        case MilestoneProgressReported():
            problem = _problem(before, event.problem_id)
            return problem if isinstance(problem, Rule) else report(problem, actor, event.on)
        case _:
            assert_never(event)


def _problem(before: CampaignState | None, problem_id: str) -> Problem | Rule:
    problem = None if before is None else before.problems.get(problem_id)
    return unknown(problem_id) if problem is None else problem
