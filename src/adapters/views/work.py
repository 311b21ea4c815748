"""中心工作查询 — the cascade report of a work item as of a date, an item's details and a
unit's items, from the read models (:mod:`dangjian_core.work.projections`).

What counted at the date (own progress, a share's terms, cancellations) is the core's
(:mod:`dangjian_core.work.queries`); this module selects the rows and builds the tree.
"""

from __future__ import annotations

from datetime import datetime

from attrs import frozen

from adapters.storage.store import EventStore
from adapters.storage.views import Rows, Selecting
from adapters.views.reading import read
from dangjian_core.kernel.errors import UnknownSubject
from dangjian_core.kernel.readmodel import Value
from dangjian_core.work.queries import (
    UnitProgress,
    WorkNode,
    cancelled_by,
    existed_by,
    item_terms,
    own_progress_at,
    roll_up,
    terms_at,
)

#: A cascade deeper than this is damaged data, not a real tree (党委 → 总支 → 支部 → 小组).
MAX_DEPTH = 16


@frozen
class WorkItemView:
    """工作详情 — an item's row, the shares it gave, its linked tasks, its reports and the
    revisions of its shares."""

    item: dict[str, Value]
    shares: tuple[dict[str, Value], ...]
    tasks: tuple[dict[str, Value], ...]
    reports: tuple[dict[str, Value], ...]
    revisions: tuple[dict[str, Value], ...] = ()


def cascade(views: Selecting, item_id: str, at: datetime) -> UnitProgress:
    """The item's progress at ``at``, every unit below it rolled up."""
    row = _item_row(views, item_id)
    above = _cancelled_above(views, row, at)
    return roll_up(_node(views, row, at, 0), at, cancelled=above)


def item(views: Selecting, item_id: str) -> WorkItemView:
    """An item (an accepted one with its share's current target and deadline) with its
    shares (by unit), linked tasks, progress reports and share revisions (in order)."""
    row = _current(views, _item_row(views, item_id))
    return WorkItemView(
        row,
        tuple(views.select("work_shares", {"item_id": item_id}, order_by=("unit_id",))),
        tuple(views.select("work_tasks", {"item_id": item_id}, order_by=("task_id",))),
        tuple(views.select("work_reports", {"item_id": item_id}, order_by=("position",))),
        tuple(views.select("work_share_revisions", {"item_id": item_id}, order_by=("position",))),
    )


def items(views: Selecting, unit_id: str) -> Rows:
    """The items a unit issued or accepted (with their shares' current targets and
    deadlines), by deadline."""
    rows = views.select("work_items", {"unit_id": unit_id})
    current = [_current(views, row) for row in rows]
    return sorted(current, key=lambda r: (str(r["deadline"]), str(r["item_id"])))


def own_progress(views: Selecting, item_id: str, at: datetime) -> int:
    """The unit's own progress on the item at ``at``: its latest report by then and what
    its linked tasks' approved completions add."""
    reports = views.select("work_reports", {"item_id": item_id}, order_by=("position",))
    links = [
        (link, views.select("work_completions", {"task_id": link["task_id"]}))
        for link in views.select("work_tasks", {"item_id": item_id})
    ]
    return own_progress_at(reports, links, at)


def _node(
    views: Selecting,
    row: dict[str, Value],
    at: datetime,
    depth: int,
    share: dict[str, Value] | None = None,
) -> WorkNode:
    item_id = str(row["item_id"])
    children = []
    shares = views.select("work_shares", {"item_id": item_id}, order_by=("unit_id",))
    for given in shares:
        if not existed_by(given, at) or depth >= MAX_DEPTH:
            continue
        accepted = views.select("work_items", {"item_id": given["share_id"]})
        if accepted and existed_by(accepted[0], at):
            children.append(_node(views, accepted[0], at, depth + 1, given))
        else:
            children.append(_pending(views, given, at))
    if share is None:
        share = _parent_share(views, row)
    target, deadline = _terms(views, share, at) if share else item_terms(row)
    return WorkNode(
        item_id,
        str(row["unit_id"]),
        _name(views, str(row["unit_id"])),
        target,
        deadline,
        own_progress(views, item_id, at),
        True,
        tuple(children),
        cancelled_by(row, at),
    )


def _pending(views: Selecting, share: dict[str, Value], at: datetime) -> WorkNode:
    unit_id = str(share["unit_id"])
    target, deadline = _terms(views, share, at)
    name = _name(views, unit_id)
    return WorkNode(str(share["share_id"]), unit_id, name, target, deadline, 0, False)


def _terms(views: Selecting, share: dict[str, Value], at: datetime) -> tuple[int, datetime]:
    key = {"item_id": share["item_id"], "unit_id": share["unit_id"]}
    revisions = views.select("work_share_revisions", key, order_by=("position",))
    return terms_at(share, revisions, at)


def _parent_share(views: Selecting, row: dict[str, Value]) -> dict[str, Value] | None:
    """The share an accepted item came from (None for an issued item)."""
    if row["parent_item_id"] is None:
        return None
    key = {"item_id": row["parent_item_id"], "unit_id": row["unit_id"]}
    shares = [s for s in views.select("work_shares", key) if s["share_id"] == row["item_id"]]
    return shares[0] if shares else None


def _current(views: Selecting, row: dict[str, Value]) -> dict[str, Value]:
    """An item's row with its share's current target and deadline, if it was accepted."""
    share = _parent_share(views, row)
    if share is None:
        return row
    return {**row, "target": share["target"], "deadline": share["deadline"]}


def _cancelled_above(views: Selecting, row: dict[str, Value], at: datetime) -> bool:
    """Whether an item above the row's was cancelled by ``at``."""
    parent_id = row["parent_item_id"]
    for _ in range(MAX_DEPTH):
        if parent_id is None:
            return False
        rows = views.select("work_items", {"item_id": parent_id})
        if not rows:
            return False
        if cancelled_by(rows[0], at):
            return True
        parent_id = rows[0]["parent_item_id"]
    return False


def _item_row(views: Selecting, item_id: str) -> dict[str, Value]:
    rows = views.select("work_items", {"item_id": item_id})
    if not rows:
        raise UnknownSubject(f"工作 {item_id} 不存在", f"work item {item_id} does not exist")
    return rows[0]


def _name(views: Selecting, unit_id: str) -> str:
    rows = views.select("units", {"unit_id": unit_id})
    return str(rows[0]["name"]) if rows else unit_id


class WorkQueries:
    """中心工作查询 — the queries above on a store, its read models caught up first."""

    def __init__(self, store: EventStore) -> None:
        self._store = store

    def cascade(self, item_id: str, at: datetime) -> UnitProgress:
        """The cascade report of an item at ``at``."""
        with read(self._store) as views:
            return cascade(views, item_id, at)

    def item(self, item_id: str) -> WorkItemView:
        """An item's details."""
        with read(self._store) as views:
            return item(views, item_id)

    def items(self, unit_id: str) -> Rows:
        """A unit's items."""
        with read(self._store) as views:
            return items(views, unit_id)
