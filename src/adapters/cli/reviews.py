"""审核命令 — ``task approve | reject | cancel``: the reviewer's and issuer's side."""

from __future__ import annotations

import click

from adapters.cli.clock import Actor, acting
from adapters.cli.runtime import record
from dangjian_core.tasks.commands import ApproveCompletion, CancelTask, RejectCompletion


@click.command("approve")
@click.argument("task_id")
@click.argument("claimant_id")
@click.option(
    "--points",
    type=int,
    default=None,
    help="核定积分, 少于任务分值时须说明理由 / reduced points (needs --reason)",
)
@click.option("--reason", default="", help="理由 / reason")
@acting
def approve(task_id: str, claimant_id: str, points: int | None, reason: str, actor: Actor) -> None:
    """审核通过, 记入积分 / approve a completion; the points are credited."""
    record(
        ApproveCompletion,
        actor,
        task_id=task_id,
        claimant_id=claimant_id,
        points=points,
        reason=reason,
    )


@click.command("reject")
@click.argument("task_id")
@click.argument("claimant_id")
@click.option("--reason", required=True, help="理由 / reason")
@acting
def reject(task_id: str, claimant_id: str, reason: str, actor: Actor) -> None:
    """审核不通过 (截止前可再提交一次) / reject a completion; one resubmission is allowed."""
    record(RejectCompletion, actor, task_id=task_id, claimant_id=claimant_id, reason=reason)


@click.command("cancel")
@click.argument("task_id")
@click.option("--reason", required=True, help="理由 / reason")
@acting
def cancel(task_id: str, reason: str, actor: Actor) -> None:
    """取消任务, 未完成的领办一并释放 / cancel a task; open claims are released unpaid."""
    record(CancelTask, actor, task_id=task_id, reason=reason)


COMMANDS = (approve, reject, cancel)
