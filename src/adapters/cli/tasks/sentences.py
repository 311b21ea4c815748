"""任务说明 — one Chinese sentence per recorded task event: issuing, claiming, reviewing
and taking points back."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from adapters.cli.clock import show_time
from dangjian_core.kernel.time import cycle_label
from dangjian_core.tasks.events import (
    ClaimWaitlisted,
    ClaimWithdrawn,
    CompletionApproved,
    CompletionRejected,
    CompletionSubmitted,
    DrawEntered,
    DrawWindowClosed,
    PointsRevoked,
    SlotsDrawn,
    TaskCancelled,
    TaskClaimed,
    TaskConcluded,
    TaskIssued,
    WaitlistLeft,
    WaitlistPromoted,
)


def _issued(event: TaskIssued) -> str:
    window = f", 抽签窗口至 {show_time(event.draw_until)}" if event.draw_until is not None else ""
    waitlist = ", 满额可候补" if event.waitlist and event.draw_until is None else ""
    return (
        f"已发布任务 {event.task_id}「{event.title}」{event.points} 分 × "
        f"{event.slots} 个名额, 截止 {show_time(event.deadline)}{window}{waitlist}"
    )


def _entered(event: DrawEntered) -> str:
    return f"已报名任务 {event.task_id} 的抽签, 窗口结束后抽签"


def _waitlisted(event: ClaimWaitlisted) -> str:
    return f"任务 {event.task_id} 名额已满, 已候补第 {event.position} 位"


def _left(event: WaitlistLeft) -> str:
    return f"已放弃任务 {event.task_id} 的候补(或抽签)位次"


def _promoted(event: WaitlistPromoted) -> str:
    return f"{event.claimant_id} 已由候补递补领办任务 {event.task_id}"


def _window_closed(event: DrawWindowClosed) -> str:
    return f"任务 {event.task_id} 的抽签窗口已关闭, 以此处的日志头为抽签种子"


def _drawn(event: SlotsDrawn) -> str:
    return (
        f"任务 {event.task_id} 已抽签: {len(event.entrants)} 人报名, "
        f"{len(event.winners)} 人中签, {len(event.waitlist)} 人候补 "
        f"(规则 {event.rule}, 种子为日志第 {event.seed_position} 条的{event.seed_kind} "
        f"{event.seed[:16]}…)"
    )


def _concluded(event: TaskConcluded) -> str:
    missed = "、".join(event.no_shows) or "无"
    return f"任务 {event.task_id} 已结束; 未履约: {missed}; 作废候补 {len(event.dropped)} 人"


def _claimed(event: TaskClaimed) -> str:
    return f"已领办任务 {event.task_id}"


def _withdrawn(event: ClaimWithdrawn) -> str:
    return f"已撤回对任务 {event.task_id} 的领办"


def _submitted(event: CompletionSubmitted) -> str:
    return f"已提交任务 {event.task_id} 的完成情况 (第 {event.attempt} 次)"


def _approved(event: CompletionApproved) -> str:
    reason = f", 理由: {event.reason}" if event.reason else ""
    return (
        f"已审核通过 {event.claimant_id} 的任务 {event.task_id}, 计 {event.points} 分 "
        f"({event.category}, {cycle_label(event.cycle)}){reason}"
    )


def _rejected(event: CompletionRejected) -> str:
    again = "不能再提交" if event.final else "可再提交一次"
    return f"已退回 {event.claimant_id} 的任务 {event.task_id} ({again}): {event.reason}"


def _cancelled(event: TaskCancelled) -> str:
    return f"已取消任务 {event.task_id}, 释放 {len(event.released)} 份领办: {event.reason}"


def _revoked(event: PointsRevoked) -> str:
    return f"已撤销 {event.claimant_id} 在任务 {event.task_id} 的 {event.points} 分: {event.reason}"


#: The sentence for each task event.
SENTENCES: Mapping[type[Any], Callable[[Any], str]] = {
    TaskIssued: _issued,
    TaskClaimed: _claimed,
    ClaimWithdrawn: _withdrawn,
    CompletionSubmitted: _submitted,
    CompletionApproved: _approved,
    CompletionRejected: _rejected,
    TaskCancelled: _cancelled,
    PointsRevoked: _revoked,
    DrawEntered: _entered,
    ClaimWaitlisted: _waitlisted,
    WaitlistLeft: _left,
    WaitlistPromoted: _promoted,
    DrawWindowClosed: _window_closed,
    SlotsDrawn: _drawn,
    TaskConcluded: _concluded,
}
