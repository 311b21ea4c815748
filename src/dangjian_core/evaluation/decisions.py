"""考评决策 — the rules of a unit's yearly evaluation: ``decide`` and ``evolve``.

Who may act (:mod:`~dangjian_core.evaluation.permissions`): the upper unit sets the development quota
(发展名额); the unit's secretary or organizing member (or a level above) adopts the
points scheme, applies deductions and vetoes, scores activists, publishes the quarterly
standings and closes the cycle. After the close every command is refused (the close
itself, repeated, records nothing).
"""

from __future__ import annotations

from typing import assert_never

import attrs

from dangjian_core.evaluation import permissions, rules
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
from dangjian_core.evaluation.events import (
    ActivistScored,
    CycleClosed,
    DeductionApplied,
    EvaluationEvent,
    QuotaSet,
    SchemeAdopted,
    SnapshotPublished,
    VetoRecorded,
)
from dangjian_core.evaluation.state import Deduction, EvaluationState, Snapshot, closed_refusal
from dangjian_core.kernel.authority import enforce
from dangjian_core.kernel.facts import Facts
from dangjian_core.units.state import alive, other


def decide(
    command: EvaluationCommand, state: EvaluationState | None, facts: Facts
) -> list[EvaluationEvent]:
    """Decide an evaluation command against its unit and cycle."""
    unit = alive(other(facts, command.unit_id), command.at)
    current = state or EvaluationState(command.unit_id, command.cycle)
    if current.closed is not None:
        if isinstance(command, CloseCycle):
            return []
        raise closed_refusal(current)
    match command:
        case AdoptScheme():
            enforce(permissions.adopt_scheme(facts, unit, command.actor_id, command.at))
            return rules.adopt(command, current)
        case SetQuota():
            enforce(permissions.set_quota(facts, unit, command.actor_id, command.at))
            return rules.set_quota(command, current)
        case ApplyDeduction() | RecordVeto() | ScoreActivist():
            enforce(permissions.evaluate(facts, unit, command.actor_id, command.at))
            rules.on_roll(facts, unit, command.person_id, command)
            return _person_rule(command, current)
        case PublishSnapshot():
            enforce(permissions.evaluate(facts, unit, command.actor_id, command.at))
            return rules.publish(command, current, facts, unit.cycle_start_month)
        case CloseCycle():
            what = permissions.CLOSE_CYCLE
            enforce(permissions.evaluate(facts, unit, command.actor_id, command.at, what))
            return rules.close(command, current, facts, unit.cycle_start_month)
        case _:
            assert_never(command)


def _person_rule(
    command: ApplyDeduction | RecordVeto | ScoreActivist, state: EvaluationState
) -> list[EvaluationEvent]:
    match command:
        case ApplyDeduction():
            return rules.deduct(command, state)
        case RecordVeto():
            return rules.veto(command, state)
        case ScoreActivist():
            return rules.score_activist(command, state)


def evolve(state: EvaluationState | None, event: EvaluationEvent) -> EvaluationState:
    """Fold one evaluation event into the state; never fails."""
    current = state or EvaluationState(event.unit_id, event.cycle)
    match event:
        case SchemeAdopted():
            return attrs.evolve(current, schemes=(*current.schemes, event.scheme))
        case QuotaSet():
            return attrs.evolve(current, quota=event.quota)
        case DeductionApplied():
            deduction = Deduction(
                event.deduction_id, event.person_id, event.code, event.label, event.points,
                event.category, event.reason,
            )  # fmt: skip
            return attrs.evolve(current, deductions=(*current.deductions, deduction))
        case VetoRecorded():
            return attrs.evolve(current, vetoes={**current.vetoes, event.person_id: event.label})
        case ActivistScored():
            scores = {**current.activist_scores, event.person_id: dict(event.scores)}
            return attrs.evolve(current, activist_scores=scores)
        case SnapshotPublished():
            snapshot = Snapshot(event.quarter, event.standings)
            return attrs.evolve(current, snapshots=(*current.snapshots, snapshot))
        case CycleClosed():
            return attrs.evolve(current, closed=event.standings)
        case _:
            assert_never(event)
