"""党组织 — organisation units (党委、党总支、党支部、党小组、两新组织党支部、区域委员会),
their tree over time and the roles people hold in them for terms.

A branch is a unit of kind ``branch``; units keep the ``branch-<id>`` streams and ids that
tasks and points refer to as ``branch_id``. Every other concept's authority rests on this
one: :mod:`~dangjian_core.units.hierarchy` and :mod:`~dangjian_core.units.permissions`.
"""

from __future__ import annotations

from dangjian_core.kernel.concept import Concept
from dangjian_core.units import decisions, permissions, projections
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
from dangjian_core.units.events import EVENTS, UnitEvent
from dangjian_core.units.state import UNIT, UnitState

CONCEPT: Concept[UnitCommand, UnitEvent, UnitState | None] = Concept(
    name="units",
    stream=UNIT,
    subject=lambda command: command.unit_id,
    commands=(
        FoundUnit,
        FoundBranch,
        RenameUnit,
        MoveUnit,
        MergeUnit,
        DissolveUnit,
        AddRegionMember,
        RemoveRegionMember,
        AppointRole,
        EndRole,
        SetLateEntryPolicy,
    ),
    events=EVENTS,
    decide=decisions.decide,
    evolve=decisions.evolve,
    subjects={
        "branch_id": "branch",
        "unit_id": "branch",
        "parent_id": "branch",
        "into_id": "branch",
        "successor_id": "branch",
        "member_id": "branch",
        "person_id": "person",
    },
    authority=permissions.replay,
    projections=projections.PROJECTIONS,
)
