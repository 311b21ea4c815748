"""人员命令 — ``person register | details | rename | status | extend-probation``."""

from __future__ import annotations

from datetime import date
from typing import Any

import click

from adapters.cli.clock import Actor, IsoDate, acting
from adapters.cli.params import GENDER, STATUS
from adapters.cli.runtime import current, record
from dangjian_core.people.commands import (
    ChangePartyStatus,
    ExtendProbation,
    RecordPersonDetails,
    RegisterPerson,
    RenamePerson,
    TransferMembership,
)
from dangjian_core.people.events import Gender, PartyStatus


def _details(command: Any) -> Any:
    """The personal-data options (never shown on public outputs)."""
    for option in reversed(
        (
            click.option("--gender", type=GENDER, default=None, help="性别 / gender (男|女)"),
            click.option("--birth-year", type=click.IntRange(1900, 2100), default=None),
            click.option("--contact", default=None, help="联系方式 / phone or other contact"),
            click.option("--id-number", default=None, help="身份证号码 / resident ID number"),
        )
    ):
        command = option(command)
    return command


@click.command("register")
@click.argument("person_id")
@click.option("--branch", "branch_id", required=True, help="所在组织 / unit id")
@click.option("--name", required=True, help="姓名 / name, e.g. 吕兰枝")
@click.option("--status", type=STATUS, required=True, help="政治面貌 / party status")
@click.option(
    "--since",
    type=IsoDate(),
    default=None,
    help="身份起始日期, 默认 --at 当天 / status held since (default: the --at date)",
)
@_details
@acting
def register(
    person_id: str,
    branch_id: str,
    name: str,
    status: PartyStatus,
    since: date | None,
    gender: Gender | None,
    birth_year: int | None,
    contact: str | None,
    id_number: str | None,
    actor: Actor,
) -> None:
    """登记人员(可附个人信息) / put a person on a unit's roll."""
    record(
        RegisterPerson,
        actor,
        person_id=person_id,
        branch_id=branch_id,
        name=name,
        status=status,
        status_since=since or actor.at.date(),
        gender=gender or Gender.UNSPECIFIED,
        birth_year=birth_year,
        contact=contact or "",
        id_number=(id_number or "").upper(),
    )


@click.command("details")
@click.argument("person_id")
@_details
@acting
def details(
    person_id: str,
    gender: Gender | None,
    birth_year: int | None,
    contact: str | None,
    id_number: str | None,
    actor: Actor,
) -> None:
    """记录或更正个人信息, 未给的项保持不变 / record personal details (others unchanged)."""
    now = current().app(must_exist=True).queries.person(person_id, actor.at.date()).details
    record(
        RecordPersonDetails,
        actor,
        person_id=person_id,
        gender=gender or Gender(str(now.get("gender") or Gender.UNSPECIFIED.value)),
        birth_year=birth_year if birth_year is not None else _year(now.get("birth_year")),
        contact=contact if contact is not None else str(now.get("contact") or ""),
        id_number=(id_number if id_number is not None else str(now.get("id_number") or "")).upper(),
    )


def _year(value: object) -> int | None:
    return None if value is None else int(str(value))


@click.command("rename")
@click.argument("person_id")
@click.option("--name", required=True, help="正确的姓名 / the correct name")
@click.option("--reason", required=True, help="理由 / reason, e.g. 登记时错字")
@acting
def rename(person_id: str, name: str, reason: str, actor: Actor) -> None:
    """更正姓名 / correct a person's name."""
    record(RenamePerson, actor, person_id=person_id, name=name, reason=reason)


@click.command("status")
@click.argument("person_id")
@click.option("--status", type=STATUS, required=True, help="新的政治面貌 / the new status")
@click.option("--since", type=IsoDate(), default=None, help="起始日期 / since (default: --at date)")
@click.option("--reason", required=True, help="依据 / reason, e.g. 支部大会决议")
@acting
def change_status(
    person_id: str, status: PartyStatus, since: date | None, reason: str, actor: Actor
) -> None:
    """变更政治面貌(按发展程序) / record a change of party status."""
    record(
        ChangePartyStatus,
        actor,
        person_id=person_id,
        status=status,
        since=since or actor.at.date(),
        reason=reason,
    )


@click.command("extend-probation")
@click.argument("person_id")
@click.option("--until", type=IsoDate(), required=True, help="延长至 / until (at most a year)")
@click.option("--reason", required=True, help="理由 / reason")
@acting
def extend_probation(person_id: str, until: date, reason: str, actor: Actor) -> None:
    """延长预备期(不超过一年) / extend a probationary member's probation."""
    record(ExtendProbation, actor, person_id=person_id, until=until, reason=reason)


@click.command("transfer")
@click.argument("person_id")
@click.option("--from", "from_id", required=True, help="转出组织编号 / the sending unit")
@click.option("--to", "to_id", required=True, help="转入组织编号 / the receiving unit")
@click.option("--reason", required=True, help="理由 / reason, e.g. 迁居")
@acting
def transfer(person_id: str, from_id: str, to_id: str, reason: str, actor: Actor) -> None:
    """转接组织关系(自 --at 起) / transfer a person's membership to another unit."""
    record(
        TransferMembership, actor, person_id=person_id, from_id=from_id, to_id=to_id, reason=reason
    )


COMMANDS = (register, details, rename, change_status, extend_probation, transfer)
