"""中心工作查询 — 进度汇总: progress rolled up the cascade, and each unit's status at a date.

A unit's done figure is its own progress (reported, plus its linked tasks' approved
completions) and the done figures of the shares it gave, all the way down. Its status at
a moment: 已完成 when done reaches the target, else 已逾期 once the deadline has passed,
else 进行中 — unless its item, or an item above it, was cancelled by then: then it and
everything below it are 已取消, and a unit not cancelled leaves its cancelled shares out
of its done figure. Pure functions over plain values: the adapter gathers the facts as of the
date from the read models.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from enum import StrEnum

from attrs import frozen


class WorkStatus(StrEnum):
    """进度状态 — where a unit's part of a work item stands at a date."""

    DONE = "done"  # 已完成
    IN_PROGRESS = "in_progress"  # 进行中
    OVERDUE = "overdue"  # 已逾期
    CANCELLED = "cancelled"  # 已取消

    @property
    def zh(self) -> str:
        """The status's Chinese name."""
        return _ZH[self.value]


_ZH = {"done": "已完成", "in_progress": "进行中", "overdue": "已逾期", "cancelled": "已取消"}


def status_at(target: int, done: int, deadline: datetime, at: datetime) -> WorkStatus:
    """Done once the target is reached (even late); overdue after the deadline; else in
    progress."""
    if done >= target:
        return WorkStatus.DONE
    return WorkStatus.OVERDUE if at > deadline else WorkStatus.IN_PROGRESS


@frozen
class WorkNode:
    """工作节点 — one unit's part of a cascade as of a date: its item (or the share not
    yet accepted), its own progress, the shares it gave, and whether its item was
    cancelled by then."""

    item_id: str
    unit_id: str
    name: str
    target: int
    deadline: datetime
    own: int
    accepted: bool
    children: tuple[WorkNode, ...] = ()
    cancelled: bool = False


@frozen
class UnitProgress:
    """单位进度 — one unit's line in the cascade report: target, own progress, done
    (own plus everything below it), status, and the units below."""

    item_id: str
    unit_id: str
    name: str
    target: int
    deadline: datetime
    own: int
    done: int
    status: WorkStatus
    accepted: bool
    children: tuple[UnitProgress, ...] = ()


def roll_up(node: WorkNode, at: datetime, *, cancelled: bool = False) -> UnitProgress:
    """The node's progress at ``at``: its own figure plus its children's, rolled up.
    A node cancelled (or under a ``cancelled`` one) is 已取消 with all below it; a live
    node leaves its cancelled children out of its done figure."""
    cancelled = cancelled or node.cancelled
    children = tuple(roll_up(child, at, cancelled=cancelled) for child in node.children)
    counted = [c for c in children if cancelled or c.status is not WorkStatus.CANCELLED]
    done = node.own + sum(child.done for child in counted)
    status = WorkStatus.CANCELLED if cancelled else status_at(node.target, done, node.deadline, at)
    return UnitProgress(
        node.item_id,
        node.unit_id,
        node.name,
        node.target,
        node.deadline,
        node.own,
        done,
        status,
        node.accepted,
        children,
    )


def walk(progress: UnitProgress, depth: int = 0) -> Iterator[tuple[int, UnitProgress]]:
    """Every line of the report, depth first, with its depth (0 for the top)."""
    yield depth, progress
    for child in progress.children:
        yield from walk(child, depth + 1)


def tally(progress: UnitProgress) -> dict[WorkStatus, int]:
    """How many units below the top stand at each status (every status listed)."""
    found = Counter(line.status for depth, line in walk(progress) if depth > 0)
    return {status: found[status] for status in WorkStatus}
