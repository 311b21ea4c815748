"""党组织查看 — ``unit show | tree | roles``: a unit, the tree at a date, role holders."""

from __future__ import annotations

from datetime import datetime

import click
from rich.console import RenderableType
from rich.table import Table
from rich.tree import Tree

from adapters.cli.clock import AsOf, now, show_time
from adapters.cli.params import zh_of
from adapters.cli.render import filled, heading, plain, table
from adapters.cli.runtime import current
from adapters.views.units import BranchView
from dangjian_core.people.events import STATUS_NAMES
from dangjian_core.units.events import KIND_NAMES
from dangjian_core.units.queries import Holding, TreeNode
from dangjian_core.units.roles import ROLE_NAMES
from dangjian_core.units.state import Ending

as_of = click.option(
    "--at", type=AsOf(), default=None, help="查看某日(当日结束时)的情况, 默认现在 / as of"
)


def roles_table(view: BranchView, at: datetime | None) -> Table:
    """Role terms of the unit (only those running at ``at`` when given)."""
    rows = (
        (
            str(term["person_id"]),
            zh_of(ROLE_NAMES, term["role"]),
            show_time(str(term["since"])),
            show_time(str(term["until"])) if term["until"] else "在任",
        )
        for term in view.roles
        if at is None or _running(term, at)
    )
    return filled(table("职务 / roles", ["人员", "职务", "起", "止"], whole=["起", "止"]), rows)


def _running(term: dict[str, object], at: datetime) -> bool:
    since = datetime.fromisoformat(str(term["since"]))
    until = term["until"]
    return since <= at and (until is None or at < datetime.fromisoformat(str(until)))


def roll_table(view: BranchView) -> Table:
    """The roll: id, name, party status and since when (no personal data)."""
    rows = (
        (
            str(p["person_id"]),
            str(p["name"]),
            zh_of(STATUS_NAMES, p["status"]),
            str(p["status_since"]),
        )
        for p in view.people
    )
    return filled(table("花名册 / roll", ["编号", "姓名", "政治面貌", "自"], whole=["姓名"]), rows)


def unit_title(info: dict[str, object], unit_id: str) -> str:
    """``名称 (编号) 类别, 隶属/上级, 周期…, 已合并…``."""
    kind = zh_of(KIND_NAMES, info["kind"])
    above = f"隶属 {info['parent_id']}" if info["parent_id"] else f"上级 {info['superior_id']}"
    title = f"{info['name']} ({unit_id}) {kind}, {above}, 周期自每年{info['cycle_start_month']}月起"
    if info["ended"]:
        ending = zh_of({e: e.zh for e in Ending}, info["ending"])
        where = f", 归 {info['successor_id']}" if info["successor_id"] else ""
        title += f" — {ending}于 {show_time(str(info['ended']))}{where}"
    return title


@click.command("show")
@click.argument("unit_id")
@as_of
def show(unit_id: str, at: datetime | None) -> None:
    """组织概况: 职务、花名册、共建单位 / a unit, its role terms, its roll, its regions."""
    runtime = current()
    view = runtime.app(must_exist=True).queries.branch(unit_id)
    parts: list[RenderableType] = [heading(unit_title(view.branch, unit_id))]
    parts += [roles_table(view, at), roll_table(view)]
    links = [*view.members, *view.regions]
    if links:
        rows = (
            (
                str(m["unit_id"]),
                str(m["member_id"]),
                show_time(str(m["since"])),
                show_time(str(m["until"])) if m["until"] else "共建中",
            )
            for m in links
        )
        header = ["区域委员会", "共建单位", "起", "止"]
        parts.append(filled(table("支部共建 / joint building", header), rows))
    runtime.show(plain(view), parts)


def tree_of(nodes: list[TreeNode], sizes: dict[str, int] | None) -> Tree:
    """The nodes as a rich tree: ``名称 (编号) 类别 [N 人]``."""
    root = Tree("组织树 / the tree")
    branches: dict[str, Tree] = {}
    for node in nodes:
        count = f" {sizes.get(node.unit_id, 0)} 人" if sizes is not None else ""
        label = f"{node.name} ({node.unit_id}) {node.kind.zh}{count}"
        parent = branches.get(node.parent_id or "", root)
        branches[node.unit_id] = parent.add(label)
    return root


@click.command("tree")
@as_of
def tree(at: datetime | None) -> None:
    """组织树(可查看任一日期) / the tree of units, now or at a past date."""
    runtime = current()
    queries = runtime.app(must_exist=True).queries
    nodes = queries.tree(at or now())
    sizes = None if at is not None else queries.roll_sizes()
    document = {"at": (at or now()).isoformat(), "units": plain(nodes), "roll_sizes": sizes}
    runtime.show(document, [tree_of(nodes, sizes)])


def holders_table(holdings: list[Holding]) -> Table:
    """Who held which role where."""
    rows = (
        (
            h.unit_id,
            h.role.zh,
            h.person_id,
            show_time(h.since),
            show_time(h.until) if h.until else "在任",
        )
        for h in holdings
    )
    return filled(table(None, ["组织", "职务", "人员", "起", "止"], whole=["起", "止"]), rows)


@click.command("roles")
@click.argument("unit_id", required=False)
@as_of
def roles(unit_id: str | None, at: datetime | None) -> None:
    """某日的任职情况 / who held which role (in a unit, or everywhere) at a date."""
    runtime = current()
    moment = at or now()
    holdings = runtime.app(must_exist=True).queries.holders(unit_id, moment)
    title = heading(f"任职情况 · {show_time(moment)}" + (f" · {unit_id}" if unit_id else ""))
    runtime.show(
        {"at": moment.isoformat(), "holders": plain(holdings)}, [title, holders_table(holdings)]
    )


COMMANDS = (show, tree, roles)
