"""承诺状态 — one unit's book of commitments for one year, as folded from its stream: the
assessment rule's versions, each pledger's commitment with its pledges, and the villagers'
feedback; and the refusals of commitment commands."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import StrEnum

from attrs import field, frozen

from dangjian_core.commitments.events import (
    AssessmentConcluded,
    CommitmentAssessed,
    PledgeFeedbackLeft,
    PledgeProgressReported,
)
from dangjian_core.commitments.values import AssessmentRule, AssessorBody, ReturnGround
from dangjian_core.kernel.concept import Stream, nothing
from dangjian_core.kernel.errors import DomainError
from dangjian_core.kernel.ids import BranchId, PersonId


class PledgeStatus(StrEnum):
    """承诺事项状态 — where a pledge stands between drafting and the board."""

    DRAFTED = "drafted"  # 草拟
    SUBMITTED = "submitted"  # 待审
    RETURNED = "returned"  # 已退回
    APPROVED = "approved"  # 已审核通过
    POSTED = "posted"  # 已亮诺
    WITHDRAWN = "withdrawn"  # 已撤回

    @property
    def zh(self) -> str:
        """The status in Chinese."""
        return {
            "drafted": "草拟",
            "submitted": "待审",
            "returned": "已退回",
            "approved": "已审核通过",
            "posted": "已亮诺",
            "withdrawn": "已撤回",
        }[self.value]


class FeedbackStatus(StrEnum):
    """意见状态 — whether a villager's feedback is shown on the board."""

    PENDING = "pending"  # 待审
    SHOWN = "shown"  # 已公开
    HIDDEN = "hidden"  # 已隐藏

    @property
    def zh(self) -> str:
        """The status in Chinese."""
        return {"pending": "待审", "shown": "已公开", "hidden": "已隐藏"}[self.value]


@frozen
class Terms:
    """承诺内容 — what a pledge says: its post (岗位), the pledge, the measurable target,
    the due date and who answers for it."""

    post: str
    content: str
    target: str
    due: date
    owner_id: PersonId


@frozen
class Pledge:
    """承诺事项 — one pledge of a commitment: its terms and where it stands (the last
    return's ground and reason, when it was posted until, the last progress report)."""

    item_no: int
    terms: Terms
    status: PledgeStatus = PledgeStatus.DRAFTED
    revisions: int = 0
    ground: ReturnGround | None = None
    reason: str = ""
    posted_until: date | None = None
    report: PledgeProgressReported | None = None

    @property
    def owner_id(self) -> PersonId:
        """Who answers for the pledge."""
        return self.terms.owner_id

    @property
    def live(self) -> bool:
        """Whether the pledge still counts (not withdrawn)."""
        return self.status is not PledgeStatus.WITHDRAWN


@frozen
class Commitment:
    """承诺 — one pledger's commitment for the year: a member's, or a party group's or the
    branch's collective one; its pledges, the bodies' assessments and the conclusion."""

    pledger_id: str
    collective: bool
    pledges: Mapping[int, Pledge] = field(factory=dict)
    assessments: Mapping[AssessorBody, CommitmentAssessed] = field(factory=dict)
    concluded: AssessmentConcluded | None = None

    def with_status(self, *statuses: PledgeStatus) -> tuple[Pledge, ...]:
        """The pledges in one of ``statuses``, by number."""
        return tuple(p for _, p in sorted(self.pledges.items()) if p.status in statuses)

    @property
    def posted(self) -> tuple[Pledge, ...]:
        """The pledges on the board (posted and not withdrawn), by number."""
        return self.with_status(PledgeStatus.POSTED)


@frozen
class Feedback:
    """群众意见 — a villager's feedback as left, and its moderation."""

    left: PledgeFeedbackLeft
    status: FeedbackStatus = FeedbackStatus.PENDING
    reason: str = ""


@frozen
class CommitmentBook:
    """承诺书册 — one unit's commitments for one year: the rule's versions (the last is in
    force), every pledger's commitment, and the feedback left on them."""

    unit_id: BranchId
    year: int
    rules: tuple[AssessmentRule, ...] = ()
    commitments: Mapping[str, Commitment] = field(factory=dict)
    feedback: Mapping[str, Feedback] = field(factory=dict)

    @property
    def rule(self) -> AssessmentRule | None:
        """The rule in force (the latest version), if any."""
        return self.rules[-1] if self.rules else None

    @property
    def any_concluded(self) -> bool:
        """Whether any commitment's assessment has been concluded."""
        return any(c.concluded is not None for c in self.commitments.values())


def book_id(unit_id: str, year: int) -> str:
    """The subject of a unit's book for a year: ``<unit_id>@<year>``."""
    return f"{unit_id}@{year}"


#: A unit's book of commitments for a year, ``commitment-<unit id>@<year>``; None before
#: its first event.
BOOK: Stream[CommitmentBook | None] = Stream("commitment", nothing)


class CommitmentError(DomainError):
    """承诺错误 — a commitment command was refused by a rule of public commitments; the
    message names the rule."""

    code = "commitment"
