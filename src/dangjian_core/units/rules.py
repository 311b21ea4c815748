"""党组织规则 — what each unit command must satisfy, after authority.

- 成立 ``found``: a unit id is taken once (founding it again the same way changes
  nothing); a unit under a parent needs a living parent of a kind it may report to
  (党委 → 党总支 → 党支部 → 党小组); a root's founder becomes its superior;
- 更名 ``rename``, 调整隶属 ``move``: a living unit; never under itself or a unit below it;
- 合并 ``merge``: into a living unit of the same kind not under it; open terms and links end;
- 撤销 ``dissolve``: only with no living unit under it; its roll goes to its parent;
- 区域共建 ``add_member`` / ``remove_member``: branches and enterprise branches join a
  regional committee; a link ends after it began;
- 任免 ``appoint`` / ``end``: a role the unit's kind has; terms of one person in one role
  never overlap; a term ends after it began. (That the appointee is on the roll is the
  people concept's rule: :mod:`dangjian_core.people.policies`.)
(补录规则 ``set_late_entry`` is in :mod:`~dangjian_core.units.late_entry_rules`.)
"""

from __future__ import annotations

from datetime import datetime

from dangjian_core.kernel.authority import enforce
from dangjian_core.kernel.errors import InvalidCommand
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.time import local_date
from dangjian_core.units import permissions as p
from dangjian_core.units.commands import (
    AddRegionMember,
    AppointRole,
    DissolveUnit,
    EndRole,
    FoundUnit,
    MergeUnit,
    MoveUnit,
    RemoveRegionMember,
    RenameUnit,
)
from dangjian_core.units.events import (
    RegionMemberAdded,
    RegionMemberRemoved,
    RoleAssigned,
    RoleEnded,
    UnitDissolved,
    UnitEvent,
    UnitFounded,
    UnitKind,
    UnitMerged,
    UnitMoved,
    UnitRenamed,
)
from dangjian_core.units.hierarchy import (
    PARENT_KINDS,
    REGION_MEMBER_KINDS,
    ROOT_KINDS,
    children,
    lies_within,
)
from dangjian_core.units.roles import Role
from dangjian_core.units.state import Ending, UnitError, UnitHasChildren, UnitState, alive, other


def check_place(kind: UnitKind, parent: UnitState | None) -> None:
    """A unit of ``kind`` may sit under ``parent`` (or be a root)."""
    if parent is None and kind not in ROOT_KINDS:
        raise UnitError(
            f"{kind.zh}须隶属于上级组织", f"a {kind.value} must be founded under a parent"
        )
    if parent is not None and parent.kind not in PARENT_KINDS[kind]:
        raise UnitError(
            f"{kind.zh}不能隶属于{parent.kind.zh}",
            f"a {kind.value} cannot report to a {parent.kind.value}",
        )


def found(command: FoundUnit, state: UnitState | None, facts: Facts) -> list[UnitEvent]:
    """Found a unit; a root's founder becomes its superior."""
    parent = None if command.parent_id is None else other(facts, command.parent_id)
    enforce(p.found_under(facts, parent, command.actor_id, command.at))
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


def rename(command: RenameUnit, state: UnitState, facts: Facts) -> list[UnitEvent]:
    """Give a living unit a new name."""
    what = p.RENAME
    enforce(p.change_unit(facts, state, command.actor_id, command.at, what))
    alive(state, command.at)
    if state.name_at(command.at) == command.name:
        return []
    return [UnitRenamed(state.unit_id, command.name, command.at)]


def move(command: MoveUnit, state: UnitState, facts: Facts) -> list[UnitEvent]:
    """Make a living unit report to another living parent, never under itself."""
    parent = other(facts, command.parent_id)
    actor, at = command.actor_id, command.at
    enforce(p.change_unit(facts, state, actor, at, p.MOVE))
    enforce(p.lead_unit(facts, parent, actor, at, p.RECEIVE))
    alive(state, at)
    if state.parent_at(at) == parent.unit_id:
        return []
    alive(parent, at)
    check_place(state.kind, parent)
    if lies_within(facts, parent.unit_id, state, at):
        raise UnitError(
            f"{parent.unit_id} 是 {state.unit_id} 本身或其下级，不能作为其上级",
            f"{parent.unit_id} is {state.unit_id} or lies under it; a unit cannot report to it",
        )
    return [UnitMoved(state.unit_id, parent.unit_id, at, command.reason)]


