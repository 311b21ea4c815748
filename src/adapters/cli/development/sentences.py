"""发展说明 — one Chinese sentence per recorded development event.

The objection filer's contact never appears (personal data)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from dangjian_core.development.events import (
    DevelopmentEvent,
    ListConfirmed,
    ListProposed,
    MembersCommended,
    NoticePosted,
    ObjectionDismissed,
    ObjectionFiled,
    ObjectionUpheld,
    TrainingFlagged,
)
from dangjian_core.kernel.time import cycle_label


def _head(event: DevelopmentEvent) -> str:
    return f"{event.unit_id} {cycle_label(event.cycle)}"


def _proposed(event: ListProposed) -> str:
    known = {e.person_id: e.name for e in event.ranking}
    chosen = "、".join(known.get(p, p) for p in event.selected) or "无"
    return f"已拟定{_head(event)}发展对象名单 (名额 {event.quota}): {chosen}"


def _posted(event: NoticePosted) -> str:
    return (
        f"已公示{_head(event)}发展对象名单: {event.posted_on} 起 {event.days} 个工作日, "
        f"至 {event.period_end}"
    )


def _filed(event: ObjectionFiled) -> str:
    return f"已受理异议 {event.objection_id} (关于 {event.person_id}), 提出人 {event.filer_name}"


def _upheld(event: ObjectionUpheld) -> str:
    moved = f", {event.promoted} 递补" if event.promoted else ", 无人可递补"
    return f"异议 {event.objection_id} 成立: {event.removed} 移出名单{moved}; {event.finding}"


def _dismissed(event: ObjectionDismissed) -> str:
    return f"异议 {event.objection_id} 不成立: {event.reason}"


def _confirmed(event: ListConfirmed) -> str:
    return f"已确定{_head(event)}发展对象: {'、'.join(event.confirmed) or '无'} (自 {event.since})"


def _commended(event: MembersCommended) -> str:
    praised = "、".join(f"{m.name}({m.total}分)" for m in event.commended) or "无"
    return f"已表扬{_head(event)}高分党员: {praised}"


def _flagged(event: TrainingFlagged) -> str:
    names = "、".join(f"{m.name}({m.total}分)" for m in event.flagged) or "无"
    return (
        f"{_head(event)}低于 {event.threshold} 分的党员需加强培训和引导: {names}; "
        f"培训任务 {event.task_id}"
    )


#: The sentence for each development event.
SENTENCES: Mapping[type[Any], Callable[[Any], str]] = {
    ListProposed: _proposed,
    NoticePosted: _posted,
    ObjectionFiled: _filed,
    ObjectionUpheld: _upheld,
    ObjectionDismissed: _dismissed,
    ListConfirmed: _confirmed,
    MembersCommended: _commended,
    TrainingFlagged: _flagged,
}
