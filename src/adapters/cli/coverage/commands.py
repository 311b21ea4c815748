"""红色全覆盖命令 — ``coverage list-enterprise | founded | delist``: a unit's register of
above-scale enterprises and the party organizations founded in them."""

from __future__ import annotations

from datetime import date

import click

from adapters.cli.clock import Actor, IsoDate, acting
from adapters.cli.params import ZhChoice
from adapters.cli.runtime import record
from dangjian_core.coverage.commands import (
    DelistEnterprise,
    ListEnterprise,
    RecordPartyOrganization,
)
from dangjian_core.coverage.events import OrganizationForm

FORM = ZhChoice({f: f.zh for f in OrganizationForm})


@click.command("enterprise")
@click.argument("unit_id")
@click.argument("enterprise_id")
@click.option("--name", required=True, help="企业名称 / name")
@click.option("--since", type=IsoDate(), required=True, help="入册日期 / listed from")
@acting
def enterprise(unit_id: str, enterprise_id: str, name: str, since: date, actor: Actor) -> None:
    """企业入册 / list an above-scale enterprise."""
    record(
        ListEnterprise, actor, unit_id=unit_id, enterprise_id=enterprise_id, name=name, since=since
    )


@click.command("founded")
@click.argument("unit_id")
@click.argument("enterprise_id")
@click.option("--on", "on", type=IsoDate(), required=True, help="建立日期 / founded on")
@click.option("--form", type=FORM, default=OrganizationForm.OWN.value, help="组建方式 / form")
@click.option("--branch", "branch_id", default=None, help="组织树里的支部编号 / its unit")
@acting
def founded(
    unit_id: str,
    enterprise_id: str,
    on: date,
    form: OrganizationForm,
    branch_id: str | None,
    actor: Actor,
) -> None:
    """记录企业党组织建立 / record that the enterprise founded its party organization."""
    record(
        RecordPartyOrganization,
        actor,
        unit_id=unit_id,
        enterprise_id=enterprise_id,
        founded_on=on,
        form=form,
        branch_id=branch_id,
    )


@click.command("delist")
@click.argument("unit_id")
@click.argument("enterprise_id")
@click.option("--on", "on", type=IsoDate(), required=True, help="出册日期 / from")
@click.option("--reason", required=True, help="理由 / reason")
@acting
def delist(unit_id: str, enterprise_id: str, on: date, reason: str, actor: Actor) -> None:
    """企业出册 / take an enterprise off the register."""
    record(
        DelistEnterprise, actor, unit_id=unit_id, enterprise_id=enterprise_id, on=on, reason=reason
    )


COMMANDS = (enterprise, founded, delist)
