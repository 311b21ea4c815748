"""考评消息 — one Chinese sentence per recorded evaluation event."""

from __future__ import annotations

from dangjian_core.evaluation.events import (
    EVENTS,
    ActivistScored,
    CycleClosed,
    DeductionApplied,
    EvaluationEvent,
    QuotaSet,
    SchemeAdopted,
    SnapshotPublished,
    VetoRecorded,
)

EVALUATION_EVENTS = tuple(EVENTS.values())

__all__ = ["EVALUATION_EVENTS", "evaluation_sentence"]


def evaluation_sentence(event: EvaluationEvent) -> str:
    """What an evaluation event recorded, in one sentence."""
    where = f"{event.unit_id} {event.cycle} 周期"
    match event:
        case SchemeAdopted():
            caps = "、".join(f"{c.name} {c.cap}" for c in event.scheme.categories)
            return f"{where}已采用《{event.scheme.name}》第 {event.version} 版 (满分 {event.scheme.total_cap}: {caps})"
        case QuotaSet():
            return f"{where}发展名额已下达: {event.quota} 名"
        case DeductionApplied():
            return f"已扣 {event.person_id} {event.points} 分 ({event.category}):「{event.label}」, {event.reason}"
        case VetoRecorded():
            return f"已对 {event.person_id} 一票否决:「{event.label}」, 本周期总分计 0 分"
        case ActivistScored():
            scores = "、".join(f"{name} {score}" for name, score in event.scores)
            return f"已为 {event.person_id} 评分: {scores}"
        case SnapshotPublished():
            return f"{where} {event.quarter} 季度成绩已公布 ({len(event.standings.rows)} 人)"
        case CycleClosed():
            return f"{where}考评已结束, 成绩已冻结 ({len(event.standings.rows)} 人)"
