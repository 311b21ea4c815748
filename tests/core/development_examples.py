"""One recorded example of every development event in the task town (清渭街村, whose
secretary is 吕革新; 汪书记 leads the town above it): an actor entitled to it, one who is not."""

from __future__ import annotations

from datetime import date
from typing import Any

from dangjian_core.development.events import (
    ListConfirmed,
    ListProposed,
    MembersCommended,
    NoticePosted,
    ObjectionDismissed,
    ObjectionFiled,
    ObjectionUpheld,
    TrainingFlagged,
)
from dangjian_core.kernel.ids import TaskId
from tests.core.org import CHEN, HU, LV, QINGWEIJIE, WANG, WU, later

CYCLE = "2017-01"
DAY = date(2018, 1, 12)
DEVELOPMENT_EXAMPLES: list[tuple[Any, str, str | None]] = [
    (ListProposed(QINGWEIJIE, CYCLE, 1, later(9), (), ()), LV, CHEN),
    (NoticePosted(QINGWEIJIE, CYCLE, DAY, 5, DAY, "default", ()), WANG, HU),
    (
        ObjectionFiled(QINGWEIJIE, CYCLE, "O1", CHEN, "不实", "public", "吕大伯", "138"),
        "public",
        "stranger",
    ),
    (ObjectionUpheld(QINGWEIJIE, CYCLE, "O1", CHEN, None, "属实"), LV, CHEN),
    (ObjectionDismissed(QINGWEIJIE, CYCLE, "O1", "不属实"), WANG, HU),
    (ListConfirmed(QINGWEIJIE, CYCLE, (), DAY), LV, WU),
    (MembersCommended(QINGWEIJIE, CYCLE, 1, ()), WANG, CHEN),
    (TrainingFlagged(QINGWEIJIE, CYCLE, 60, (), TaskId("train"), 2, later(100)), LV, WANG),
]
