"""职责决策 — ``decide`` and ``evolve`` for duties: flat tables over the rules in
:mod:`~dangjian_core.duties.rules`; the state is :mod:`~dangjian_core.duties.state`."""

from __future__ import annotations

from typing import assert_never

import attrs

from dangjian_core.duties import rules
from dangjian_core.duties.commands import (
    AssignDuty,
    DutyCommand,
    EndDuty,
    HandOverDuty,
    LogPatrol,
    ReportProblem,
    RouteProblem,
)
from dangjian_core.duties.events import (
    DutyAssigned,
    DutyEnded,
    DutyEvent,
    DutyHandedOver,
    PatrolLogged,
    ProblemReported,
    ProblemRouted,
)
from dangjian_core.duties.state import DutyState, PatrolProblem, existing
from dangjian_core.kernel.facts import Facts


def decide(command: DutyCommand, state: DutyState | None, facts: Facts) -> list[DutyEvent]:
    """Decide a duty command against the duty's state and the facts."""
    if isinstance(command, AssignDuty):
        return rules.assign(command, state, facts)
    duty = existing(state, command.duty_id)
    match command:
        case HandOverDuty():
            return rules.hand_over(command, duty, facts)
        case EndDuty():
            return rules.end(command, duty, facts)
        case LogPatrol():
            return rules.log_patrol(command, duty, facts)
        case ReportProblem():
            return rules.report(command, duty, facts)
        case RouteProblem():
            return rules.route(command, duty, facts)
        case _:
            assert_never(command)


def evolve(state: DutyState | None, event: DutyEvent) -> DutyState | None:
    """Fold one duty event into the state; never fails (an event of a duty never assigned
    leaves nothing to change)."""
    if isinstance(event, DutyAssigned):
        return DutyState(
            event.duty_id,
            event.unit_id,
            event.kind,
            event.object_name,
            event.details,
            ((event.since, event.holder_id),),
            event.every,
            event.cadence,
            event.since,
        )
    if state is None:
        return state
    match event:
        case DutyHandedOver():
            return attrs.evolve(state, holders=(*state.holders, (event.on, event.holder_id)))
        case DutyEnded():
            return attrs.evolve(state, ended=event.on)
        case PatrolLogged():
            return state
        case ProblemReported():
            problem = PatrolProblem(event.problem_id, event.on, event.description, event.follow)
            return attrs.evolve(state, problems=(*state.problems, problem))
        case ProblemRouted():
            problems = tuple(
                attrs.evolve(p, follow=event.follow) if p.problem_id == event.problem_id else p
                for p in state.problems
            )
            return attrs.evolve(state, problems=problems)
        case _:
            assert_never(event)
