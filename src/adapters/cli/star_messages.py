"""评星说明 — what a recorded rating event means, in one Chinese sentence."""

from __future__ import annotations

from adapters.cli.clock import show_time
from dangjian_core.ratings.events import (
    RatingEvent,
    RatingFixed,
    RatingLowered,
    RatingProposed,
    RatingRemoved,
    StarStandardSet,
)

RATING_EVENTS = (StarStandardSet, RatingProposed, RatingFixed, RatingLowered, RatingRemoved)


def stars_text(stars: int) -> str:
    """``★★★★ (4 星)``, or 不合格 for none."""
    return f"{'★' * stars} ({stars} 星)" if stars else "不合格"


def star_sentence(event: RatingEvent) -> str:
    """One sentence for a rating event."""
    board = f" {event.unit_id} {event.year} 年度"
    match event:
        case StarStandardSet():
            levels = "/".join(str(t) for t in event.thresholds)
            extra = ", 五星须有创新项目" if event.innovation_for_five else ""
            return (
                f"已设定{board}{event.kind.zh}评星标准: 一至五星最低分 {levels}, "
                f"满分 {event.max_score}{extra}"
            )
        case RatingProposed():
            return (
                f"已拟定{board}{event.kind.zh} {event.subject_id} 的星级: {event.score} 分, "
                f"{stars_text(event.stars)}, 公示至 {show_time(event.posted_until)}"
            )
        case RatingFixed():
            return f"已评定{board}{event.kind.zh} {event.subject_id} 为 {stars_text(event.stars)}"
        case RatingLowered():
            return (
                f"已将{board}{event.kind.zh} {event.subject_id} 降为 "
                f"{stars_text(event.stars)}: {event.reason}"
            )
        case RatingRemoved():
            return f"已撤销{board}{event.kind.zh} {event.subject_id} 的星级: {event.reason}"
