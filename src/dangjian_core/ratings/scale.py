"""星级尺度 — the star level a standard gives a score, and a board's folded state."""

from __future__ import annotations

from datetime import datetime, timedelta

from attrs import field, frozen

from dangjian_core.calendar.workdays import Calendar
from dangjian_core.ratings.events import RatedKind, StarStandardSet
from dangjian_core.shared.ids import BranchId

#: How many working days (工作日, from the working-day calendar) a proposed rating is
#: posted (公示) before it may be fixed.
POSTING_DAYS = 5


def posting_ends(calendar: Calendar, at: datetime) -> datetime:
    """公示截止 — when a rating proposed at ``at`` may first be fixed: the same time of day
    on the last of :data:`POSTING_DAYS` working days after the day of proposal."""
    last = calendar.add_working_days(at.date() + timedelta(days=1), POSTING_DAYS)
    return datetime.combine(last, at.timetz())


def stars_for(standard: StarStandardSet, score: int, innovation: bool) -> int:
    """The stars ``score`` earns under ``standard``: the number of thresholds it reaches
    (0: fails); five stars also need an innovation project when the standard says so."""
    stars = sum(1 for minimum in standard.thresholds if score >= minimum)
    if stars == len(standard.thresholds) and standard.innovation_for_five and not innovation:
        return stars - 1
    return stars


@frozen
class Rating:
    """星级 — one subject's rating on a board: proposed, fixed, lowered or removed."""

    kind: RatedKind
    subject_id: str
    score: int
    stars: int
    posted_until: datetime
    fixed: bool = False
    removed: bool = False


@frozen
class BoardState:
    """评星 — one unit's standards and ratings for one year."""

    unit_id: BranchId
    year: int
    standards: dict[RatedKind, StarStandardSet] = field(factory=dict)
    ratings: dict[tuple[RatedKind, str], Rating] = field(factory=dict)
