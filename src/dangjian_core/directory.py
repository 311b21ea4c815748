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

from dangjian_core.calendar.workdays import Calendar
from dangjian_core.evaluation.standings import CycleLedger
from dangjian_core.shared.ids import BranchId, PersonId
from dangjian_core.units.hierarchy import children_among

if TYPE_CHECKING:
    from datetime import datetime

    from dangjian_core.evaluation.state import EvaluationState
    from dangjian_core.grids.state import BlockState
    from dangjian_core.people.decisions import PersonState
    from dangjian_core.tasks.state import TaskState
    from dangjian_core.units.state import UnitState
    from dangjian_core.work.state import WorkItemState


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

    def evaluation(self, unit_id: BranchId, cycle: str) -> EvaluationState | None:
        """The folded evaluation of a unit for a cycle (scheme, quota, close)."""

    def cycle_ledger(self, unit_id: BranchId, cycle: str) -> CycleLedger:
        """A unit's ledger lines for a cycle and the completions awaiting review (the
        adapter answers from the views, topped up with the log after them)."""

    def children(self, unit_id: BranchId, at: datetime) -> list[UnitState]:
        """The living units directly under ``unit_id`` at ``at`` (after hand-overs: a
        unit under one merged into ``unit_id`` counts), ordered by id."""

    def calendar(self, calendar_id: str = "default") -> Calendar:
        """The working-day calendar (weekends only when nothing was declared)."""

    def work_item(self, item_id: str) -> WorkItemState | None:
        """The folded state of a work item (中心工作)."""

    def task(self, task_id: str) -> TaskState | None:
        """The folded state of a task."""


@frozen
class FixedDirectory:
    """固定名录 — a directory over given states, for tests and pure replays."""

    branches: Mapping[BranchId, UnitState] = field(factory=dict)
    people: Mapping[PersonId, PersonState] = field(factory=dict)
    blocks: Mapping[str, BlockState] = field(factory=dict)
    evaluations: Mapping[tuple[BranchId, str], EvaluationState] = field(factory=dict)
    ledgers: Mapping[tuple[BranchId, str], CycleLedger] = field(factory=dict)
    work_items: Mapping[str, WorkItemState] = field(factory=dict)
    tasks: Mapping[str, TaskState] = field(factory=dict)
    calendars: Mapping[str, Calendar] = field(factory=dict)

    def branch(self, branch_id: BranchId) -> UnitState | None:
        """The unit with this id, if given."""
        return self.branches.get(branch_id)

    def person(self, person_id: PersonId) -> PersonState | None:
        """The person with this id, if given."""
        return self.people.get(person_id)

    def block(self, block_id: str) -> BlockState | None:
        """The grid block with this id, if given."""
        return self.blocks.get(block_id)

    def evaluation(self, unit_id: BranchId, cycle: str) -> EvaluationState | None:
        """The unit's evaluation for the cycle, if given."""
        return self.evaluations.get((unit_id, cycle))

    def cycle_ledger(self, unit_id: BranchId, cycle: str) -> CycleLedger:
        """The unit's ledger for the cycle, if given; an empty one otherwise."""
        return self.ledgers.get((unit_id, cycle)) or CycleLedger()

    def children(self, unit_id: BranchId, at: datetime) -> list[UnitState]:
        """The given living units directly under ``unit_id`` at ``at``."""
        return children_among(self, self.branches.values(), unit_id, at)

    def calendar(self, calendar_id: str = "default") -> Calendar:
        """The given calendar, or weekends only."""
        return self.calendars.get(calendar_id, Calendar())

    def work_item(self, item_id: str) -> WorkItemState | None:
        """The work item with this id, if given."""
        return self.work_items.get(item_id)

    def task(self, task_id: str) -> TaskState | None:
        """The task with this id, if given."""
        return self.tasks.get(task_id)
