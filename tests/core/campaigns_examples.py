"""One recorded example of every campaign event in the task town (象珠镇: 汪书记 and 丁组委
lead the town; 吕革新 is 清渭街村's secretary, 陈天云 and 吴志远 its members, 胡泰来
官川村's secretary): an actor entitled to it, one who is not; and the campaign the events
act on (三场硬仗, with 丁组委's task force on S316省道 and 陈天云 serving on it)."""

from __future__ import annotations

from datetime import date
from typing import Any

from dangjian_core.campaigns.events import (
    CampaignFrontOpened,
    CampaignLaunched,
    CampaignProblemCompleted,
    CampaignProblemListed,
    CampaignProblemStarted,
    CampaignWorkLinked,
    MilestoneProgressReported,
    MilestoneSet,
    TaskForceFormed,
    TaskForceMemberJoined,
    TaskForceMemberLeft,
)
from dangjian_core.campaigns.state import CampaignState, Membership, Problem
from dangjian_core.campaigns.values import Capacity, LinkKind
from tests.core.org import CHEN, DING, GUANCHUAN, HU, LV, QINGWEIJIE, T1, TOWN, WANG, WU

C = "sanchang-2018"  # 三场硬仗
P = "s316"  # S316省道
_S316 = Problem(
    P,
    "jiaotong",
    "S316省道政策处理",
    DING,
    date(2018, 1, 2),
    (Membership(CHEN, Capacity.YOUNG_CADRE, QINGWEIJIE, date(2018, 1, 3)),),
    date(2018, 1, 4),
)
#: The campaign the examples act on, by stream.
CAMPAIGN_STATES = {
    f"campaign-{C}": CampaignState(
        C, TOWN, "三场硬仗", date(2018, 1, 1), date(2018, 12, 31), {"jiaotong": "交通项目大会战"},
        {P: _S316},
    )
}  # fmt: skip

CAMPAIGN_EXAMPLES: list[tuple[Any, str, str | None]] = [
    (CampaignLaunched(C, TOWN, "三场硬仗", date(2018, 1, 1), date(2018, 12, 31)), WANG, LV),
    (CampaignFrontOpened(C, "jiaotong", "交通项目大会战"), DING, CHEN),
    (CampaignProblemListed(C, "yongyi", "jiaotong", "永义公路"), WANG, HU),
    (TaskForceFormed(C, P, DING, date(2018, 1, 2)), WANG, CHEN),
    (
        TaskForceMemberJoined(C, P, HU, Capacity.FIRST_SECRETARY, GUANCHUAN, date(2018, 1, 5)),
        DING,
        CHEN,
    ),
    (TaskForceMemberLeft(C, P, CHEN, date(2018, 1, 3), date(2018, 1, 9)), DING, WU),
    (CampaignProblemStarted(C, P, date(2018, 1, 4)), DING, LV),
    (MilestoneSet(C, P, 1, "坟墓迁移", date(2018, 6, 30), "231", "穴"), WANG, CHEN),
    (
        MilestoneProgressReported(C, P, 1, CHEN, date(2018, 1, 8), "120", "迁坟台账", False),
        CHEN,
        WU,
    ),
    (CampaignProblemCompleted(C, P, date(2018, 1, 10)), DING, HU),
    (CampaignWorkLinked(C, P, LinkKind.TASK, T1), DING, CHEN),
]
