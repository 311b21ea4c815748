"""党组织决策 — ``decide`` and ``evolve`` for units: flat tables over the rules in
:mod:`~dangjian_core.units.rules`; the state is :mod:`~dangjian_core.units.state`.
"""

from __future__ import annotations

from typing import assert_never

import attrs

from dangjian_core.kernel.facts import Facts
from dangjian_core.units import late_entry_rules, rules
from dangjian_core.units.commands import (
    AddRegionMember,
    AppointRole,
    DissolveUnit,
    EndRole,
    FoundBranch,
    FoundUnit,
    MergeUnit,
    MoveUnit,
    RemoveRegionMember,
    RenameUnit,
    SetLateEntryPolicy,
    UnitCommand,
)
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
    UnitKind,
    UnitMerged,
    UnitMoved,
    UnitRenamed,
)
from dangjian_core.units.state import (
    FROM_THE_START,
    Dated,
    Ending,
    RegionLink,
    RoleTerm,
    UnitState,
    existing,
)


def decide(command: UnitCommand, state: UnitState | None, facts: Facts) -> list[UnitEvent]:
    """Decide a unit command against the unit's state and the facts."""
    match command:
        case FoundUnit():
            return rules.found(command, state, facts)
        case FoundBranch():
            return rules.found(as_found_unit(command), state, facts)
        case RenameUnit():
            return rules.rename(command, existing(state, command.unit_id), facts)
        case MoveUnit():
            return rules.move(command, existing(state, command.unit_id), facts)
        case MergeUnit():
            return rules.merge(command, existing(state, command.unit_id), facts)
        case DissolveUnit():
            return rules.dissolve(command, existing(state, command.unit_id), facts)
        case AddRegionMember():
            return rules.add_member(command, existing(state, command.unit_id), facts)
        case RemoveRegionMember():
            return rules.remove_member(command, existing(state, command.unit_id), facts)
        case AppointRole():
            return rules.appoint(command, existing(state, command.unit_id), facts)
        case EndRole():
            return rules.end(command, existing(state, command.unit_id), facts)
        case SetLateEntryPolicy():
            return late_entry_rules.set_late_entry(command, existing(state, command.unit_id), facts)
        case _:
            assert_never(command)


def as_found_unit(command: FoundBranch) -> FoundUnit:
    """成立支部 is founding a root unit of kind branch."""
    return FoundUnit(
        command.branch_id,
        UnitKind.BRANCH,
        command.name,
        None,
        command.cycle_start_month,
        command.actor_id,
        command.at,
    )


def evolve(state: UnitState | None, event: UnitEvent) -> UnitState | None:
    """Fold one unit event into the state; never fails (an event of a unit never
    founded leaves nothing to change)."""
    if isinstance(event, BranchFounded | UnitFounded):
        return founded(event)
    if state is None:
        return state
    match event:
        case UnitRenamed():
            return attrs.evolve(state, names=(*state.names, Dated(event.since, event.name)))
        case UnitMoved():
            return attrs.evolve(
                state, parents=(*state.parents, Dated(event.since, event.parent_id))
            )
        case UnitMerged():
            return attrs.evolve(
                state, ended=event.since, ending=Ending.MERGED, successor_id=event.into_id
            )
        case UnitDissolved():
            return attrs.evolve(
                state, ended=event.since, ending=Ending.DISSOLVED, successor_id=event.successor_id
            )
        case RegionMemberAdded():
            link = RegionLink(event.member_id, event.since)
            return attrs.evolve(state, members=(*state.members, link))
        case RegionMemberRemoved():
            gone = (event.member_id, event.since)
            members = tuple(
                attrs.evolve(m, until=event.until) if (m.member_id, m.since) == gone else m
                for m in state.members
            )
            return attrs.evolve(state, members=members)
        case RoleAssigned():
            term = RoleTerm(event.person_id, event.role, event.since)
            return attrs.evolve(state, terms=(*state.terms, term))
        case RoleEnded():
            ended = (event.person_id, event.role, event.since)
            terms = tuple(
                attrs.evolve(t, until=event.until) if (t.person_id, t.role, t.since) == ended else t
                for t in state.terms
            )
            return attrs.evolve(state, terms=terms)
        case LateEntryPolicySet():
            return attrs.evolve(state, late_entry=(*state.late_entry, event))
        case _:
            assert_never(event)


def founded(event: BranchFounded | UnitFounded) -> UnitState:
    """The state a founding event starts; the old :class:`BranchFounded` reads as a root
    branch that existed from the start."""
    if isinstance(event, BranchFounded):
        start = FROM_THE_START
        names, parents = (Dated(start, event.name),), (Dated(start, None),)
        return UnitState(
            event.branch_id,
            UnitKind.BRANCH,
            event.cycle_start_month,
            event.superior_id,
            start,
            names,
            parents,
        )
    return UnitState(
        event.unit_id,
        event.kind,
        event.cycle_start_month,
        event.superior_id,
        event.since,
        (Dated(event.since, event.name),),
        (Dated(event.since, event.parent_id),),
    )
