"""职责 — duties with a cadence: a person bound to an object (a main road under 路长制, a
red workshop 红色车间 an instructor visits monthly) for a unit, at least once in every N
days or months; patrols logged with notes and evidence; compliance lists every gap; a
problem found on patrol becomes a task or a work item in one step (seed 004)."""

from __future__ import annotations

from dangjian_core.duties import decisions, permissions, policies, projections
from dangjian_core.duties.commands import (
    AssignDuty,
    DutyCommand,
    EndDuty,
    HandOverDuty,
    LogPatrol,
    ReportProblem,
    RouteProblem,
)
from dangjian_core.duties.events import EVENTS, DutyEvent
from dangjian_core.duties.state import DUTY, DutyState
from dangjian_core.kernel.concept import Concept

CONCEPT: Concept[DutyCommand, DutyEvent, DutyState | None] = Concept(
    name="duties",
    stream=DUTY,
    subject=lambda command: command.duty_id,
    commands=(AssignDuty, HandOverDuty, EndDuty, LogPatrol, ReportProblem, RouteProblem),
    events=EVENTS,
    decide=decisions.decide,
    evolve=decisions.evolve,
    subjects={"duty_id": "duty", "unit_id": "branch", "holder_id": "person"},
    authority=permissions.replay,
    projections=projections.PROJECTIONS,
    follow_ups=policies.follow_ups,
)
