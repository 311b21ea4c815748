"""组织查询 — the tree at a date, a unit with its role terms and roll, role holders at a
date, from the read models. The dated logic itself (the tree, terms) is the core's
(:mod:`dangjian_core.units.queries`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from attrs import frozen

from adapters.storage.views import Rows, Selecting
from adapters.views.reading import one
from dangjian_core.kernel.ids import BranchId
from dangjian_core.units.events import UnitKind
from dangjian_core.units.queries import Holding, TreeNode, holdings_at, tree_at
from dangjian_core.units.roles import Role
from dangjian_core.units.state import Dated, Ending, UnitState


@frozen
class BranchView:
    """组织概况 — a unit (any kind; the name predates units), its role terms, its roll
    (with the rolls of units merged into it), its regional members and regions."""

    branch: dict[str, Any]
    roles: tuple[dict[str, Any], ...]
    people: tuple[dict[str, Any], ...]
    members: tuple[dict[str, Any], ...] = ()
    regions: tuple[dict[str, Any], ...] = ()


def branch(views: Selecting, branch_id: str) -> BranchView:
    """A unit, its role terms, its roll, its regional members and regions."""
    row = one(views.select("units", {"unit_id": branch_id}), "组织", branch_id)
    roles = views.select("roles", {"branch_id": branch_id}, order_by=("since",))
    people = roll(views, branch_id)
    members = views.select("region_members", {"unit_id": branch_id}, order_by=("since",))
    regions = views.select("region_members", {"member_id": branch_id})
    return BranchView(row, tuple(roles), tuple(people), tuple(members), tuple(regions))


def roll_sizes(views: Selecting) -> dict[str, int]:
    """How many people are on each unit's roll now (absorbed units included)."""
    return {
        str(row["unit_id"]): len(roll(views, str(row["unit_id"])))
        for row in views.select("units", {})
    }


def units(views: Selecting) -> list[UnitState]:
    """Every unit with its dated names and parents, rebuilt from the rows."""
    changes: dict[str, dict[str, list[Dated]]] = {}
    for row in views.select("unit_changes", {}, order_by=("position",)):
        since = datetime.fromisoformat(str(row["since"]))
        value = None if row["value"] is None else str(row["value"])
        changes.setdefault(str(row["unit_id"]), {}).setdefault(str(row["field"]), []).append(
            Dated(since, value)
        )
    return [_unit(row, changes.get(str(row["unit_id"]), {})) for row in views.select("units", {})]


def _unit(row: dict[str, Any], history: dict[str, list[Dated]]) -> UnitState:
    ended = row["ended"]
    return UnitState(
        BranchId(str(row["unit_id"])),
        UnitKind(str(row["kind"])),
        int(row["cycle_start_month"] or 1),
        None if row["superior_id"] is None else str(row["superior_id"]),
        datetime.fromisoformat(str(row["founded"])),
        tuple(history.get("name", [])),
        tuple(history.get("parent", [])),
        ended=None if ended is None else datetime.fromisoformat(str(ended)),
        ending=None if row["ending"] is None else Ending(str(row["ending"])),
        successor_id=None if row["successor_id"] is None else BranchId(str(row["successor_id"])),
    )


def tree(views: Selecting, at: datetime) -> list[TreeNode]:
    """The tree of units alive at ``at``."""
    return tree_at(units(views), at)


def absorbed(views: Selecting, unit_id: str) -> list[str]:
    """The unit and every unit merged or dissolved into it (whose roll it now keeps)."""
    found, queue = [unit_id], [unit_id]
    while queue:
        for row in views.select("units", {"successor_id": queue.pop()}):
            if str(row["unit_id"]) not in found:
                found.append(str(row["unit_id"]))
                queue.append(str(row["unit_id"]))
    return found


def roll(views: Selecting, unit_id: str) -> Rows:
    """The people on a unit's roll, including those of units absorbed into it."""
    rows = [
        row
        for uid in absorbed(views, unit_id)
        for row in views.select("people", {"branch_id": uid}, order_by=("person_id",))
    ]
    return sorted(rows, key=lambda row: str(row["person_id"]))


def holdings(views: Selecting, unit_id: str | None, at: datetime | None) -> list[Holding]:
    """Role terms (of one unit, or all), only those running at ``at`` when given."""
    where = {} if unit_id is None else {"branch_id": unit_id}
    terms = [
        Holding(
            str(row["branch_id"]),
            str(row["person_id"]),
            Role(str(row["role"])),
            datetime.fromisoformat(str(row["since"])),
            None if row["until"] is None else datetime.fromisoformat(str(row["until"])),
        )
        for row in views.select("roles", where, order_by=("since",))
    ]
    return terms if at is None else holdings_at(terms, at)
