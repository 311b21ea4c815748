"""红色全覆盖事件 — enterprises entered in a unit's register of above-scale enterprises, the
party organizations founded in them, enterprises taken off the register."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from typing import ClassVar

from attrs import frozen

from dangjian_core.kernel.ids import BranchId


class OrganizationForm(StrEnum):
    """组建方式 — how an enterprise's party organization was set up."""

    OWN = "own"  # 单独组建: the enterprise's own branch
    JOINT = "joint"  # 联合组建: a branch shared with neighbouring enterprises
    INSTRUCTOR = "instructor"  # 党建指导员: no members yet, an instructor sent in

    @property
    def zh(self) -> str:
        """The form's Chinese name."""
        return {"own": "单独组建", "joint": "联合组建", "instructor": "选派党建指导员"}[self.value]


@frozen
class EnterpriseListed:
    """企业已入册 — an above-scale enterprise (规模以上企业) entered in the unit's register
    from a day."""

    TITLE: ClassVar[str] = "企业已入册"

    unit_id: BranchId
    enterprise_id: str
    name: str
    since: date


@frozen
class PartyOrganizationFounded:
    """企业党组织已建立 — the enterprise's party organization was founded on a day, in a form,
    perhaps as a unit of the tree (``branch_id``)."""

    TITLE: ClassVar[str] = "企业党组织已建立"

    unit_id: BranchId
    enterprise_id: str
    founded_on: date
    form: OrganizationForm
    branch_id: BranchId | None


@frozen
class EnterpriseDelisted:
    """企业已出册 — the enterprise left the register on a day (closed, moved, below scale)."""

    TITLE: ClassVar[str] = "企业已出册"

    unit_id: BranchId
    enterprise_id: str
    on: date
    reason: str


CoverageEvent = EnterpriseListed | PartyOrganizationFounded | EnterpriseDelisted

#: The stable stored name of every coverage event: a storage contract.
EVENTS: Mapping[str, type[CoverageEvent]] = {
    "EnterpriseListed": EnterpriseListed,
    "PartyOrganizationFounded": PartyOrganizationFounded,
    "EnterpriseDelisted": EnterpriseDelisted,
}
