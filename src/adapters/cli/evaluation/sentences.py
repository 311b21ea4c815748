"""考评说明 — one Chinese sentence per recorded evaluation event."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from dangjian_core.evaluation.events import (
    ActivistScored,
    CycleClosed,
    DeductionApplied,
    EvaluationEvent,
    QuotaSet,
    SchemeAdopted,
    SnapshotPublished,
    VetoRecorded,
)


def _where(event: EvaluationEvent) -> str:
    return f"{event.unit_id} {event.cycle} 周期"


def _scheme(event: SchemeAdopted) -> str:
    caps = "、".join(f"{c.name} {c.cap}" for c in event.scheme.categories)
    return (
        f"{_where(event)}已采用《{event.scheme.name}》第 {event.version} 版 "
        f"(满分 {event.scheme.total_cap}: {caps})"
    )


def _quota(event: QuotaSet) -> str:
    return f"{_where(event)}发展名额已下达: {event.quota} 名"


def _deduction(event: DeductionApplied) -> str:
    return (
        f"已扣 {event.person_id} {event.points} 分 ({event.category}):"
        f"「{event.label}」, {event.reason}"
    )


def _veto(event: VetoRecorded) -> str:
    return f"已对 {event.person_id} 一票否决:「{event.label}」, 本周期总分计 0 分"


def _scored(event: ActivistScored) -> str:
    scores = "、".join(f"{name} {score}" for name, score in event.scores)
    return f"已为 {event.person_id} 评分: {scores}"


def _snapshot(event: SnapshotPublished) -> str:
    return f"{_where(event)} {event.quarter} 季度成绩已公布 ({len(event.standings.rows)} 人)"


def _closed(event: CycleClosed) -> str:
    return f"{_where(event)}考评已结束, 成绩已冻结 ({len(event.standings.rows)} 人)"


#: The sentence for each evaluation event.
SENTENCES: Mapping[type[Any], Callable[[Any], str]] = {
    SchemeAdopted: _scheme,
    QuotaSet: _quota,
    DeductionApplied: _deduction,
    VetoRecorded: _veto,
    ActivistScored: _scored,
    SnapshotPublished: _snapshot,
    CycleClosed: _closed,
}
