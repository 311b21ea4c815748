"""结果通知 — results and notices posted: a quarter's standings published, the year's
closed, the development list posted for 公示, an objection upheld or dismissed (never
who objected, nor what they wrote, nor the finding's text), the list confirmed."""

from __future__ import annotations

from typing import Any

from adapters.notify.escaping import NAME, plain
from adapters.notify.notices import HOME, Notice, NoticeFacts, day, names
from dangjian_core.development.events import (
    ListConfirmed,
    NoticePosted,
    ObjectionDismissed,
    ObjectionUpheld,
)
from dangjian_core.development.state import DevelopmentState
from dangjian_core.evaluation.events import CycleClosed, SnapshotPublished
from dangjian_core.evaluation.state import FrozenStandings
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.kernel.time import cycle_label

#: How many of the best a results notice names.
TOP = 10


def snapshot_published(recorded: Recorded[Any], facts: NoticeFacts) -> Notice:
    """季度积分公布 — the quarter's best, with the page for everyone's figures."""
    event: SnapshotPublished = recorded.event
    return _standings(
        "snapshot_published",
        event.unit_id,
        f"{plain(event.quarter)} 季度积分已公布",
        event.standings,
        facts,
    )


def cycle_closed(recorded: Recorded[Any], facts: NoticeFacts) -> Notice:
    """年度考评结束 — the year's frozen standings, the best named."""
    event: CycleClosed = recorded.event
    title = f"{cycle_label(event.cycle)} 考评结束, 成绩已冻结"
    return _standings("cycle_closed", event.unit_id, title, event.standings, facts)


def _standings(
    kind: str, unit_id: str, title: str, standings: FrozenStandings, facts: NoticeFacts
) -> Notice:
    # A veto is nobody's business on a group chat: vetoed rows are left out, not marked;
    # nor is anyone named for nothing.
    counted = [row for row in standings.rows if not row.vetoed and row.total > 0][:TOP]
    lines = [
        f"{rank}. {plain(facts.name_of(row.person_id), NAME)} {row.total} 分"
        for rank, row in enumerate(counted, start=1)
    ]
    head = f"前 {len(counted)} 名:" if counted else "本期暂无积分。"
    return Notice(kind, unit_id, title, (plain(facts.unit_name(unit_id)), head, *lines), HOME)


def notice_posted(recorded: Recorded[Any], facts: NoticeFacts) -> Notice:
    """发展对象名单公示 — who is listed, for how long, and how to object."""
    event: NoticePosted = recorded.event
    listed = [plain(facts.name_of(person), NAME) for person in event.listed]
    return Notice(
        "notice_posted",
        event.unit_id,
        "发展对象名单公示",
        (
            plain(facts.unit_name(event.unit_id)),
            f"- 周期: {cycle_label(event.cycle)}",
            f"- 公示期: {day(event.posted_on)} 起 {event.days} 个工作日, 至 {day(event.period_end)}",
            f"- 名单: {names(listed) or '（无）'}",
            "对名单有异议的, 请在公示期内通过公示页面实名反映, 反映人信息严格保密。",
        ),
        HOME,
    )


def objection_upheld(recorded: Recorded[Any], facts: NoticeFacts) -> Notice:
    """异议成立 — who leaves the list and who moves up."""
    event: ObjectionUpheld = recorded.event
    promoted = (
        f"- {plain(facts.name_of(event.promoted), NAME)} 依次递补"
        if event.promoted is not None
        else "- 无符合条件的人员递补"
    )
    return Notice(
        "objection_upheld",
        event.unit_id,
        "异议处理结果: 成立",
        (
            plain(facts.unit_name(event.unit_id)),
            f"- {plain(facts.name_of(event.removed), NAME)} 不再列入发展对象名单",
            promoted,
        ),
        HOME,
    )


def objection_dismissed(recorded: Recorded[Any], facts: NoticeFacts) -> Notice:
    """异议不成立 — the list stands."""
    event: ObjectionDismissed = recorded.event
    state = facts.state_at(recorded.stream_id, recorded.version)
    found = (
        state.objections.get(event.objection_id) if isinstance(state, DevelopmentState) else None
    )
    about = "" if found is None else f"关于 {plain(facts.name_of(found.person_id), NAME)} 的"
    return Notice(
        "objection_dismissed",
        event.unit_id,
        "异议处理结果: 不成立",
        (plain(facts.unit_name(event.unit_id)), f"- {about}异议经核实不成立, 名单不变"),
        HOME,
    )


def list_confirmed(recorded: Recorded[Any], facts: NoticeFacts) -> Notice:
    """发展对象名单已确定 — who become development candidates, from when."""
    event: ListConfirmed = recorded.event
    confirmed = [plain(facts.name_of(person), NAME) for person in event.confirmed]
    line = (
        f"- {names(confirmed)} 自 {day(event.since)} 起列为发展对象"
        if confirmed
        else "- 本周期无人列为发展对象"
    )
    return Notice(
        "list_confirmed",
        event.unit_id,
        "发展对象名单已确定",
        (plain(facts.unit_name(event.unit_id)), f"- 周期: {cycle_label(event.cycle)}", line),
        HOME,
    )
