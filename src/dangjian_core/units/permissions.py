"""党组织权限 — who may act on a unit, decided at the command's time from the role history.

These are the organisation's rules every concept builds on: the level above a unit
(:func:`change_unit`), the unit's leaders (:func:`lead_unit`), the roll keepers
(:func:`keep_roll`), a named role (:func:`hold_role`). Each answers ``None`` (allowed) or
the :class:`~dangjian_core.kernel.authority.Rule` broken; :func:`replay` asks the same
questions about a recorded unit event.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from dangjian_core.kernel.authority import Rule, What, unknown
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.units.events import (
    BranchFounded,
    LateEntryPolicySet,
    RegionMemberAdded,
    RegionMemberRemoved,
    RoleAssigned,
    RoleEnded,
    UnitDissolved,
    UnitEvent,
    UnitFounded,
    UnitMerged,
    UnitMoved,
    UnitRenamed,
)
from dangjian_core.units.hierarchy import above, leads
from dangjian_core.units.roles import ROLL_KEEPERS, WORKING_ROLES, Role, role_list
from dangjian_core.units.state import UNIT, UnitState

RENAME: What = ("更名", "rename")
MOVE: What = ("调整隶属", "move")
RECEIVE: What = ("接收", "receive")
MERGE: What = ("合并", "merge")
MERGE_INTO: What = ("并入", "merge into")
DISSOLVE: What = ("撤销", "dissolve")
REGION: What = ("调整共建单位", "change the members of")
LINK: What = ("调整共建关系", "link or unlink")


def found_under(facts: Facts, parent: UnitState | None, actor_id: str, at: datetime) -> Rule | None:
    """成立组织: anyone founds a root unit (and becomes its superior); a unit under a
    parent is founded by the parent's secretary or organizing member, or from above it."""
    if parent is None or leads(facts, parent, actor_id, at):
        return None
    return Rule(
        "lead_parent",
        f"{actor_id} 无权在 {parent.unit_id} 下成立组织(需其书记、组织委员或上级)",
        f"{actor_id} may not found a unit under {parent.unit_id}: needs its secretary or "
        "organizing member, or a level above it",
    )


def change_unit(
    facts: Facts, unit: UnitState, actor_id: str, at: datetime, what: What
) -> Rule | None:
    """更名、调整隶属、合并、撤销、区域共建: decided from a level above the unit (its
    parent's secretary or organizing member, any level higher, or a root's superior)."""
    if above(facts, unit, actor_id, at):
        return None
    return Rule(
        "above_unit",
        f"{actor_id} 无权{what[0]} {unit.unit_id}(需上级组织的书记、组织委员)",
        f"{actor_id} may not {what[1]} {unit.unit_id}: needs the secretary or organizing "
        "member of a unit above it (or a root unit's superior)",
    )


def lead_unit(
    facts: Facts, unit: UnitState, actor_id: str, at: datetime, what: What
) -> Rule | None:
    """A unit's own business: its secretary or organizing member, or a level above it."""
    if leads(facts, unit, actor_id, at):
        return None
    return Rule(
        "lead_unit",
        f"{actor_id} 无权{what[0]} {unit.unit_id}(需其书记、组织委员或上级)",
        f"{actor_id} may not {what[1]} {unit.unit_id}: needs its secretary or organizing "
        "member, or a level above it",
    )


def appoint(
    facts: Facts,
    unit: UnitState,
    actor_id: str,
    role: Role,
    at: datetime,
    person_id: str | None = None,
) -> Rule | None:
    """任免职务: the level above the unit appoints and ends every role; the unit's own
    secretary may also designate its working roles; nobody appoints themselves
    (``person_id`` is given when appointing, None when ending a term)."""
    if person_id is not None and person_id == actor_id:
        return Rule("self_appoint", "不能任命自己", f"{actor_id} may not appoint themselves")
    if above(facts, unit, actor_id, at):
        return None
    if role in WORKING_ROLES and unit.has_role(actor_id, [Role.SECRETARY], at):
        return None
    verb = ("任命", "appoint") if person_id is not None else ("免去", "end")
    return Rule(
        "appoint",
        f"{actor_id} 无权{verb[0]}{unit.unit_id}的{role.zh}(需上级组织的书记、组织委员)",
        f"{actor_id} may not {verb[1]} a {role.value} of {unit.unit_id}: needs the secretary "
        "or organizing member of the unit above (or the unit's own secretary for "
        "reviewer, grid keeper and road chief)",
    )


