"""党支部命令 — ``branch found | appoint | end-role | show``: the village shorthand for
the ``unit`` commands (a branch is a unit of kind branch)."""

from __future__ import annotations

import click

from adapters.cli.clock import Actor, acting
from adapters.cli.runtime import record
from adapters.cli.units.commands import appoint, end_role
from adapters.cli.units.views import show
from dangjian_core.units.commands import FoundBranch


@click.command("found")
@click.argument("branch_id")
@click.option("--name", required=True, help="支部名称 / branch name, e.g. 派溪吕村党支部")
@click.option(
    "--cycle-start-month",
    type=click.IntRange(1, 12),
    default=1,
    show_default=True,
    help="积分周期起始月 / month the yearly cycle starts",
)
@acting
def found(branch_id: str, name: str, cycle_start_month: int, actor: Actor) -> None:
    """成立支部; 操作人记为上级 / found a root branch; the actor becomes its superior."""
    record(
        FoundBranch,
        actor,
        branch_id=branch_id,
        name=name,
        cycle_start_month=cycle_start_month,
    )


COMMANDS = (found, appoint, end_role, show)
