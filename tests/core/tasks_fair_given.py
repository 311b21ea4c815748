"""Fair claiming's givens: tasks with a waitlist or a draw window, in the seed village
(派溪吕村), and a village with many activists for claim storms."""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs

from dangjian_core.kernel.ids import PersonId, TaskId
from dangjian_core.people.events import PartyStatus
from dangjian_core.people.state import PersonState, StatusPeriod
from dangjian_core.tasks.commands import ClaimTask, CloseTask, DrawSlots, IssueTask, WithdrawClaim
from dangjian_core.tasks.events import TaskIssued
from tests import support
from tests.core.given import when
from tests.facts import FixedFacts

#: A seed the adapter would read from the log (any 64 hex digits).
SEED = "5d" * 32
SEED_KIND = "chain-entry-hash/v1"
WINDOW_HOURS = 0.5


def issue_fair(
    slots: int = 2, *, window: int = 0, weighted: bool = False, waitlist: bool = True
) -> IssueTask:
    """The seed task T1 with a waitlist and, when ``window`` (minutes), a draw window."""
    command = support.issue(slots=slots)
    return attrs.evolve(command, draw_minutes=window, draw_weighted=weighted, waitlist=waitlist)


def issued_fair(slots: int = 2, **options: Any) -> TaskIssued:
    """The TaskIssued of :func:`issue_fair`."""
    [event] = when(issue_fair(slots, **options), None)
    assert isinstance(event, TaskIssued)
    return event


def claim(person: str, hours: float = 1) -> ClaimTask:
    """``person`` claims T1, ``hours`` after T0."""
    return ClaimTask(TaskId("T1"), PersonId(person), support.later(hours))


def withdraw(person: str, hours: float = 2) -> WithdrawClaim:
    """``person`` withdraws from T1."""
    return WithdrawClaim(TaskId("T1"), PersonId(person), support.later(hours))


def draw_slots(hours: float = 1, seed: str = SEED, actor: str = support.ORGANIZER) -> DrawSlots:
    """The draw of T1 with ``seed``, at ``hours`` after T0."""
    return DrawSlots(TaskId("T1"), seed, 42, SEED_KIND, actor, support.later(hours))


def close(hours: float = 24 * 8, actor: str = support.ORGANIZER) -> CloseTask:
    """T1 concluded after its week."""
    return CloseTask(TaskId("T1"), actor, support.later(hours))


def activist(n: int) -> PersonId:
    """The ``n``-th activist of a crowded village."""
    return PersonId(f"act-{n:04d}")


def crowded(count: int) -> FixedFacts:
    """The seed village with ``count`` more activists on the branch's roll."""
    seed = support.directory()
    period = (StatusPeriod(PartyStatus.ACTIVIST, date(2020, 9, 1)),)
    extra = {
        activist(n): PersonState(activist(n), support.BRANCH, f"积极分子{n}", period)
        for n in range(count)
    }
    return FixedFacts(seed.branches, {**seed.people, **extra})
