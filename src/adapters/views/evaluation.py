"""考评查询 — standings under the unit's scheme, snapshots as of a date, quota, deductions,
vetoes, from the evaluation read models.

The figures are the core's (:mod:`dangjian_core.evaluation`): live standings rank the
unit's :func:`~dangjian_core.evaluation.queries.cycle_ledger`, read through
:class:`~adapters.storage.folding.ViewRows` (the views topped up with the log, as a
decision sees them); the wall and explanations count lines as
:func:`~dangjian_core.evaluation.queries.counted_standing` and
:func:`~dangjian_core.evaluation.queries.counted_explanation` say.
"""

from __future__ import annotations

import json
from datetime import datetime

from attrs import frozen

from adapters.storage.folding import ViewRows
from adapters.storage.mapper import converter
from adapters.storage.store import EventStore
from adapters.storage.views import Rows, Selecting
from adapters.views.reading import read
from adapters.views.units import roll
from dangjian_core.evaluation.queries import counted_explanation, counted_standing, cycle_ledger
from dangjian_core.evaluation.scheme import Scheme
from dangjian_core.evaluation.scoring import Scored
from dangjian_core.evaluation.standings import scored, separated_by, standings
from dangjian_core.evaluation.state import (
    Deduction,
    EvaluationState,
    FrozenStandings,
    Snapshot,
)
from dangjian_core.kernel.ids import BranchId, PersonId
from dangjian_core.points.queries import Explanation, LedgerLine, Standing, line_of


@frozen
class StandingsView:
    """考评成绩表 — ranked standings, the rule separating each from the one above, names,
    and whether they are frozen (closed) or live."""

    unit_id: str
    cycle: str
    standings: FrozenStandings
    separated_by: tuple[str | None, ...]
    names: dict[str, str]
    quota: int | None
    closed: bool


def state_of(views: Selecting, unit_id: str, cycle: str) -> EvaluationState | None:
    """The evaluation of a unit-cycle rebuilt from its views (None: nothing recorded)."""
    key = {"unit_id": unit_id, "cycle": cycle}
    rows = views.select("evaluations", key)
    if not rows:
        return None
    row = rows[0]
    scheme = (
        None if not row["scheme"] else converter.structure(json.loads(str(row["scheme"])), Scheme)
    )
    version = int(row["scheme_version"] or 0)
    # Only the scheme in force matters to the figures; earlier versions are in the log.
    schemes = () if scheme is None else (scheme,) * version
    closed = None if not row["closed"] else _frozen(str(row["closed"]))
    deductions = tuple(
        Deduction(str(d["deduction_id"]), PersonId(str(d["person_id"])), str(d["code"]),
                  str(d["label"]), int(d["points"] or 0), str(d["category"]), str(d["reason"]))
        for d in views.select("eval_deductions", key, ("position",))
    )  # fmt: skip
    vetoes = {
        PersonId(str(v["person_id"])): str(v["label"]) for v in views.select("eval_vetoes", key)
    }
    scores = {
        PersonId(str(s["person_id"])): dict(json.loads(str(s["scores"])))
        for s in views.select("eval_scores", key)
    }
    quota = None if row["quota"] is None else int(row["quota"])
    return EvaluationState(
        BranchId(unit_id), cycle, schemes, quota, deductions, vetoes, scores, (), closed
    )


def _frozen(text: str) -> FrozenStandings:
    return converter.structure(json.loads(text), FrozenStandings)


