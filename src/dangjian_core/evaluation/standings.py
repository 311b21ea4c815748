"""考评成绩 — every person's standing in a unit's cycle, ranked by the wall's tie-break.

The facts come from the read models (:class:`CycleLedger`, :mod:`~dangjian_core.evaluation.queries`): the
cycle's ledger lines per person and the completions still awaiting review. Ranking reuses
:data:`dangjian_core.points.queries.TIE_RULES`: total, approved tasks, reached earlier, id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from attrs import field, frozen

from dangjian_core.evaluation.scoring import Scored, score
from dangjian_core.evaluation.state import EvaluationState, FrozenStandings, Standing
from dangjian_core.kernel.ids import PersonId
from dangjian_core.points.queries import LedgerLine, separating_rule, tie_key


@frozen
class PendingReview:
    """待审核 — a completion of the cycle submitted and not yet reviewed."""

    task_id: str
    person_id: PersonId


@frozen
class CycleLedger:
    """本周期明细 — a unit's ledger lines for a cycle by person, in log order, the
    completions awaiting review, and the last log position they were read through."""

    lines: Mapping[PersonId, tuple[LedgerLine, ...]] = field(factory=dict)
    pending: tuple[PendingReview, ...] = ()
    through_position: int = 0
    #: Everyone on the unit's roll as an activist or a party member when read, so that
    #: someone with no points at all still has a standing (and can be flagged for training).
    roll: tuple[PersonId, ...] = ()


def _key(s: Standing) -> tuple[int, int, int, str]:
    return tie_key(s.total, s.credits, s.reached_position, s.person_id)


def ranked(rows: Iterable[Standing]) -> tuple[Standing, ...]:
    """Standings best first, by the wall's tie-break rules."""
    return tuple(sorted(rows, key=_key))


def separated_by(rows: tuple[Standing, ...]) -> tuple[str | None, ...]:
    """For each ranked row, the tie-break rule that put it below the row above (None:
    a higher total, or the first row)."""
    return tuple(
        separating_rule(_key(rows[i - 1]), _key(row)) if i else None for i, row in enumerate(rows)
    )


def people(state: EvaluationState, ledger: CycleLedger) -> list[PersonId]:
    """Everyone on the roll or with a figure in the cycle: ledger lines, deductions,
    vetoes, scores."""
    found = set(ledger.lines) | set(ledger.roll) | {d.person_id for d in state.deductions}
    return sorted(found | set(state.vetoes) | set(state.activist_scores))


def scored(state: EvaluationState, person_id: PersonId, lines: Iterable[LedgerLine]) -> Scored:
    """One person's counted figures under the scheme in force."""
    return score(
        person_id,
        tuple(lines),
        state.scheme,
        state.deductions_of(person_id),
        state.vetoes.get(person_id),
        state.activist_scores.get(person_id),
    )


def standings(state: EvaluationState, ledger: CycleLedger, at: datetime) -> FrozenStandings:
    """Everyone's standing now, ranked, as they would be frozen at ``at``."""
    rows = (scored(state, p, ledger.lines.get(p, ())).standing for p in people(state, ledger))
    return FrozenStandings(at, ranked(rows), state.scheme_version, ledger.through_position)
