"""党组织事件 — facts about a unit: founded, renamed, moved, merged, dissolved, its regional
members, and who holds its roles.

Every event carries the time it takes effect (``since``), so the tree and the role
holders at any past date follow from the events alone. ``branch_id`` in the role events
and in :class:`BranchFounded` is the unit's id (the name predates units).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum
from typing import ClassVar

from attrs import frozen

from dangjian_core.kernel.ids import BranchId, PersonId
from dangjian_core.units.roles import Role


class UnitKind(StrEnum):
    """组织类别 — what kind of party organisation a unit is."""

    TOWN_COMMITTEE = "town_committee"  # 党委
    GENERAL_BRANCH = "general_branch"  # 党总支
    BRANCH = "branch"  # 党支部
    PARTY_GROUP = "party_group"  # 党小组
    ENTERPRISE_BRANCH = "enterprise_branch"  # 两新组织党支部
    REGIONAL_COMMITTEE = "regional_committee"  # 区域委员会

    @property
    def zh(self) -> str:
        """The kind's Chinese name."""
        return KIND_NAMES[self]


KIND_NAMES = {
    UnitKind.TOWN_COMMITTEE: "党委",
    UnitKind.GENERAL_BRANCH: "党总支",
    UnitKind.BRANCH: "党支部",
    UnitKind.PARTY_GROUP: "党小组",
    UnitKind.ENTERPRISE_BRANCH: "两新组织党支部",
    UnitKind.REGIONAL_COMMITTEE: "区域委员会",
}


@frozen
class BranchFounded:
    """支部已成立 — a root branch was founded under a superior (recorded before units had
    kinds and dates; read as a branch existing from the start)."""

    TITLE: ClassVar[str] = "支部已成立"

    branch_id: BranchId
    name: str
    cycle_start_month: int
    superior_id: str


@frozen
class UnitFounded:
    """组织已成立 — a unit of a kind was founded under a parent, or as a root under the
    superior who founded it."""

    TITLE: ClassVar[str] = "组织已成立"

    unit_id: BranchId
    kind: UnitKind
    name: str
    parent_id: BranchId | None
    superior_id: str | None
    cycle_start_month: int
    since: datetime


@frozen
class UnitRenamed:
    """组织已更名 — a unit's name changed from ``since``."""

    TITLE: ClassVar[str] = "组织已更名"

    unit_id: BranchId
    name: str
    since: datetime


@frozen
class UnitMoved:
    """组织已调整隶属 — a unit reports to a new parent from ``since``."""

    TITLE: ClassVar[str] = "组织已调整隶属"

    unit_id: BranchId
    parent_id: BranchId
    since: datetime
    reason: str


@frozen
class UnitMerged:
    """组织已合并 — a unit was merged into another from ``since``; its roll and the units
    under it belong to the survivor from then on."""

    TITLE: ClassVar[str] = "组织已合并"

    unit_id: BranchId
    into_id: BranchId
    since: datetime
    reason: str


@frozen
class UnitDissolved:
    """组织已撤销 — a unit was dissolved from ``since``; its roll and the units under it
    belong to ``successor_id`` (its parent then; None for a root) from then on."""

    TITLE: ClassVar[str] = "组织已撤销"

    unit_id: BranchId
    successor_id: BranchId | None
    since: datetime
    reason: str


@frozen
class RegionMemberAdded:
    """共建单位已加入 — a branch joined a regional committee for joint building (支部共建);
    whom it reports to does not change."""

    TITLE: ClassVar[str] = "共建单位已加入"

    unit_id: BranchId
    member_id: BranchId
    since: datetime


@frozen
class RegionMemberRemoved:
    """共建单位已退出 — a branch's membership, begun at ``since``, ended at ``until``."""

    TITLE: ClassVar[str] = "共建单位已退出"

    unit_id: BranchId
    member_id: BranchId
    since: datetime
    until: datetime
    reason: str


@frozen
class RoleAssigned:
    """职务已任命 — a person took up a role in the unit from ``since``."""

    TITLE: ClassVar[str] = "职务已任命"

    branch_id: BranchId
    person_id: PersonId
    role: Role
    since: datetime


@frozen
class RoleEnded:
    """职务已终止 — a person's term in a role, begun at ``since``, ended at ``until``."""

    TITLE: ClassVar[str] = "职务已终止"

    branch_id: BranchId
    person_id: PersonId
    role: Role
    since: datetime
    until: datetime
    reason: str


@frozen
class LateEntryPolicySet:
    """补录规则已设定 — from ``since``, entries for the unit's people (and those of the units
    below it without a rule of their own) may be recorded up to ``window_days`` days after
    their time, entered by a holder of one of ``roles`` in the unit, or by a level above."""

    TITLE: ClassVar[str] = "补录规则已设定"

    unit_id: BranchId
    window_days: int
    roles: tuple[Role, ...]
    reason: str
    since: datetime


UnitEvent = (
    BranchFounded
    | UnitFounded
    | UnitRenamed
    | UnitMoved
    | UnitMerged
    | UnitDissolved
    | RegionMemberAdded
    | RegionMemberRemoved
    | RoleAssigned
    | RoleEnded
    | LateEntryPolicySet
)


#: The stable stored name of every unit event: a storage contract. A class may be renamed
#: or moved; its stored name stays (a changed event gets a new name and an upcaster).
EVENTS: Mapping[str, type[UnitEvent]] = {
    "BranchFounded": BranchFounded,
    "UnitFounded": UnitFounded,
    "UnitRenamed": UnitRenamed,
    "UnitMoved": UnitMoved,
    "UnitMerged": UnitMerged,
    "UnitDissolved": UnitDissolved,
    "RegionMemberAdded": RegionMemberAdded,
    "RegionMemberRemoved": RegionMemberRemoved,
    "RoleAssigned": RoleAssigned,
    "RoleEnded": RoleEnded,
    "LateEntryPolicySet": LateEntryPolicySet,
}