def set_late_entry(facts: Facts, unit: UnitState, actor_id: str, at: datetime) -> Rule | None:
    """补录规则: set for a unit by the level above it (never by those who would enter late)."""
    if above(facts, unit, actor_id, at):
        return None
    return Rule(
        "late_entry_policy",
        f"{actor_id} 无权设定{unit.unit_id}的补录规则(需上级组织的书记、组织委员)",
        f"{actor_id} may not set the late-entry rule of {unit.unit_id}: needs the secretary "
        "or organizing member of the unit above",
    )


def keep_roll(
    facts: Facts, unit: UnitState, actor_id: str, at: datetime, what: What
) -> Rule | None:
    """名册: the unit's secretary, deputy secretary or organizing member, or a level above."""
    if unit.has_role(actor_id, ROLL_KEEPERS, at) or above(facts, unit, actor_id, at):
        return None
    return Rule(
        "keep_roll",
        f"{actor_id} 无权{what[0]}(需{unit.unit_id}的书记、副书记、组织委员或上级)",
        f"{actor_id} may not {what[1]}: needs the secretary, deputy secretary or organizing "
        f"member of {unit.unit_id}, or a level above it",
    )


def hold_role(
    unit: UnitState, actor_id: str, roles: tuple[Role, ...], at: datetime, what: What
) -> Rule | None:
    """A named role: the actor must hold one of ``roles`` in the unit at the time."""
    if unit.has_role(actor_id, roles, at):
        return None
    zh, en = role_list(roles)
    return Rule(
        "role",
        f"{actor_id} 无权{what[0]}(需{zh})",
        f"{actor_id} may not {what[1]}: needs one of {en}",
    )


def known(facts: Facts, unit_id: str | None) -> UnitState | Rule:
    """The unit as it stood, or the rule for a unit nobody had founded."""
    unit = None if unit_id is None else facts.get(UNIT, unit_id)
    return unknown(unit_id) if unit is None else unit


def replay(recorded: Recorded[UnitEvent], facts: Facts, before: UnitState | None) -> Rule | None:
    """The rule a recorded unit event's actor broke, or None."""
    event, actor, at = recorded.event, recorded.actor_id, recorded.at
    if isinstance(event, BranchFounded):
        return None  # a root branch: its founder becomes its superior
    if isinstance(event, UnitFounded):
        if event.parent_id is None:
            return None  # a root unit: its founder becomes its superior
        parent = known(facts, event.parent_id)
        return parent if isinstance(parent, Rule) else found_under(facts, parent, actor, at)
    if before is None:
        return unknown(event.unit_id if hasattr(event, "unit_id") else event.branch_id)
    return _changed(event, actor, at, facts, before)


def _changed(event: Any, actor: str, at: datetime, facts: Facts, before: UnitState) -> Rule | None:
    match event:
        case UnitRenamed():
            return change_unit(facts, before, actor, at, RENAME)
        case UnitDissolved():
            return change_unit(facts, before, actor, at, DISSOLVE)
        case UnitMoved():
            return _two(facts, before, event.parent_id, actor, at, (MOVE, RECEIVE))
        case UnitMerged():
            return _two(facts, before, event.into_id, actor, at, (MERGE, MERGE_INTO))
        case RegionMemberAdded() | RegionMemberRemoved():
            member = known(facts, event.member_id)
            if isinstance(member, Rule):
                return member
            return change_unit(facts, before, actor, at, REGION) or change_unit(
                facts, member, actor, at, LINK
            )
        case RoleAssigned():
            return appoint(facts, before, actor, event.role, at, event.person_id)
        case RoleEnded():
            return appoint(facts, before, actor, event.role, at)
        case LateEntryPolicySet():
            return set_late_entry(facts, before, actor, at)
    raise AssertionError(f"not a unit event: {event!r}")


def _two(
    facts: Facts, unit: UnitState, target_id: str, actor: str, at: datetime, what: tuple[What, What]
) -> Rule | None:
    """Moving and merging need authority over the unit and over where it goes."""
    target = known(facts, target_id)
    if isinstance(target, Rule):
        return target
    return change_unit(facts, unit, actor, at, what[0]) or lead_unit(
        facts, target, actor, at, what[1]
    )
