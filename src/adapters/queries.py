"""查询 — the read models, as typed answers. Every query first catches the views up.

Queries read only materialised views, never fold streams.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from attrs import frozen

from adapters import evaluation_queries, grid_queries, org_queries, star_queries
from adapters.grid_queries import BlockView, LinkShortfall, StalePair
from adapters.org_queries import PersonView, PipelineEntry
from adapters.storage import projector
from adapters.storage.mapper import recorded_of
from adapters.storage.store import EventStore
from adapters.storage.views import Rows, ViewTransaction
from dangjian_core.catalog import EVENT_NAMES
from dangjian_core.kernel.errors import UnknownSubject
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.kernel.trail import describe
from dangjian_core.points.queries import Explanation, LedgerLine, Standing, WallEntry, rank
from dangjian_core.ratings.queries import StarBoard
from dangjian_core.units.queries import Holding, TreeNode


@frozen
class TaskView:
    """任务详情 — a task's row and its claims."""

    task: dict[str, Any]
    claims: tuple[dict[str, Any], ...]


@frozen
class BranchView:
    """组织概况 — a unit (any kind; the name predates units), its role terms, its roll
    (with the rolls of units merged into it), its regional members and regions."""

    branch: dict[str, Any]
    roles: tuple[dict[str, Any], ...]
    people: tuple[dict[str, Any], ...]
    members: tuple[dict[str, Any], ...] = ()
    regions: tuple[dict[str, Any], ...] = ()


class Queries:
    """查询 — wall, balance and explanation, tasks, branches, audit trails."""

    def __init__(self, store: EventStore) -> None:
        self._store = store
        self.evaluation = evaluation_queries.EvaluationQueries(store)

    def _read(self) -> Any:
        projector.catch_up(self._store)
        return self._store.views()

    def cycles(self, branch_id: str) -> list[str]:
        """Cycles in which the branch has any points, oldest first."""
        with self._read() as views:
            rows = views.select("balances", {"branch_id": branch_id})
        return sorted({str(row["cycle"]) for row in rows})

    def wall(self, branch_id: str, cycle: str, statuses: tuple[str, ...] = ()) -> list[WallEntry]:
        """积分墙: the branch's people ranked for a cycle (optionally only some statuses)."""
        with self._read() as views:
            people = _branch_people(views, branch_id)
            balances = views.select("balances", {"branch_id": branch_id, "cycle": cycle})
            totals = views.select("category_totals", {"branch_id": branch_id, "cycle": cycle})
            standings = list(_standings(people, balances, totals, statuses))
            # Under an adopted scheme the wall shows what counts (caps, deductions, vetoes).
            standings = evaluation_queries.counted_wall(views, branch_id, cycle, standings)
        return rank(standings)

    def explain(self, person_id: str, cycle: str) -> Explanation:
        """A person's balance for a cycle and every event behind it."""
        with self._read() as views:
            person = _one(views.select("people", {"person_id": person_id}), "人员", person_id)
            where = {"person_id": person_id, "cycle": cycle}
            lines = views.select("ledger", where, order_by=("position",))
            balance = views.select("balances", {**where, "branch_id": person["branch_id"]})
            totals = views.select("category_totals", {**where, "branch_id": person["branch_id"]})
        explanation = Explanation(
            person_id,
            str(person["name"]),
            str(person["branch_id"]),
            cycle,
            int(balance[0]["total"] or 0) if balance else 0,
            {str(t["category"]): int(t["total"] or 0) for t in totals},
            tuple(_line(row) for row in lines),
        )
        return self.evaluation.counted_explanation(explanation)

    def task(self, task_id: str) -> TaskView:
        """A task and its claims."""
        with self._read() as views:
            task = _one(views.select("tasks", {"task_id": task_id}), "任务", task_id)
            claims = views.select("claims", {"task_id": task_id}, order_by=("updated_at",))
        return TaskView(task, tuple(claims))

    def tasks(self, branch_id: str) -> Rows:
        """A branch's tasks, newest first."""
        with self._read() as views:
            rows = views.select("tasks", {"branch_id": branch_id}, order_by=("position",))
        return list(reversed(rows))

    def branch(self, branch_id: str) -> BranchView:
        """A unit, its role terms, its roll, its regional members and regions."""
        with self._read() as views:
            branch = _one(views.select("units", {"unit_id": branch_id}), "组织", branch_id)
            roles = views.select("roles", {"branch_id": branch_id}, order_by=("since",))
            people = _branch_people(views, branch_id)
            members = views.select("region_members", {"unit_id": branch_id}, order_by=("since",))
            regions = views.select("region_members", {"member_id": branch_id})
        return BranchView(branch, tuple(roles), tuple(people), tuple(members), tuple(regions))

    def tree(self, at: datetime) -> list[TreeNode]:
        """组织树: every unit alive at ``at`` under the parent it reported to then."""
        with self._read() as views:
            return org_queries.tree(views, at)

    def roll_sizes(self) -> dict[str, int]:
        """How many people are on each unit's roll now (absorbed units included)."""
        with self._read() as views:
            return {
                str(row["unit_id"]): len(org_queries.roll(views, str(row["unit_id"])))
                for row in views.select("units", {})
            }

    def holders(self, unit_id: str | None = None, at: datetime | None = None) -> list[Holding]:
        """Role terms of a unit (or all units), only those running at ``at`` when given."""
        with self._read() as views:
            return org_queries.holdings(views, unit_id, at)

    def person(self, person_id: str, on: date) -> PersonView:
        """A person, their private details, status history, party age on ``on``, next step."""
        with self._read() as views:
            return org_queries.person(views, person_id, on)

    def pipeline(self, unit_id: str) -> list[PipelineEntry]:
        """Everyone on a unit's roll and where they stand on the road to membership."""
        with self._read() as views:
            _one(views.select("units", {"unit_id": unit_id}), "组织", unit_id)
            return org_queries.pipeline(views, unit_id)

    def star_board(self, unit_id: str, year: int) -> StarBoard:
        """创星榜: a unit's fixed ratings for a year by stars, with counts per level."""
        with self._read() as views:
            return star_queries.board(views, unit_id, year)

    def star_standards(self, unit_id: str, year: int) -> Rows:
        """The star standards set for a unit and year."""
        with self._read() as views:
            return star_queries.standards(views, unit_id, year)

    def grid(self, branch_id: str) -> list[BlockView]:
        """A branch's grid: large blocks, each followed by its small blocks."""
        with self._read() as views:
            _one(views.select("units", {"unit_id": branch_id}), "组织", branch_id)
            return grid_queries.blocks(views, branch_id)

    def link_shortfalls(self, branch_id: str, year: int) -> list[LinkShortfall]:
        """1+6+N: members linked to fewer than six households who are not exempt."""
        with self._read() as views:
            _one(views.select("units", {"unit_id": branch_id}), "组织", branch_id)
            return grid_queries.shortfalls(views, branch_id, year)

    def stale_pairs(self, branch_id: str, since: str) -> list[StalePair]:
        """结对帮扶: pairs with no visit on or after ``since`` (an ISO date)."""
        with self._read() as views:
            _one(views.select("units", {"unit_id": branch_id}), "组织", branch_id)
            return grid_queries.stale_pairs(views, branch_id, since)

    def trail(self, subject: str) -> Rows:
        """Every event of ``branch:ID`` (any unit; its tasks' events included), ``task:ID`` or
        ``person:ID``, in order, read from the log itself and described in Chinese."""
        with self._read() as views:
            subjects = [subject]
            if subject.startswith("branch:"):
                branch_id = subject.removeprefix("branch:")
                tasks = views.select("tasks", {"branch_id": branch_id})
                subjects += [f"task:{task['task_id']}" for task in tasks]
            positions = {
                int(row["position"])
                for s in subjects
                for row in views.select("audit", {"subject": s})
            }
        events = self._store.read_positions(sorted(positions))
        return [_trail_row(subject, recorded_of(row)) for row in events]


