"""人员命令 — ``person register | status``."""

from __future__ import annotations

from datetime import date

import click

from adapters.cli.clock import Actor, IsoDate, acting
from adapters.cli.params import STATUS
from adapters.cli.runtime import record
from dangjian_core.people.commands import ChangePartyStatus, RegisterPerson
from dangjian_core.people.events import PartyStatus


@click.command("register")
@click.argument("person_id")
@click.option("--branch", "branch_id", required=True, help="所在支部 / branch id")
@click.option("--name", required=True, help="姓名 / name, e.g. 吕兰枝")
@click.option("--status", type=STATUS, required=True, help="政治面貌 / party status")
@click.option(
    "--since",
    type=IsoDate(),
    default=None,
    help="身份起始日期, 默认 --at 当天 / status held since (default: the --at date)",
)
@acting
def register(
    person_id: str,
    branch_id: str,
    name: str,
    status: PartyStatus,
    since: date | None,
    actor: Actor,
) -> None:
    """登记人员 / put a person on a branch's roll."""
    record(
        RegisterPerson,
        actor,
        person_id=person_id,
        branch_id=branch_id,
        name=name,
        status=status,
        status_since=since or actor.at.date(),
    )


@click.command("status")
@click.argument("person_id")
@click.option("--status", type=STATUS, required=True, help="新的政治面貌 / the new status")
@click.option("--since", type=IsoDate(), default=None, help="起始日期 / since (default: --at date)")
@click.option("--reason", required=True, help="依据 / reason, e.g. 支部大会决议")
@acting
def change_status(
    person_id: str, status: PartyStatus, since: date | None, reason: str, actor: Actor
) -> None:
    """变更政治面貌 / record a change of party status."""
    record(
        ChangePartyStatus,
        actor,
        person_id=person_id,
        status=status,
        since=since or actor.at.date(),
        reason=reason,
    )


COMMANDS = (register, change_status)
