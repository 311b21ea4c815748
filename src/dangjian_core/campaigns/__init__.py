"""攻坚 — campaigns and task forces (seeds 000, 004; DOMAIN.md §5): a unit launches a
campaign (攻坚点、促提升: 33 key problems in 6 months; 象珠镇's three battles, four
battlefields each) with fronts and problems; each problem has a task force (攻坚党小组)
led by a member of the leadership team, its members drawn from any unit (first
secretaries, 两代表一委员, young cadres of the 突击队, liaison cadres, office staff) with
dated memberships — the task force is the campaign's, not the unit tree's; milestones
with dates and measured targets in real units (decimals: 30.3208 公顷), progress reports
with evidence (over the target only as 超额完成), and linked tasks and work items whose
progress rolls up. The dashboard and the young cadres' growth records (红色成长) are
queries over the read models.

One stream per campaign, ``campaign-<campaign id>``.
"""

from __future__ import annotations

from dangjian_core.campaigns import decisions, permissions, projections
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
from dangjian_core.campaigns.events import EVENTS, CampaignEvent
from dangjian_core.campaigns.state import CAMPAIGN, CampaignState
from dangjian_core.kernel.concept import Concept

CONCEPT: Concept[CampaignCommand, CampaignEvent, CampaignState | None] = Concept(
    name="campaigns",
    stream=CAMPAIGN,
    subject=lambda command: command.campaign_id,
    commands=(
        LaunchCampaign,
        OpenFront,
        ListProblem,
        FormTaskForce,
        JoinTaskForce,
        LeaveTaskForce,
        StartProblem,
        SetMilestone,
        ReportMilestoneProgress,
        CompleteProblem,
        LinkWork,
    ),
    events=EVENTS,
    decide=decisions.decide,
    evolve=decisions.evolve,
    subjects={
        "campaign_id": "campaign",
        "unit_id": "branch",
        "leader_id": "person",
        "person_id": "person",
        "reporter_id": "person",
        "home_unit_id": "branch",
    },
    authority=permissions.replay,
    projections=projections.PROJECTIONS,
)
