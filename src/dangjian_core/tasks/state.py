"""任务状态 — a task and its claims as folded from the task's stream."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from attrs import field, frozen

from dangjian_core.people.events import PartyStatus
from dangjian_core.shared.ids import PersonId
from dangjian_core.tasks.events import Audience, TaskIssued


class ClaimStatus(StrEnum):
    """领办状态 — where a claim stands."""

    CLAIMED = "claimed"  # 已领办
    SUBMITTED = "submitted"  # 待审核
    APPROVED = "approved"  # 已通过
    REJECTED = "rejected"  # 未通过，可再提交一次
    FAILED = "failed"  # 未通过，不能再提交
    WITHDRAWN = "withdrawn"  # 已撤回
    RELEASED = "released"  # 任务取消，已释放
    REVOKED = "revoked"  # 积分已撤销

    @property
    def zh(self) -> str:
        """The status's Chinese name."""
        return CLAIM_STATUS_NAMES[self]


CLAIM_STATUS_NAMES = {
    ClaimStatus.CLAIMED: "已领办",
    ClaimStatus.SUBMITTED: "待审核",
    ClaimStatus.APPROVED: "已通过",
    ClaimStatus.REJECTED: "未通过(可再提交)",
    ClaimStatus.FAILED: "未通过",
    ClaimStatus.WITHDRAWN: "已撤回",
    ClaimStatus.RELEASED: "已释放",
    ClaimStatus.REVOKED: "已撤销积分",
}

#: A claim in one of these holds a slot; withdrawn, released and failed claims free it.
HOLDS_SLOT = frozenset(
    {
        ClaimStatus.CLAIMED,
        ClaimStatus.SUBMITTED,
        ClaimStatus.APPROVED,
        ClaimStatus.REJECTED,
        ClaimStatus.REVOKED,
    }
)
#: Claims still in progress; cancelling a task releases them.
OPEN = frozenset({ClaimStatus.CLAIMED, ClaimStatus.SUBMITTED, ClaimStatus.REJECTED})

#: Who counts as which audience; people out of the party's road (transferred out,
#: suspended, deceased) are in none.
AUDIENCE_OF = {
    PartyStatus.VILLAGER: Audience.VOLUNTEERS,
    PartyStatus.APPLICANT: Audience.ACTIVISTS,
    PartyStatus.ACTIVIST: Audience.ACTIVISTS,
    PartyStatus.CANDIDATE: Audience.ACTIVISTS,
    PartyStatus.PROBATIONARY: Audience.MEMBERS,
    PartyStatus.FULL: Audience.MEMBERS,
}

#: A completion may be submitted this many times (the first, and one resubmission).
MAX_ATTEMPTS = 2


@frozen
class Claim:
    """一份领办 — one person's claim on a task."""

    status: ClaimStatus
    attempts: int = 0
    note: str = ""
    photos: tuple[str, ...] = ()
    cycle: str = ""
    awarded: int = 0
    reason: str = ""


@frozen
class TaskState:
    """任务状态 — the task as issued, whether cancelled, and every claim by person."""

    issued: TaskIssued
    cancelled: bool = False
    claims: Mapping[PersonId, Claim] = field(factory=dict)

    @property
    def taken(self) -> int:
        """How many slots are held."""
        return sum(1 for claim in self.claims.values() if claim.status in HOLDS_SLOT)

    def claim_of(self, person_id: PersonId) -> Claim | None:
        """The person's claim, if any."""
        return self.claims.get(person_id)
