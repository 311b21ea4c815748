"""考评权限重放 — re-checking a recorded evaluation event's actor, for the inspector's replay
(:mod:`dangjian_core.authority`), with the same rules the decider uses."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from dangjian_core import permissions as p
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

if TYPE_CHECKING:
    from dangjian_core.directory import Directory

EVALUATION_EVENTS = (
    SchemeAdopted,
    QuotaSet,
    DeductionApplied,
    VetoRecorded,
    ActivistScored,
    SnapshotPublished,
    CycleClosed,
)


def evaluation_violation(
    event: EvaluationEvent, actor: str, at: datetime, directory: Directory
) -> p.Rule | None:
    """The rule the actor of a recorded evaluation event broke, or None."""
    unit = directory.branch(event.unit_id)
    if unit is None:
        return p.Rule(
            "unknown", f"{event.unit_id} 当时不存在", f"{event.unit_id} did not exist at the time"
        )
    match event:
        case SchemeAdopted():
            return p.adopt_scheme(directory, unit, actor, at)
        case QuotaSet():
            return p.set_quota(directory, unit, actor, at)
        case CycleClosed():
            return p.evaluate(directory, unit, actor, at, p.CLOSE_CYCLE)
        case _:
            return p.evaluate(directory, unit, actor, at)
