"""攻坚决策 — ``decide`` and ``evolve`` for a campaign: flat tables over the rules in
:mod:`~dangjian_core.campaigns.rules`; who may act is
:mod:`~dangjian_core.campaigns.permissions`."""

from __future__ import annotations

from typing import assert_never

import attrs

from dangjian_core.campaigns import permissions as p
from dangjian_core.campaigns.commands import (
    CampaignCommand,
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
from dangjian_core.campaigns.rules import organising, progress
from dangjian_core.campaigns.rules.common import problem_of
from dangjian_core.campaigns.state import CampaignState, Membership, Milestone, Problem
from dangjian_core.kernel.authority import enforce
from dangjian_core.kernel.errors import UnknownSubject
from dangjian_core.kernel.facts import Facts
from dangjian_core.units.state import alive, other


def decide(
    command: CampaignCommand, state: CampaignState | None, facts: Facts
) -> list[CampaignEvent]:
    """Decide a campaign command against the campaign."""
    actor, at = command.actor_id, command.at
    if isinstance(command, LaunchCampaign):
        unit = alive(other(facts, command.unit_id), at)
        enforce(p.lead(facts, unit, actor, at, p.LAUNCH))
        return organising.launch(command, state)
    if state is None:
        raise UnknownSubject(
            f"攻坚行动 {command.campaign_id} 未发起",
            f"campaign {command.campaign_id} was not launched",
        )
    unit = alive(other(facts, state.unit_id), at)
    match command:
        case OpenFront():
            enforce(p.lead(facts, unit, actor, at, p.ORGANISE))
            return organising.open_front(command, state)
        case ListProblem():
            enforce(p.lead(facts, unit, actor, at, p.ORGANISE))
            return organising.list_problem(command, state)
        case FormTaskForce():
            enforce(p.lead(facts, unit, actor, at, p.ORGANISE))
            return organising.form(command, state, unit)
        case JoinTaskForce():
            enforce(p.steer(facts, unit, problem_of(state, command.problem_id), actor, at))
            return organising.join(command, state, facts)
        case LeaveTaskForce():
            enforce(p.steer(facts, unit, problem_of(state, command.problem_id), actor, at))
            return organising.leave(command, state)
        case StartProblem():
            enforce(p.steer(facts, unit, problem_of(state, command.problem_id), actor, at))
            return progress.start(command, state)
        case SetMilestone():
            enforce(p.steer(facts, unit, problem_of(state, command.problem_id), actor, at))
            return progress.set_milestone(command, state)
        case ReportMilestoneProgress():
            enforce(p.report(problem_of(state, command.problem_id), actor, command.on))
            return progress.report(command, state)
        case CompleteProblem():
            enforce(p.steer(facts, unit, problem_of(state, command.problem_id), actor, at))
            return progress.complete(command, state)
        case LinkWork():
            enforce(p.steer(facts, unit, problem_of(state, command.problem_id), actor, at))
            return organising.link(command, state, facts)
        case _:
            assert_never(command)


def evolve(state: CampaignState | None, event: CampaignEvent) -> CampaignState | None:
    """The campaign after one of its events (an event of a campaign never launched
    leaves nothing to change)."""
    if isinstance(event, CampaignLaunched):
        return CampaignState(event.campaign_id, event.unit_id, event.name, event.starts, event.ends)
    if state is None:
        return None
    match event:
        case CampaignFrontOpened():
            return attrs.evolve(state, fronts={**state.fronts, event.front_id: event.name})
        case CampaignProblemListed():
            problem = Problem(event.problem_id, event.front_id, event.title)
            return attrs.evolve(state, problems={**state.problems, event.problem_id: problem})
        case _:
            pass
    found = state.problems.get(event.problem_id)
    if found is None:
        return state
    changed = _changed(found, event)
    return attrs.evolve(state, problems={**state.problems, event.problem_id: changed})


def _changed(problem: Problem, event: CampaignEvent) -> Problem:
    match event:
        case TaskForceFormed():
            return attrs.evolve(problem, leader_id=event.leader_id, formed_on=event.since)
        case TaskForceMemberJoined():
            member = Membership(event.person_id, event.capacity, event.home_unit_id, event.since)
            return attrs.evolve(problem, members=(*problem.members, member))
        case TaskForceMemberLeft():
            members = tuple(
                attrs.evolve(m, until=event.until)
                if (m.person_id, m.since) == (event.person_id, event.since)
                else m
                for m in problem.members
            )
            return attrs.evolve(problem, members=members)
        case CampaignProblemStarted():
            return attrs.evolve(problem, started_on=event.on)
        case MilestoneSet():
            milestone = Milestone(
                event.milestone_no, event.title, event.due, event.target, event.measure
            )
            return _with_milestone(problem, milestone)
        case MilestoneProgressReported():
            known = problem.milestones.get(event.milestone_no)
            if known is None:
                return problem
            reported = attrs.evolve(
                known,
                achieved=event.achieved,
                over_fulfilment=event.over_fulfilment,
                last_on=event.on,
                evidence=event.evidence,
            )
            return _with_milestone(problem, reported)
        case CampaignProblemCompleted():
            return attrs.evolve(problem, completed_on=event.on)
        case CampaignWorkLinked():
            return attrs.evolve(problem, links=(*problem.links, (event.kind, event.target_id)))
        case CampaignLaunched() | CampaignFrontOpened() | CampaignProblemListed():
            return problem
        case _:
            assert_never(event)


def _with_milestone(problem: Problem, milestone: Milestone) -> Problem:
    milestones = {**problem.milestones, milestone.milestone_no: milestone}
    return attrs.evolve(problem, milestones=milestones)