class EvaluationQueries:
    """考评查询 — standings, snapshots, quota, deductions, vetoes of a unit's cycle."""

    def __init__(self, store: EventStore) -> None:
        self._store = store

    def state(self, unit_id: str, cycle: str) -> EvaluationState | None:
        """The unit-cycle's evaluation (scheme in force, quota, deductions, vetoes, close)."""
        with read(self._store) as views:
            return state_of(views, unit_id, cycle)

    def standings(self, unit_id: str, cycle: str, at: datetime) -> StandingsView:
        """The standings now (frozen ones once the cycle is closed), ranked."""
        with read(self._store) as views:
            state = state_of(views, unit_id, cycle) or EvaluationState(BranchId(unit_id), cycle)
            names = _names(views, unit_id)
        if state.closed is not None:
            frozen = state.closed
        else:
            ledger = cycle_ledger(ViewRows(self._store), unit_id, cycle)
            frozen = standings(state, ledger, at)
        return _view(unit_id, cycle, frozen, names, state.quota, state.closed is not None)

    def snapshot(self, unit_id: str, cycle: str, on: datetime) -> Snapshot | None:
        """The latest quarterly snapshot published on or before ``on`` ("what did the wall
        say on 30 June"), or None."""
        with read(self._store) as views:
            rows = views.select("eval_snapshots", {"unit_id": unit_id, "cycle": cycle})
        published = [r for r in rows if datetime.fromisoformat(str(r["at"])) <= on]
        if not published:
            return None
        latest = max(published, key=lambda r: int(r["position"] or 0))
        return Snapshot(str(latest["quarter"]), _frozen(str(latest["standings"])))

    def snapshots(self, unit_id: str, cycle: str) -> Rows:
        """Every published snapshot's quarter, time and position, oldest first."""
        with read(self._store) as views:
            rows = views.select("eval_snapshots", {"unit_id": unit_id, "cycle": cycle})
        return sorted(({k: r[k] for k in ("quarter", "at", "position")} for r in rows),
                      key=lambda r: int(r["position"] or 0))  # fmt: skip

    def quota(self, unit_id: str, cycle: str) -> int | None:
        """The development quota set for the unit-cycle, if any."""
        state = self.state(unit_id, cycle)
        return None if state is None else state.quota

    def deductions(self, unit_id: str, cycle: str) -> Rows:
        """Deductions applied in the unit-cycle, oldest first."""
        with read(self._store) as views:
            rows: Rows = views.select(
                "eval_deductions", {"unit_id": unit_id, "cycle": cycle}, ("position",)
            )
        return rows

    def vetoes(self, unit_id: str, cycle: str) -> Rows:
        """Vetoes recorded in the unit-cycle."""
        with read(self._store) as views:
            rows: Rows = views.select("eval_vetoes", {"unit_id": unit_id, "cycle": cycle})
        return sorted(rows, key=lambda r: str(r["person_id"]))

    def counted_explanation(self, explanation: Explanation) -> Explanation:
        """The explanation with each line's counted points and note (超出上限…) under the
        scheme of the person's unit, when it adopted one for the cycle."""
        with read(self._store) as views:
            state = state_of(views, explanation.branch_id, explanation.cycle)
        return explanation if state is None else counted_explanation(state, explanation)

    def scored(self, unit_id: str, person_id: str, cycle: str) -> Scored | None:
        """A person's counted figures and lines under the scheme in force (None: the unit
        adopted no scheme for the cycle)."""
        with read(self._store) as views:
            state = state_of(views, unit_id, cycle)
            if state is None or state.scheme is None:
                return None
            lines = _person_lines(views, unit_id, person_id, cycle)
        return scored(state, PersonId(person_id), lines)


def _names(views: Selecting, unit_id: str) -> dict[str, str]:
    return {str(p["person_id"]): str(p["name"]) for p in roll(views, unit_id)}


def _view(
    unit_id: str, cycle: str, frozen: FrozenStandings, names: dict[str, str],
    quota: int | None, closed: bool,
) -> StandingsView:  # fmt: skip
    return StandingsView(unit_id, cycle, frozen, separated_by(frozen.rows), names, quota, closed)


def _person_lines(views: Selecting, unit_id: str, person_id: str, cycle: str) -> list[LedgerLine]:
    rows = views.select("ledger", {"person_id": person_id, "cycle": cycle}, ("position",))
    return [line_of(r) for r in rows if r["branch_id"] == unit_id]


def counted_wall(views: Selecting, unit_id: str, cycle: str, raw: list[Standing]) -> list[Standing]:
    """The wall's standings as the unit's scheme counts them (unchanged without one)."""
    state = state_of(views, unit_id, cycle)
    if state is None or state.scheme is None:
        return raw
    lines: dict[str, list[LedgerLine]] = {}
    where = {"branch_id": unit_id, "cycle": cycle}
    for row in views.select("ledger", where, ("position",)):  # one query for the wall
        lines.setdefault(str(row["person_id"]), []).append(line_of(row))
    return [counted_standing(state, s, lines.get(s.person_id, [])) for s in raw]
