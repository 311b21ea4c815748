"""名录 — the facts a decision needs from other streams.

A task's decision needs to know who holds which role in the unit and what a claimant's
party status is; a unit's decision needs the units above it. The adapter answers these
from the authoritative streams; tests answer them from plain dictionaries. Decisions stay
pure: same directory, same answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol

from attrs import field, frozen

from dangjian_core.shared.ids import BranchId, PersonId

if TYPE_CHECKING:
    from dangjian_core.grids.state import BlockState
    from dangjian_core.people.decisions import PersonState
    from dangjian_core.units.state import UnitState


class Directory(Protocol):
    """名录 — look up a unit or a person as of now; ``None`` when unknown.

    ``branch`` answers for every kind of unit (the name predates units): the state holds
    the unit's whole dated history, so a decision can ask about any moment.
    """

    def branch(self, branch_id: BranchId) -> UnitState | None:
        """The folded state of a unit."""

    def person(self, person_id: PersonId) -> PersonState | None:
        """The folded state of a person."""

    def block(self, block_id: str) -> BlockState | None:
        """The folded state of a grid block."""


@frozen
class FixedDirectory:
    """固定名录 — a directory over given states, for tests and pure replays."""

    branches: Mapping[BranchId, UnitState] = field(factory=dict)
    people: Mapping[PersonId, PersonState] = field(factory=dict)
    blocks: Mapping[str, BlockState] = field(factory=dict)

    def branch(self, branch_id: BranchId) -> UnitState | None:
        """The unit with this id, if given."""
        return self.branches.get(branch_id)

    def person(self, person_id: PersonId) -> PersonState | None:
        """The person with this id, if given."""
        return self.people.get(person_id)

    def block(self, block_id: str) -> BlockState | None:
        """The grid block with this id, if given."""
        return self.blocks.get(block_id)
