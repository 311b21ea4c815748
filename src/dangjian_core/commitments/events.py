"""承诺事件 — items drafted, revised, submitted, vetted (审诺), posted (亮诺), withdrawn or
changed after posting, progress reported (践诺), villagers' feedback and its moderation,
the assessments (评诺) and their conclusion, and the versioned assessment rule.

One stream per unit and year, ``commitment-<unit>@<year>`` (the branch's book of
commitments). :class:`PledgeFeedbackLeft` holds the villager's ``contact_name`` and ``contact``
(personal data: never shown on public outputs, see
:data:`dangjian_core.kernel.trail.PRIVATE_FIELDS`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import ClassVar

from attrs import frozen

from dangjian_core.commitments.values import (
    AssessmentRule,
    AssessorBody,
    PledgeGrade,
    PledgeResult,
    ReturnGround,
)
from dangjian_core.kernel.ids import BranchId, PersonId


@frozen
class AssessmentRuleAdopted:
    """评诺规则已采用 — the unit adopted version ``version`` of its assessment rule for the
    year."""

    TITLE: ClassVar[str] = "评诺规则已采用"

    unit_id: BranchId
    year: int
    version: int
    rule: AssessmentRule


@frozen
class PledgeDrafted:
    """承诺事项已拟定 — item ``item_no`` of a commitment: the post (岗位) it is tied to,
    what is promised, its measurable target and due date, and who answers for it (the
    member; for a collective commitment of a party group or branch, the named owner)."""

    TITLE: ClassVar[str] = "承诺事项已拟定"

    unit_id: BranchId
    year: int
    pledger_id: str
    item_no: int
    collective: bool
    post: str
    content: str
    target: str
    due: date
    owner_id: PersonId


@frozen
class PledgeRevised:
    """承诺事项已修改 — a returned item, revised for resubmission."""

    TITLE: ClassVar[str] = "承诺事项已修改"

    unit_id: BranchId
    year: int
    pledger_id: str
    item_no: int
    post: str
    content: str
    target: str
    due: date
    owner_id: PersonId


@frozen
class CommitmentSubmitted:
    """承诺已提交审核 — the drafted (or revised) ``items`` go to the branch for vetting."""

    TITLE: ClassVar[str] = "承诺已提交审核"

    unit_id: BranchId
    year: int
    pledger_id: str
    items: tuple[int, ...]


@frozen
class PledgeApproved:
    """承诺事项已审核通过 — the branch committee approved an item (审诺); ``owner_id`` is
    who answers for it, whom nobody lets vet their own item."""

    TITLE: ClassVar[str] = "承诺事项已审核通过"

    unit_id: BranchId
    year: int
    pledger_id: str
    item_no: int
    owner_id: PersonId


@frozen
class PledgeReturned:
    """承诺事项已退回 — the branch committee returned an item for revision, on a ground and
    with a reason."""

    TITLE: ClassVar[str] = "承诺事项已退回"

    unit_id: BranchId
    year: int
    pledger_id: str
    item_no: int
    owner_id: PersonId
    ground: ReturnGround
    reason: str


@frozen
class CommitmentPosted:
    """承诺已公示 — 亮诺: the approved ``items`` are posted on the branch's board from
    ``posted_on`` for a year, to ``posted_until``."""

    TITLE: ClassVar[str] = "承诺已公示"

    unit_id: BranchId
    year: int
    pledger_id: str
    items: tuple[int, ...]
    posted_on: date
    posted_until: date


@frozen
class PledgeWithdrawn:
    """承诺事项已撤回 — an item withdrawn, with a reason; ``posted`` when it had been on the
    board (the board then shows it as withdrawn, never drops it)."""

    TITLE: ClassVar[str] = "承诺事项已撤回"

    unit_id: BranchId
    year: int
    pledger_id: str
    item_no: int
    posted: bool
    reason: str


@frozen
class PledgeChanged:
    """承诺事项已变更 — a posted item changed by the branch committee, with a reason (the
    board shows the change); the owner stays."""

    TITLE: ClassVar[str] = "承诺事项已变更"

    unit_id: BranchId
    year: int
    pledger_id: str
    item_no: int
    owner_id: PersonId
    post: str
    content: str
    target: str
    due: date
    reason: str


@frozen
class PledgeProgressReported:
    """践诺进展已报告 — the owner of a posted item reported progress with evidence
    (photo or document references); ``done`` when they report it completed."""

    TITLE: ClassVar[str] = "践诺进展已报告"

    unit_id: BranchId
    year: int
    pledger_id: str
    item_no: int
    owner_id: PersonId
    note: str
    evidence: tuple[str, ...]
    done: bool


@frozen
class PledgeFeedbackLeft:
    """群众意见已收到 — a villager's feedback on a posted item (``giver_id`` is a registered
    person or ``public``; ``contact_name`` and ``contact`` are personal data); it waits
    for moderation before it is shown."""

    TITLE: ClassVar[str] = "群众意见已收到"

    unit_id: BranchId
    year: int
    pledger_id: str
    item_no: int
    feedback_id: str
    text: str
    giver_id: str
    contact_name: str
    contact: str


@frozen
class PledgeFeedbackShown:
    """群众意见已公开 — the branch shows a feedback on the board (again, after hiding it)."""

    TITLE: ClassVar[str] = "群众意见已公开"

    unit_id: BranchId
    year: int
    feedback_id: str


@frozen
class PledgeFeedbackHidden:
    """群众意见已隐藏 — the branch hides a feedback from the board, with a reason; it is
    kept, never deleted."""

    TITLE: ClassVar[str] = "群众意见已隐藏"

    unit_id: BranchId
    year: int
    feedback_id: str
    reason: str


@frozen
class CommitmentAssessed:
    """评诺已记录 — one body's grades of a commitment's posted items (a later record of the
    same body replaces it until the assessment is concluded)."""

    TITLE: ClassVar[str] = "评诺已记录"

    unit_id: BranchId
    year: int
    pledger_id: str
    body: AssessorBody
    grades: tuple[PledgeGrade, ...]
    note: str


@frozen
class AssessmentConcluded:
    """评诺结果已确定 — the commitment's items scored under version ``rule_version`` of the
    rule; ``score`` is their mean, in hundredths of a point (8750 is 87.50 of 100)."""

    TITLE: ClassVar[str] = "评诺结果已确定"

    unit_id: BranchId
    year: int
    pledger_id: str
    rule_version: int
    results: tuple[PledgeResult, ...]
    score: int


CommitmentEvent = (
    AssessmentRuleAdopted
    | PledgeDrafted
    | PledgeRevised
    | CommitmentSubmitted
    | PledgeApproved
    | PledgeReturned
    | CommitmentPosted
    | PledgeWithdrawn
    | PledgeChanged
    | PledgeProgressReported
    | PledgeFeedbackLeft
    | PledgeFeedbackShown
    | PledgeFeedbackHidden
    | CommitmentAssessed
    | AssessmentConcluded
)


#: The stable stored name of every commitment event: a storage contract. A class may be
#: renamed or moved; its stored name stays (a changed event gets a new name and an upcaster).
EVENTS: Mapping[str, type[CommitmentEvent]] = {
    "AssessmentRuleAdopted": AssessmentRuleAdopted,
    "PledgeDrafted": PledgeDrafted,
    "PledgeRevised": PledgeRevised,
    "CommitmentSubmitted": CommitmentSubmitted,
    "PledgeApproved": PledgeApproved,
    "PledgeReturned": PledgeReturned,
    "CommitmentPosted": CommitmentPosted,
    "PledgeWithdrawn": PledgeWithdrawn,
    "PledgeChanged": PledgeChanged,
    "PledgeProgressReported": PledgeProgressReported,
    "PledgeFeedbackLeft": PledgeFeedbackLeft,
    "PledgeFeedbackShown": PledgeFeedbackShown,
    "PledgeFeedbackHidden": PledgeFeedbackHidden,
    "CommitmentAssessed": CommitmentAssessed,
    "AssessmentConcluded": AssessmentConcluded,
}
