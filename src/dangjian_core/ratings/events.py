"""评星事件 — standards set, ratings proposed, fixed, lowered and removed."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum
from typing import ClassVar

from attrs import frozen

from dangjian_core.kernel.ids import BranchId


class RatedKind(StrEnum):
    """评星对象 — what is rated: a member (党员) or a branch (党支部)."""

    MEMBER = "member"
    BRANCH = "branch"

    @property
    def zh(self) -> str:
        """The kind in Chinese."""
        return {"member": "党员", "branch": "党支部"}[self.value]


@frozen
class StarStandardSet:
    """评星标准已设定 — the minimum score for one to five stars (below one star fails),
    out of ``max_score``; five stars may also need an innovation project."""

    TITLE: ClassVar[str] = "评星标准已设定"

    unit_id: BranchId
    year: int
    kind: RatedKind
    thresholds: tuple[int, ...]
    max_score: int
    innovation_for_five: bool


@frozen
class RatingProposed:
    """星级已拟定 — a rating with its score and criteria scores, posted until a date."""

    TITLE: ClassVar[str] = "星级已拟定"

    unit_id: BranchId
    year: int
    kind: RatedKind
    subject_id: str
    score: int
    criteria: tuple[tuple[str, int], ...]
    innovation: bool
    stars: int
    posted_until: datetime


@frozen
class RatingFixed:
    """星级已评定 — the posting period ended and the proposed rating stands."""

    TITLE: ClassVar[str] = "星级已评定"

    unit_id: BranchId
    year: int
    kind: RatedKind
    subject_id: str
    stars: int


@frozen
class RatingLowered:
    """星级已降低 — a fixed rating was lowered, with a reason."""

    TITLE: ClassVar[str] = "星级已降低"

    unit_id: BranchId
    year: int
    kind: RatedKind
    subject_id: str
    stars: int
    reason: str


@frozen
class RatingRemoved:
    """星级已撤销 — a fixed rating was removed, with a reason."""

    TITLE: ClassVar[str] = "星级已撤销"

    unit_id: BranchId
    year: int
    kind: RatedKind
    subject_id: str
    reason: str


@frozen
class CommitmentCriterionSet:
    """承诺评星项已设定 — one kind's standard counts the concluded commitment score (评诺)
    as a criterion worth ``points`` of its maximum."""

    TITLE: ClassVar[str] = "承诺评星项已设定"

    unit_id: BranchId
    year: int
    kind: RatedKind
    points: int


@frozen
class RatingCriterionComputed:
    """评星项已计算 — a criterion of a proposed rating computed from recorded facts:
    ``points`` of ``out_of``, from the ``basis`` (a commitment score, in hundredths of a
    point out of 100.00) concluded in ``source`` (the commitment book ``<unit>@<year>``)."""

    TITLE: ClassVar[str] = "评星项已计算"

    unit_id: BranchId
    year: int
    kind: RatedKind
    subject_id: str
    name: str
    points: int
    out_of: int
    basis: int
    source: str


RatingEvent = (
    StarStandardSet
    | CommitmentCriterionSet
    | RatingCriterionComputed
    | RatingProposed
    | RatingFixed
    | RatingLowered
    | RatingRemoved
)


#: The stable stored name of every rating event: a storage contract. A class may be renamed
#: or moved; its stored name stays (a changed event gets a new name and an upcaster).
EVENTS: Mapping[str, type[RatingEvent]] = {
    "StarStandardSet": StarStandardSet,
    "CommitmentCriterionSet": CommitmentCriterionSet,
    "RatingCriterionComputed": RatingCriterionComputed,
    "RatingProposed": RatingProposed,
    "RatingFixed": RatingFixed,
    "RatingLowered": RatingLowered,
    "RatingRemoved": RatingRemoved,
}
