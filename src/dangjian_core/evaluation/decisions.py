"""考评决策 — the rules of a unit's yearly evaluation: ``decide`` and ``evolve``.

Who may act (:mod:`dangjian_core.permissions`): the upper unit sets the development quota
(发展名额); the unit's secretary or organizing member (or a level above) adopts the
points scheme, applies deductions and vetoes, scores activists, publishes the quarterly
standings and closes the cycle. After the close every command is refused (the close
itself, repeated, records nothing).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, assert_never

from attrs import evolve

from dangjian_core import permissions
from dangjian_core.evaluation import rules
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
from dangjian_core.evaluation.errors import CycleAlreadyClosed, EvaluationError
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
from dangjian_core.evaluation.state import Deduction, EvaluationState, Snapshot
from dangjian_core.shared.errors import UnknownSubject
from dangjian_core.units.guards import alive, other
from dangjian_core.units.hierarchy import live_unit

if TYPE_CHECKING:
    from dangjian_core.directory import Directory
    from dangjian_core.units.state import UnitState

__all__ = ["EvaluationError", "EvaluationState", "decide", "evolve_state", "initial_state"]


def initial_state() -> EvaluationState | None:
    """An evaluation stream starts empty."""
    return None


def decide(
    command: EvaluationCommand, state: EvaluationState | None, directory: Directory
) -> list[EvaluationEvent]:
    """Decide an evaluation command against its unit and cycle."""
    unit = alive(other(directory, command.unit_id), command.at)
    current = state or EvaluationState(command.unit_id, command.cycle)
    if current.closed is not None:
        if isinstance(command, CloseCycle):
            return []
        raise closed_refusal(current)
    match command:
        case AdoptScheme():
            _allowed(permissions.adopt_scheme(directory, unit, command.actor_id, command.at))
            return rules.adopt(command, current)
        case SetQuota():
            _allowed(permissions.set_quota(directory, unit, command.actor_id, command.at))
            return rules.set_quota(command, current)
        case ApplyDeduction() | RecordVeto() | ScoreActivist():
            _allowed(permissions.evaluate(directory, unit, command.actor_id, command.at))
            _on_roll(directory, unit, command.person_id, command)
            return _person_rule(command, current)
        case PublishSnapshot():
            _allowed(permissions.evaluate(directory, unit, command.actor_id, command.at))
            return rules.publish(command, current, directory, unit.cycle_start_month)
        case CloseCycle():
            what = permissions.CLOSE_CYCLE
            _allowed(permissions.evaluate(directory, unit, command.actor_id, command.at, what))
            return rules.close(command, current, directory, unit.cycle_start_month)
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


def evolve_state(state: EvaluationState | None, event: EvaluationEvent) -> EvaluationState:
    """Fold one evaluation event into the state; never fails."""
    current = state or EvaluationState(event.unit_id, event.cycle)
    match event:
        case SchemeAdopted():
            return evolve(current, schemes=(*current.schemes, event.scheme))
        case QuotaSet():
            return evolve(current, quota=event.quota)
        case DeductionApplied():
            deduction = Deduction(
                event.deduction_id, event.person_id, event.code, event.label, event.points,
                event.category, event.reason,
            )  # fmt: skip
            return evolve(current, deductions=(*current.deductions, deduction))
        case VetoRecorded():
            return evolve(current, vetoes={**current.vetoes, event.person_id: event.label})
        case ActivistScored():
            scores = {**current.activist_scores, event.person_id: dict(event.scores)}
            return evolve(current, activist_scores=scores)
        case SnapshotPublished():
            snapshot = Snapshot(event.quarter, event.standings)
            return evolve(current, snapshots=(*current.snapshots, snapshot))
        case CycleClosed():
            return evolve(current, closed=event.standings)
        case _:
            assert_never(event)


def closed_refusal(state: EvaluationState) -> CycleAlreadyClosed:
    """The refusal for any change to a closed cycle."""
    return CycleAlreadyClosed(
        f"{state.unit_id} 的 {state.cycle} 考评周期已结束,成绩已冻结",
        f"the {state.cycle} evaluation cycle of {state.unit_id} is closed; its standings are frozen",
    )


def _allowed(rule: permissions.Rule | None) -> None:
    permissions.enforce(rule)


def _on_roll(
    directory: Directory,
    unit: UnitState,
    person_id: str,
    command: ApplyDeduction | RecordVeto | ScoreActivist,
) -> None:
    person = directory.person(person_id)  # type: ignore[arg-type]
    home = None if person is None else live_unit(directory, person.branch_id, command.at)
    if home is None or home.unit_id != unit.unit_id:
        raise UnknownSubject(
            f"{person_id} 不是 {unit.unit_id} 登记人员",
            f"{person_id} is not on {unit.unit_id}'s roll",
        )
