"""职责说明 — one Chinese sentence per recorded duty event."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from dangjian_core.duties.events import (
    DutyAssigned,
    DutyEnded,
    DutyHandedOver,
    PatrolLogged,
    ProblemFollow,
    ProblemReported,
    ProblemRouted,
)


def _assigned(event: DutyAssigned) -> str:
    return (
        f"已落实职责 {event.duty_id}: {event.holder_id} 任「{event.object_name}」{event.kind.zh}, "
        f"每 {event.every} {event.cadence.zh}至少一次, 自 {event.since} 起"
    )


def _handed_over(event: DutyHandedOver) -> str:
    return f"职责 {event.duty_id} 自 {event.on} 起由 {event.holder_id} 负责"


def _ended(event: DutyEnded) -> str:
    return f"职责 {event.duty_id} 已于 {event.on} 终止: {event.reason}"


def _patrol(event: PatrolLogged) -> str:
    evidence = f" (佐证 {len(event.evidence)} 项)" if event.evidence else ""
    return f"已记录 {event.holder_id} 于 {event.on} 巡查 ({event.duty_id}){evidence}"


def _follow(follow: ProblemFollow) -> str:
    return f"已转为{follow.kind.zh} {follow.follow_id}「{follow.title}」"


def _reported(event: ProblemReported) -> str:
    then = "" if event.follow is None else f", {_follow(event.follow)}"
    return f"已上报巡查问题 {event.problem_id} ({event.duty_id}): {event.description}{then}"


def _routed(event: ProblemRouted) -> str:
    return f"巡查问题 {event.problem_id} ({event.duty_id}) {_follow(event.follow)}"


#: The sentence for each duty event.
SENTENCES: Mapping[type[Any], Callable[[Any], str]] = {
    DutyAssigned: _assigned,
    DutyHandedOver: _handed_over,
    DutyEnded: _ended,
    PatrolLogged: _patrol,
    ProblemReported: _reported,
    ProblemRouted: _routed,
}
