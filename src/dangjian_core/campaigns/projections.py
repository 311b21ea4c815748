"""攻坚读模型 — rows for every campaign, front, problem, membership period, milestone,
progress report and link; the tables are declared in
:mod:`~dangjian_core.campaigns.tables`. Dates are ISO text."""

from __future__ import annotations

from typing import Any, assert_never

from dangjian_core.campaigns.events import (
    EVENTS,
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
from dangjian_core.campaigns.tables import (
    CAMPAIGN_FRONTS,
    CAMPAIGN_LINKS,
    CAMPAIGN_MEMBERS,
    CAMPAIGN_MILESTONES,
    CAMPAIGN_PROBLEMS,
    CAMPAIGN_REPORTS,
    CAMPAIGNS,
    TABLES,
)
from dangjian_core.kernel.concept import Projection
from dangjian_core.kernel.readmodel import Change, Upsert, Value
from dangjian_core.kernel.recorded import Recorded


def project_campaigns(recorded: Recorded[Any]) -> list[Change]:
    """Rows changed by one campaign event."""
    event: CampaignEvent = recorded.event
    match event:
        case CampaignLaunched():
            values: dict[str, Value] = {
                "unit_id": event.unit_id,
                "name": event.name,
                "starts": event.starts.isoformat(),
                "ends": event.ends.isoformat(),
            }
            return [Upsert("campaigns", {"campaign_id": event.campaign_id}, set=values)]
        case CampaignFrontOpened():
            key = {"campaign_id": event.campaign_id, "front_id": event.front_id}
            values = {"name": event.name, "position": recorded.position}
            return [Upsert("campaign_fronts", key, set=values)]
        case CampaignProblemListed():
            values = {
                "front_id": event.front_id,
                "title": event.title,
                "position": recorded.position,
            }
            return [_problem(event, **values)]
        case TaskForceFormed():
            return [_problem(event, leader_id=event.leader_id, formed_on=event.since.isoformat())]
        case TaskForceMemberJoined():
            values = {"capacity": event.capacity.value, "home_unit_id": event.home_unit_id}
            return [Upsert("campaign_members", _membership(event), set=values)]
        case TaskForceMemberLeft():
            left = {"left_on": event.until.isoformat()}
            return [Upsert("campaign_members", _membership(event), set=left)]
        case CampaignProblemStarted():
            return [_problem(event, started_on=event.on.isoformat())]
        case CampaignProblemCompleted():
            return [_problem(event, completed_on=event.on.isoformat())]
        case MilestoneSet():
            values = {
                "title": event.title,
                "due": event.due.isoformat(),
                "target": event.target,
                "measure": event.measure,
                "over_fulfilment": 0,
            }
            return [Upsert("campaign_milestones", _milestone(event), set=values)]
        case MilestoneProgressReported():
            return _reported(recorded.position, event)
        case CampaignWorkLinked():
            key = {
                "campaign_id": event.campaign_id,
                "problem_id": event.problem_id,
                "kind": event.kind.value,
                "target_id": event.target_id,
            }
            return [Upsert("campaign_links", key, set={"position": recorded.position})]
        case _:
            assert_never(event)


def _problem(event: Any, **values: Any) -> Upsert:
    key = {"campaign_id": event.campaign_id, "problem_id": event.problem_id}
    return Upsert("campaign_problems", key, set=values)


def _membership(event: TaskForceMemberJoined | TaskForceMemberLeft) -> dict[str, Any]:
    return {
        "campaign_id": event.campaign_id,
        "problem_id": event.problem_id,
        "person_id": event.person_id,
        "joined_on": event.since.isoformat(),
    }


def _milestone(event: MilestoneSet | MilestoneProgressReported) -> dict[str, Any]:
    return {
        "campaign_id": event.campaign_id,
        "problem_id": event.problem_id,
        "milestone_no": event.milestone_no,
    }


def _reported(position: int, event: MilestoneProgressReported) -> list[Change]:
    over = int(event.over_fulfilment)
    latest: dict[str, Value] = {
        "achieved": event.achieved,
        "over_fulfilment": over,
        "reported_on": event.on.isoformat(),
    }
    report: dict[str, Value] = {
        **_milestone(event),
        "reporter_id": event.reporter_id,
        "reported_on": event.on.isoformat(),
        "achieved": event.achieved,
        "evidence": event.evidence,
        "over_fulfilment": over,
    }
    return [
        Upsert("campaign_milestones", _milestone(event), set=latest),
        Upsert("campaign_reports", {"position": position}, set=report),
    ]


PROJECTIONS = (Projection("campaigns", TABLES, project_campaigns, tuple(EVENTS.values())),)

__all__ = [
    "CAMPAIGNS",
    "CAMPAIGN_FRONTS",
    "CAMPAIGN_LINKS",
    "CAMPAIGN_MEMBERS",
    "CAMPAIGN_MILESTONES",
    "CAMPAIGN_PROBLEMS",
    "CAMPAIGN_REPORTS",
    "PROJECTIONS",
    "TABLES",
    "project_campaigns",
]
