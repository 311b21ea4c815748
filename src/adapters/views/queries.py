"""查询 — the read models, as typed answers: one object over the views modules, each query
catching the views up first. Queries read only materialised views, never fold streams.
"""

from __future__ import annotations

from datetime import date, datetime

from adapters.storage.store import EventStore
from adapters.storage.views import Rows
from adapters.views import grids, people, points, ratings, tasks, trail, units
from adapters.views.evaluation import EvaluationQueries, counted_wall
from adapters.views.grids import BlockView, LinkShortfall, StalePair
from adapters.views.people import PersonView, PipelineEntry
from adapters.views.reading import one, read
from adapters.views.tasks import TaskView
from adapters.views.units import BranchView
from dangjian_core.points.queries import Explanation, WallEntry, rank
from dangjian_core.ratings.queries import StarBoard
from dangjian_core.units.queries import Holding, TreeNode


class Queries:
    """查询 — wall, balance and explanation, tasks, units, people, grids, stars, trails."""

    def __init__(self, store: EventStore) -> None:
        self._store = store
        self.evaluation = EvaluationQueries(store)

    def cycles(self, branch_id: str) -> list[str]:
        """Cycles in which the branch has any points, oldest first."""
        with read(self._store) as views:
            return points.cycles(views, branch_id)

    def wall(self, branch_id: str, cycle: str, statuses: tuple[str, ...] = ()) -> list[WallEntry]:
        """积分墙: the branch's people ranked for a cycle (optionally only some statuses)."""
        with read(self._store) as views:
            standings = points.standings(views, branch_id, cycle, statuses)
            # Under an adopted scheme the wall shows what counts (caps, deductions, vetoes).
            standings = counted_wall(views, branch_id, cycle, standings)
        return rank(standings)

    def explain(self, person_id: str, cycle: str) -> Explanation:
        """A person's balance for a cycle and every event behind it."""
        with read(self._store) as views:
            explanation = points.explain(views, person_id, cycle)
        return self.evaluation.counted_explanation(explanation)

    def task(self, task_id: str) -> TaskView:
        """A task and its claims."""
        with read(self._store) as views:
            return tasks.task(views, task_id)

    def tasks(self, branch_id: str) -> Rows:
        """A branch's tasks, newest first."""
        with read(self._store) as views:
            return tasks.tasks(views, branch_id)

    def branch(self, branch_id: str) -> BranchView:
        """A unit, its role terms, its roll, its regional members and regions."""
        with read(self._store) as views:
            return units.branch(views, branch_id)

    def tree(self, at: datetime) -> list[TreeNode]:
        """组织树: every unit alive at ``at`` under the parent it reported to then."""
        with read(self._store) as views:
            return units.tree(views, at)

    def roll_sizes(self) -> dict[str, int]:
        """How many people are on each unit's roll now (absorbed units included)."""
        with read(self._store) as views:
            return units.roll_sizes(views)

    def holders(self, unit_id: str | None = None, at: datetime | None = None) -> list[Holding]:
        """Role terms of a unit (or all units), only those running at ``at`` when given."""
        with read(self._store) as views:
            return units.holdings(views, unit_id, at)

    def person(self, person_id: str, on: date) -> PersonView:
        """A person, their private details, status history, party age on ``on``, next step."""
        with read(self._store) as views:
            return people.person(views, person_id, on)

    def pipeline(self, unit_id: str) -> list[PipelineEntry]:
        """Everyone on a unit's roll and where they stand on the road to membership."""
        with read(self._store) as views:
            one(views.select("units", {"unit_id": unit_id}), "组织", unit_id)
            return people.pipeline(views, unit_id)

    def star_board(self, unit_id: str, year: int) -> StarBoard:
        """创星榜: a unit's fixed ratings for a year by stars, with counts per level."""
        with read(self._store) as views:
            return ratings.board(views, unit_id, year)

    def star_standards(self, unit_id: str, year: int) -> Rows:
        """The star standards set for a unit and year."""
        with read(self._store) as views:
            return ratings.standards(views, unit_id, year)

    def grid(self, branch_id: str) -> list[BlockView]:
        """A branch's grid: large blocks, each followed by its small blocks."""
        with read(self._store) as views:
            one(views.select("units", {"unit_id": branch_id}), "组织", branch_id)
            return grids.blocks(views, branch_id)

    def link_shortfalls(self, branch_id: str, year: int) -> list[LinkShortfall]:
        """1+6+N: members linked to fewer than six households who are not exempt."""
        with read(self._store) as views:
            one(views.select("units", {"unit_id": branch_id}), "组织", branch_id)
            return grids.shortfalls(views, branch_id, year)

    def stale_pairs(self, branch_id: str, since: str, until: str | None = None) -> list[StalePair]:
        """结对帮扶: pairs with no visit from ``since`` to ``until`` (ISO dates)."""
        with read(self._store) as views:
            one(views.select("units", {"unit_id": branch_id}), "组织", branch_id)
            return grids.stale_pairs(views, branch_id, since, until)

    def trail(self, subject: str, say: trail.Say | None = None) -> Rows:
        """Every event of ``branch:ID`` (any unit; its tasks' events included), ``task:ID`` or
        ``person:ID``, in order, read from the log itself and described in Chinese (told by
        ``say`` too, when given)."""
        with read(self._store) as views:
            positions = trail.positions(views, subject)
        return trail.trail(self._store, subject, positions, say)
