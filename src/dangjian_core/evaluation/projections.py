"""考评读模型 — each unit-cycle's scheme, quota and close; deductions, vetoes, activist
scores and quarterly snapshots.

Schemes and frozen standings are kept whole as JSON text (``attrs.asdict``), so a query
reads back exactly what the event recorded.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from attrs import asdict

from dangjian_core.evaluation.events import (
    EVENTS,
    ActivistScored,
    CycleClosed,
    DeductionApplied,
    QuotaSet,
    SchemeAdopted,
    SnapshotPublished,
    VetoRecorded,
)
from dangjian_core.kernel.concept import Projection
from dangjian_core.kernel.readmodel import Change, Column, Table, Upsert, Value
from dangjian_core.kernel.recorded import Recorded

_UNIT_CYCLE = (Column("unit_id"), Column("cycle"))
EVALUATIONS = Table(
    "evaluations",
    key=_UNIT_CYCLE,
    values=(
        Column("scheme_version", "int"),
        Column("scheme"),
        Column("quota", "int"),
        Column("closed_at"),
        Column("closed_position", "int"),
        Column("closed"),
    ),
)
EVAL_DEDUCTIONS = Table(
    "eval_deductions",
    key=(Column("position", "int"),),
    values=(
        *_UNIT_CYCLE,
        Column("deduction_id"),
        Column("person_id"),
        Column("code"),
        Column("label"),
        Column("points", "int"),
        Column("category"),
        Column("reason"),
        Column("actor_id"),
        Column("at"),
    ),
    indexes=(("unit_id", "cycle"),),
)
EVAL_VETOES = Table(
    "eval_vetoes",
    key=(*_UNIT_CYCLE, Column("person_id")),
    values=(Column("code"), Column("label"), Column("reason"), Column("actor_id"), Column("at")),
)
EVAL_SCORES = Table(
    "eval_scores",
    key=(*_UNIT_CYCLE, Column("person_id")),
    values=(Column("scores"), Column("actor_id"), Column("at")),
)
EVAL_SNAPSHOTS = Table(
    "eval_snapshots",
    key=(*_UNIT_CYCLE, Column("quarter")),
    values=(Column("at"), Column("position", "int"), Column("standings")),
)
TABLES = (EVALUATIONS, EVAL_DEDUCTIONS, EVAL_VETOES, EVAL_SCORES, EVAL_SNAPSHOTS)


def as_json(value: Any) -> str:
    """An attrs value as canonical JSON text (datetimes as ISO strings)."""
    return json.dumps(asdict(value), ensure_ascii=False, sort_keys=True, default=_iso)


def _iso(value: Any) -> str:
    return value.isoformat() if isinstance(value, datetime) else str(value)


def project_evaluation(recorded: Recorded[Any]) -> list[Change]:
    """The rows one evaluation event changes."""
    event = recorded.event
    key: dict[str, Value] = {"unit_id": event.unit_id, "cycle": event.cycle}
    who: dict[str, Value] = {"actor_id": recorded.actor_id, "at": recorded.at.isoformat()}
    match event:
        case SchemeAdopted():
            values: dict[str, Value] = {"scheme_version": event.version}
            return [Upsert("evaluations", key, set=values | {"scheme": as_json(event.scheme)})]
        case QuotaSet():
            return [Upsert("evaluations", key, set={"quota": event.quota})]
        case DeductionApplied():
            row = {k: v for k, v in asdict(event).items() if k not in key}
            return [Upsert("eval_deductions", {"position": recorded.position}, set=key | row | who)]
        case VetoRecorded():
            row = {"code": event.code, "label": event.label, "reason": event.reason}
            return [Upsert("eval_vetoes", key | {"person_id": event.person_id}, set=row | who)]
        case ActivistScored():
            scores = json.dumps(dict(event.scores), ensure_ascii=False, sort_keys=True)
            where = key | {"person_id": event.person_id}
            return [Upsert("eval_scores", where, set={"scores": scores} | who)]
        case SnapshotPublished():
            row = {"at": event.standings.at.isoformat(), "position": recorded.position}
            row |= {"standings": as_json(event.standings)}
            return [Upsert("eval_snapshots", key | {"quarter": event.quarter}, set=row)]
        case CycleClosed():
            row = {"closed_at": event.standings.at.isoformat(), "closed": as_json(event.standings)}
            row |= {"closed_position": recorded.position}
            return [Upsert("evaluations", key, set=row)]
    return []


PROJECTIONS = (Projection("evaluation", TABLES, project_evaluation, tuple(EVENTS.values())),)
