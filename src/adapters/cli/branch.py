"""党支部命令 — ``branch found | appoint | end-role | show``."""

from __future__ import annotations

import click
from rich.table import Table

from adapters.cli.clock import Actor, acting, show_time
from adapters.cli.params import ROLE, zh_of
from adapters.cli.render import filled, heading, plain, table
from adapters.cli.runtime import current, record
from adapters.queries import BranchView
from dangjian_core.branches.commands import AppointRole, EndRole, FoundBranch
from dangjian_core.branches.events import ROLE_NAMES, Role
from dangjian_core.people.events import STATUS_NAMES


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
    """成立支部; 操作人记为上级 / found a branch; the actor becomes its superior."""
    record(
        FoundBranch,
        actor,
        branch_id=branch_id,
        name=name,
        cycle_start_month=cycle_start_month,
    )


@click.command("appoint")
@click.argument("branch_id")
@click.argument("person_id")
@click.option("--role", type=ROLE, required=True, help="职务 / role")
@acting
def appoint(branch_id: str, person_id: str, role: Role, actor: Actor) -> None:
    """任命职务 / appoint a registered person to a branch role."""
    record(AppointRole, actor, branch_id=branch_id, person_id=person_id, role=role)


@click.command("end-role")
@click.argument("branch_id")
@click.argument("person_id")
@click.option("--role", type=ROLE, required=True, help="职务 / role")
@click.option("--reason", required=True, help="理由 / reason")
@acting
def end_role(branch_id: str, person_id: str, role: Role, reason: str, actor: Actor) -> None:
    """免去职务 / end a person's term in a role."""
    record(EndRole, actor, branch_id=branch_id, person_id=person_id, role=role, reason=reason)


def roles_table(view: BranchView) -> Table:
    """Every role term of the branch: who, which role, from, until (or still serving)."""
    rows = (
        (
            str(term["person_id"]),
            zh_of(ROLE_NAMES, term["role"]),
            show_time(str(term["since"])),
            show_time(str(term["until"])) if term["until"] else "在任",
        )
        for term in view.roles
    )
    return filled(table("职务 / roles", ["人员", "职务", "起", "止"], whole=["起", "止"]), rows)


def roll_table(view: BranchView) -> Table:
    """The branch's roll: id, name, party status and since when."""
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


@click.command("show")
@click.argument("branch_id")
def show(branch_id: str) -> None:
    """支部概况: 职务与花名册 / a branch, its role terms and its roll."""
    runtime = current()
    view = runtime.app(must_exist=True).queries.branch(branch_id)
    info = view.branch
    title = (
        f"{info['name']} ({branch_id}) 上级 {info['superior_id']}, "
        f"周期自每年{info['cycle_start_month']}月起"
    )
    runtime.show(plain(view), [heading(title), roles_table(view), roll_table(view)])


COMMANDS = (found, appoint, end_role, show)
