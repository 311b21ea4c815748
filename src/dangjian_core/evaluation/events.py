"""考评事件 — what happened to a unit's evaluation in one cycle."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from attrs import frozen

from dangjian_core.evaluation.scheme import Scheme
from dangjian_core.evaluation.state import FrozenStandings
from dangjian_core.kernel.ids import BranchId, PersonId
from dangjian_core.kernel.time import Cycle


@frozen
class SchemeAdopted:
    """积分细则已采用 — the unit adopted version ``version`` of its points scheme."""

    TITLE: ClassVar[str] = "积分细则已采用"

    unit_id: BranchId
    cycle: Cycle
    version: int
    scheme: Scheme


@frozen
class QuotaSet:
    """发展名额已下达 — the upper unit set the unit's development quota for the cycle."""

    TITLE: ClassVar[str] = "发展名额已下达"

    unit_id: BranchId
    cycle: Cycle
    quota: int
    reason: str


@frozen
class DeductionApplied:
    """已扣分 — a fixed deduction item of the scheme was applied to a person."""

    TITLE: ClassVar[str] = "已扣分"

    unit_id: BranchId
    cycle: Cycle
    deduction_id: str
    person_id: PersonId
    code: str
    label: str
    points: int
    category: str
    reason: str


@frozen
class VetoRecorded:
    """一票否决已记录 — a named breach zeroes the person's year."""

    TITLE: ClassVar[str] = "一票否决已记录"

    unit_id: BranchId
    cycle: Cycle
    person_id: PersonId
    code: str
    label: str
    reason: str


@frozen
class ActivistScored:
    """积极分子维度已评分 — an activist's scores on the scheme's hand-scored dimensions."""

    TITLE: ClassVar[str] = "积极分子维度已评分"

    unit_id: BranchId
    cycle: Cycle
    person_id: PersonId
    scores: tuple[tuple[str, int], ...]


@frozen
class SnapshotPublished:
    """季度成绩已公布 — the standings of a quarter, as published on the wall."""

    TITLE: ClassVar[str] = "季度成绩已公布"

    unit_id: BranchId
    cycle: Cycle
    quarter: str
    standings: FrozenStandings


@frozen
class CycleClosed:
    """考评周期已结束 — the cycle is closed and its standings frozen."""

    TITLE: ClassVar[str] = "考评周期已结束"

    unit_id: BranchId
    cycle: Cycle
    standings: FrozenStandings


EvaluationEvent = (
    SchemeAdopted
    | QuotaSet
    | DeductionApplied
    | VetoRecorded
    | ActivistScored
    | SnapshotPublished
    | CycleClosed
)


#: The stable stored name of every evaluation event: a storage contract. A class may be renamed
#: or moved; its stored name stays (a changed event gets a new name and an upcaster).
EVENTS: Mapping[str, type[EvaluationEvent]] = {
    "SchemeAdopted": SchemeAdopted,
    "QuotaSet": QuotaSet,
    "DeductionApplied": DeductionApplied,
    "VetoRecorded": VetoRecorded,
    "ActivistScored": ActivistScored,
    "SnapshotPublished": SnapshotPublished,
    "CycleClosed": CycleClosed,
}
