"""人员约束 — what the roll requires of other concepts' events.

- 任命 (:class:`~dangjian_core.units.events.RoleAssigned`): a committee role goes to someone
  on the roll of the unit or a unit under it (a party group's and a regional committee's
  people are on the roll above them); cadres sent from elsewhere (联村干部、第一书记、
  党建指导员、督查员) need only be registered somewhere.
"""

from __future__ import annotations

from dangjian_core.kernel.concept import Guard
from dangjian_core.kernel.errors import UnknownSubject
from dangjian_core.kernel.facts import Facts
from dangjian_core.people.state import PERSON
from dangjian_core.units.events import RoleAssigned
from dangjian_core.units.hierarchy import lies_within, roll_scope
from dangjian_core.units.roles import OUTSIDE_ROLES
from dangjian_core.units.state import other


def appointee_on_roll(event: RoleAssigned, facts: Facts) -> None:
    """Refuse an appointment of someone not on the roll the role is drawn from."""
    person = facts.get(PERSON, event.person_id)
    if person is not None and event.role in OUTSIDE_ROLES:
        return
    scope = roll_scope(facts, other(facts, event.branch_id), event.since)
    if person is None or not lies_within(facts, person.branch_at(event.since), scope, event.since):
        raise UnknownSubject(
            f"{event.person_id} 不是 {scope.unit_id} 及其下级的登记人员",
            f"{event.person_id} is not on the roll of {scope.unit_id} or a unit under it",
        )


GUARDS = (Guard((RoleAssigned,), appointee_on_roll),)
