"""职责状态 — one duty as folded from its stream: its object, holder, cadence, its ending
and the problems reported on it; and the refusals of duty commands."""

from __future__ import annotations

from datetime import date

from attrs import frozen

from dangjian_core.duties.events import CadenceUnit, DutyKind, ProblemFollow
from dangjian_core.kernel.concept import Stream, nothing
from dangjian_core.kernel.errors import DomainError, UnknownSubject
from dangjian_core.kernel.ids import BranchId, PersonId


class DutyError(DomainError):
    """职责错误 — a duty command was refused by a rule of duties."""

    code = "duty"


@frozen
class PatrolProblem:
    """巡查问题 — a problem reported on a duty, and what it became (if anything yet)."""

    problem_id: str
    on: date
    description: str
    follow: ProblemFollow | None


@frozen
class DutyState:
    """职责状态 — a duty: whose, over what, how often, since when, until when."""

    duty_id: str
    unit_id: BranchId
    kind: DutyKind
    object_name: str
    details: str
    holders: tuple[tuple[date, PersonId], ...]
    every: int
    cadence: CadenceUnit
    since: date
    ended: date | None = None
    problems: tuple[PatrolProblem, ...] = ()

    @property
    def holder_id(self) -> PersonId:
        """Who holds the duty now (the latest hand-over)."""
        return self.holders[-1][1]

    def holder_on(self, day: date) -> PersonId:
        """Who held the duty on ``day`` (the first holder before it began)."""
        current = self.holders[0][1]
        for since, person_id in self.holders:
            if since <= day:
                current = person_id
        return current

    def problem(self, problem_id: str) -> PatrolProblem | None:
        """The problem reported under this id."""
        return next((p for p in self.problems if p.problem_id == problem_id), None)


#: A duty's stream, ``duty-<duty id>``; None before it is assigned.
DUTY: Stream[DutyState | None] = Stream("duty", nothing)


def existing(state: DutyState | None, duty_id: str) -> DutyState:
    """The duty, or a refusal naming the unknown duty."""
    if state is None:
        raise UnknownSubject(f"职责 {duty_id} 不存在", f"duty {duty_id} does not exist")
    return state
