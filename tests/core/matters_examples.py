"""One recorded example of every village-decision event in the task town (象珠镇): 官川村's
secretary 胡泰来 records his village's decisions; 吕革新 of 清渭街村 may not; a villager
objects as ``public``, someone unregistered under another name may not."""

from __future__ import annotations

from datetime import date
from typing import Any

from dangjian_core.matters.events import (
    ImplementationRecorded,
    MatterNoticePublished,
    MatterObjectionAnswered,
    MatterObjectionFiled,
    MatterOpened,
    MeetingHeld,
    MeetingOutcome,
    ProcedureAdopted,
    RollSet,
    SuggestionsGathered,
)
from dangjian_core.matters.permissions import PUBLIC
from dangjian_core.matters.procedures import FOUR
from dangjian_core.matters.values import Ballot, Body, Choice, Origin, StepKind
from tests.core.org import GUANCHUAN, HU, LV

_M = "liangshi-2018"
_DAY = date(2018, 1, 20)
_ROLL = ("daibiao-1", "daibiao-2", "daibiao-3")

MATTER_EXAMPLES: list[tuple[Any, str, str | None]] = [
    (ProcedureAdopted(GUANCHUAN, 1, FOUR), HU, LV),
    (RollSet(GUANCHUAN, Body.REPRESENTATIVES, _DAY, _ROLL, ""), HU, LV),
    (MatterOpened(GUANCHUAN, _M, "粮库征地", Origin.ABOVE, (), 1, FOUR), HU, LV),
    (SuggestionsGathered(GUANCHUAN, _M, "suggest", _DAY, 12, "移坟补偿"), HU, LV),
    (
        MeetingHeld(
            GUANCHUAN,
            _M,
            ("propose",),
            Body.BRANCH_COMMITTEE,
            _DAY,
            None,
            (HU,),
            (HU,),
            1,
            0,
            0,
            (Ballot(HU, Choice.FOR),),
            MeetingOutcome.PASSED,
        ),
        HU,
        LV,
    ),
    (
        MatterNoticePublished(
            GUANCHUAN,
            _M,
            "publish_resolution",
            StepKind.RESOLUTION_NOTICE,
            _DAY,
            5,
            date(2018, 1, 26),
            "default",
            "决议",
        ),
        HU,
        LV,
    ),
    (ImplementationRecorded(GUANCHUAN, _M, _DAY, "已完成"), HU, LV),
    (
        MatterObjectionFiled(
            GUANCHUAN, _M, "publish_resolution", "O1", "异议", PUBLIC, "吕大伯", "1390"
        ),
        PUBLIC,
        "outsider",
    ),
    (MatterObjectionAnswered(GUANCHUAN, _M, "O1", "已答复"), HU, LV),
]
