"""党组织决策 — ``decide`` and ``evolve`` for units.

The rules live in :mod:`~dangjian_core.units.structure` (the tree) and
:mod:`~dangjian_core.units.appointments` (roles); the state in
:mod:`~dangjian_core.units.state`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, assert_never

from attrs import evolve

from dangjian_core.units import appointments, structure
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
    UnitCommand,
)
from dangjian_core.units.events import (
    BranchFounded,
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
from dangjian_core.units.guards import UnitError, existing
from dangjian_core.units.state import (
    FROM_THE_START,
    Dated,
    Ending,
    RegionLink,
    RoleTerm,
    UnitState,
)

if TYPE_CHECKING:
    from dangjian_core.directory import Directory

__all__ = ["UnitError", "UnitState", "decide", "evolve_state", "initial_state"]


def initial_state() -> UnitState | None:
    """A unit stream starts empty: not founded."""
    return None


def decide(command: UnitCommand, state: UnitState | None, directory: Directory) -> list[UnitEvent]:
    """Decide a unit command against the unit's state and the directory."""
    match command:
        case FoundUnit():
            return structure.found(command, state, directory)
        case FoundBranch():
            return structure.found(as_found_unit(command), state, directory)
        case RenameUnit():
            return structure.rename(command, existing(state, command.unit_id), directory)
        case MoveUnit():
            return structure.move(command, existing(state, command.unit_id), directory)
        case MergeUnit():
            return structure.merge(command, existing(state, command.unit_id), directory)
        case DissolveUnit():
            return structure.dissolve(command, existing(state, command.unit_id), directory)
        case AddRegionMember():
            return structure.add_member(command, existing(state, command.unit_id), directory)
        case RemoveRegionMember():
            return structure.remove_member(command, existing(state, command.unit_id), directory)
        case AppointRole():
            return appointments.appoint(command, existing(state, command.unit_id), directory)
        case EndRole():
            return appointments.end(command, existing(state, command.unit_id), directory)
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


def evolve_state(state: UnitState | None, event: UnitEvent) -> UnitState | None:
    """Fold one unit event into the state; never fails."""
    if isinstance(event, BranchFounded | UnitFounded):
        return founded(event)
    assert state is not None
    match event:
        case UnitRenamed():
            return evolve(state, names=(*state.names, Dated(event.since, event.name)))
        case UnitMoved():
            return evolve(state, parents=(*state.parents, Dated(event.since, event.parent_id)))
        case UnitMerged():
            return evolve(
                state, ended=event.since, ending=Ending.MERGED, successor_id=event.into_id
            )
        case UnitDissolved():
            return evolve(
                state, ended=event.since, ending=Ending.DISSOLVED, successor_id=event.successor_id
            )
        case RegionMemberAdded():
            link = RegionLink(event.member_id, event.since)
            return evolve(state, members=(*state.members, link))
        case RegionMemberRemoved():
            gone = (event.member_id, event.since)
            members = tuple(
                evolve(m, until=event.until) if (m.member_id, m.since) == gone else m
                for m in state.members
            )
            return evolve(state, members=members)
        case RoleAssigned():
            term = RoleTerm(event.person_id, event.role, event.since)
            return evolve(state, terms=(*state.terms, term))
        case RoleEnded():
            ended = (event.person_id, event.role, event.since)
            terms = tuple(
                evolve(t, until=event.until) if (t.person_id, t.role, t.since) == ended else t
                for t in state.terms
            )
            return evolve(state, terms=terms)
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
