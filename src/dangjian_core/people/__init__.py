"""人员 — the people on a unit's roll, their party status on the road to membership
(入党申请人 → 入党积极分子 → 发展对象 → 预备党员 → 正式党员), their personal details
(kept private) and their transfers between rolls."""

from __future__ import annotations

from dangjian_core.kernel.concept import Concept
from dangjian_core.people import decisions, permissions, policies, projections
from dangjian_core.people.commands import (
    ChangePartyStatus,
    ExtendProbation,
    PersonCommand,
    RecordPersonDetails,
    RegisterPerson,
    RenamePerson,
    TransferMembership,
)
from dangjian_core.people.events import EVENTS, PersonEvent
from dangjian_core.people.state import PERSON, PersonState

CONCEPT: Concept[PersonCommand, PersonEvent, PersonState | None] = Concept(
    name="people",
    stream=PERSON,
    subject=lambda command: command.person_id,
    commands=(
        RegisterPerson,
        RecordPersonDetails,
        RenamePerson,
        ChangePartyStatus,
        ExtendProbation,
        TransferMembership,
    ),
    events=EVENTS,
    decide=decisions.decide,
    evolve=decisions.evolve,
    subjects={
        "person_id": "person",
        "branch_id": "branch",
        "from_id": "branch",
        "to_id": "branch",
    },
    authority=permissions.replay,
    projections=projections.PROJECTIONS,
    guards=policies.GUARDS,
)
