"""评星说明 — one Chinese sentence per recorded rating event."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from adapters.cli.clock import show_time
from dangjian_core.commitments.scoring import show_score
from dangjian_core.ratings.events import (
    CommitmentCriterionSet,
    RatingCriterionComputed,
    RatingEvent,
    RatingFixed,
    RatingLowered,
    RatingProposed,
    RatingRemoved,
    StarStandardSet,
)


def stars_text(stars: int) -> str:
    """``★★★★ (4 星)``, or 不合格 for none."""
    return f"{'★' * stars} ({stars} 星)" if stars else "不合格"


def _board(event: RatingEvent) -> str:
    return f" {event.unit_id} {event.year} 年度"


def _standard(event: StarStandardSet) -> str:
    levels = "/".join(str(t) for t in event.thresholds)
    extra = ", 五星须有创新项目" if event.innovation_for_five else ""
    return (
        f"已设定{_board(event)}{event.kind.zh}评星标准: 一至五星最低分 {levels}, "
        f"满分 {event.max_score}{extra}"
    )


def _proposed(event: RatingProposed) -> str:
    return (
        f"已拟定{_board(event)}{event.kind.zh} {event.subject_id} 的星级: {event.score} 分, "
        f"{stars_text(event.stars)}, 公示至 {show_time(event.posted_until)}"
    )


def _fixed(event: RatingFixed) -> str:
    return f"已评定{_board(event)}{event.kind.zh} {event.subject_id} 为 {stars_text(event.stars)}"


def _lowered(event: RatingLowered) -> str:
    return (
        f"已将{_board(event)}{event.kind.zh} {event.subject_id} 降为 "
        f"{stars_text(event.stars)}: {event.reason}"
    )


def _removed(event: RatingRemoved) -> str:
    return f"已撤销{_board(event)}{event.kind.zh} {event.subject_id} 的星级: {event.reason}"


def _criterion(event: CommitmentCriterionSet) -> str:
    return f"已设定{_board(event)}{event.kind.zh}评星标准计入公开承诺: 评诺得分占 {event.points} 分"


def _computed(event: RatingCriterionComputed) -> str:
    basis = show_score(event.basis)
    return (
        f"已计算{_board(event)}{event.kind.zh} {event.subject_id} 的评星项「{event.name}」: "
        f"{event.points}/{event.out_of} 分 (评诺得分 {basis}, 来自 {event.source})"
    )


#: The sentence for each rating event.
SENTENCES: Mapping[type[Any], Callable[[Any], str]] = {
    StarStandardSet: _standard,
    CommitmentCriterionSet: _criterion,
    RatingCriterionComputed: _computed,
    RatingProposed: _proposed,
    RatingFixed: _fixed,
    RatingLowered: _lowered,
    RatingRemoved: _removed,
}
