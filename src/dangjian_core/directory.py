"""名录 — the facts a decision needs from other streams.

A task's decision needs to know who holds which role in the branch and what a claimant's
party status is. The adapter answers these from the authoritative streams; tests answer
them from plain dictionaries. Decisions stay pure: same directory, same answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from attrs import field, frozen

from dangjian_core.branches.decisions import BranchState
from dangjian_core.people.decisions import PersonState
from dangjian_core.shared.ids import BranchId, PersonId


class Directory(Protocol):
    """名录 — look up a branch or a person as of now; ``None`` when unknown."""

    def branch(self, branch_id: BranchId) -> BranchState | None:
        """The folded state of a branch."""

    def person(self, person_id: PersonId) -> PersonState | None:
        """The folded state of a person."""


@frozen
class FixedDirectory:
    """固定名录 — a directory over given states, for tests and pure replays."""

    branches: Mapping[BranchId, BranchState] = field(factory=dict)
    people: Mapping[PersonId, PersonState] = field(factory=dict)

    def branch(self, branch_id: BranchId) -> BranchState | None:
        """The branch with this id, if given."""
        return self.branches.get(branch_id)

    def person(self, person_id: PersonId) -> PersonState | None:
        """The person with this id, if given."""
        return self.people.get(person_id)
