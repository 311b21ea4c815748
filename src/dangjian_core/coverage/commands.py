"""红色全覆盖命令 — list an enterprise, record its party organization, delist it."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from attrs import field, frozen, validators

from dangjian_core.coverage.events import OrganizationForm
from dangjian_core.kernel.ids import BranchId, check_id
from dangjian_core.kernel.time import check_aware
from dangjian_core.kernel.validation import text

_name: Any = text(1, 80)
_reason: Any = text(1, 500)
_day: Any = validators.instance_of(date)


def _optional_id(instance: object, attribute: Any, value: Any) -> None:
    if value is not None:
        check_id(instance, attribute, value)


@frozen
class ListEnterprise:
    """企业入册 — enter an above-scale enterprise in the unit's register from a day."""

    unit_id: BranchId = field(validator=check_id)
    enterprise_id: str = field(validator=check_id)
    name: str = field(validator=_name)
    since: date = field(validator=_day)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class RecordPartyOrganization:
    """记录企业党组织 — the enterprise's party organization was founded on a day, in a form;
    ``branch_id`` names it in the unit tree when it is one."""

    unit_id: BranchId = field(validator=check_id)
    enterprise_id: str = field(validator=check_id)
    founded_on: date = field(validator=_day)
    form: OrganizationForm = field(validator=validators.instance_of(OrganizationForm))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)
    branch_id: BranchId | None = field(default=None, validator=_optional_id)


@frozen
class DelistEnterprise:
    """企业出册 — take the enterprise off the register from a day, with the reason."""

    unit_id: BranchId = field(validator=check_id)
    enterprise_id: str = field(validator=check_id)
    on: date = field(validator=_day)
    reason: str = field(validator=_reason)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


CoverageCommand = ListEnterprise | RecordPartyOrganization | DelistEnterprise
