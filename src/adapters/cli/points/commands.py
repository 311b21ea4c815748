"""积分命令 — ``points revoke | adjust``: corrections are new events, never edits."""

from __future__ import annotations

import click

from adapters.cli.clock import Actor, acting
from adapters.cli.runtime import record
from dangjian_core.points.commands import ADJUSTMENT_CATEGORY, AdjustPoints
from dangjian_core.tasks.commands import RevokePoints


@click.command("revoke")
@click.argument("task_id")
@click.argument("claimant_id")
@click.option("--reason", required=True, help="依据, 如 督查发现不实 / the finding")
@acting
def revoke(task_id: str, claimant_id: str, reason: str, actor: Actor) -> None:
    """撤销积分 / take back the points of an approved completion."""
    record(RevokePoints, actor, task_id=task_id, claimant_id=claimant_id, reason=reason)


@click.command("adjust")
@click.argument("person_id")
@click.option("--branch", "branch_id", required=True, help="支部 / branch id")
@click.option("--delta", type=int, required=True, help="加分为正, 扣分为负 / +bonus or -deduction")
@click.option("--reason", required=True, help="理由 / reason")
@click.option("--category", default=ADJUSTMENT_CATEGORY, show_default=True, help="类别 / category")
@click.option("--id", "adjustment_id", default=None, help="调整编号, 默认自动生成 / id")
@acting
def adjust(
    person_id: str,
    branch_id: str,
    delta: int,
    reason: str,
    category: str,
    adjustment_id: str | None,
    actor: Actor,
) -> None:
    """加分/扣分 (需支部书记) / add or deduct points, by the branch secretary."""
    record(
        AdjustPoints,
        actor,
        adjustment_id=adjustment_id or actor.derived_id("A"),
        branch_id=branch_id,
        person_id=person_id,
        delta=delta,
        reason=reason,
        category=category,
    )


COMMANDS = (revoke, adjust)
