"""告知哪些事件 — the events the groups are told of, each with the function that words
it; every other event (claims that leave slots open, submissions, reviews, people's
details, objections as filed …) is told to nobody."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from adapters.notify import result_notices, task_notices, waitlist_notices
from adapters.notify.notices import Builder, Notice, NoticeFacts
from dangjian_core.development.events import (
    ListConfirmed,
    NoticePosted,
    ObjectionDismissed,
    ObjectionUpheld,
)
from dangjian_core.evaluation.events import CycleClosed, SnapshotPublished
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.tasks.events import SlotsDrawn, TaskClaimed, TaskIssued, WaitlistPromoted

ANNOUNCED: Mapping[type[Any], Builder] = {
    TaskIssued: task_notices.task_issued,
    TaskClaimed: task_notices.task_full,
    WaitlistPromoted: waitlist_notices.waitlist_promoted,
    SlotsDrawn: waitlist_notices.slots_drawn,
    SnapshotPublished: result_notices.snapshot_published,
    CycleClosed: result_notices.cycle_closed,
    NoticePosted: result_notices.notice_posted,
    ObjectionUpheld: result_notices.objection_upheld,
    ObjectionDismissed: result_notices.objection_dismissed,
    ListConfirmed: result_notices.list_confirmed,
}

#: What each kind of notice is called, for the operator's lines and tables.
KIND_NAMES: Mapping[str, str] = {
    "task_issued": "新任务",
    "task_full": "名额已满",
    "waitlist_promoted": "候补递补",
    "slots_drawn": "抽签结果",
    "snapshot_published": "季度积分公布",
    "cycle_closed": "年度考评结束",
    "notice_posted": "发展对象公示",
    "objection_upheld": "异议成立",
    "objection_dismissed": "异议不成立",
    "list_confirmed": "发展对象确定",
}


def notice_of(recorded: Recorded[Any], facts: NoticeFacts) -> Notice | None:
    """What the groups are told of a recorded event (None: nothing)."""
    build = ANNOUNCED.get(type(recorded.event))
    return None if build is None else build(recorded, facts)
