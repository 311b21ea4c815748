"""记录说明 — what a recorded event means, in one Chinese sentence."""

from __future__ import annotations

from typing import Any

from adapters.cli.clock import show_time
from adapters.cli.development_messages import DEVELOPMENT_EVENTS, development_sentence
from adapters.cli.evaluation_messages import EVALUATION_EVENTS, evaluation_sentence
from adapters.cli.grid_messages import GRID_EVENTS, grid_sentence
from adapters.cli.star_messages import RATING_EVENTS, star_sentence
from adapters.cli.work_messages import WORK_EVENTS, work_sentence
from dangjian_core.kernel.time import cycle_label
from dangjian_core.kernel.trail import describe
from dangjian_core.people.events import (
    PartyStatusChanged,
    PersonDetailsRecorded,
    PersonRegistered,
    PersonRenamed,
    ProbationExtended,
)
from dangjian_core.points.events import PointsAdjusted
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
from dangjian_core.units.events import (
    BranchFounded,
    RegionMemberAdded,
    RegionMemberRemoved,
    RoleAssigned,
    RoleEnded,
    UnitDissolved,
    UnitFounded,
    UnitMerged,
    UnitMoved,
    UnitRenamed,
)

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
            return f"已任命 {event.person_id} 为{event.role.zh} (组织 {event.branch_id})"
        case RoleEnded():
            return f"已免去 {event.person_id} 的{event.role.zh}职务: {event.reason}"
        case _ if isinstance(event, _PERSON_EVENTS):
            return _person_sentence(event)
        case _ if isinstance(event, _UNIT_EVENTS):
            return _unit_sentence(event)
        case _ if isinstance(event, GRID_EVENTS):
            return grid_sentence(event)
        case _ if isinstance(event, DEVELOPMENT_EVENTS):
            return development_sentence(event)
        case _ if isinstance(event, EVALUATION_EVENTS):
            return evaluation_sentence(event)
        case _ if isinstance(event, RATING_EVENTS):
            return star_sentence(event)
        case _ if isinstance(event, WORK_EVENTS):
            return work_sentence(event)
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


_PERSON_EVENTS = (
    PersonRegistered,
    PartyStatusChanged,
    PersonDetailsRecorded,
    PersonRenamed,
    ProbationExtended,
)
_UNIT_EVENTS = (
    UnitFounded,
    UnitRenamed,
    UnitMoved,
    UnitMerged,
    UnitDissolved,
    RegionMemberAdded,
    RegionMemberRemoved,
)


def _person_sentence(event: Any) -> str:
    match event:
        case PersonRegistered():
            return f"已登记 {event.name} ({event.person_id}), {event.status.zh}, 组织 {event.branch_id}"
        case PartyStatusChanged():
            return f"已变更 {event.person_id} 的政治面貌为{event.status.zh} (自 {event.since})"
        case PersonDetailsRecorded():
            return f"已记录 {event.person_id} 的个人信息 (不公开)"
        case PersonRenamed():
            return f"已更正 {event.person_id} 的姓名为 {event.name}: {event.reason}"
        case ProbationExtended():
            return f"已延长 {event.person_id} 的预备期至 {event.until}: {event.reason}"
    return describe(event)


def _unit_sentence(event: Any) -> str:
    match event:
        case UnitFounded():
            under = f"隶属 {event.parent_id}" if event.parent_id else f"上级 {event.superior_id}"
            cycle = f", 周期自每年{event.cycle_start_month}月起"
            return f"已成立{event.kind.zh} {event.unit_id}「{event.name}」, {under}{cycle}"
        case UnitRenamed():
            return f"已将 {event.unit_id} 更名为「{event.name}」"
        case UnitMoved():
            return f"已将 {event.unit_id} 调整为隶属 {event.parent_id}: {event.reason}"
        case UnitMerged():
            return f"已将 {event.unit_id} 并入 {event.into_id}: {event.reason}"
        case UnitDissolved():
            return f"已撤销 {event.unit_id}: {event.reason}"
        case RegionMemberAdded():
            return f"{event.member_id} 已加入区域委员会 {event.unit_id} (支部共建)"
        case RegionMemberRemoved():
            return f"{event.member_id} 已退出区域委员会 {event.unit_id}: {event.reason}"
    return describe(event)


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