def merge(command: MergeUnit, state: UnitState, facts: Facts) -> list[UnitEvent]:
    """Merge a living unit into another living unit of the same kind, not under it."""
    target = other(facts, command.into_id)
    actor, at = command.actor_id, command.at
    enforce(p.change_unit(facts, state, actor, at, p.MERGE))
    into = p.MERGE_INTO
    enforce(p.lead_unit(facts, target, actor, at, into))
    if state.ending == Ending.MERGED and state.successor_id == target.unit_id:
        return []
    alive(state, at)
    alive(target, at)
    if target.kind != state.kind or lies_within(facts, target.unit_id, state, at):
        raise UnitError(
            f"{state.unit_id} 只能并入同类且不在其下的组织，{target.unit_id} 不行",
            f"{state.unit_id} may only merge into a unit of its kind that is not under it",
        )
    ended = close(state, at, f"并入 {target.unit_id}: {command.reason}")
    return [*ended, UnitMerged(state.unit_id, target.unit_id, at, command.reason)]


def dissolve(command: DissolveUnit, state: UnitState, facts: Facts) -> list[UnitEvent]:
    """Dissolve a living unit with no units under it; its roll goes to its parent."""
    what = p.DISSOLVE
    enforce(p.change_unit(facts, state, command.actor_id, command.at, what))
    if state.ending == Ending.DISSOLVED:
        return []
    alive(state, command.at)
    below = children(facts, state.unit_id, command.at)
    if below:
        raise UnitHasChildren(state.unit_id, [c.unit_id for c in below])
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


def add_member(command: AddRegionMember, state: UnitState, facts: Facts) -> list[UnitEvent]:
    """Link a branch to a regional committee; whom it reports to does not change."""
    member = _region_authority(command, state, facts)
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


def remove_member(command: RemoveRegionMember, state: UnitState, facts: Facts) -> list[UnitEvent]:
    """Unlink a branch from a regional committee."""
    _region_authority(command, state, facts)
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
    command: AddRegionMember | RemoveRegionMember, state: UnitState, facts: Facts
) -> UnitState:
    member = other(facts, command.member_id)
    actor, at = command.actor_id, command.at
    enforce(p.change_unit(facts, state, actor, at, p.REGION))
    enforce(p.change_unit(facts, member, actor, at, p.LINK))
    return member


#: The roles of a party group; the other kinds have every role but the group leader.
GROUP_ROLES = frozenset({Role.GROUP_LEADER, Role.GRID_KEEPER, Role.ROAD_CHIEF})


def roles_of(kind: UnitKind) -> frozenset[Role]:
    """The roles a unit of ``kind`` has."""
    if kind == UnitKind.PARTY_GROUP:
        return GROUP_ROLES
    return frozenset(Role) - {Role.GROUP_LEADER}


def appoint(command: AppointRole, state: UnitState, facts: Facts) -> list[UnitEvent]:
    """Appoint a person to a role from the command's time."""
    actor, at = command.actor_id, command.at
    enforce(p.appoint(facts, state, actor, command.role, at, command.person_id))
    alive(state, at)
    open_terms = [
        t
        for t in state.terms
        if (t.person_id, t.role, t.until) == (command.person_id, command.role, None)
    ]
    if open_terms and open_terms[0].covers(at):
        return []
    if open_terms:
        raise UnitError(
            f"{command.person_id} 已有自 {local_date(open_terms[0].since)} 起的{command.role.zh}任期",
            f"{command.person_id} already has an open {command.role.value} term from "
            f"{open_terms[0].since.isoformat()}; terms may not overlap",
        )
    if command.role not in roles_of(state.kind):
        raise UnitError(
            f"{state.kind.zh}不设{command.role.zh}",
            f"a {state.kind.value} has no {command.role.value}",
        )
    return [RoleAssigned(state.unit_id, command.person_id, command.role, at)]


def end(command: EndRole, state: UnitState, facts: Facts) -> list[UnitEvent]:
    """End a person's open term in a role at the command's time."""
    enforce(p.appoint(facts, state, command.actor_id, command.role, command.at))
    held = [t for t in state.terms if (t.person_id, t.role) == (command.person_id, command.role)]
    if not held:
        raise UnitError(
            f"{command.person_id} 未担任{command.role.zh}",
            f"{command.person_id} never held the role {command.role.value}",
        )
    open_terms = [t for t in held if t.until is None]
    if not open_terms:
        return []
    if command.at <= open_terms[0].since:
        raise InvalidCommand(
            "任期结束时间须晚于开始时间",
            f"a term begun {open_terms[0].since.isoformat()} cannot end at {command.at.isoformat()}",
        )
    term = open_terms[0]
    return [
        RoleEnded(state.unit_id, term.person_id, term.role, term.since, command.at, command.reason)
    ]
