"""Given/when/then for the pure core: fold past events, decide a command, build events.

``given(*events)`` folds events into the state of the concept they belong to;
``when(command, state)`` decides a command against that state and the seed village's
directory. The event builders below spell out the facts of the seed task ``T1`` with
plain values, so a test reads as the story it tells.

``Village`` runs whole stories: every stream's state, the recorded log with positions,
and the directory those states imply — the same loop an application runs, minus storage.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

import attrs

from dangjian_core.calendar.state import CalendarState
from dangjian_core.catalog import ALL_TABLES, CONCEPTS, concept_of, decide, project_all, stream_of
from dangjian_core.grids.state import BlockState
from dangjian_core.kernel.concept import Concept
from dangjian_core.kernel.errors import DomainError
from dangjian_core.kernel.ids import PersonId, TaskId
from dangjian_core.kernel.readmodel import MemoryViews
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.people.state import PersonState
from dangjian_core.tasks.events import (
    ClaimWithdrawn,
    CompletionApproved,
    CompletionRejected,
    CompletionSubmitted,
    PointsRevoked,
    TaskCancelled,
    TaskClaimed,
    TaskIssued,
)
from dangjian_core.units.roles import Role
from dangjian_core.units.state import RoleTerm, UnitState
from tests import support
from tests.facts import FixedFacts

T1 = TaskId("T1")
TITLE = "环境卫生整治任务"
CATEGORY = "环境卫生整治"
CYCLE = "2021-10"
NOTE = "已清扫村口垃圾"
PHOTOS = ("photo-1.jpg",)
DEADLINE = support.T0 + timedelta(days=7)

_CONCEPT_OF_EVENT = {event: c for c in CONCEPTS for event in c.events.values()}


def fold(concept: Concept, events: Iterable[Any], state: Any = None) -> Any:
    """The state ``events`` leave behind, starting from ``state`` (or the initial one)."""
    if state is None:
        state = concept.initial()
    for event in events:
        state = concept.evolve(state, event)
    return state


def given(*events: Any) -> Any:
    """The state of the stream these events (all of one concept) make up."""
    if not events:
        return None
    return fold(_CONCEPT_OF_EVENT[type(events[0])], events)


def when(command: Any, state: Any, directory: FixedFacts | None = None) -> list[Any]:
    """Decide ``command`` against ``state`` and the seed village (or ``directory``)."""
    village = support.directory() if directory is None else directory
    return decide(command, state, village)


def then_state(state: Any, events: Iterable[Any]) -> Any:
    """The state after a decision's events."""
    events = list(events)
    if not events:
        return state
    return fold(_CONCEPT_OF_EVENT[type(events[0])], events, state)


# --- the seed village, varied -------------------------------------------------------


def seed_branch() -> UnitState:
    """The seed branch 派溪吕村党支部 with its secretary, organizing member and reviewer."""
    branch = support.directory().branches[support.BRANCH]
    assert branch is not None
    return branch


def village_with(
    *,
    terms: tuple[RoleTerm, ...] | None = None,
    extra_terms: tuple[RoleTerm, ...] = (),
    start_month: int | None = None,
    people: dict[PersonId, PersonState] | None = None,
    branches: tuple[UnitState, ...] = (),
) -> FixedFacts:
    """The seed village with its role terms, start month or people changed."""
    seed = support.directory()
    branch = seed_branch()
    branch = attrs.evolve(branch, terms=(*(branch.terms if terms is None else terms), *extra_terms))
    if start_month is not None:
        branch = attrs.evolve(branch, cycle_start_month=start_month)
    everyone = {**seed.people, **(people or {})}
    others = {b.branch_id: b for b in branches}
    return FixedFacts({support.BRANCH: branch, **others}, everyone)


def term(person_id: str, role: Role, since: datetime, until: datetime | None = None) -> RoleTerm:
    """A role term (in the seed branch, or wherever it is put)."""
    return RoleTerm(PersonId(person_id), role, since, until)


# --- task events, as plain values ------------------------------------------------------


def issued(task_id: str = "T1", **options: Any) -> TaskIssued:
    """The TaskIssued the seed ``issue(...)`` command decides to."""
    [event] = when(support.issue(task_id, **options), None)
    assert isinstance(event, TaskIssued)
    return event


def claimed(person: str, task_id: str = "T1") -> TaskClaimed:
    """``person`` took a slot."""
    return TaskClaimed(TaskId(task_id), PersonId(person))


