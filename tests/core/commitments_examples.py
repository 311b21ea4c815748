"""One recorded example of every commitment event — and of the two rating events the
commitment criterion brought — in the task town (清渭街村, whose secretary is 吕革新; 汪书记
and 丁组委 lead the town above it; 陈天云 and 吴志远 are members; 清渭街村第一网格党小组 under
it): an actor entitled to it, one who is not."""

from __future__ import annotations

from datetime import date
from typing import Any

from dangjian_core.commitments.events import (
    AssessmentConcluded,
    AssessmentRuleAdopted,
    CommitmentAssessed,
    CommitmentPosted,
    CommitmentSubmitted,
    PledgeApproved,
    PledgeChanged,
    PledgeDrafted,
    PledgeFeedbackHidden,
    PledgeFeedbackLeft,
    PledgeFeedbackShown,
    PledgeProgressReported,
    PledgeReturned,
    PledgeRevised,
    PledgeWithdrawn,
)
from dangjian_core.commitments.values import (
    AssessmentRule,
    AssessorBody,
    Fulfilment,
    PledgeGrade,
    PledgeResult,
    ReturnGround,
)
from dangjian_core.ratings.events import CommitmentCriterionSet, RatedKind, RatingCriterionComputed
from tests.core.org import CHEN, COUNTY, DING, GROUP, HU, LV, QINGWEIJIE, TOWN, WANG, WU

YEAR = 2018
DUE = date(2018, 12, 31)
_BOOK = (QINGWEIJIE, YEAR)
_CHEN = (*_BOOK, CHEN)
_TERMS = ("党员", "义务清扫村道", "每周一次", DUE)
_FULFILLED = (PledgeGrade(1, Fulfilment.FULFILLED),)

COMMITMENT_EXAMPLES: list[tuple[Any, str, str | None]] = [
    (AssessmentRuleAdopted(*_BOOK, 1, AssessmentRule(20, 40, 40, 50, 85, 40)), LV, CHEN),
    (PledgeDrafted(*_CHEN, 1, False, *_TERMS, CHEN), CHEN, WU),
    (PledgeRevised(*_CHEN, 1, *_TERMS, CHEN), CHEN, LV),
    (CommitmentSubmitted(*_BOOK, GROUP, (1,)), LV, CHEN),
    (PledgeApproved(*_CHEN, 1, CHEN), LV, CHEN),
    (PledgeReturned(*_CHEN, 1, CHEN, ReturnGround.VAGUE, "笼统"), WANG, WU),
    (CommitmentPosted(*_CHEN, (1,), date(2018, 1, 12), date(2019, 1, 11)), LV, HU),
    (PledgeWithdrawn(*_CHEN, 1, True, "调离"), LV, CHEN),
    (PledgeChanged(*_CHEN, 1, CHEN, *_TERMS, "加密"), DING, CHEN),
    (PledgeProgressReported(*_BOOK, GROUP, 1, WU, "已完成", (), True), WU, LV),
    (PledgeFeedbackLeft(*_CHEN, 1, "F1", "好", "public", "程大爷", "139"), "public", "stranger"),
    (PledgeFeedbackShown(*_BOOK, "F1"), LV, WU),
    (PledgeFeedbackHidden(*_BOOK, "F1", "含他人电话"), WANG, CHEN),
    (CommitmentAssessed(*_CHEN, AssessorBody.MEETING, _FULFILLED, ""), LV, CHEN),
    (CommitmentAssessed(*_CHEN, AssessorBody.SELF, _FULFILLED, ""), CHEN, LV),
    (
        AssessmentConcluded(
            *_CHEN, 1, (PledgeResult(1, CHEN, 10000, Fulfilment.FULFILLED),), 10000
        ),
        LV,
        HU,
    ),
    (CommitmentCriterionSet(TOWN, 2017, RatedKind.MEMBER, 40), COUNTY, WANG),
    (
        RatingCriterionComputed(
            TOWN, 2017, RatedKind.MEMBER, LV, "公开承诺", 35, 40, 8750, "qingweijie@2017"
        ),
        WANG,
        HU,
    ),
]
