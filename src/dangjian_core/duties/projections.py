"""职责读模型 — duties, their patrols and the problems reported on them, as rows. The
views select the patrol days and ask :mod:`~dangjian_core.duties.queries` for the gaps."""

from __future__ import annotations

from typing import Any, assert_never

from dangjian_core.duties.events import (
    EVENTS,
    DutyAssigned,
    DutyEnded,
    DutyEvent,
    DutyHandedOver,
    PatrolLogged,
    ProblemFollow,
    ProblemReported,
    ProblemRouted,
)
from dangjian_core.kernel.concept import Projection
from dangjian_core.kernel.readmodel import Change, Column, Table, Upsert, Value
from dangjian_core.kernel.recorded import Recorded

DUTIES = Table(
    "duties",
    key=(Column("duty_id"),),
    values=(
        Column("unit_id"),
        Column("kind"),
        Column("object_name"),
        Column("details"),
        Column("holder_id"),
        Column("every", "int"),
        Column("cadence"),
        Column("since"),
        Column("ended"),
        Column("patrols", "int"),
        Column("problems", "int"),
    ),
    indexes=(("unit_id",), ("holder_id",)),
)
DUTY_PATROLS = Table(
    "duty_patrols",
    key=(Column("duty_id"), Column("position", "int")),
    values=(Column("holder_id"), Column("patrolled_on"), Column("note"), Column("evidence")),
)
DUTY_PROBLEMS = Table(
    "duty_problems",
    key=(Column("duty_id"), Column("problem_id")),
    values=(
        Column("reported_on"),
        Column("description"),
        Column("follow_kind"),
        Column("follow_id"),
    ),
)
TABLES = (DUTIES, DUTY_PATROLS, DUTY_PROBLEMS)


def project_duties(recorded: Recorded[Any]) -> list[Change]:
    """Rows changed by one duty event."""
    event: DutyEvent = recorded.event
    duty = {"duty_id": event.duty_id}
    match event:
        case DutyAssigned():
            values: dict[str, Value] = {
                "unit_id": event.unit_id,
                "kind": event.kind.value,
                "object_name": event.object_name,
                "details": event.details,
                "holder_id": event.holder_id,
                "every": event.every,
                "cadence": event.cadence.value,
                "since": event.since.isoformat(),
            }
            return [Upsert(DUTIES.name, duty, set=values)]
        case DutyHandedOver():
            return [Upsert(DUTIES.name, duty, set={"holder_id": event.holder_id})]
        case DutyEnded():
            return [Upsert(DUTIES.name, duty, set={"ended": event.on.isoformat()})]
        case PatrolLogged():
            patrol: dict[str, Value] = {
                "holder_id": event.holder_id,
                "patrolled_on": event.on.isoformat(),
                "note": event.note,
                "evidence": "\n".join(event.evidence),
            }
            return [
                Upsert(DUTIES.name, duty, add={"patrols": 1}),
                Upsert(DUTY_PATROLS.name, {**duty, "position": recorded.position}, set=patrol),
            ]
        case ProblemReported():
            problem = {**duty, "problem_id": event.problem_id}
            values = {"reported_on": event.on.isoformat(), "description": event.description}
            return [
                Upsert(DUTIES.name, duty, add={"problems": 1}),
                Upsert(DUTY_PROBLEMS.name, problem, set={**values, **_follow(event.follow)}),
            ]
        case ProblemRouted():
            problem = {**duty, "problem_id": event.problem_id}
            return [Upsert(DUTY_PROBLEMS.name, problem, set=_follow(event.follow))]
        case _:
            assert_never(event)


def _follow(follow: ProblemFollow | None) -> dict[str, Value]:
    if follow is None:
        return {"follow_kind": None, "follow_id": None}
    return {"follow_kind": follow.kind.value, "follow_id": follow.follow_id}


PROJECTIONS = (Projection("duties", TABLES, project_duties, tuple(EVENTS.values())),)
