"""任务说明 — one Chinese sentence per recorded task event: issuing, claiming, reviewing
and taking points back."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from adapters.cli.clock import show_time
from dangjian_core.kernel.time import cycle_label
from dangjian_core.tasks.events import (
    ClaimWithdrawn,
    CompletionApproved,
    CompletionRejected,
    CompletionSubmitted,
    PointsRevoked,
    TaskCancelled,
    TaskClaimed,
    TaskIssued,
)


def _issued(event: TaskIssued) -> str:
    return (
        f"已发布任务 {event.task_id}「{event.title}」{event.points} 分 × "
        f"{event.slots} 个名额, 截止 {show_time(event.deadline)}"
    )


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
}
