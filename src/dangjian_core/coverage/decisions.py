"""红色全覆盖决策 — ``decide`` and ``evolve`` for a unit's enterprise register: flat tables
over :mod:`~dangjian_core.coverage.rules`."""

from __future__ import annotations

from collections.abc import Callable
from typing import assert_never

import attrs

from dangjian_core.coverage import rules
from dangjian_core.coverage.commands import (
    CoverageCommand,
    DelistEnterprise,
    ListEnterprise,
    RecordPartyOrganization,
)
from dangjian_core.coverage.events import (
    CoverageEvent,
    EnterpriseDelisted,
    EnterpriseListed,
    PartyOrganizationFounded,
)
from dangjian_core.coverage.permissions import keep_register
from dangjian_core.coverage.state import Enterprise, RegisterState
from dangjian_core.kernel.authority import enforce
from dangjian_core.kernel.facts import Facts


def decide(command: CoverageCommand, state: RegisterState, facts: Facts) -> list[CoverageEvent]:
    """Decide a register command against the register and the facts."""
    enforce(keep_register(facts, command.unit_id, command.actor_id, command.at))
    match command:
        case ListEnterprise():
            return rules.list_enterprise(command, state)
        case RecordPartyOrganization():
            return rules.record_organization(command, state, facts)
        case DelistEnterprise():
            return rules.delist(command, state)
        case _:
            assert_never(command)


def evolve(state: RegisterState | None, event: CoverageEvent) -> RegisterState:
    """Fold one register event into the state (None: the empty register); never fails (an
    event about an enterprise never listed changes nothing)."""
    state = state or RegisterState()
    match event:
        case EnterpriseListed():
            if state.enterprise(event.enterprise_id) is not None:
                return state
            listed = Enterprise(event.enterprise_id, event.name, event.since)
            return attrs.evolve(state, enterprises=(*state.enterprises, listed))
        case PartyOrganizationFounded():
            return _change(state, event.enterprise_id, lambda e: _founded(e, event))
        case EnterpriseDelisted():
            return _change(
                state, event.enterprise_id, lambda e: attrs.evolve(e, delisted_on=event.on)
            )
        case _:
            assert_never(event)


def _founded(enterprise: Enterprise, event: PartyOrganizationFounded) -> Enterprise:
    return attrs.evolve(
        enterprise, founded_on=event.founded_on, form=event.form, branch_id=event.branch_id
    )


def _change(
    state: RegisterState, enterprise_id: str, change: Callable[[Enterprise], Enterprise]
) -> RegisterState:
    enterprises = tuple(
        change(e) if e.enterprise_id == enterprise_id else e for e in state.enterprises
    )
    return attrs.evolve(state, enterprises=enterprises)
