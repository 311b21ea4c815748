"""评星命令 — set a standard; propose, fix, lower or remove a rating."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from attrs import field, frozen, validators

from dangjian_core.kernel.ids import BranchId, check_id
from dangjian_core.kernel.time import check_aware
from dangjian_core.kernel.validation import text as _text
from dangjian_core.ratings.events import RatedKind

MAX_STARS = 5


def _year(_instance: object, _attribute: object, value: Any) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not 1921 <= value <= 2200:
        raise ValueError(f"年度无效 / invalid year: {value!r}")


def _score(_instance: object, _attribute: object, value: Any) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 1000:
        raise ValueError(f"分数须为 0 至 1000 的整数 / score must be an integer 0..1000: {value!r}")


def _thresholds(instance: Any, _attribute: object, value: Any) -> None:
    ok = isinstance(value, tuple) and len(value) == MAX_STARS
    ok = ok and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ok = ok and all(0 <= a < b for a, b in zip((0, *value), value, strict=False))
    if not ok or value[-1] > instance.max_score:
        raise ValueError(
            "一至五星的最低分须为 5 个递增的正整数且不超过满分 / thresholds must be 5 "
            f"increasing positive integers within the maximum score: {value!r}"
        )


def _criteria(_instance: object, _attribute: object, value: Any) -> None:
    def ok(item: Any) -> bool:
        name, score = item if isinstance(item, tuple) and len(item) == 2 else ("", None)
        return isinstance(name, str) and 0 < len(name) <= 30 and isinstance(score, int)

    if not isinstance(value, tuple) or not all(ok(item) for item in value):
        raise ValueError(f"各项得分须为 (名称, 分数) / criteria must be (name, score): {value!r}")


def _stars(_instance: object, _attribute: object, value: Any) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value < MAX_STARS:
        raise ValueError(f"降至的星级须为 1 至 4 / lowered stars must be 1..4: {value!r}")


class _Board:
    """The board a command is decided against: one unit and year."""

    if TYPE_CHECKING:
        unit_id: BranchId
        year: int

    @property
    def board_id(self) -> str:
        """The rating stream's subject: ``<unit_id>-<year>``."""
        return f"{self.unit_id}-{self.year}"


@frozen
class SetStarStandard(_Board):
    """设定评星标准 — the upper unit sets the standard for one kind and year."""

    unit_id: BranchId = field(validator=check_id)
    year: int = field(validator=_year)
    kind: RatedKind = field(validator=validators.instance_of(RatedKind))
    max_score: int = field(validator=_score)
    thresholds: tuple[int, ...] = field(validator=_thresholds)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)
    innovation_for_five: bool = field(default=False, validator=validators.instance_of(bool))


@frozen
class ProposeRating(_Board):
    """拟定星级 — propose a rating from a score (and criteria scores); posted 5 days.

    When the standard counts the commitment score (:class:`SetCommitmentCriterion`),
    ``score`` and ``criteria`` are those typed in; the commitment criterion is computed
    from the recorded assessment and added to them."""

    unit_id: BranchId = field(validator=check_id)
    year: int = field(validator=_year)
    kind: RatedKind = field(validator=validators.instance_of(RatedKind))
    subject_id: str = field(validator=check_id)
    score: int = field(validator=_score)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)
    criteria: tuple[tuple[str, int], ...] = field(default=(), validator=_criteria)
    innovation: bool = field(default=False, validator=validators.instance_of(bool))


@frozen
class FixRating(_Board):
    """评定星级 — fix a proposed rating once its posting period has ended."""

    unit_id: BranchId = field(validator=check_id)
    year: int = field(validator=_year)
    kind: RatedKind = field(validator=validators.instance_of(RatedKind))
    subject_id: str = field(validator=check_id)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class LowerRating(_Board):
    """降低星级 — lower a fixed rating, with a reason."""

    unit_id: BranchId = field(validator=check_id)
    year: int = field(validator=_year)
    kind: RatedKind = field(validator=validators.instance_of(RatedKind))
    subject_id: str = field(validator=check_id)
    stars: int = field(validator=_stars)
    reason: str = field(validator=_text(1, 500))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class RemoveRating(_Board):
    """撤销星级 — remove a fixed rating, with a reason."""

    unit_id: BranchId = field(validator=check_id)
    year: int = field(validator=_year)
    kind: RatedKind = field(validator=validators.instance_of(RatedKind))
    subject_id: str = field(validator=check_id)
    reason: str = field(validator=_text(1, 500))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class SetCommitmentCriterion(_Board):
    """设定承诺评星项 — the upper unit counts the concluded commitment score (公开承诺, 评诺)
    as a criterion of one kind's standard, worth ``points`` of its maximum score."""

    unit_id: BranchId = field(validator=check_id)
    year: int = field(validator=_year)
    kind: RatedKind = field(validator=validators.instance_of(RatedKind))
    points: int = field(validator=_score)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


RatingCommand = (
    SetStarStandard
    | SetCommitmentCriterion
    | ProposeRating
    | FixRating
    | LowerRating
    | RemoveRating
)
