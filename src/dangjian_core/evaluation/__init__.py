"""考评 — points schemes (积分细则), development quota, deductions, vetoes, snapshots and
the yearly close of one unit's cycle."""

from __future__ import annotations

from dangjian_core.evaluation import decisions, permissions, policies, projections
from dangjian_core.evaluation.commands import (
    AdoptScheme,
    ApplyDeduction,
    CloseCycle,
    EvaluationCommand,
    PublishSnapshot,
    RecordVeto,
    ScoreActivist,
    SetQuota,
)
from dangjian_core.evaluation.events import EVENTS, EvaluationEvent
from dangjian_core.evaluation.state import EVALUATION, EvaluationState
from dangjian_core.kernel.concept import Concept

CONCEPT: Concept[EvaluationCommand, EvaluationEvent, EvaluationState | None] = Concept(
    name="evaluation",
    stream=EVALUATION,
    subject=lambda command: command.evaluation_id,
    commands=(
        AdoptScheme,
        SetQuota,
        ApplyDeduction,
        RecordVeto,
        ScoreActivist,
        PublishSnapshot,
        CloseCycle,
    ),
    events=EVENTS,
    decide=decisions.decide,
    evolve=decisions.evolve,
    subjects={"unit_id": "branch", "person_id": "person"},
    authority=permissions.replay,
    projections=projections.PROJECTIONS,
    guards=policies.GUARDS,
    follow_ups=policies.follow_ups,
)
