"""组织结构决策 — founding, renaming, moving, merging and dissolving units, and the
members of regional committees."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dangjian_core import permissions
from dangjian_core.shared.errors import InvalidCommand
from dangjian_core.units.commands import (
    AddRegionMember,
    DissolveUnit,
    FoundUnit,
    MergeUnit,
    MoveUnit,
    RemoveRegionMember,
    RenameUnit,
)
from dangjian_core.units.events import (
    RegionMemberAdded,
    RegionMemberRemoved,
    RoleEnded,
    UnitDissolved,
    UnitEvent,
    UnitFounded,
    UnitKind,
    UnitMerged,
    UnitMoved,
    UnitRenamed,
)
from dangjian_core.units.guards import UnitError, UnitHasChildren, alive, check_place, other
from dangjian_core.units.hierarchy import REGION_MEMBER_KINDS, lies_within
from dangjian_core.units.state import Ending

if TYPE_CHECKING:
    from datetime import datetime

    from dangjian_core.directory import Directory
    from dangjian_core.units.state import UnitState


def found(command: FoundUnit, state: UnitState | None, directory: Directory) -> list[UnitEvent]:
    """Found a unit; a root's founder becomes its superior."""
    parent = None if command.parent_id is None else other(directory, command.parent_id)
    permissions.enforce(permissions.found_under(directory, parent, command.actor_id, command.at))
    superior = command.actor_id if parent is None else None
    event = UnitFounded(
        command.unit_id,
        command.kind,
        command.name,
        command.parent_id,
        superior,
        command.cycle_start_month,
        command.at,
    )
    if state is not None:
        first = (state.kind, state.names[0].value, state.parents[0].value, state.superior_id)
        if (*first, state.cycle_start_month) == (
            event.kind,
            event.name,
            event.parent_id,
            event.superior_id,
            event.cycle_start_month,
        ):
            return []
        raise UnitError(
            f"组织编号 {command.unit_id} 已被占用", f"unit id {command.unit_id} is taken"
        )
    if parent is not None:
        alive(parent, command.at)
    check_place(command.kind, parent)
    return [event]


def rename(command: RenameUnit, state: UnitState, directory: Directory) -> list[UnitEvent]:
    """Give a living unit a new name."""
    what = permissions.RENAME
    permissions.enforce(
        permissions.change_unit(directory, state, command.actor_id, command.at, what)
    )
    alive(state, command.at)
    if state.name_at(command.at) == command.name:
        return []
    return [UnitRenamed(state.unit_id, command.name, command.at)]


def move(command: MoveUnit, state: UnitState, directory: Directory) -> list[UnitEvent]:
    """Make a living unit report to another living parent, never under itself."""
    parent = other(directory, command.parent_id)
    actor, at = command.actor_id, command.at
    permissions.enforce(permissions.change_unit(directory, state, actor, at, permissions.MOVE))
    permissions.enforce(permissions.lead_unit(directory, parent, actor, at, permissions.RECEIVE))
    alive(state, at)
    if state.parent_at(at) == parent.unit_id:
        return []
    alive(parent, at)
    check_place(state.kind, parent)
    if lies_within(directory, parent.unit_id, state, at):
        raise UnitError(
            f"{parent.unit_id} 是 {state.unit_id} 本身或其下级，不能作为其上级",
            f"{parent.unit_id} is {state.unit_id} or lies under it; a unit cannot report to it",
        )
    return [UnitMoved(state.unit_id, parent.unit_id, at, command.reason)]


