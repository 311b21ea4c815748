"""擂台赛事件 — a contest opened and its scheme adopted, contestants entered with their
reports (述职报告), judges appointed, each contestant's round opened, the judges' sheets
submitted (sealed), the round closed with its sheets shown (现场亮分), a sheet corrected
with a reason, the field inspection recorded, the reviewer's comments, and the results
published as a notice.

One stream per contest, ``contest-<contest id>``. A submitted sheet's ``marks`` are sealed
until its round closes: :data:`dangjian_core.kernel.trail.PRIVATE_FIELDS` keeps them out of
every description, feed and public output; :class:`ContestRoundClosed` carries them when shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import ClassVar

from attrs import frozen

from dangjian_core.contests.values import ContestScheme, Mark, Sheet
from dangjian_core.kernel.ids import BranchId, PersonId


@frozen
class ContestOpened:
    """擂台赛已举办 — a unit (镇党委) holds a contest on a day, on site and (or not) live
    streamed (现场述职 + 网络直播)."""

    TITLE: ClassVar[str] = "擂台赛已举办"

    contest_id: str
    host_unit_id: BranchId
    title: str
    held_on: date
    live_stream: bool


@frozen
class ContestSchemeAdopted:
    """评分细则已采用 — version ``version`` of the contest's scheme."""

    TITLE: ClassVar[str] = "评分细则已采用"

    contest_id: str
    version: int
    scheme: ContestScheme


@frozen
class ContestantEntered:
    """参赛者已报名 — a unit's party secretary takes part, in the ``order`` drawn."""

    TITLE: ClassVar[str] = "参赛者已报名"

    contest_id: str
    unit_id: BranchId
    person_id: PersonId
    order: int


@frozen
class ContestReportFiled:
    """述职报告已提交 — a contestant's report in its sections: 亮点、措施、成效、不足、下一步计划,
    and its attachments (PPT, photos); filing again before the round makes a revision."""

    TITLE: ClassVar[str] = "述职报告已提交"

    contest_id: str
    unit_id: BranchId
    highlights: str
    measures: str
    results: str
    shortcomings: str
    next_steps: str
    attachments: tuple[str, ...]
    revision: int


@frozen
class ContestJudgeAppointed:
    """评委已确定 — a person judges the contest; ``home_unit_id`` is the unit they belong
    to (whose contestant they may not score), "" for none."""

    TITLE: ClassVar[str] = "评委已确定"

    contest_id: str
    judge_id: PersonId
    home_unit_id: str


@frozen
class ContestRoundOpened:
    """述职轮次已开始 — a contestant takes the stage; the judges may score."""

    TITLE: ClassVar[str] = "述职轮次已开始"

    contest_id: str
    unit_id: BranchId


@frozen
class ContestScoreSubmitted:
    """评分已提交 — a judge's sheet for a contestant, sealed until the round closes."""

    TITLE: ClassVar[str] = "评分已提交"

    contest_id: str
    unit_id: BranchId
    judge_id: PersonId
    marks: tuple[Mark, ...]


@frozen
class ContestRoundClosed:
    """现场亮分 — the round closed: every judge's sheet for the contestant, shown."""

    TITLE: ClassVar[str] = "现场亮分"

    contest_id: str
    unit_id: BranchId
    sheets: tuple[Sheet, ...]


@frozen
class ContestScoreCorrected:
    """评分已更正 — a judge's sheet replaced by a recorded correction with its reason;
    ``revealed`` when its round had already closed (the new marks are shown)."""

    TITLE: ClassVar[str] = "评分已更正"

    contest_id: str
    unit_id: BranchId
    judge_id: PersonId
    marks: tuple[Mark, ...]
    reason: str
    revealed: bool


@frozen
class ContestInspectionRecorded:
    """实地考察得分已记录 — the score of the field inspection made before the contest."""

    TITLE: ClassVar[str] = "实地考察得分已记录"

    contest_id: str
    unit_id: BranchId
    score: str
    note: str


@frozen
class ContestReviewRecorded:
    """点评已记录 — the reviewer's comments: what went well (e.g. 三个好) and what is
    expected (e.g. 两个期望)."""

    TITLE: ClassVar[str] = "点评已记录"

    contest_id: str
    reviewer: str
    reviewer_title: str
    strengths: tuple[str, ...]
    expectations: tuple[str, ...]


@frozen
class Placing:
    """名次 — a contestant's place: on-site score, inspection score ("" when not
    counted), final score and rank, as published."""

    unit_id: BranchId
    rank: int
    on_site: str
    inspection: str
    final: str


@frozen
class ContestResultsPublished:
    """擂台赛结果已公示 — the ranking under scheme version ``version``, posted as a notice
    from ``start`` to ``end`` (``days`` working days)."""

    TITLE: ClassVar[str] = "擂台赛结果已公示"

    contest_id: str
    version: int
    start: date
    end: date
    days: int
    placings: tuple[Placing, ...]


ContestEvent = (
    ContestOpened
    | ContestSchemeAdopted
    | ContestantEntered
    | ContestReportFiled
    | ContestJudgeAppointed
    | ContestRoundOpened
    | ContestScoreSubmitted
    | ContestRoundClosed
    | ContestScoreCorrected
    | ContestInspectionRecorded
    | ContestReviewRecorded
    | ContestResultsPublished
)

#: Stable stored names (a storage contract: never change a key).
EVENTS: Mapping[str, type[ContestEvent]] = {
    "ContestOpened": ContestOpened,
    "ContestSchemeAdopted": ContestSchemeAdopted,
    "ContestantEntered": ContestantEntered,
    "ContestReportFiled": ContestReportFiled,
    "ContestJudgeAppointed": ContestJudgeAppointed,
    "ContestRoundOpened": ContestRoundOpened,
    "ContestScoreSubmitted": ContestScoreSubmitted,
    "ContestRoundClosed": ContestRoundClosed,
    "ContestScoreCorrected": ContestScoreCorrected,
    "ContestInspectionRecorded": ContestInspectionRecorded,
    "ContestReviewRecorded": ContestReviewRecorded,
    "ContestResultsPublished": ContestResultsPublished,
}
