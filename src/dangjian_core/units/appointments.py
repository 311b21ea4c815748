"""任免决策 — appointing people to roles in a unit and ending their terms.

The level above the unit appoints (its parent's secretary or organizing member, any
level higher, or a root unit's superior); the unit's own secretary may also designate
its working roles. Nobody appoints themselves. A committee role goes to someone on the
roll of the unit or a unit under it; cadres sent from elsewhere (联村干部、第一书记、
党建指导员、督查员) may be on any roll.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dangjian_core import permissions
from dangjian_core.shared.errors import InvalidCommand, UnknownSubject
from dangjian_core.units.commands import AppointRole, EndRole
from dangjian_core.units.events import RoleAssigned, RoleEnded, UnitEvent, UnitKind
from dangjian_core.units.guards import UnitError, alive
from dangjian_core.units.hierarchy import lies_within, roll_scope
from dangjian_core.units.roles import OUTSIDE_ROLES, Role

if TYPE_CHECKING:
    from dangjian_core.directory import Directory
    from dangjian_core.units.state import UnitState

#: The roles of a party group; the other kinds have every role but the group leader.
GROUP_ROLES = frozenset({Role.GROUP_LEADER, Role.GRID_KEEPER, Role.ROAD_CHIEF})


def roles_of(kind: UnitKind) -> frozenset[Role]:
    """The roles a unit of ``kind`` has."""
    if kind == UnitKind.PARTY_GROUP:
        return GROUP_ROLES
    return frozenset(Role) - {Role.GROUP_LEADER}


def appoint(command: AppointRole, state: UnitState, directory: Directory) -> list[UnitEvent]:
    """Appoint a person to a role from the command's time."""
    actor, at = command.actor_id, command.at
    permissions.enforce(
        permissions.appoint(directory, state, actor, command.role, at, command.person_id)
    )
    alive(state, at)
    _check_holder(command, state, directory)
    open_terms = [
        t
        for t in state.terms
        if (t.person_id, t.role, t.until) == (command.person_id, command.role, None)
    ]
    if open_terms and open_terms[0].covers(at):
        return []
    if open_terms:
        raise UnitError(
            f"{command.person_id} 已有自 {open_terms[0].since.date()} 起的{command.role.zh}任期",
            f"{command.person_id} already has an open {command.role.value} term from "
            f"{open_terms[0].since.isoformat()}; terms may not overlap",
        )
    if command.role not in roles_of(state.kind):
        raise UnitError(
            f"{state.kind.zh}不设{command.role.zh}",
            f"a {state.kind.value} has no {command.role.value}",
        )
    return [RoleAssigned(state.unit_id, command.person_id, command.role, at)]


def end(command: EndRole, state: UnitState, directory: Directory) -> list[UnitEvent]:
    """End a person's open term in a role at the command's time."""
    permissions.enforce(
        permissions.appoint(directory, state, command.actor_id, command.role, command.at)
    )
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


def _check_holder(command: AppointRole, state: UnitState, directory: Directory) -> None:
    person = directory.person(command.person_id)
    if person is not None and command.role in OUTSIDE_ROLES:
        return
    scope = roll_scope(directory, state, command.at)
    if person is None or not lies_within(
        directory, person.branch_at(command.at), scope, command.at
    ):
        raise UnknownSubject(
            f"{command.person_id} 不是 {scope.unit_id} 及其下级的登记人员",
            f"{command.person_id} is not on the roll of {scope.unit_id} or a unit under it",
        )
