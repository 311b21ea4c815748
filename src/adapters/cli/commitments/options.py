"""公开承诺命令的选项 — what the commitment commands share: the book (UNIT_ID and
``--year``), the pledger, a pledge's terms, its number, an owner, a reason and the return
grounds."""

from __future__ import annotations

from typing import Any

import click

from adapters.cli.clock import IsoDate
from adapters.cli.params import ZhChoice
from dangjian_core.commitments.values import ReturnGround

GROUNDS = ZhChoice({ground: ground.zh for ground in ReturnGround})
reason = click.option("--reason", required=True, help="理由 / reason")
year = click.option("--year", type=int, required=True, help="年度 / year, e.g. 2017")
no = click.option("--no", "item_no", type=int, required=True, help="事项序号 / pledge number")


def book(command: Any) -> Any:
    """UNIT_ID and --year: whose book of commitments, for which year."""
    return click.argument("unit_id")(year(command))


def pledger(command: Any) -> Any:
    """UNIT_ID PLEDGER_ID and --year."""
    command = click.argument("pledger_id")(year(command))
    return click.argument("unit_id")(command)


def terms(command: Any) -> Any:
    """--post, --content, --target and --due: what a pledge says."""
    for option in reversed(
        (
            click.option("--post", required=True, help="岗位 / the post, e.g. 党小组长"),
            click.option("--content", required=True, help="承诺内容 / the pledge"),
            click.option("--target", required=True, help="可衡量的目标 / a measurable target"),
            click.option("--due", type=IsoDate(), required=True, help="完成时限 / due date"),
        )
    ):
        command = option(command)
    return command


owner = click.option(
    "--owner", "owner_id", default="", help="负责人 (集体承诺必填) / owner of a collective pledge"
)
