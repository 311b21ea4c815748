"""发展对象的产生 — ranking activists for the development quota, the public notice (公示)
with its objections, confirmation as development candidates, and, for full members,
commendation and training (seed 000, DOMAIN.md §2)."""

from __future__ import annotations

from dangjian_core.development import decisions, permissions, policies, projections
from dangjian_core.development.commands import (
    CommendMembers,
    ConfirmList,
    DevelopmentCommand,
    DismissObjection,
    FileObjection,
    FlagForTraining,
    PostNotice,
    ProposeList,
    UpholdObjection,
)
from dangjian_core.development.events import EVENTS, DevelopmentEvent
from dangjian_core.development.state import DEVELOPMENT, DevelopmentState
from dangjian_core.kernel.concept import Concept

CONCEPT: Concept[DevelopmentCommand, DevelopmentEvent, DevelopmentState] = Concept(
    name="development",
    stream=DEVELOPMENT,
    subject=lambda command: command.development_id,
    commands=(
        ProposeList,
        PostNotice,
        FileObjection,
        UpholdObjection,
        DismissObjection,
        ConfirmList,
        CommendMembers,
        FlagForTraining,
    ),
    events=EVENTS,
    decide=decisions.decide,
    evolve=decisions.evolve,
    subjects={
        "unit_id": "branch",
        "person_id": "person",
        "confirmed": "person",
        "selected": "person",
        "objection_id": "objection",
        "task_id": "task",
    },
    authority=permissions.replay,
    projections=projections.PROJECTIONS,
    follow_ups=policies.follow_ups,
)
