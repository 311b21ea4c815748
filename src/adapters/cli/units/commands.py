"""党组织命令 — ``unit found | rename | move | merge | dissolve | join | leave`` and the
appointments ``unit appoint | end-role`` (also ``branch appoint | end-role``)."""

from __future__ import annotations

import click

from adapters.cli.clock import Actor, acting
from adapters.cli.params import KIND, ROLE
from adapters.cli.runtime import record
from dangjian_core.units.commands import (
    MAX_LATE_DAYS,
    AddRegionMember,
    AppointRole,
    DissolveUnit,
    EndRole,
    FoundUnit,
    MergeUnit,
    MoveUnit,
    RemoveRegionMember,
    RenameUnit,
    SetLateEntryPolicy,
)
from dangjian_core.units.events import UnitKind
from dangjian_core.units.roles import Role

_reason = click.option("--reason", required=True, help="理由或依据 / reason, e.g. 镇党委决定")


@click.command("found")
@click.argument("unit_id")
@click.option("--name", required=True, help="名称 / name, e.g. 象珠镇党委")
@click.option("--kind", type=KIND, default=UnitKind.BRANCH.value, help="类别 / kind (党支部)")
@click.option("--parent", "parent_id", default=None, help="上级组织编号, 不填为根组织 / parent")
@click.option(
    "--cycle-start-month",
    type=click.IntRange(1, 12),
    default=1,
    show_default=True,
    help="积分周期起始月 / month the yearly points cycle starts",
)
@acting
def found(
    unit_id: str,
    name: str,
    kind: UnitKind,
    parent_id: str | None,
    cycle_start_month: int,
    actor: Actor,
) -> None:
    """成立组织; 无上级组织时操作人记为上级 / found a unit (a root's founder is its superior)."""
    record(
        FoundUnit,
        actor,
        unit_id=unit_id,
        kind=kind,
        name=name,
        parent_id=parent_id,
        cycle_start_month=cycle_start_month,
    )


@click.command("rename")
@click.argument("unit_id")
@click.option("--name", required=True, help="新名称 / the new name")
@acting
def rename(unit_id: str, name: str, actor: Actor) -> None:
    """更名 / rename a unit."""
    record(RenameUnit, actor, unit_id=unit_id, name=name)


@click.command("move")
@click.argument("unit_id")
@click.option("--parent", "parent_id", required=True, help="新的上级组织 / the new parent")
@_reason
@acting
def move(unit_id: str, parent_id: str, reason: str, actor: Actor) -> None:
    """调整隶属关系 / make a unit report to another parent."""
    record(MoveUnit, actor, unit_id=unit_id, parent_id=parent_id, reason=reason)


@click.command("merge")
@click.argument("unit_id")
@click.option("--into", "into_id", required=True, help="并入的组织 / the surviving unit")
@_reason
@acting
def merge(unit_id: str, into_id: str, reason: str, actor: Actor) -> None:
    """合并: 职务终止, 名册与下级归并入的组织 / merge a unit into another of its kind."""
    record(MergeUnit, actor, unit_id=unit_id, into_id=into_id, reason=reason)


@click.command("dissolve")
@click.argument("unit_id")
@_reason
@acting
def dissolve(unit_id: str, reason: str, actor: Actor) -> None:
    """撤销: 职务终止, 名册与下级归上级组织 / dissolve a unit."""
    record(DissolveUnit, actor, unit_id=unit_id, reason=reason)


@click.command("join")
@click.argument("region_id")
@click.argument("member_id")
@acting
def join(region_id: str, member_id: str, actor: Actor) -> None:
    """加入区域委员会 (支部共建, 隶属不变) / link a branch to a regional committee."""
    record(AddRegionMember, actor, unit_id=region_id, member_id=member_id)


@click.command("leave")
@click.argument("region_id")
@click.argument("member_id")
@_reason
@acting
def leave(region_id: str, member_id: str, reason: str, actor: Actor) -> None:
    """退出区域委员会 / unlink a branch from a regional committee."""
    record(RemoveRegionMember, actor, unit_id=region_id, member_id=member_id, reason=reason)


@click.command("appoint")
@click.argument("unit_id")
@click.argument("person_id")
@click.option("--role", type=ROLE, required=True, help="职务 / role")
@acting
def appoint(unit_id: str, person_id: str, role: Role, actor: Actor) -> None:
    """任命职务 (由上级组织书记、组织委员任命) / appoint a person to a role of a unit."""
    record(AppointRole, actor, unit_id=unit_id, person_id=person_id, role=role)


@click.command("end-role")
@click.argument("unit_id")
@click.argument("person_id")
@click.option("--role", type=ROLE, required=True, help="职务 / role")
@click.option("--reason", required=True, help="理由 / reason")
@acting
def end_role(unit_id: str, person_id: str, role: Role, reason: str, actor: Actor) -> None:
    """免去职务 / end a person's term in a role."""
    record(EndRole, actor, unit_id=unit_id, person_id=person_id, role=role, reason=reason)


@click.command("late-entry")
@click.argument("unit_id")
@click.option(
    "--days",
    type=click.IntRange(0, MAX_LATE_DAYS),
    required=True,
    help="事后多少天内可补录 / how many days after its time an entry may still be recorded",
)
@click.option(
    "--role",
    "roles",
    type=ROLE,
    multiple=True,
    required=True,
    help="可补录的职务, 可重复 / a role that may enter late (repeatable)",
)
@click.option("--reason", required=True, help="理由 / reason")
@acting
def late_entry(unit_id: str, days: int, roles: tuple[Role, ...], reason: str, actor: Actor) -> None:
    """设定补录规则 (由上级组织设定): 期限和可补录的职务 / set a unit's late-entry rule."""
    record(
        SetLateEntryPolicy,
        actor,
        unit_id=unit_id,
        window_days=days,
        roles=tuple(dict.fromkeys(roles)),
        reason=reason,
    )


COMMANDS = (found, rename, move, merge, dissolve, join, leave, appoint, end_role, late_entry)
