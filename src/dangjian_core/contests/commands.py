"""擂台赛命令 — open a contest and adopt its scheme; enter contestants, file their
reports and appoint the judges; open each round, submit and correct sheets, close the
round (现场亮分); record the field inspection and the reviewer's comments; publish the
results. Each names its contest, actor and time."""

from __future__ import annotations

from datetime import date, datetime

from attrs import field, frozen, validators

from dangjian_core.contests.shapes import MAX_CONTESTANTS, MAX_ITEMS, day, optional_id, texts
from dangjian_core.contests.shapes import marks as _marks
from dangjian_core.contests.shapes import pairs as _pairs
from dangjian_core.contests.shapes import score_text as _score
from dangjian_core.contests.shapes import whole_scheme as _whole
from dangjian_core.contests.values import Aggregation, ContestScheme, Criterion, Mark, TieRule
from dangjian_core.kernel.ids import BranchId, check_id
from dangjian_core.kernel.time import check_aware
from dangjian_core.kernel.validation import int_between as _int_between
from dangjian_core.kernel.validation import text as _text


@frozen
class OpenContest:
    """举办擂台赛 — the host unit's leaders name the contest, its day and whether it is
    live streamed."""

    contest_id: str = field(validator=check_id)
    host_unit_id: BranchId = field(validator=check_id)
    title: str = field(validator=_text(1, 80))
    held_on: date = field(validator=day)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)
    live_stream: bool = field(default=False, validator=validators.instance_of(bool))


@frozen
class AdoptContestScheme:
    """采用评分细则 — the weighted criteria as (name, weight) pairs, the aggregation, the
    inspection's weight and the tie rule (:attr:`scheme`); adopting again (before the first
    round) makes the next version."""

    contest_id: str = field(validator=check_id)
    scheme_name: str = field(validator=validators.instance_of(str))
    criteria: tuple[tuple[str, int], ...] = field(validator=_pairs)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)
    aggregation: Aggregation = field(
        default=Aggregation.TRIMMED, validator=validators.instance_of(Aggregation)
    )
    inspection_weight: int = field(default=0, validator=validators.instance_of(int))
    tie_rule: TieRule = field(
        default=TieRule.SHARED, validator=[validators.instance_of(TieRule), _whole]
    )

    @classmethod
    def of(
        cls, contest_id: str, scheme: ContestScheme, actor_id: str, at: datetime
    ) -> AdoptContestScheme:
        """The command adopting ``scheme``."""
        criteria = tuple((c.name, c.weight) for c in scheme.criteria)
        return cls(
            contest_id,
            scheme.name,
            criteria,
            actor_id,
            at,
            scheme.aggregation,
            scheme.inspection_weight,
            scheme.tie_rule,
        )

    @property
    def scheme(self) -> ContestScheme:
        """The scheme the command adopts."""
        criteria = tuple(Criterion(name, weight) for name, weight in self.criteria)
        return ContestScheme(
            self.scheme_name, criteria, self.aggregation, self.inspection_weight, self.tie_rule
        )


@frozen
class EnterContestant:
    """报名参赛 — a unit under the host enters its party secretary, in the order drawn."""

    contest_id: str = field(validator=check_id)
    unit_id: BranchId = field(validator=check_id)
    person_id: str = field(validator=check_id)
    order: int = field(validator=_int_between(1, MAX_CONTESTANTS))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class FileReport:
    """提交述职报告 — 亮点、措施、成效、不足、下一步计划, and the attachments."""

    contest_id: str = field(validator=check_id)
    unit_id: BranchId = field(validator=check_id)
    highlights: str = field(validator=_text(1, 1000))
    measures: str = field(validator=_text(1, 1000))
    results: str = field(validator=_text(1, 1000))
    shortcomings: str = field(validator=_text(1, 1000))
    next_steps: str = field(validator=_text(1, 1000))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)
    attachments: tuple[str, ...] = field(default=(), validator=texts(0, MAX_ITEMS, 200))


@frozen
class AppointJudge:
    """确定评委 — a person on the panel, with the unit they belong to ("" for none)."""

    contest_id: str = field(validator=check_id)
    judge_id: str = field(validator=check_id)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)
    home_unit_id: str = field(default="", validator=optional_id)


@frozen
class OpenRound:
    """开始述职 — a contestant takes the stage."""

    contest_id: str = field(validator=check_id)
    unit_id: BranchId = field(validator=check_id)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


class _Sheet:
    """A command carrying a judge's marks as (criterion, mark) pairs."""

    marks: tuple[tuple[str, str], ...]

    @property
    def sheet(self) -> tuple[Mark, ...]:
        """The marks as :class:`Mark` values."""
        return tuple(Mark(criterion, value) for criterion, value in self.marks)


@frozen
class SubmitScore(_Sheet):
    """提交评分 — the judge (the actor) marks every criterion of the contestant on stage."""

    contest_id: str = field(validator=check_id)
    unit_id: BranchId = field(validator=check_id)
    marks: tuple[tuple[str, str], ...] = field(validator=_marks)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class CorrectScore(_Sheet):
    """更正评分 — the judge (the actor) replaces their sheet, giving the reason."""

    contest_id: str = field(validator=check_id)
    unit_id: BranchId = field(validator=check_id)
    marks: tuple[tuple[str, str], ...] = field(validator=_marks)
    reason: str = field(validator=_text(2, 200))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class CloseRound:
    """现场亮分 — close the round once every judge has scored, and show the sheets."""

    contest_id: str = field(validator=check_id)
    unit_id: BranchId = field(validator=check_id)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class RecordInspection:
    """记录实地考察得分 — the score (out of 100) of the field inspection before the contest."""

    contest_id: str = field(validator=check_id)
    unit_id: BranchId = field(validator=check_id)
    score: str = field(validator=_score)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)
    note: str = field(default="", validator=_text(0, 200))


@frozen
class RecordReview:
    """记录点评 — the reviewer's name and post, what went well and what is expected."""

    contest_id: str = field(validator=check_id)
    reviewer: str = field(validator=_text(1, 30))
    reviewer_title: str = field(validator=_text(0, 60))
    strengths: tuple[str, ...] = field(validator=texts(1, MAX_ITEMS, 300))
    expectations: tuple[str, ...] = field(validator=texts(0, MAX_ITEMS, 300))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class PublishResults:
    """公示结果 — the ranking, posted from ``start`` for ``days`` working days."""

    contest_id: str = field(validator=check_id)
    start: date = field(validator=day)
    days: int = field(validator=_int_between(1, 30))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)
    calendar_id: str = field(default="default", validator=check_id)


ContestCommand = (
    OpenContest
    | AdoptContestScheme
    | EnterContestant
    | FileReport
    | AppointJudge
    | OpenRound
    | SubmitScore
    | CorrectScore
    | CloseRound
    | RecordInspection
    | RecordReview
    | PublishResults
)
