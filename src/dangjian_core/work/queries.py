"""中心工作查询 — 进度汇总: progress rolled up the cascade, and each unit's status at a date.

A unit's done figure is its own progress (reported, plus its linked tasks' approved
completions) and the done figures of the shares it gave, all the way down. Its status at
a moment: 已完成 when done reaches the target, else 已逾期 once the deadline has passed,
else 进行中 — unless its item, or an item above it, was cancelled by then: then it and
everything below it are 已取消, and a unit not cancelled leaves its cancelled shares out
of its done figure.

What stood at a date, read from the ``work_*`` read-model rows (:mod:`.projections`):

- a unit's own progress is its latest report by then plus, for each task linked by then,
  ``per_completion`` × the completions approved by then and not revoked by then
  (:func:`own_progress_at`);
- a share assigned after the date is left out, and one accepted after it shows as not yet
  accepted (待承接), with no progress of its own (:func:`existed_by`);
- a share's target and deadline are those of its latest revision by then, else as first
  assigned, and an accepted item is reported with its share's, not the ones it accepted
  (:func:`terms_at`);
- an item cancelled by then, or below one cancelled by then, is 已取消 (:func:`cancelled_by`).

Pure functions over plain values and rows: the adapter selects the rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from enum import StrEnum

from attrs import frozen

from dangjian_core.kernel.readmodel import Row, Value


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


def time_of(value: Value) -> datetime:
    """A read-model time column as a datetime."""
    return datetime.fromisoformat(str(value))


def existed_by(row: Row, at: datetime) -> bool:
    """Whether a row (a share, an accepted item, a link, a report) existed at ``at``."""
    return time_of(row["since"]) <= at


def own_progress_at(
    reports: Sequence[Row], links: Iterable[tuple[Row, Iterable[Row]]], at: datetime
) -> int:
    """A unit's own progress on an item at ``at``: its latest report by then (``reports``
    in log order) plus, for each ``work_tasks`` link made by then, ``per_completion`` ×
    its ``work_completions`` approved by then and not revoked by then."""
    reported = [int(r["done"] or 0) for r in reports if existed_by(r, at)]
    done = reported[-1] if reported else 0
    for link, completions in links:
        if existed_by(link, at):
            counted = sum(1 for c in completions if _counts(c, at))
            done += counted * int(link["per_completion"] or 0)
    return done


def _counts(completion: Row, at: datetime) -> bool:
    revoked = completion["revoked_at"]
    approved = time_of(completion["approved_at"]) <= at
    return approved and (revoked is None or time_of(revoked) > at)


def terms_at(share: Row, revisions: Sequence[Row], at: datetime) -> tuple[int, datetime]:
    """A share's target and deadline at ``at``: its latest revision by then (``revisions``
    in log order), else as first assigned."""
    by_then = [r for r in revisions if existed_by(r, at)]
    if by_then:
        return int(by_then[-1]["target"] or 0), time_of(by_then[-1]["deadline"])
    target = share["assigned_target"] if share["assigned_target"] is not None else share["target"]
    deadline = share["assigned_deadline"] or share["deadline"]
    return int(target or 0), time_of(deadline)


def item_terms(item: Row) -> tuple[int, datetime]:
    """An issued item's own target and deadline."""
    return int(item["target"] or 0), time_of(item["deadline"])


def cancelled_by(item: Row, at: datetime) -> bool:
    """Whether the item was cancelled by ``at``."""
    return item["cancelled_at"] is not None and time_of(item["cancelled_at"]) <= at


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
