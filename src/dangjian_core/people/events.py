"""人员事件 — a person was registered, renamed or had their details recorded; their party
status changed; their probation was extended.

Personal data (gender, birth year, contact, ID number) lives only in
:class:`PersonDetailsRecorded`, which public outputs never show (see
:data:`dangjian_core.trail.PRIVATE_FIELDS`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from enum import StrEnum
from typing import ClassVar

from attrs import frozen

from dangjian_core.kernel.ids import BranchId, PersonId


class PartyStatus(StrEnum):
    """政治面貌 — where a person stands on the road to membership, or in it."""

    VILLAGER = "villager"  # 群众 / 志愿者
    APPLICANT = "applicant"  # 入党申请人
    ACTIVIST = "activist"  # 入党积极分子
    CANDIDATE = "candidate"  # 发展对象
    PROBATIONARY = "probationary"  # 预备党员
    FULL = "full"  # 正式党员
    TRANSFERRED_OUT = "transferred_out"  # 组织关系已转出
    SUSPENDED = "suspended"  # 停止党籍
    DECEASED = "deceased"  # 已去世

    @property
    def zh(self) -> str:
        """The status's Chinese name."""
        return STATUS_NAMES[self]


STATUS_NAMES = {
    PartyStatus.VILLAGER: "群众",
    PartyStatus.APPLICANT: "入党申请人",
    PartyStatus.ACTIVIST: "入党积极分子",
    PartyStatus.CANDIDATE: "发展对象",
    PartyStatus.PROBATIONARY: "预备党员",
    PartyStatus.FULL: "正式党员",
    PartyStatus.TRANSFERRED_OUT: "已转出",
    PartyStatus.SUSPENDED: "停止党籍",
    PartyStatus.DECEASED: "已去世",
}


class Gender(StrEnum):
    """性别 — as the person gave it."""

    UNSPECIFIED = "unspecified"  # 未填
    MALE = "male"  # 男
    FEMALE = "female"  # 女

    @property
    def zh(self) -> str:
        """The gender's Chinese name."""
        return {"unspecified": "未填", "male": "男", "female": "女"}[self.value]


@frozen
class PersonRegistered:
    """人员已登记 — a person joined a unit's roll with a party status held since a date."""

    TITLE: ClassVar[str] = "人员已登记"

    person_id: PersonId
    branch_id: BranchId
    name: str
    status: PartyStatus
    status_since: date


@frozen
class PartyStatusChanged:
    """政治面貌已变更 — a person's party status changed from a date, for a reason."""

    TITLE: ClassVar[str] = "政治面貌已变更"

    person_id: PersonId
    status: PartyStatus
    since: date
    reason: str


@frozen
class PersonDetailsRecorded:
    """个人信息已记录 — a person's gender, birth year, contact and ID number (personal
    data: never shown on public outputs). Empty text and ``None`` mean not given."""

    TITLE: ClassVar[str] = "个人信息已记录"

    person_id: PersonId
    gender: Gender
    birth_year: int | None
    contact: str
    id_number: str


@frozen
class PersonRenamed:
    """姓名已更正 — a person's name was corrected (e.g. a misspelling), with a reason."""

    TITLE: ClassVar[str] = "姓名已更正"

    person_id: PersonId
    name: str
    reason: str


@frozen
class ProbationExtended:
    """预备期已延长 — a probationary member's probation runs until ``until``, with a reason."""

    TITLE: ClassVar[str] = "预备期已延长"

    person_id: PersonId
    until: date
    reason: str


@frozen
class MembershipTransferred:
    """组织关系已转接 — from ``since`` the person is on the roll of ``to_id`` instead of
    ``from_id``, with a reason."""

    TITLE: ClassVar[str] = "组织关系已转接"

    person_id: PersonId
    from_id: BranchId
    to_id: BranchId
    since: datetime
    reason: str


PersonEvent = (
    PersonRegistered
    | PartyStatusChanged
    | PersonDetailsRecorded
    | PersonRenamed
    | ProbationExtended
    | MembershipTransferred
)


#: The stable stored name of every person event: a storage contract. A class may be renamed
#: or moved; its stored name stays (a changed event gets a new name and an upcaster).
EVENTS: Mapping[str, type[PersonEvent]] = {
    "PersonRegistered": PersonRegistered,
    "PartyStatusChanged": PartyStatusChanged,
    "PersonDetailsRecorded": PersonDetailsRecorded,
    "PersonRenamed": PersonRenamed,
    "ProbationExtended": ProbationExtended,
    "MembershipTransferred": MembershipTransferred,
}
