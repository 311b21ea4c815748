"""考评命令 — adopt a scheme, set the quota, deduct, veto, score, publish, close."""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING, Any

from attrs import field, frozen

from dangjian_core.evaluation.scheme import Scheme, check_scheme
from dangjian_core.evaluation.state import evaluation_id
from dangjian_core.kernel.ids import BranchId, PersonId, check_id
from dangjian_core.kernel.time import Cycle, check_aware
from dangjian_core.kernel.validation import int_between, text

_CYCLE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_QUARTER = re.compile(r"^\d{4}Q[1-4]$")


def _cycle(_instance: object, _attribute: object, value: Any) -> None:
    if not isinstance(value, str) or not _CYCLE.match(value):
        raise ValueError(f"周期须形如 2021-10 / cycle must look like 2021-10: {value!r}")


def _quarter(_instance: object, _attribute: object, value: Any) -> None:
    if not isinstance(value, str) or not _QUARTER.match(value):
        raise ValueError(f"季度须形如 2022Q2 / quarter must look like 2022Q2: {value!r}")


def _scores(_instance: object, _attribute: object, value: Any) -> None:
    def ok(item: Any) -> bool:
        name, score = item if isinstance(item, tuple) and len(item) == 2 else ("", None)
        fits = isinstance(score, int) and not isinstance(score, bool) and 0 <= score <= 1000
        return isinstance(name, str) and 0 < len(name) <= 30 and fits

    if not isinstance(value, tuple) or not value or not all(ok(item) for item in value):
        raise ValueError(
            f"维度得分须为 (维度, 0–1000) / scores must be (dimension, 0..1000): {value!r}"
        )


class _Evaluation:
    """The evaluation a command is decided against: one unit and cycle."""

    if TYPE_CHECKING:
        unit_id: BranchId
        cycle: Cycle

    @property
    def evaluation_id(self) -> str:
        """The evaluation stream's subject: ``<unit_id>@<cycle>``."""
        return evaluation_id(self.unit_id, self.cycle)


@frozen
class AdoptScheme(_Evaluation):
    """采用积分细则 — the unit's secretary or organizing member (or a level above) adopts
    a scheme for the cycle; adopting again makes the next version."""

    unit_id: BranchId = field(validator=check_id)
    cycle: Cycle = field(validator=_cycle)
    scheme: Scheme = field(validator=check_scheme)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class SetQuota(_Evaluation):
    """下达发展名额 — the upper unit sets the unit's development quota for the cycle."""

    unit_id: BranchId = field(validator=check_id)
    cycle: Cycle = field(validator=_cycle)
    quota: int = field(validator=int_between(0, 1000))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)
    reason: str = field(default="", validator=text(0, 500))


@frozen
class ApplyDeduction(_Evaluation):
    """扣分 — apply one of the scheme's fixed deduction items to a person."""

    unit_id: BranchId = field(validator=check_id)
    cycle: Cycle = field(validator=_cycle)
    deduction_id: str = field(validator=check_id)
    person_id: PersonId = field(validator=check_id)
    code: str = field(validator=text(1, 30))
    reason: str = field(validator=text(1, 500))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class RecordVeto(_Evaluation):
    """一票否决 — record a named breach that zeroes the person's year."""

    unit_id: BranchId = field(validator=check_id)
    cycle: Cycle = field(validator=_cycle)
    person_id: PersonId = field(validator=check_id)
    code: str = field(validator=text(1, 30))
    reason: str = field(validator=text(1, 500))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class ScoreActivist(_Evaluation):
    """积极分子评分 — score an activist on the scheme's hand-scored dimensions."""

    unit_id: BranchId = field(validator=check_id)
    cycle: Cycle = field(validator=_cycle)
    person_id: PersonId = field(validator=check_id)
    scores: tuple[tuple[str, int], ...] = field(validator=_scores)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class PublishSnapshot(_Evaluation):
    """公布季度成绩 — freeze the standings as they are now for a quarter."""

    unit_id: BranchId = field(validator=check_id)
    cycle: Cycle = field(validator=_cycle)
    quarter: str = field(validator=_quarter)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class CloseCycle(_Evaluation):
    """结束考评周期 — close the cycle and freeze its standings (no reviews may be open)."""

    unit_id: BranchId = field(validator=check_id)
    cycle: Cycle = field(validator=_cycle)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


EvaluationCommand = (
    AdoptScheme
    | SetQuota
    | ApplyDeduction
    | RecordVeto
    | ScoreActivist
    | PublishSnapshot
    | CloseCycle
)
