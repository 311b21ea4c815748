"""人员事件 — a person was registered; their party status changed."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from attrs import frozen

from dangjian_core.shared.ids import BranchId, PersonId


class PartyStatus(StrEnum):
    """政治面貌 — where a person stands on the road to membership."""

    VILLAGER = "villager"  # 群众 / 志愿者
    APPLICANT = "applicant"  # 入党申请人
    ACTIVIST = "activist"  # 入党积极分子
    CANDIDATE = "candidate"  # 发展对象
    PROBATIONARY = "probationary"  # 预备党员
    FULL = "full"  # 正式党员

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
}


@frozen
class PersonRegistered:
    """人员已登记 — a person joined a branch's roll with a party status held since a date."""

    person_id: PersonId
    branch_id: BranchId
    name: str
    status: PartyStatus
    status_since: date


@frozen
class PartyStatusChanged:
    """政治面貌已变更 — a person's party status changed from a date, for a reason."""

    person_id: PersonId
    status: PartyStatus
    since: date
    reason: str


PersonEvent = PersonRegistered | PartyStatusChanged
