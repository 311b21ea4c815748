"""党组织说明 — one Chinese sentence per recorded unit event."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from dangjian_core.units.events import (
    BranchFounded,
    LateEntryPolicySet,
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


def _branch_founded(event: BranchFounded) -> str:
    return f"已成立支部 {event.branch_id}「{event.name}」, 周期自每年{event.cycle_start_month}月起"


def _unit_founded(event: UnitFounded) -> str:
    under = f"隶属 {event.parent_id}" if event.parent_id else f"上级 {event.superior_id}"
    cycle = f", 周期自每年{event.cycle_start_month}月起"
    return f"已成立{event.kind.zh} {event.unit_id}「{event.name}」, {under}{cycle}"


def _unit_renamed(event: UnitRenamed) -> str:
    return f"已将 {event.unit_id} 更名为「{event.name}」"


def _unit_moved(event: UnitMoved) -> str:
    return f"已将 {event.unit_id} 调整为隶属 {event.parent_id}: {event.reason}"


def _unit_merged(event: UnitMerged) -> str:
    return f"已将 {event.unit_id} 并入 {event.into_id}: {event.reason}"


def _unit_dissolved(event: UnitDissolved) -> str:
    return f"已撤销 {event.unit_id}: {event.reason}"


def _member_added(event: RegionMemberAdded) -> str:
    return f"{event.member_id} 已加入区域委员会 {event.unit_id} (支部共建)"


def _member_removed(event: RegionMemberRemoved) -> str:
    return f"{event.member_id} 已退出区域委员会 {event.unit_id}: {event.reason}"


def _role_assigned(event: RoleAssigned) -> str:
    return f"已任命 {event.person_id} 为{event.role.zh} (组织 {event.branch_id})"


def _role_ended(event: RoleEnded) -> str:
    return f"已免去 {event.person_id} 的{event.role.zh}职务: {event.reason}"


def _late_entry_set(event: LateEntryPolicySet) -> str:
    roles = "、".join(role.zh for role in event.roles)
    return (
        f"已设定 {event.unit_id} 的补录规则: 事后 {event.window_days} 天内, "
        f"由{roles}或上级补录 ({event.reason})"
    )


#: The sentence for each unit event.
SENTENCES: Mapping[type[Any], Callable[[Any], str]] = {
    BranchFounded: _branch_founded,
    UnitFounded: _unit_founded,
    UnitRenamed: _unit_renamed,
    UnitMoved: _unit_moved,
    UnitMerged: _unit_merged,
    UnitDissolved: _unit_dissolved,
    RegionMemberAdded: _member_added,
    RegionMemberRemoved: _member_removed,
    RoleAssigned: _role_assigned,
    RoleEnded: _role_ended,
    LateEntryPolicySet: _late_entry_set,
}
