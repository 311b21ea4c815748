"""任免命令 — ``unit appoint | end-role`` (also ``branch appoint | end-role``)."""

from __future__ import annotations

import click

from adapters.cli.clock import Actor, acting
from adapters.cli.params import ROLE
from adapters.cli.runtime import record
from dangjian_core.units.commands import AppointRole, EndRole
from dangjian_core.units.roles import Role


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


COMMANDS = (appoint, end_role)
