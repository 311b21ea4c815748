"""村务决策 — village decisions (四议两公开, seed 003 平山镇; 五议两公开, seed 001 雅吕村;
DOMAIN.md §6): a village matter — from the villagers' suggestions, the cadres' proposal or
an arrangement from above — goes through the village's procedure, an ordered list of steps
adopted as data: ① 党支部提议 ② 两委会议商议 ③ 党员大会审议 ④ 村民代表会议决议, then
决议公开 and 实施结果公开 (a 五议 variant adds the supervisors' review, or gathers the
villagers' suggestions first). Each meeting records its roll that day (应到), attendance
(实到) and the vote, named or counted; without quorum there is no vote, a rejected step ends
the matter or sends it back, and both publications are public notices with a period and
objections.

One stream per village, ``matters-<unit_id>``.
"""

from __future__ import annotations

from dangjian_core.kernel.concept import Concept
from dangjian_core.matters import decisions, permissions, projections
from dangjian_core.matters.commands import (
    AdoptProcedure,
    AnswerMatterObjection,
    FileMatterObjection,
    GatherSuggestions,
    HoldMeeting,
    MatterCommand,
    OpenMatter,
    PublishNotice,
    RecordImplementation,
    SetRoll,
)
from dangjian_core.matters.events import EVENTS, MatterEvent
from dangjian_core.matters.state import MATTERS, VillageMatters

CONCEPT: Concept[MatterCommand, MatterEvent, VillageMatters | None] = Concept(
    name="matters",
    stream=MATTERS,
    subject=lambda command: command.unit_id,
    commands=(
        AdoptProcedure,
        SetRoll,
        OpenMatter,
        GatherSuggestions,
        HoldMeeting,
        PublishNotice,
        RecordImplementation,
        FileMatterObjection,
        AnswerMatterObjection,
    ),
    events=EVENTS,
    decide=decisions.decide,
    evolve=decisions.evolve,
    subjects={"unit_id": "branch", "matter_id": "matter", "objection_id": "objection"},
    authority=permissions.replay,
    projections=projections.PROJECTIONS,
)
