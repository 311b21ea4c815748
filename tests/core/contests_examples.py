"""One recorded example of every contest event in the task town (象珠镇, whose secretary is
汪书记 and organizing member 丁组委; 清渭街村's secretary 吕革新 and 官川村's 胡泰来 compete;
丁组委, 陈天云 of 清渭街村 and 吴志远 judge): an actor entitled to it, one who is not — and
the contest as it stood before them (:data:`CONTEST_STATES`), which the replay of a sheet
needs (who judges, whose unit is whose)."""

from __future__ import annotations

from datetime import date
from typing import Any

from dangjian_core.contests.events import (
    ContestantEntered,
    ContestInspectionRecorded,
    ContestJudgeAppointed,
    ContestOpened,
    ContestReportFiled,
    ContestResultsPublished,
    ContestReviewRecorded,
    ContestRoundClosed,
    ContestRoundOpened,
    ContestSchemeAdopted,
    ContestScoreCorrected,
    ContestScoreSubmitted,
    Placing,
)
from dangjian_core.contests.state import ContestState, Entry
from dangjian_core.contests.values import Mark, Sheet
from tests.core.contests_given import SCHEME
from tests.core.org import CHEN, DING, GUANCHUAN, HU, LV, QINGWEIJIE, TOWN, WANG, WU

CONTEST_ID = "xz-2018"
_C = CONTEST_ID
_MARKS = (
    Mark("陈述内容", "90"),
    Mark("语言表达", "85"),
    Mark("临场应变", "88"),
    Mark("举止仪态", "92"),
)
_REPORT = ("亮点", "措施", "成效", "不足", "下一步计划", ("述职.pptx",), 1)

#: The contest the examples act on, by stream id.
CONTEST_STATES = {
    f"contest-{CONTEST_ID}": ContestState(
        CONTEST_ID,
        TOWN,
        "象珠镇村书记述职擂台赛",
        date(2018, 1, 20),
        False,
        schemes=(SCHEME,),
        entries={QINGWEIJIE: Entry(QINGWEIJIE, LV, 1), GUANCHUAN: Entry(GUANCHUAN, HU, 2)},
        judges={DING: "", CHEN: QINGWEIJIE, WU: ""},
    )
}

CONTEST_EXAMPLES: list[tuple[Any, str, str | None]] = [
    (ContestOpened(_C, TOWN, "象珠镇村书记述职擂台赛", date(2018, 1, 20), True), WANG, LV),
    (ContestSchemeAdopted(_C, 1, SCHEME), DING, HU),
    (ContestantEntered(_C, GUANCHUAN, HU, 2), WANG, LV),
    (ContestReportFiled(_C, GUANCHUAN, *_REPORT), HU, LV),
    (ContestJudgeAppointed(_C, WU, ""), DING, CHEN),
    (ContestRoundOpened(_C, GUANCHUAN), DING, HU),
    (ContestScoreSubmitted(_C, GUANCHUAN, WU, _MARKS), WU, CHEN),
    (ContestScoreSubmitted(_C, GUANCHUAN, CHEN, _MARKS), CHEN, WU),
    (ContestScoreSubmitted(_C, QINGWEIJIE, DING, _MARKS), DING, LV),
    (ContestRoundClosed(_C, GUANCHUAN, (Sheet(WU, _MARKS),)), DING, WU),
    (ContestScoreCorrected(_C, GUANCHUAN, WU, _MARKS, "填错", True), WU, HU),
    (ContestInspectionRecorded(_C, GUANCHUAN, "90", ""), WANG, HU),
    (ContestReviewRecorded(_C, "点评人", "区委组织部", ("主题好",), ()), DING, WU),
    (
        ContestResultsPublished(
            _C,
            1,
            date(2018, 1, 22),
            date(2018, 1, 26),
            5,
            (Placing(GUANCHUAN, 1, "90", "90", "90"),),
        ),
        WANG,
        CHEN,
    ),
]