def merge(command: MergeUnit, state: UnitState, directory: Directory) -> list[UnitEvent]:
    """Merge a living unit into another living unit of the same kind, not under it."""
    target = other(directory, command.into_id)
    actor, at = command.actor_id, command.at
    permissions.enforce(permissions.change_unit(directory, state, actor, at, permissions.MERGE))
    into = permissions.MERGE_INTO
    permissions.enforce(permissions.lead_unit(directory, target, actor, at, into))
    if state.ending == Ending.MERGED and state.successor_id == target.unit_id:
        return []
    alive(state, at)
    alive(target, at)
    if target.kind != state.kind or lies_within(directory, target.unit_id, state, at):
        raise UnitError(
            f"{state.unit_id} 只能并入同类且不在其下的组织，{target.unit_id} 不行",
            f"{state.unit_id} may only merge into a unit of its kind that is not under it",
        )
    ended = close(state, at, f"并入 {target.unit_id}: {command.reason}")
    return [*ended, UnitMerged(state.unit_id, target.unit_id, at, command.reason)]


def dissolve(command: DissolveUnit, state: UnitState, directory: Directory) -> list[UnitEvent]:
    """Dissolve a living unit with no units under it; its roll goes to its parent."""
    what = permissions.DISSOLVE
    permissions.enforce(
        permissions.change_unit(directory, state, command.actor_id, command.at, what)
    )
    if state.ending == Ending.DISSOLVED:
        return []
    alive(state, command.at)
    children = directory.children(state.unit_id, command.at)
    if children:
        raise UnitHasChildren(state.unit_id, [c.unit_id for c in children])
    ended = close(state, command.at, f"组织撤销: {command.reason}")
    parent = state.parent_at(command.at)
    return [*ended, UnitDissolved(state.unit_id, parent, command.at, command.reason)]


def close(state: UnitState, at: datetime, reason: str) -> list[UnitEvent]:
    """End every open role term and regional link of a unit that stops existing."""
    terms: list[UnitEvent] = [
        RoleEnded(state.unit_id, t.person_id, t.role, t.since, max(at, t.since), reason)
        for t in state.terms
        if t.until is None
    ]
    links: list[UnitEvent] = [
        RegionMemberRemoved(state.unit_id, link.member_id, link.since, max(at, link.since), reason)
        for link in state.members
        if link.until is None
    ]
    return terms + links


def add_member(command: AddRegionMember, state: UnitState, directory: Directory) -> list[UnitEvent]:
    """Link a branch to a regional committee; whom it reports to does not change."""
    member = _region_authority(command, state, directory)
    if command.member_id in state.members_at(command.at):
        return []
    alive(state, command.at)
    alive(member, command.at)
    if state.kind != UnitKind.REGIONAL_COMMITTEE or member.kind not in REGION_MEMBER_KINDS:
        raise UnitError(
            "只有党支部、两新组织党支部可以加入区域委员会",
            "only branches and enterprise branches may join a regional committee",
        )
    return [RegionMemberAdded(state.unit_id, member.unit_id, command.at)]


def remove_member(
    command: RemoveRegionMember, state: UnitState, directory: Directory
) -> list[UnitEvent]:
    """Unlink a branch from a regional committee."""
    _region_authority(command, state, directory)
    links = [link for link in state.members if link.member_id == command.member_id]
    if not links:
        raise UnitError(
            f"{command.member_id} 不是 {state.unit_id} 的共建单位",
            f"{command.member_id} was never a member of {state.unit_id}",
        )
    open_links = [link for link in links if link.until is None]
    if not open_links:
        return []
    alive(state, command.at)
    joined = open_links[0].since
    if command.at <= joined:
        raise InvalidCommand(
            "退出时间须晚于加入时间", f"a link begun {joined.isoformat()} cannot end before it"
        )
    unit, member = state.unit_id, command.member_id
    return [RegionMemberRemoved(unit, member, joined, command.at, command.reason)]


def _region_authority(
    command: AddRegionMember | RemoveRegionMember, state: UnitState, directory: Directory
) -> UnitState:
    member = other(directory, command.member_id)
    actor, at = command.actor_id, command.at
    permissions.enforce(permissions.change_unit(directory, state, actor, at, permissions.REGION))
    permissions.enforce(permissions.change_unit(directory, member, actor, at, permissions.LINK))
    return member
