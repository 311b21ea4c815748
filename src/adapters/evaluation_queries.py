"""考评查询 — standings under the unit's scheme, snapshots as of a date, quota, deductions,
vetoes; and the facts a close or a snapshot needs (:func:`cycle_ledger`).

Standings and snapshots are computed by the core (:mod:`dangjian_core.evaluation`) from
the views: the ledger, the evaluation tables. :func:`cycle_ledger` answers the directory
while a command holds its stream's lock, so it cannot catch the views up (that takes the
write lock): it reads the views as they are and tops them up with the log after their
position, folding just the events that change a ledger line or an open review.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import attrs
from attrs import frozen

from adapters import org_queries
from adapters.storage import projector
from adapters.storage.mapper import converter, recorded_of
from adapters.storage.store import EventStore
from adapters.storage.views import Rows, ViewTransaction
from dangjian_core.evaluation.scheme import Scheme
from dangjian_core.evaluation.scoring import Scored
from dangjian_core.evaluation.standings import (
    CycleLedger,
    PendingReview,
    scored,
    separated_by,
    standings,
)
from dangjian_core.evaluation.state import (
    Deduction,
    EvaluationState,
    FrozenStandings,
    Snapshot,
)
from dangjian_core.kernel.ids import BranchId, PersonId
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.people.events import (
    MembershipTransferred,
    PartyStatus,
    PartyStatusChanged,
    PersonRegistered,
)
from dangjian_core.points import queries as wall
from dangjian_core.points.events import PointsAdjusted
from dangjian_core.points.queries import Explanation, LedgerLine
from dangjian_core.tasks.events import (
    CompletionApproved,
    CompletionRejected,
    CompletionSubmitted,
    PointsRevoked,
    TaskCancelled,
    TaskIssued,
)

PAGE = 1000


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


def line_of(row: dict[str, Any]) -> LedgerLine:
    """A ledger view row as a ledger line."""
    return LedgerLine(
        int(row["position"]), str(row["at"]), str(row["actor_id"]), str(row["kind"]),
        str(row["category"]), int(row["delta"]), str(row["ref"]), str(row["reason"] or ""),
    )  # fmt: skip


def _lines_from_views(views: ViewTransaction, unit_id: str, cycle: str) -> dict[str, list[Any]]:
    lines: dict[str, list[Any]] = {}
    for balance in views.select("balances", {"branch_id": unit_id, "cycle": cycle}):
        person = str(balance["person_id"])
        rows = views.select("ledger", {"person_id": person, "cycle": cycle}, ("position",))
        lines[person] = [line_of(r) for r in rows if r["branch_id"] == unit_id]
    return lines


def _pending_from_views(views: ViewTransaction, unit_id: str, cycle: str) -> set[tuple[str, str]]:
    claims = views.select("claims", {"cycle": cycle, "status": "submitted"})
    branch_of = {}
    for task_id in {str(c["task_id"]) for c in claims}:
        task = views.select("tasks", {"task_id": task_id})
        branch_of[task_id] = str(task[0]["branch_id"]) if task else ""
    return {
        (str(c["task_id"]), str(c["person_id"]))
        for c in claims
        if branch_of[str(c["task_id"])] == unit_id
    }


def _tail(store: EventStore, after: int) -> Iterator[Recorded[Any]]:
    while rows := store.read_log(after, PAGE):
        for row in rows:
            yield recorded_of(row)
        after = rows[-1].position


def cycle_ledger(store: EventStore, unit_id: str, cycle: str) -> CycleLedger:
    """A unit's ledger lines for a cycle and its open reviews: the views, topped up with
    the log after their position (never writing, so it may run under a stream's lock)."""
    with store.views() as views:
        through = views.position()
        lines = _lines_from_views(views, unit_id, cycle)
        pending = _pending_from_views(views, unit_id, cycle)
        known_tasks = {str(t["task_id"]) for t in views.select("tasks", {"branch_id": unit_id})}
        roll = {
            str(p["person_id"]): (str(p["branch_id"]), str(p["status"]))
            for p in views.select("people", {"branch_id": unit_id})
        }
    for recorded in _tail(store, through):
        _top_up(recorded, unit_id, cycle, lines, pending, known_tasks)
        _roll_up(recorded, roll)
        through = recorded.position
    return CycleLedger(
        {PersonId(p): tuple(ls) for p, ls in sorted(lines.items()) if ls},
        tuple(PendingReview(t, PersonId(p)) for t, p in sorted(pending)),
        through,
        tuple(
            PersonId(p)
            for p, (unit, status) in sorted(roll.items())
            if unit == unit_id and status in _STANDING
        ),
    )


#: Whose standing the cycle keeps even with no points: activists and party members.
_STANDING = {
    PartyStatus.ACTIVIST.value,
    PartyStatus.CANDIDATE.value,
    PartyStatus.PROBATIONARY.value,
    PartyStatus.FULL.value,
}


def _roll_up(recorded: Recorded[Any], roll: dict[str, tuple[str, str]]) -> None:
    """Fold one later event into the unit's roll (person → unit, status), as the view would."""
    event = recorded.event
    match event:
        case PersonRegistered():
            roll[event.person_id] = (event.branch_id, event.status.value)
        case PartyStatusChanged() if event.person_id in roll:
            roll[event.person_id] = (roll[event.person_id][0], event.status.value)
        case MembershipTransferred() if event.person_id in roll:
            roll[event.person_id] = (event.to_id, roll[event.person_id][1])


def _top_up(
    recorded: Recorded[Any],
    unit_id: str,
    cycle: str,
    lines: dict[str, list[Any]],
    pending: set[tuple[str, str]],
    tasks: set[str],
) -> None:
    """Fold one later event into the ledger lines and open reviews, as the views would."""
    event, at = recorded.event, recorded.at.isoformat()
    match event:
        case TaskIssued() if event.branch_id == unit_id:
            tasks.add(event.task_id)
        case CompletionSubmitted() if event.task_id in tasks and event.cycle == cycle:
            pending.add((event.task_id, event.claimant_id))
        case CompletionRejected():
            pending.discard((event.task_id, event.claimant_id))
        case TaskCancelled():
            pending.difference_update({(t, p) for t, p in pending if t == event.task_id})
        case CompletionApproved() | PointsRevoked() if (event.branch_id, event.cycle) == (
            unit_id,
            cycle,
        ):
            pending.discard((event.task_id, event.claimant_id))
            credit = isinstance(event, CompletionApproved)
            kind, delta = ("credit", event.points) if credit else ("revoke", -event.points)
            line = LedgerLine(recorded.position, at, recorded.actor_id, kind, event.category,
                              delta, event.task_id, event.reason)  # fmt: skip
            lines.setdefault(event.claimant_id, []).append(line)
        case PointsAdjusted() if (event.branch_id, event.cycle) == (unit_id, cycle):
            line = LedgerLine(recorded.position, at, recorded.actor_id, "adjust", event.category,
                              event.delta, event.adjustment_id, event.reason)  # fmt: skip
            lines.setdefault(event.person_id, []).append(line)


def state_of(views: ViewTransaction, unit_id: str, cycle: str) -> EvaluationState | None:
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

    def _read(self) -> Any:
        projector.catch_up(self._store)
        return self._store.views()

    def state(self, unit_id: str, cycle: str) -> EvaluationState | None:
        """The unit-cycle's evaluation (scheme in force, quota, deductions, vetoes, close)."""
        with self._read() as views:
            return state_of(views, unit_id, cycle)

    def standings(self, unit_id: str, cycle: str, at: datetime) -> StandingsView:
        """The standings now (frozen ones once the cycle is closed), ranked."""
        with self._read() as views:
            state = state_of(views, unit_id, cycle) or EvaluationState(BranchId(unit_id), cycle)
            names = _names(views, unit_id)
        if state.closed is not None:
            frozen = state.closed
        else:
            frozen = standings(state, cycle_ledger(self._store, unit_id, cycle), at)
        return _view(unit_id, cycle, frozen, names, state.quota, state.closed is not None)

    def snapshot(self, unit_id: str, cycle: str, on: datetime) -> Snapshot | None:
        """The latest quarterly snapshot published on or before ``on`` ("what did the wall
        say on 30 June"), or None."""
        with self._read() as views:
            rows = views.select("eval_snapshots", {"unit_id": unit_id, "cycle": cycle})
        published = [r for r in rows if datetime.fromisoformat(str(r["at"])) <= on]
        if not published:
            return None
        latest = max(published, key=lambda r: int(r["position"] or 0))
        return Snapshot(str(latest["quarter"]), _frozen(str(latest["standings"])))

    def snapshots(self, unit_id: str, cycle: str) -> Rows:
        """Every published snapshot's quarter, time and position, oldest first."""
        with self._read() as views:
            rows = views.select("eval_snapshots", {"unit_id": unit_id, "cycle": cycle})
        return sorted(({k: r[k] for k in ("quarter", "at", "position")} for r in rows),
                      key=lambda r: int(r["position"] or 0))  # fmt: skip

    def quota(self, unit_id: str, cycle: str) -> int | None:
        """The development quota set for the unit-cycle, if any."""
        state = self.state(unit_id, cycle)
        return None if state is None else state.quota

    def deductions(self, unit_id: str, cycle: str) -> Rows:
        """Deductions applied in the unit-cycle, oldest first."""
        with self._read() as views:
            rows: Rows = views.select(
                "eval_deductions", {"unit_id": unit_id, "cycle": cycle}, ("position",)
            )
        return rows

    def vetoes(self, unit_id: str, cycle: str) -> Rows:
        """Vetoes recorded in the unit-cycle."""
        with self._read() as views:
            rows: Rows = views.select("eval_vetoes", {"unit_id": unit_id, "cycle": cycle})
        return sorted(rows, key=lambda r: str(r["person_id"]))

    def counted_explanation(self, explanation: Explanation) -> Explanation:
        """The explanation with each line's counted points and note (超出上限…) under the
        scheme of the person's unit, when it adopted one for the cycle."""
        unit_id, cycle = explanation.branch_id, explanation.cycle
        with self._read() as views:
            state = state_of(views, unit_id, cycle)
        if state is None or state.scheme is None:
            return explanation
        mine = list(explanation.lines)
        result = scored(state, PersonId(explanation.person_id), mine)
        counted = tuple((c.line.position, c.counted, c.note) for c in result.lines)
        return attrs.evolve(explanation, counted_total=result.standing.total, counted_lines=counted)

    def scored(self, unit_id: str, person_id: str, cycle: str) -> Scored | None:
        """A person's counted figures and lines under the scheme in force (None: the unit
        adopted no scheme for the cycle)."""
        with self._read() as views:
            state = state_of(views, unit_id, cycle)
            if state is None or state.scheme is None:
                return None
            lines = _person_lines(views, unit_id, person_id, cycle)
        return scored(state, PersonId(person_id), lines)


def _names(views: ViewTransaction, unit_id: str) -> dict[str, str]:
    return {str(p["person_id"]): str(p["name"]) for p in org_queries.roll(views, unit_id)}


def _view(
    unit_id: str, cycle: str, frozen: FrozenStandings, names: dict[str, str],
    quota: int | None, closed: bool,
) -> StandingsView:  # fmt: skip
    return StandingsView(unit_id, cycle, frozen, separated_by(frozen.rows), names, quota, closed)


def _person_lines(views: ViewTransaction, unit_id: str, person_id: str, cycle: str) -> list[Any]:
    rows = views.select("ledger", {"person_id": person_id, "cycle": cycle}, ("position",))
    return [line_of(r) for r in rows if r["branch_id"] == unit_id]


def counted_wall(
    views: ViewTransaction, unit_id: str, cycle: str, raw: list[wall.Standing]
) -> list[wall.Standing]:
    """The wall's standings as the unit's scheme counts them (unchanged without one):
    capped categories, the base after deductions, vetoed people at 0."""
    state = state_of(views, unit_id, cycle)
    if state is None or state.scheme is None:
        return raw
    out = []
    for s in raw:
        counted = scored(
            state, PersonId(s.person_id), _person_lines(views, unit_id, s.person_id, cycle)
        )
        figures = counted.standing
        out.append(
            attrs.evolve(
                s,
                total=figures.total,
                credits=figures.credits,
                last_position=figures.reached_position,
                categories=dict(figures.categories),
            )
        )
    return out
