"""党支部事件 — facts about a branch and who holds its roles."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from attrs import frozen

from dangjian_core.shared.ids import BranchId, PersonId


class Role(StrEnum):
    """支部职务 — a role held in a branch for a term."""

    SECRETARY = "secretary"  # 支部书记
    DEPUTY_SECRETARY = "deputy_secretary"  # 副书记
    ORGANIZING = "organizing"  # 组织委员
    REVIEWER = "reviewer"  # 审核员

    @property
    def zh(self) -> str:
        """The role's Chinese name."""
        return ROLE_NAMES[self]


ROLE_NAMES = {
    Role.SECRETARY: "支部书记",
    Role.DEPUTY_SECRETARY: "副书记",
    Role.ORGANIZING: "组织委员",
    Role.REVIEWER: "审核员",
}


@frozen
class BranchFounded:
    """支部已成立 — a branch was founded under a superior, with its cycle's start month."""

    branch_id: BranchId
    name: str
    cycle_start_month: int
    superior_id: str


@frozen
class RoleAssigned:
    """职务已任命 — a person took up a role in the branch from ``since``."""

    branch_id: BranchId
    person_id: PersonId
    role: Role
    since: datetime


@frozen
class RoleEnded:
    """职务已终止 — a person's term in a role, begun at ``since``, ended at ``until``."""

    branch_id: BranchId
    person_id: PersonId
    role: Role
    since: datetime
    until: datetime
    reason: str


BranchEvent = BranchFounded | RoleAssigned | RoleEnded
