"""网格事件 — blocks laid out, posts assigned, households added and linked."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from typing import ClassVar

from attrs import frozen

from dangjian_core.kernel.ids import BranchId, PersonId


class BlockSize(StrEnum):
    """网格层级 — a large block (大网格) or a small block (小网格) inside one."""

    LARGE = "large"  # 大网格
    SMALL = "small"  # 小网格

    @property
    def zh(self) -> str:
        """The level's Chinese name."""
        return {"large": "大网格", "small": "小网格"}[self.value]


class GridPost(StrEnum):
    """网格岗位 — the four posts of a small block: 一班子一干部一党员、代表."""

    TEAM = "team"  # 班子成员
    CADRE = "cadre"  # 干部
    MEMBER = "member"  # 党员
    REPRESENTATIVE = "representative"  # 代表

    @property
    def zh(self) -> str:
        """The post's Chinese name."""
        names = {"team": "班子成员", "cadre": "干部", "member": "党员", "representative": "代表"}
        return names[self.value]


@frozen
class BlockLaidOut:
    """网格已划分 — a block of a branch's grid was laid out (a small one inside a large one)."""

    TITLE: ClassVar[str] = "网格已划分"

    block_id: str
    branch_id: BranchId
    name: str
    size: BlockSize
    parent_block_id: str | None


@frozen
class BlockPostAssigned:
    """网格岗位已落实 — a person holds one of the block's four posts (replacing any holder)."""

    TITLE: ClassVar[str] = "网格岗位已落实"

    block_id: str
    post: GridPost
    person_id: PersonId


@frozen
class HouseholdAdded:
    """农户已入格 — a household belongs to the block."""

    TITLE: ClassVar[str] = "农户已入格"

    block_id: str
    household_id: str
    head: str
    low_income: bool


@frozen
class HouseholdLinked:
    """党员已联户 — a member serves a household of the block (联户)."""

    TITLE: ClassVar[str] = "党员已联户"

    block_id: str
    household_id: str
    person_id: PersonId


@frozen
class LinkExemptionRecorded:
    """联户已免除 — a member (ill, say) is excused from the 1+6 linking quota."""

    TITLE: ClassVar[str] = "联户已免除"

    block_id: str
    person_id: PersonId
    reason: str


@frozen
class HouseholdPaired:
    """结对已建立 — a member was paired with a low-income household to support it (结对帮扶)."""

    TITLE: ClassVar[str] = "结对已建立"

    block_id: str
    household_id: str
    person_id: PersonId


@frozen
class VisitLogged:
    """走访已记录 — a paired member visited their household on a day."""

    TITLE: ClassVar[str] = "走访已记录"

    block_id: str
    household_id: str
    person_id: PersonId
    on: date
    note: str


GridEvent = (
    BlockLaidOut
    | BlockPostAssigned
    | HouseholdAdded
    | HouseholdLinked
    | LinkExemptionRecorded
    | HouseholdPaired
    | VisitLogged
)


#: The stable stored name of every grid event: a storage contract. A class may be renamed
#: or moved; its stored name stays (a changed event gets a new name and an upcaster).
EVENTS: Mapping[str, type[GridEvent]] = {
    "BlockLaidOut": BlockLaidOut,
    "BlockPostAssigned": BlockPostAssigned,
    "HouseholdAdded": HouseholdAdded,
    "HouseholdLinked": HouseholdLinked,
    "LinkExemptionRecorded": LinkExemptionRecorded,
    "HouseholdPaired": HouseholdPaired,
    "VisitLogged": VisitLogged,
}
