"""红色全覆盖规则 — what each register command must satisfy, after authority.

- 入册 ``list_enterprise``: an enterprise id is listed once (the same listing again
  changes nothing; another name or day under the same id is refused);
- 党组织 ``record_organization``: for a listed enterprise, founded on a day not after the
  command, once; a ``branch_id`` must be a unit under the register's unit;
- 出册 ``delist``: a listed enterprise, on a day not before it was listed, once.
"""

from __future__ import annotations

from dangjian_core.coverage.commands import (
    DelistEnterprise,
    ListEnterprise,
    RecordPartyOrganization,
)
from dangjian_core.coverage.events import (
    CoverageEvent,
    EnterpriseDelisted,
    EnterpriseListed,
    PartyOrganizationFounded,
)
from dangjian_core.coverage.state import CoverageError, Enterprise, RegisterState
from dangjian_core.kernel.errors import InvalidCommand
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.time import local_date
from dangjian_core.units.hierarchy import lies_within, live_unit


def list_enterprise(command: ListEnterprise, register: RegisterState) -> list[CoverageEvent]:
    """Enter an enterprise in the register, once."""
    known = register.enterprise(command.enterprise_id)
    if known is not None:
        if (known.name, known.since) == (command.name, command.since):
            return []
        raise CoverageError(
            f"企业编号 {command.enterprise_id} 已入册 ({known.name})",
            f"enterprise {command.enterprise_id} is already listed ({known.name})",
        )
    return [EnterpriseListed(command.unit_id, command.enterprise_id, command.name, command.since)]


def record_organization(
    command: RecordPartyOrganization, register: RegisterState, facts: Facts
) -> list[CoverageEvent]:
    """Record the enterprise's party organization, once."""
    enterprise = listed(register, command.enterprise_id)
    event = PartyOrganizationFounded(
        command.unit_id, command.enterprise_id, command.founded_on, command.form, command.branch_id
    )
    if enterprise.founded_on is not None:
        same = (enterprise.founded_on, enterprise.form, enterprise.branch_id)
        if same == (event.founded_on, event.form, event.branch_id):
            return []
        raise CoverageError(
            f"{enterprise.name} 已于 {enterprise.founded_on} 建立党组织",
            f"{enterprise.enterprise_id} founded its party organization {enterprise.founded_on}",
        )
    if command.founded_on > local_date(command.at):
        raise InvalidCommand("建立日期不能晚于记录时间", "a founding cannot be recorded ahead")
    if command.branch_id is not None:
        scope = live_unit(facts, command.unit_id, command.at)
        if scope is None or not lies_within(facts, command.branch_id, scope, command.at):
            raise CoverageError(
                f"{command.branch_id} 不是 {command.unit_id} 下的组织",
                f"{command.branch_id} is not a unit under {command.unit_id}",
            )
    return [event]


def delist(command: DelistEnterprise, register: RegisterState) -> list[CoverageEvent]:
    """Take an enterprise off the register from a day, once."""
    enterprise = listed(register, command.enterprise_id)
    if enterprise.delisted_on is not None:
        if enterprise.delisted_on == command.on:
            return []
        raise CoverageError(
            f"{enterprise.name} 已于 {enterprise.delisted_on} 出册",
            f"{enterprise.enterprise_id} left the register {enterprise.delisted_on}",
        )
    if command.on < enterprise.since:
        raise CoverageError(
            f"出册日期不能早于入册日期 ({enterprise.since})",
            f"an enterprise cannot leave before it was listed ({enterprise.since})",
        )
    return [EnterpriseDelisted(command.unit_id, command.enterprise_id, command.on, command.reason)]


def listed(register: RegisterState, enterprise_id: str) -> Enterprise:
    """The listed enterprise, or a refusal naming it."""
    enterprise = register.enterprise(enterprise_id)
    if enterprise is None:
        raise CoverageError(
            f"企业 {enterprise_id} 不在名册上", f"enterprise {enterprise_id} is not listed"
        )
    return enterprise
