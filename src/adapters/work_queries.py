"""中心工作查询 — the cascade report of a work item as of a date, an item's details and a
unit's items, from the read models (:mod:`dangjian_core.work.projections`).

A unit's own progress at a date is its latest report by then plus, for each task linked
by then, ``per_completion`` × the completions approved by then and not revoked by then.
Shares assigned after the date are left out; a share accepted after it shows as not yet
accepted (待承接), with no progress of its own. A share's target and deadline at the date
are those of its latest revision by then (or as first assigned), and an accepted item is
reported with its share's, not the ones it accepted. An item cancelled by then, or below
one cancelled by then, is 已取消.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from attrs import frozen

from adapters.storage import projector
from adapters.storage.store import EventStore
from adapters.storage.views import Rows, ViewTransaction
from dangjian_core.kernel.errors import UnknownSubject
from dangjian_core.kernel.readmodel import Value
from dangjian_core.work.queries import UnitProgress, WorkNode, roll_up

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


def cascade(views: ViewTransaction, item_id: str, at: datetime) -> UnitProgress:
    """The item's progress at ``at``, every unit below it rolled up."""
    row = _item_row(views, item_id)
    above = _cancelled_above(views, row, at)
    return roll_up(_node(views, row, at, 0), at, cancelled=above)


def item(views: ViewTransaction, item_id: str) -> WorkItemView:
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


def items(views: ViewTransaction, unit_id: str) -> Rows:
    """The items a unit issued or accepted (with their shares' current targets and
    deadlines), by deadline."""
    rows = views.select("work_items", {"unit_id": unit_id})
    current = [_current(views, row) for row in rows]
    return sorted(current, key=lambda r: (str(r["deadline"]), str(r["item_id"])))


def own_progress(views: ViewTransaction, item_id: str, at: datetime) -> int:
    """The unit's own progress on the item at ``at``: its latest report by then and what
    its linked tasks' approved completions add."""
    reports = views.select("work_reports", {"item_id": item_id}, order_by=("position",))
    reported = [int(r["done"] or 0) for r in reports if _time(r["since"]) <= at]
    done = reported[-1] if reported else 0
    for link in views.select("work_tasks", {"item_id": item_id}):
        if _time(link["since"]) > at:
            continue
        completions = views.select("work_completions", {"task_id": link["task_id"]})
        counted = sum(1 for c in completions if _counts(c, at))
        done += counted * int(link["per_completion"] or 0)
    return done


def _counts(completion: dict[str, Value], at: datetime) -> bool:
    revoked = completion["revoked_at"]
    approved = _time(completion["approved_at"]) <= at
    return approved and (revoked is None or _time(revoked) > at)


def _node(
    views: ViewTransaction,
    row: dict[str, Value],
    at: datetime,
    depth: int,
    share: dict[str, Value] | None = None,
) -> WorkNode:
    item_id = str(row["item_id"])
    children = []
    shares = views.select("work_shares", {"item_id": item_id}, order_by=("unit_id",))
    for given in shares:
        if _time(given["since"]) > at or depth >= MAX_DEPTH:
            continue
        accepted = views.select("work_items", {"item_id": given["share_id"]})
        if accepted and _time(accepted[0]["since"]) <= at:
            children.append(_node(views, accepted[0], at, depth + 1, given))
        else:
            children.append(_pending(views, given, at))
    if share is None:
        share = _parent_share(views, row)
    target, deadline = _terms(views, share, at) if share else _own_terms(row)
    return WorkNode(
        item_id,
        str(row["unit_id"]),
        _name(views, str(row["unit_id"])),
        target,
        deadline,
        own_progress(views, item_id, at),
        True,
        tuple(children),
        _cancelled(row, at),
    )


def _pending(views: ViewTransaction, share: dict[str, Value], at: datetime) -> WorkNode:
    unit_id = str(share["unit_id"])
    target, deadline = _terms(views, share, at)
    name = _name(views, unit_id)
    return WorkNode(str(share["share_id"]), unit_id, name, target, deadline, 0, False)


def _terms(views: ViewTransaction, share: dict[str, Value], at: datetime) -> tuple[int, datetime]:
    """A share's target and deadline at ``at``: its latest revision by then, else as
    first assigned."""
    key = {"item_id": share["item_id"], "unit_id": share["unit_id"]}
    revisions = views.select("work_share_revisions", key, order_by=("position",))
    by_then = [r for r in revisions if _time(r["since"]) <= at]
    last = by_then[-1] if by_then else None
    if last is not None:
        return int(last["target"] or 0), _time(last["deadline"])
    target = share["assigned_target"] if share["assigned_target"] is not None else share["target"]
    deadline = share["assigned_deadline"] or share["deadline"]
    return int(target or 0), _time(deadline)


def _own_terms(row: dict[str, Value]) -> tuple[int, datetime]:
    return int(row["target"] or 0), _time(row["deadline"])


def _parent_share(views: ViewTransaction, row: dict[str, Value]) -> dict[str, Value] | None:
    """The share an accepted item came from (None for an issued item)."""
    if row["parent_item_id"] is None:
        return None
    key = {"item_id": row["parent_item_id"], "unit_id": row["unit_id"]}
    shares = [s for s in views.select("work_shares", key) if s["share_id"] == row["item_id"]]
    return shares[0] if shares else None


def _current(views: ViewTransaction, row: dict[str, Value]) -> dict[str, Value]:
    """An item's row with its share's current target and deadline, if it was accepted."""
    share = _parent_share(views, row)
    if share is None:
        return row
    return {**row, "target": share["target"], "deadline": share["deadline"]}


def _cancelled(row: dict[str, Value], at: datetime) -> bool:
    return row["cancelled_at"] is not None and _time(row["cancelled_at"]) <= at


def _cancelled_above(views: ViewTransaction, row: dict[str, Value], at: datetime) -> bool:
    """Whether an item above the row's was cancelled by ``at``."""
    parent_id = row["parent_item_id"]
    for _ in range(MAX_DEPTH):
        if parent_id is None:
            return False
        rows = views.select("work_items", {"item_id": parent_id})
        if not rows:
            return False
        if _cancelled(rows[0], at):
            return True
        parent_id = rows[0]["parent_item_id"]
    return False


def _item_row(views: ViewTransaction, item_id: str) -> dict[str, Value]:
    rows = views.select("work_items", {"item_id": item_id})
    if not rows:
        raise UnknownSubject(f"工作 {item_id} 不存在", f"work item {item_id} does not exist")
    return rows[0]


def _name(views: ViewTransaction, unit_id: str) -> str:
    rows = views.select("units", {"unit_id": unit_id})
    return str(rows[0]["name"]) if rows else unit_id


def _time(value: Value) -> datetime:
    return datetime.fromisoformat(str(value))


class WorkQueries:
    """中心工作查询 — the queries above on a store, its read models caught up first."""

    def __init__(self, store: EventStore) -> None:
        self._store = store

    def _read(self) -> Any:
        projector.catch_up(self._store)
        return self._store.views()

    def cascade(self, item_id: str, at: datetime) -> UnitProgress:
        """The cascade report of an item at ``at``."""
        with self._read() as views:
            return cascade(views, item_id, at)

    def item(self, item_id: str) -> WorkItemView:
        """An item's details."""
        with self._read() as views:
            return item(views, item_id)

    def items(self, unit_id: str) -> Rows:
        """A unit's items."""
        with self._read() as views:
            return items(views, unit_id)
