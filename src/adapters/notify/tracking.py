"""投递记录 — the notifier's own tables beside the log: how far each robot has followed it,
and every message it began to post.

``dangjian_notify_robots``: a robot's position — every event up to it is done for the
robot (told, or nothing to tell). ``dangjian_notify_deliveries``: one row per robot and
event told, written ``sending`` and committed *before* the post, then ``sent``,
``retry``, ``failed`` or ``unknown`` after it. A row still ``sending`` when the notifier
starts was interrupted between the two: its message may or may not have arrived, and
it is marked ``unknown``, never posted again. The same statements serve SQLite and
PostgreSQL (a ``mark`` and a ``prefix``, as :mod:`adapters.storage.secrets`).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from attrs import frozen


class DeliveryStatus(StrEnum):
    """投递状态 — where a message to one robot stands."""

    SENDING = "sending"  # 正在发送 (committed before the post)
    SENT = "sent"  # 已送达
    RETRY = "retry"  # 未送达, 等待重试
    FAILED = "failed"  # 未送达, 已放弃
    UNKNOWN = "unknown"  # 结果未知: 发送中断或发出后没有回应

    @property
    def zh(self) -> str:
        """The status's Chinese name."""
        return {
            "sending": "正在发送",
            "sent": "已送达",
            "retry": "等待重试",
            "failed": "未送达",
            "unknown": "结果未知",
        }[self.value]


#: Finished: the event is never posted to that robot again.
DONE = frozenset({DeliveryStatus.SENT, DeliveryStatus.FAILED, DeliveryStatus.UNKNOWN})


@frozen
class Delivery:
    """投递 — a message to one robot about one event: how far it got, after how many
    tries, why (an errcode, an HTTP status; never a key), when (ISO time)."""

    robot: str
    position: int
    kind: str
    status: DeliveryStatus
    attempts: int
    detail: str
    updated_at: str


def tracking_statements(prefix: str, int_type: str) -> list[str]:
    """DDL for the notifier's tables (``prefix``: the schema qualifier, or ``""``)."""
    return [
        f"CREATE TABLE IF NOT EXISTS {prefix}dangjian_notify_robots "
        f"(robot TEXT PRIMARY KEY, position {int_type} NOT NULL)",
        f"CREATE TABLE IF NOT EXISTS {prefix}dangjian_notify_deliveries "
        f"(robot TEXT NOT NULL, position {int_type} NOT NULL, kind TEXT NOT NULL, "
        f"status TEXT NOT NULL, attempts {int_type} NOT NULL, detail TEXT NOT NULL, "
        "updated_at TEXT NOT NULL, PRIMARY KEY (robot, position))",
        "CREATE INDEX IF NOT EXISTS dangjian_notify_deliveries_status "
        f"ON {prefix}dangjian_notify_deliveries (status, robot)",
    ]


_COLUMNS = "robot, position, kind, status, attempts, detail, updated_at"


class SqlTracking:
    """投递记录 in SQL — one transaction's reads and writes (the caller's cursor)."""

    def __init__(self, cursor: Any, mark: str = "?", prefix: str = "") -> None:
        self._cursor = cursor
        self._mark = mark
        self._robots = f"{prefix}dangjian_notify_robots"
        self._deliveries = f"{prefix}dangjian_notify_deliveries"

    def _run(self, sql: str, *params: Any) -> Any:
        self._cursor.execute(sql.replace("?", self._mark), params)
        return self._cursor

    def positions(self) -> dict[str, int]:
        """Every robot's position."""
        found = self._run(f"SELECT robot, position FROM {self._robots}").fetchall()
        return {str(robot): int(position) for robot, position in found}

    def set_position(self, robot: str, position: int) -> None:
        """Record how far a robot has followed the log."""
        self._run(
            f"INSERT INTO {self._robots} (robot, position) VALUES (?, ?) "
            "ON CONFLICT (robot) DO UPDATE SET position = excluded.position",
            robot,
            position,
        )

    def delivery(self, robot: str, position: int) -> Delivery | None:
        """The message to a robot about the event at a position, if one was begun."""
        found = self._run(
            f"SELECT {_COLUMNS} FROM {self._deliveries} WHERE robot = ? AND position = ?",
            robot,
            position,
        ).fetchone()
        return None if found is None else _delivery(found)

    def put(self, delivery: Delivery) -> None:
        """Record (or update) a delivery."""
        self._run(
            f"INSERT INTO {self._deliveries} ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (robot, position) DO UPDATE SET status = excluded.status, "
            "attempts = excluded.attempts, detail = excluded.detail, "
            "updated_at = excluded.updated_at",
            delivery.robot,
            delivery.position,
            delivery.kind,
            delivery.status.value,
            delivery.attempts,
            delivery.detail,
            delivery.updated_at,
        )

    def interrupted(self) -> list[Delivery]:
        """The deliveries left ``sending`` by a notifier that stopped mid-post."""
        return self.with_status(DeliveryStatus.SENDING)

    def with_status(self, status: DeliveryStatus, limit: int = 1000) -> list[Delivery]:
        """Deliveries in one status, oldest event first."""
        found = self._run(
            f"SELECT {_COLUMNS} FROM {self._deliveries} WHERE status = ? "
            f"ORDER BY position, robot LIMIT {int(limit)}",
            status.value,
        ).fetchall()
        return [_delivery(row) for row in found]

    def counts(self) -> dict[tuple[str, DeliveryStatus], int]:
        """How many deliveries each robot has in each status."""
        found = self._run(
            f"SELECT robot, status, COUNT(*) FROM {self._deliveries} GROUP BY robot, status"
        ).fetchall()
        return {(str(robot), DeliveryStatus(status)): int(n) for robot, status, n in found}


def _delivery(row: Any) -> Delivery:
    robot, position, kind, status, attempts, detail, updated_at = tuple(row)
    return Delivery(
        str(robot),
        int(position),
        str(kind),
        DeliveryStatus(status),
        int(attempts),
        str(detail),
        str(updated_at),
    )