def _branch_people(views: ViewTransaction, branch_id: str) -> Rows:
    return org_queries.roll(views, branch_id)


def _one(rows: Rows, kind: str, subject_id: str) -> dict[str, Any]:
    if not rows:
        raise UnknownSubject(f"{kind} {subject_id} 不存在", f"no such {kind}: {subject_id}")
    return rows[0]


def _standings(people: Rows, balances: Rows, totals: Rows, statuses: tuple[str, ...]) -> Any:
    by_person = {row["person_id"]: row for row in balances}
    categories: dict[Any, dict[str, int]] = {}
    for row in totals:
        categories.setdefault(row["person_id"], {})[str(row["category"])] = int(row["total"] or 0)
    for person in people:
        if statuses and person["status"] not in statuses:
            continue
        balance = by_person.get(person["person_id"], {})
        yield Standing(
            str(person["person_id"]),
            str(person["name"]),
            str(person["status"]),
            int(balance.get("total") or 0),
            int(balance.get("credits") or 0),
            int(balance.get("last_position") or 0),
            categories.get(person["person_id"], {}),
        )


def _trail_row(subject: str, recorded: Recorded[Any]) -> dict[str, Any]:
    return {
        "subject": subject,
        "position": recorded.position,
        "stream_id": recorded.stream_id,
        "version": recorded.version,
        "event_type": EVENT_NAMES[type(recorded.event)],
        "actor_id": recorded.actor_id,
        "at": recorded.at.isoformat(),
        "summary": describe(recorded.event),
    }


def _line(row: dict[str, Any]) -> LedgerLine:
    return LedgerLine(
        int(row["position"]),
        str(row["at"]),
        str(row["actor_id"]),
        str(row["kind"]),
        str(row["category"]),
        int(row["delta"]),
        str(row["ref"]),
        str(row["reason"] or ""),
    )
