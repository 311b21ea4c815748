"""红色全覆盖 — a unit's register of above-scale enterprises (城西新区: 98) with whether and
when each founded a party organization, and the coverage ratio over time (seed 004).

A register is one stream per unit, ``coverage-<unit id>``: it has no holder and no
cadence, so it is a concept of its own rather than a kind of duty."""

from __future__ import annotations

from dangjian_core.coverage import decisions, permissions, projections
from dangjian_core.coverage.commands import (
    CoverageCommand,
    DelistEnterprise,
    ListEnterprise,
    RecordPartyOrganization,
)
from dangjian_core.coverage.events import EVENTS, CoverageEvent
from dangjian_core.coverage.state import REGISTER, RegisterState
from dangjian_core.kernel.concept import Concept

CONCEPT: Concept[CoverageCommand, CoverageEvent, RegisterState] = Concept(
    name="coverage",
    stream=REGISTER,
    subject=lambda command: command.unit_id,
    commands=(ListEnterprise, RecordPartyOrganization, DelistEnterprise),
    events=EVENTS,
    decide=decisions.decide,
    evolve=decisions.evolve,
    subjects={"unit_id": "branch", "branch_id": "branch"},
    authority=permissions.replay,
    projections=projections.PROJECTIONS,
)
