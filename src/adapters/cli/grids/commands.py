"""网格命令 — ``grid block | assign | household | link | exempt | pair | visit``: laying
out a branch's grid and staffing it (一网格一班子一干部一党员、代表, 1+6+N 联户), pairing
members with low-income households (结对帮扶) and logging visits."""

from __future__ import annotations

from datetime import datetime

import click

from adapters.cli.clock import Actor, acting
from adapters.cli.params import ZhChoice
from adapters.cli.runtime import record
from dangjian_core.grids.commands import (
    AddHousehold,
    AssignBlockPost,
    ExemptFromLinking,
    LayOutBlock,
    LinkHousehold,
    LogVisit,
    PairHousehold,
)
from dangjian_core.grids.events import BlockSize, GridPost

SIZE = ZhChoice({s: s.zh for s in BlockSize})
POST = ZhChoice({p: p.zh for p in GridPost})


@click.command("block")
@click.argument("block_id")
@click.option("--branch", "branch_id", required=True, help="支部 / branch id")
@click.option("--name", required=True, help="名称, 如 第一大网格 / name")
@click.option("--size", type=SIZE, default=BlockSize.SMALL.value, help="层级 / large or small")
@click.option("--in", "parent_block_id", default=None, help="所在大网格 / the large block")
@acting
def block(
    block_id: str,
    branch_id: str,
    name: str,
    size: BlockSize,
    parent_block_id: str | None,
    actor: Actor,
) -> None:
    """划分网格: 大网格划在支部下, 小网格划在大网格内 / lay out a grid block."""
    record(
        LayOutBlock,
        actor,
        block_id=block_id,
        branch_id=branch_id,
        name=name,
        size=size,
        parent_block_id=parent_block_id,
    )


@click.command("assign")
@click.argument("block_id")
@click.argument("post", type=POST)
@click.argument("person_id")
@acting
def assign(block_id: str, post: GridPost, person_id: str, actor: Actor) -> None:
    """落实网格岗位 (班子成员、干部、党员、代表) / put a person in a post of a small block."""
    record(AssignBlockPost, actor, block_id=block_id, post=post, person_id=person_id)


@click.command("household")
@click.argument("block_id")
@click.argument("household_id")
@click.option("--head", required=True, help="户主 / head of the household")
@click.option("--low-income", is_flag=True, help="低收入农户 / a low-income household")
@acting
def household(block_id: str, household_id: str, head: str, low_income: bool, actor: Actor) -> None:
    """农户入格 / record a household in a small block."""
    record(
        AddHousehold,
        actor,
        block_id=block_id,
        household_id=household_id,
        head=head,
        low_income=low_income,
    )


@click.command("link")
@click.argument("block_id")
@click.argument("household_id")
@click.argument("person_id")
@acting
def link(block_id: str, household_id: str, person_id: str, actor: Actor) -> None:
    """党员联户 (1+6+N) / link a member to a household they serve."""
    record(LinkHousehold, actor, block_id=block_id, household_id=household_id, person_id=person_id)


@click.command("exempt")
@click.argument("block_id")
@click.argument("person_id")
@click.option("--reason", required=True, help="理由, 如 患病 / reason")
@acting
def exempt(block_id: str, person_id: str, reason: str, actor: Actor) -> None:
    """免除联户要求 (70岁以上自动免除) / excuse a member from the 1+6 quota."""
    record(ExemptFromLinking, actor, block_id=block_id, person_id=person_id, reason=reason)


@click.command("pair")
@click.argument("block_id")
@click.argument("household_id")
@click.argument("person_id")
@acting
def pair(block_id: str, household_id: str, person_id: str, actor: Actor) -> None:
    """结对帮扶: 党员与低收入农户结对 / pair a member with a low-income household."""
    record(PairHousehold, actor, block_id=block_id, household_id=household_id, person_id=person_id)


@click.command("visit")
@click.argument("block_id")
@click.argument("household_id")
@click.option("--person", "person_id", default=None, help="结对党员, 默认操作人 / paired member")
@click.option("--on", "on", type=click.DateTime(["%Y-%m-%d"]), default=None, help="走访日期")
@click.option("--note", default="", help="走访情况 / what was done")
@acting
def visit(
    block_id: str,
    household_id: str,
    person_id: str | None,
    on: datetime | None,
    note: str,
    actor: Actor,
) -> None:
    """记录走访 (默认今天、操作人本人) / log a visit to a paired household."""
    record(
        LogVisit,
        actor,
        block_id=block_id,
        household_id=household_id,
        person_id=person_id or actor.person_id,
        on=on.date() if on is not None else actor.at.date(),
        note=note,
    )


COMMANDS = (block, assign, household, link, exempt, pair, visit)
