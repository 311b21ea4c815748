"""人员决策 — ``decide`` and ``evolve`` for people: flat tables over the rules in
:mod:`~dangjian_core.people.rules`; the state is :mod:`~dangjian_core.people.state`."""

from __future__ import annotations

from typing import assert_never

import attrs

from dangjian_core.kernel.facts import Facts
from dangjian_core.people import rules
from dangjian_core.people.commands import (
    ChangePartyStatus,
    ExtendProbation,
    PersonCommand,
    RecordPersonDetails,
    RegisterPerson,
    RenamePerson,
    TransferMembership,
)
from dangjian_core.people.events import (
    MembershipTransferred,
    PartyStatus,
    PartyStatusChanged,
    PersonDetailsRecorded,
    PersonEvent,
    PersonRegistered,
    PersonRenamed,
    ProbationExtended,
)
from dangjian_core.people.state import PersonState, StatusPeriod, Transfer, existing


def decide(command: PersonCommand, state: PersonState | None, facts: Facts) -> list[PersonEvent]:
    """Decide a person command against the person's state and the facts."""
    match command:
        case RegisterPerson():
            return rules.register(command, state, facts)
        case RecordPersonDetails():
            return rules.record_details(command, existing(state, command.person_id), facts)
        case RenamePerson():
            return rules.rename(command, existing(state, command.person_id), facts)
        case ChangePartyStatus():
            return rules.change_status(command, existing(state, command.person_id), facts)
        case ExtendProbation():
            return rules.extend_probation(command, existing(state, command.person_id), facts)
        case TransferMembership():
            return rules.transfer(command, existing(state, command.person_id), facts)
        case _:
            assert_never(command)


def evolve(state: PersonState | None, event: PersonEvent) -> PersonState | None:
    """Fold one person event into the state; never fails (an event of a person never
    registered leaves nothing to change)."""
    if isinstance(event, PersonRegistered):
        period = StatusPeriod(event.status, event.status_since)
        return PersonState(event.person_id, event.branch_id, event.name, (period,))
    if state is None:
        return state
    match event:
        case PartyStatusChanged():
            history = (*state.history, StatusPeriod(event.status, event.since))
            fresh = event.status == PartyStatus.PROBATIONARY
            until = None if fresh else state.probation_until
            return attrs.evolve(state, history=history, probation_until=until)
        case PersonDetailsRecorded():
            return attrs.evolve(
                state,
                gender=event.gender,
                birth_year=event.birth_year,
                contact=event.contact,
                id_number=event.id_number,
            )
        case PersonRenamed():
            return attrs.evolve(state, name=event.name)
        case ProbationExtended():
            return attrs.evolve(state, probation_until=event.until)
        case MembershipTransferred():
            transfer = Transfer(event.from_id, event.to_id, event.since)
            return attrs.evolve(
                state, branch_id=event.to_id, transfers=(*state.transfers, transfer)
            )
        case _:
            assert_never(event)
