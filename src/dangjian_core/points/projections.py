"""积分读模型 — the ledger (明细) behind every balance, balances and category totals.

Every change to a balance is one ledger row, so a balance always equals the sum of the
ledger rows that explain it.
"""

from __future__ import annotations

from typing import Any

from dangjian_core.kernel.concept import Projection
from dangjian_core.kernel.readmodel import Change, Column, Table, Upsert, Value
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.points.events import PointsAdjusted
from dangjian_core.tasks.events import CompletionApproved, PointsRevoked

LEDGER = Table(
    "ledger",
    key=(Column("position", "int"),),
    values=(
        Column("branch_id"),
        Column("cycle"),
        Column("person_id"),
        Column("category"),
        Column("delta", "int"),
        Column("kind"),
        Column("ref"),
        Column("actor_id"),
        Column("at"),
        Column("reason"),
    ),
    indexes=(("person_id", "cycle"), ("branch_id", "cycle")),
)
BALANCES = Table(
    "balances",
    key=(Column("branch_id"), Column("cycle"), Column("person_id")),
    values=(Column("total", "int"), Column("credits", "int"), Column("last_position", "int")),
)
CATEGORY_TOTALS = Table(
    "category_totals",
    key=(Column("branch_id"), Column("cycle"), Column("person_id"), Column("category")),
    values=(Column("total", "int"),),
)
TABLES = (LEDGER, BALANCES, CATEGORY_TOTALS)

KIND_NAMES = {"credit": "审核通过", "revoke": "撤销积分", "adjust": "加减分"}


def project_points(recorded: Recorded[Any]) -> list[Change]:
    """Ledger and balance rows changed by one event; events without points change none."""
    event = recorded.event
    match event:
        case CompletionApproved():
            return _entry(recorded, event, event.points, "credit", event.task_id, credits=1)
        case PointsRevoked():
            return _entry(recorded, event, -event.points, "revoke", event.task_id, credits=-1)
        case PointsAdjusted():
            return _entry(recorded, event, event.delta, "adjust", event.adjustment_id, credits=0)
        case _:
            return []


def _entry(
    recorded: Recorded[Any],
    event: CompletionApproved | PointsRevoked | PointsAdjusted,
    delta: int,
    kind: str,
    ref: str,
    credits: int,
) -> list[Change]:
    person_id = event.person_id if isinstance(event, PointsAdjusted) else event.claimant_id
    balance_key = {"branch_id": event.branch_id, "cycle": event.cycle, "person_id": person_id}
    entry: dict[str, Value] = {
        **balance_key,
        "category": event.category,
        "delta": delta,
        "kind": kind,
        "ref": ref,
        "actor_id": recorded.actor_id,
        "at": recorded.at.isoformat(),
        "reason": event.reason,
    }
    return [
        Upsert("ledger", {"position": recorded.position}, set=entry),
        Upsert(
            "balances",
            balance_key,
            set={"last_position": recorded.position},
            add={"total": delta, "credits": credits},
        ),
        Upsert(
            "category_totals", {**balance_key, "category": event.category}, add={"total": delta}
        ),
    ]


PROJECTIONS = (
    Projection(
        "points", TABLES, project_points, (CompletionApproved, PointsRevoked, PointsAdjusted)
    ),
)
