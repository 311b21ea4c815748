"""补录规则 — what setting a unit's late-entry rule must satisfy, after authority: set by
the level above, for a living unit, with roles the unit's kind has; setting the rule in
force again changes nothing. (Applying the rule to an entry is
:mod:`dangjian_core.people.late_entry`.)"""

from __future__ import annotations

from dangjian_core.kernel.authority import enforce
from dangjian_core.kernel.facts import Facts
from dangjian_core.units import permissions as p
from dangjian_core.units.commands import SetLateEntryPolicy
from dangjian_core.units.events import LateEntryPolicySet, UnitEvent
from dangjian_core.units.rules import roles_of
from dangjian_core.units.state import UnitError, UnitState, alive


def set_late_entry(command: SetLateEntryPolicy, state: UnitState, facts: Facts) -> list[UnitEvent]:
    """The unit's late-entry rule from the command's time."""
    at = command.at
    enforce(p.set_late_entry(facts, state, command.actor_id, at))
    alive(state, at)
    absent = [role for role in command.roles if role not in roles_of(state.kind)]
    if absent:
        raise UnitError(
            f"{state.kind.zh}不设{'、'.join(role.zh for role in absent)}",
            f"a {state.kind.value} has no {', '.join(role.value for role in absent)}",
        )
    current = state.late_entry_at(at)
    if current is not None and (current.window_days, current.roles) == (
        command.window_days,
        command.roles,
    ):
        return []
    return [
        LateEntryPolicySet(state.unit_id, command.window_days, command.roles, command.reason, at)
    ]
