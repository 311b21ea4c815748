"""发展说明 — what a recorded development event means, in one Chinese sentence.

The objection filer's contact never appears (personal data)."""

from __future__ import annotations

from dangjian_core.development.events import (
    EVENTS,
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

DEVELOPMENT_EVENTS = tuple(EVENTS.values())

__all__ = ["DEVELOPMENT_EVENTS", "development_sentence"]


def development_sentence(event: DevelopmentEvent) -> str:
    """One sentence for a development event."""
    head = f"{event.unit_id} {cycle_label(event.cycle)}"
    match event:
        case ListProposed():
            known = {e.person_id: e.name for e in event.ranking}
            chosen = "、".join(known[p] for p in event.selected) or "无"
            return f"已拟定{head}发展对象名单 (名额 {event.quota}): {chosen}"
        case NoticePosted():
            return (
                f"已公示{head}发展对象名单: {event.posted_on} 起 {event.days} 个工作日, "
                f"至 {event.period_end}"
            )
        case ObjectionFiled():
            return f"已受理异议 {event.objection_id} (关于 {event.person_id}), 提出人 {event.filer_name}"
        case ObjectionUpheld():
            moved = f", {event.promoted} 递补" if event.promoted else ", 无人可递补"
            return (
                f"异议 {event.objection_id} 成立: {event.removed} 移出名单{moved}; {event.finding}"
            )
        case ObjectionDismissed():
            return f"异议 {event.objection_id} 不成立: {event.reason}"
        case ListConfirmed():
            return f"已确定{head}发展对象: {'、'.join(event.confirmed) or '无'} (自 {event.since})"
        case MembersCommended():
            praised = "、".join(f"{m.name}({m.total}分)" for m in event.commended) or "无"
            return f"已表扬{head}高分党员: {praised}"
        case TrainingFlagged():
            names = "、".join(f"{m.name}({m.total}分)" for m in event.flagged) or "无"
            return (
                f"{head}低于 {event.threshold} 分的党员需加强培训和引导: {names}; "
                f"培训任务 {event.task_id}"
            )
