"""通知进程状况 — where each robot stands in the log, how many of its messages came to
what, and the messages the operator should check in the group: unknown, failed, waiting
to be retried."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import asdict, frozen

from adapters.notify.tracking import Delivery, DeliveryStatus
from adapters.notify.tracking_stores import open_tracking
from adapters.storage.store import EventStore

#: The statuses counted for each robot, in the order they are shown.
COUNTED = (DeliveryStatus.SENT, DeliveryStatus.RETRY, DeliveryStatus.FAILED, DeliveryStatus.UNKNOWN)
#: The statuses of messages to check, most worrying first.
TO_CHECK = (DeliveryStatus.UNKNOWN, DeliveryStatus.FAILED, DeliveryStatus.RETRY)


@frozen
class NotifyStatus:
    """通知进程状况 — the log's end, each robot's position and counts, what to check."""

    end: int
    positions: Mapping[str, int]
    counts: Mapping[tuple[str, DeliveryStatus], int]
    problems: tuple[Delivery, ...]

    def count(self, robot: str, status: DeliveryStatus) -> int:
        """How many of a robot's messages are in a status."""
        return self.counts.get((robot, status), 0)

    def document(self) -> dict[str, Any]:
        """As JSON."""
        robots = {
            robot: {"position": position, **{s.value: self.count(robot, s) for s in COUNTED}}
            for robot, position in sorted(self.positions.items())
        }
        problems = [asdict(d) | {"status": d.status.value} for d in self.problems]
        return {"ok": True, "end": self.end, "robots": robots, "problems": problems}


def status_of(store: EventStore, limit: int = 50) -> NotifyStatus:
    """The notifier's standing in ``store`` (at most ``limit`` messages of each kind to
    check)."""
    tracking = open_tracking(store)
    try:
        with tracking.transaction(write=False) as tx:
            positions, counts = tx.positions(), tx.counts()
            problems = tuple(d for s in TO_CHECK for d in tx.with_status(s, limit))
    finally:
        tracking.close()
    return NotifyStatus(store.max_position(), positions, counts, problems)
