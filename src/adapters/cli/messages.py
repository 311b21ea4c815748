"""记录说明 — what a recorded event means, in one Chinese sentence."""

from __future__ import annotations

from typing import Any

from adapters.cli.clock import show_time
from dangjian_core.branches.events import BranchFounded, RoleAssigned, RoleEnded
from dangjian_core.people.events import PartyStatusChanged, PersonRegistered
from dangjian_core.points.events import PointsAdjusted
from dangjian_core.shared.time import cycle_label
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
from dangjian_core.trail import describe

NO_CHANGE = "无变化 (no change: already so)"


def answered_again(command_id: str) -> str:
    """The note for a command id that was handled before."""
    return (
        f"命令 {command_id} 此前已处理, 以下为当时的记录 "
        f"(answered from the record: command already handled, nothing new written)"
    )


def sentence(event: Any) -> str:
    """One sentence saying what was recorded."""
    match event:
        case BranchFounded():
            return f"已成立支部 {event.branch_id}「{event.name}」, 周期自每年{event.cycle_start_month}月起"
        case RoleAssigned():
            return f"已任命 {event.person_id} 为{event.role.zh} (支部 {event.branch_id})"
        case RoleEnded():
            return f"已免去 {event.person_id} 的{event.role.zh}职务: {event.reason}"
        case PersonRegistered():
            return f"已登记 {event.name} ({event.person_id}), {event.status.zh}, 支部 {event.branch_id}"
        case PartyStatusChanged():
            return f"已变更 {event.person_id} 的政治面貌为{event.status.zh} (自 {event.since})"
        case TaskIssued():
            return (
                f"已发布任务 {event.task_id}「{event.title}」{event.points} 分 × "
                f"{event.slots} 个名额, 截止 {show_time(event.deadline)}"
            )
        case TaskClaimed():
            return f"已领办任务 {event.task_id}"
        case ClaimWithdrawn():
            return f"已撤回对任务 {event.task_id} 的领办"
        case CompletionSubmitted():
            return f"已提交任务 {event.task_id} 的完成情况 (第 {event.attempt} 次)"
        case _:
            return _review_sentence(event)


def _review_sentence(event: Any) -> str:
    match event:
        case CompletionApproved():
            reason = f", 理由: {event.reason}" if event.reason else ""
            return (
                f"已审核通过 {event.claimant_id} 的任务 {event.task_id}, 计 {event.points} 分 "
                f"({event.category}, {cycle_label(event.cycle)}){reason}"
            )
        case CompletionRejected():
            again = "不能再提交" if event.final else "可再提交一次"
            return f"已退回 {event.claimant_id} 的任务 {event.task_id} ({again}): {event.reason}"
        case TaskCancelled():
            return f"已取消任务 {event.task_id}, 释放 {len(event.released)} 份领办: {event.reason}"
        case PointsRevoked():
            return f"已撤销 {event.claimant_id} 在任务 {event.task_id} 的 {event.points} 分: {event.reason}"
        case PointsAdjusted():
            verb = "加" if event.delta > 0 else "扣"
            return (
                f"已为 {event.person_id} {verb} {abs(event.delta)} 分 ({event.category}, "
                f"调整编号 {event.adjustment_id}, {cycle_label(event.cycle)}): {event.reason}"
            )
        case _:
            return describe(event)