def withdrawn(person: str, task_id: str = "T1") -> ClaimWithdrawn:
    """``person`` gave the slot back."""
    return ClaimWithdrawn(TaskId(task_id), PersonId(person))


def submitted(person: str, attempt: int = 1, task_id: str = "T1") -> CompletionSubmitted:
    """``person`` reported the work done (attempt ``attempt``) in cycle 2021-10."""
    return CompletionSubmitted(TaskId(task_id), PersonId(person), NOTE, PHOTOS, CYCLE, attempt)


def approved(
    person: str, points: int = 5, reason: str = "", task_id: str = "T1"
) -> CompletionApproved:
    """``person``'s completion was approved for ``points``."""
    return CompletionApproved(
        TaskId(task_id), PersonId(person), support.BRANCH, CYCLE, CATEGORY, points, reason
    )


def rejected(
    person: str, reason: str = "照片看不清", final: bool = False, task_id: str = "T1"
) -> CompletionRejected:
    """``person``'s completion was rejected."""
    return CompletionRejected(TaskId(task_id), PersonId(person), reason, final)


def cancelled(*released: str, reason: str = "上级通知取消", task_id: str = "T1") -> TaskCancelled:
    """The task was cancelled, releasing ``released``."""
    return TaskCancelled(TaskId(task_id), reason, tuple(PersonId(p) for p in released))


def revoked(
    person: str, points: int = 5, reason: str = "督查发现未实际完成", task_id: str = "T1"
) -> PointsRevoked:
    """``person``'s approved points were taken back."""
    return PointsRevoked(
        TaskId(task_id), PersonId(person), support.BRANCH, CYCLE, CATEGORY, points, reason
    )


# --- whole stories -------------------------------------------------------------------


class Village:
    """村 — every stream's folded state and the recorded log, as an application keeps them."""

    def __init__(self) -> None:
        self.states: dict[str, Any] = {}
        self.versions: dict[str, int] = {}
        self.log: list[Recorded[Any]] = []

    @classmethod
    def seeded(cls) -> Village:
        """The seed village built by its setup commands."""
        village = cls()
        for command in support.setup_commands():
            village.handle(command)
        return village

    def directory(self) -> FixedFacts:
        """The branches, people and grid blocks the current states describe."""
        branches = {s.branch_id: s for s in self.states.values() if isinstance(s, UnitState)}
        people = {s.person_id: s for s in self.states.values() if isinstance(s, PersonState)}
        blocks = {s.block_id: s for s in self.states.values() if isinstance(s, BlockState)}
        calendars = {
            s.calendar_id: s.calendar for s in self.states.values() if isinstance(s, CalendarState)
        }
        return FixedFacts(branches, people, blocks, calendars=calendars)

    def state_of(self, command: Any) -> Any:
        """The state of the stream ``command`` is decided against."""
        stream = stream_of(command)
        return self.states.get(stream, concept_of(command).initial())

    def handle(self, command: Any) -> list[Any]:
        """Decide ``command``, fold and record its events; refusals propagate."""
        concept, stream = concept_of(command), stream_of(command)
        events = decide(command, self.state_of(command), self.directory())
        for event in events:
            self.states[stream] = concept.evolve(self.states.get(stream), event)
            self.versions[stream] = self.versions.get(stream, 0) + 1
            position = len(self.log) + 1
            version = self.versions[stream]
            self.log.append(
                Recorded(position, stream, version, command.actor_id, command.at, event)
            )
        return events

    def attempt(self, command: Any) -> list[Any] | DomainError:
        """Like :meth:`handle`, but a refusal is returned instead of raised."""
        try:
            return self.handle(command)
        except DomainError as refusal:
            return refusal

    def task(self, task_id: str = "T1") -> Any:
        """The folded state of a task."""
        return self.states.get(f"task-{task_id}")

    def views(self) -> MemoryViews:
        """Every read model, projected from the whole log."""
        return project(self.log)


def project(log: Iterable[Recorded[Any]]) -> MemoryViews:
    """All read models after projecting ``log`` in order."""
    views = MemoryViews(ALL_TABLES)
    for recorded in log:
        views.apply(project_all(recorded))
    return views


def other_branch(branch_id: str = "siqianlv", superior: str = support.TOWN) -> UnitState:
    """A second village branch (寺前吕村) with no roles yet."""
    return support.unit(branch_id, "寺前吕村党支部", superior=superior)
