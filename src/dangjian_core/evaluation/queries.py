"""考评查询 — the facts a close or a snapshot needs, read from the read models.

:func:`cycle_ledger` gathers a unit's ledger lines for a cycle, the completions still
awaiting review and everyone who keeps a standing, from the rows of the points, tasks
and people read models as of the end of the log (``facts.rows``): the same function
answers a decision under the stream's lock, the in-memory village and the views.

Under an adopted scheme the wall and a balance's explanation show what counts
(:func:`counted_standing`, :func:`counted_explanation`): capped categories, the base
after deductions, vetoed people at 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

import attrs

from dangjian_core.evaluation.standings import CycleLedger, PendingReview, scored
from dangjian_core.evaluation.state import EvaluationState
from dangjian_core.kernel.facts import Row
from dangjian_core.kernel.ids import PersonId
from dangjian_core.kernel.readmodel import Table, Value
from dangjian_core.people.events import PartyStatus
from dangjian_core.people.projections import PEOPLE
from dangjian_core.points.projections import LEDGER
from dangjian_core.points.queries import Explanation, LedgerLine, Standing, line_of
from dangjian_core.tasks.projections import CLAIMS, TASKS
from dangjian_core.tasks.state import ClaimStatus

#: Whose standing the cycle keeps even with no points: activists and party members.
STANDING = frozenset(
    {PartyStatus.ACTIVIST, PartyStatus.CANDIDATE, PartyStatus.PROBATIONARY, PartyStatus.FULL}
)


class _ReadModels(Protocol):
    """The part of :class:`~dangjian_core.kernel.facts.Facts` the ledger reads: rows of
    read models as of the end of the log (the adapter's views topped up with the log
    answer it too, outside any decision)."""

    def rows(self, table: Table, where: Mapping[str, Value]) -> list[Row]: ...

    def position(self) -> int: ...


def cycle_ledger(facts: _ReadModels, unit_id: str, cycle: str) -> CycleLedger:
    """A unit's ledger lines for a cycle by person (in log order), its completions
    awaiting review, and everyone on its roll who keeps a standing."""
    lines: dict[PersonId, list[LedgerLine]] = {}
    rows = facts.rows(LEDGER, {"branch_id": unit_id, "cycle": cycle})
    for row in sorted(rows, key=lambda r: int(r["position"] or 0)):
        lines.setdefault(PersonId(str(row["person_id"])), []).append(line_of(row))
    tasks = {str(t["task_id"]) for t in facts.rows(TASKS, {"branch_id": unit_id})}
    submitted = facts.rows(CLAIMS, {"cycle": cycle, "status": ClaimStatus.SUBMITTED.value})
    pending = sorted(
        (str(c["task_id"]), str(c["person_id"])) for c in submitted if c["task_id"] in tasks
    )
    people = facts.rows(PEOPLE, {"branch_id": unit_id})
    return CycleLedger(
        {person: tuple(found) for person, found in sorted(lines.items())},
        tuple(PendingReview(task, PersonId(person)) for task, person in pending),
        facts.position(),
        tuple(
            PersonId(str(p["person_id"]))
            for p in sorted(people, key=lambda p: str(p["person_id"]))
            if p["status"] in STANDING
        ),
    )


def counted_standing(
    state: EvaluationState, standing: Standing, lines: Iterable[LedgerLine]
) -> Standing:
    """A wall standing as the unit's scheme counts the person's ``lines`` (unchanged
    without a scheme): capped categories, the base after deductions, vetoed at 0."""
    if state.scheme is None:
        return standing
    figures = scored(state, PersonId(standing.person_id), lines).standing
    return attrs.evolve(
        standing,
        total=figures.total,
        credits=figures.credits,
        last_position=figures.reached_position,
        categories=dict(figures.categories),
    )


def counted_explanation(state: EvaluationState, explanation: Explanation) -> Explanation:
    """The explanation with each line's counted points and note (超出上限…) under the
    scheme in force (unchanged without one)."""
    if state.scheme is None:
        return explanation
    result = scored(state, PersonId(explanation.person_id), list(explanation.lines))
    counted = tuple((c.line.position, c.counted, c.note) for c in result.lines)
    return attrs.evolve(explanation, counted_total=result.standing.total, counted_lines=counted)
