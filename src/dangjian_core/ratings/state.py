"""评星状态 — one unit's board for one year as folded from its stream: its standards and
ratings; and the refusals of rating commands."""

from __future__ import annotations

from datetime import datetime

from attrs import field, frozen

from dangjian_core.kernel.concept import Stream, nothing
from dangjian_core.kernel.errors import DomainError
from dangjian_core.kernel.ids import BranchId
from dangjian_core.ratings.events import CommitmentCriterionSet, RatedKind, StarStandardSet


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
    """评星 — one unit's standards (with any commitment criterion) and ratings for one year."""

    unit_id: BranchId
    year: int
    standards: dict[RatedKind, StarStandardSet] = field(factory=dict)
    ratings: dict[tuple[RatedKind, str], Rating] = field(factory=dict)
    criteria: dict[RatedKind, CommitmentCriterionSet] = field(factory=dict)


#: A board's stream, ``rating-<unit id>-<year>``; None before its first event.
BOARD: Stream[BoardState | None] = Stream("rating", nothing)


class RatingError(DomainError):
    """评星错误 — a rating command was refused by a rule of star rating."""

    code = "rating"
