"""创星榜读模型 — each unit's standards, every rating's current level and status, and the
criteria computed from recorded facts (the commitment score)."""

from __future__ import annotations

from typing import Any

from dangjian_core.kernel.concept import Projection
from dangjian_core.kernel.readmodel import Change, Column, Table, Upsert, Value
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.ratings.events import (
    EVENTS,
    CommitmentCriterionSet,
    RatingCriterionComputed,
    RatingFixed,
    RatingLowered,
    RatingProposed,
    RatingRemoved,
    StarStandardSet,
)

#: The status column's values: 公示中, 已评定, 已撤销.
POSTED, FIXED, REMOVED = "posted", "fixed", "removed"

STAR_STANDARDS = Table(
    "star_standards",
    key=(Column("unit_id"), Column("year", "int"), Column("kind")),
    values=(
        Column("thresholds"),
        Column("max_score", "int"),
        Column("innovation", "int"),
        Column("commitment_points", "int"),
    ),
)
STAR_RATINGS = Table(
    "star_ratings",
    key=(Column("unit_id"), Column("year", "int"), Column("kind"), Column("subject_id")),
    values=(
        Column("stars", "int"),
        Column("score", "int"),
        Column("status"),
        Column("posted_until"),
        Column("reason"),
    ),
)
STAR_CRITERIA = Table(
    "star_criteria",
    key=(
        Column("unit_id"),
        Column("year", "int"),
        Column("kind"),
        Column("subject_id"),
        Column("name"),
    ),
    values=(
        Column("points", "int"),
        Column("out_of", "int"),
        Column("basis", "int"),
        Column("source"),
        Column("position", "int"),
    ),
    indexes=(("subject_id", "year"),),
)
TABLES = (STAR_STANDARDS, STAR_RATINGS)


def project_ratings(recorded: Recorded[Any]) -> list[Change]:
    """The standard or rating row one rating event changes."""
    event = recorded.event
    if isinstance(event, StarStandardSet):
        return [_standard(event)]
    if isinstance(event, CommitmentCriterionSet):
        standard: dict[str, Value] = {"unit_id": event.unit_id, "year": event.year}
        standard["kind"] = event.kind.value
        return [Upsert("star_standards", standard, set={"commitment_points": event.points})]
    if not isinstance(event, RatingProposed | RatingFixed | RatingLowered | RatingRemoved):
        return []
    key: dict[str, Value] = {
        "unit_id": event.unit_id,
        "year": event.year,
        "kind": event.kind.value,
        "subject_id": event.subject_id,
    }
    values: dict[str, Value]
    match event:
        case RatingProposed():
            until = event.posted_until.isoformat()
            values = {"stars": event.stars, "score": event.score, "status": POSTED}
            values |= {"posted_until": until, "reason": ""}
        case RatingFixed():
            values = {"status": FIXED}
        case RatingLowered():
            values = {"stars": event.stars, "reason": event.reason}
        case RatingRemoved():
            values = {"status": REMOVED, "reason": event.reason}
    return [Upsert("star_ratings", key, set=values)]


def _standard(event: StarStandardSet) -> Change:
    key: dict[str, Value] = {"unit_id": event.unit_id, "year": event.year, "kind": event.kind.value}
    values: dict[str, Value] = {
        "thresholds": ",".join(str(t) for t in event.thresholds),
        "max_score": event.max_score,
        "innovation": int(event.innovation_for_five),
    }
    return Upsert("star_standards", key, set=values)


def project_criteria(recorded: Recorded[Any]) -> list[Change]:
    """The computed criterion of a proposed rating, with its basis and source."""
    event = recorded.event
    if not isinstance(event, RatingCriterionComputed):
        return []
    key: dict[str, Value] = {
        "unit_id": event.unit_id,
        "year": event.year,
        "kind": event.kind.value,
        "subject_id": event.subject_id,
        "name": event.name,
    }
    values: dict[str, Value] = {
        "points": event.points,
        "out_of": event.out_of,
        "basis": event.basis,
        "source": event.source,
        "position": recorded.position,
    }
    return [Upsert("star_criteria", key, set=values)]


PROJECTIONS = (
    # Version 2: a standard's commitment criterion (公开承诺 points) is written too.
    Projection("ratings", TABLES, project_ratings, tuple(EVENTS.values()), version=2),
    Projection("rating_criteria", (STAR_CRITERIA,), project_criteria, (RatingCriterionComputed,)),
)
