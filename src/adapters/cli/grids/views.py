"""网格查看 — ``grid show | links | pairs``: a branch's grid, the 1+6+N shortfall report
and the support pairs with no recent visit."""

from __future__ import annotations

from datetime import datetime, timedelta

import click

from adapters.cli.clock import now
from adapters.cli.params import zh_of
from adapters.cli.render import filled, heading, plain, table
from adapters.cli.runtime import current
from dangjian_core.grids.events import BlockSize, GridPost
from dangjian_core.grids.queries import EXEMPT_AGE, LINK_QUOTA

_SIZES = {s: s.zh for s in BlockSize}
_POSTS = {p: p.zh for p in GridPost}


@click.command("show")
@click.argument("branch_id")
def show(branch_id: str) -> None:
    """网格概况: 大小网格、岗位、农户、联户 / a branch's grid blocks and who staffs them."""
    runtime = current()
    blocks = runtime.app(must_exist=True).queries.grid(branch_id)
    rows = (
        (
            b.block_id if b.parent_block_id is None else f"  {b.block_id}",
            b.name,
            zh_of(_SIZES, b.size),
            "、".join(f"{zh_of(_POSTS, post)} {who}" for post, who in b.posts.items()) or "—",
            f"{b.households} (低收入 {b.low_income})",
            str(b.links),
        )
        for b in blocks
    )
    header = ["编号", "名称", "层级", "岗位", "农户", "联户"]
    large = sum(1 for b in blocks if b.size == BlockSize.LARGE)
    title = f"{branch_id} 网格: 大网格 {large} 个, 小网格 {len(blocks) - large} 个"
    runtime.show(
        {"branch_id": branch_id, "blocks": plain(blocks)},
        [heading(title), filled(table(None, header), rows)],
    )


@click.command("links")
@click.argument("branch_id")
@click.option("--year", type=int, default=None, help="按哪一年算年龄, 默认今年 / year for ages")
def links(branch_id: str, year: int | None) -> None:
    """联户不足六户且未免除的党员 (1+6+N) / members serving fewer than six households."""
    runtime = current()
    year = year or now().year
    short = runtime.app(must_exist=True).queries.link_shortfalls(branch_id, year)
    rows = ((s.person_id, s.name, str(s.households)) for s in short)
    title = f"{branch_id} 联户不足 {LINK_QUOTA} 户的党员 {len(short)} 名 ({EXEMPT_AGE}岁以上及已免除者不计)"
    document = {"branch_id": branch_id, "year": year, "quota": LINK_QUOTA, "short": plain(short)}
    runtime.show(
        document, [heading(title), filled(table(None, ["编号", "姓名", "联系户数"]), rows)]
    )


@click.command("pairs")
@click.argument("branch_id")
@click.option("--days", type=click.IntRange(1, 3660), default=30, show_default=True, help="期限")
@click.option("--on", "on", type=click.DateTime(["%Y-%m-%d"]), default=None, help="截至日期")
def pairs(branch_id: str, days: int, on: datetime | None) -> None:
    """结对帮扶: 期限内未走访的结对 / support pairs with no visit in the last N days."""
    runtime = current()
    until = (on or now()).date()
    since = (until - timedelta(days=days)).isoformat()
    queries = runtime.app(must_exist=True).queries
    stale = queries.stale_pairs(branch_id, since, until.isoformat())
    rows = (
        (p.block_id, f"{p.household_id} {p.head}", p.person_id, p.last_visit or "从未走访")
        for p in stale
    )
    title = f"{branch_id} 近 {days} 天 (自 {since} 至 {until}) 未走访的结对 {len(stale)} 对"
    document = {
        "branch_id": branch_id,
        "since": since,
        "until": until.isoformat(),
        "days": days,
        "stale": plain(stale),
    }
    header = ["网格", "农户", "结对党员", "最近走访"]
    runtime.show(document, [heading(title), filled(table(None, header), rows)])


COMMANDS = (show, links, pairs)
