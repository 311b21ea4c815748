"""承诺命令 — adopt the assessment rule; draft, revise and submit pledges; approve or return
them (审诺); post the commitment (亮诺); withdraw or change a pledge; report progress
(践诺); leave, show or hide feedback; assess and conclude (评诺). Each names its unit,
year, actor and time."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from attrs import field, frozen, validators

from dangjian_core.commitments.shapes import MAX_ITEMS
from dangjian_core.commitments.shapes import day as _day
from dangjian_core.commitments.shapes import evidence as _evidence
from dangjian_core.commitments.shapes import grades as _grades
from dangjian_core.commitments.shapes import owner as _owner
from dangjian_core.commitments.shapes import thresholds as _thresholds
from dangjian_core.commitments.shapes import weights as _weights
from dangjian_core.commitments.shapes import year as _year
from dangjian_core.commitments.state import book_id
from dangjian_core.commitments.values import AssessorBody, Fulfilment, ReturnGround
from dangjian_core.kernel.ids import BranchId, check_id
from dangjian_core.kernel.time import check_aware
from dangjian_core.kernel.validation import int_between as _int_between
from dangjian_core.kernel.validation import text as _text


class _Book:
    """The stream a command is decided against: one unit's commitments of one year."""

    if TYPE_CHECKING:
        unit_id: BranchId
        year: int

    @property
    def book_id(self) -> str:
        """The commitment stream's subject: ``<unit_id>@<year>``."""
        return book_id(self.unit_id, self.year)


@frozen
class AdoptAssessmentRule(_Book):
    """采用评诺规则 — the weights of self, members' meeting and villagers' representatives
    (summing to 100), what 部分兑现 is worth, and the outcome lines; adopting again makes
    the next version."""

    unit_id: BranchId = field(validator=check_id)
    year: int = field(validator=_year)
    self_weight: int = field(validator=_int_between(0, 100))
    meeting_weight: int = field(validator=_int_between(0, 100))
    representatives_weight: int = field(validator=[*_int_between(0, 100), _weights])
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)
    partly_value: int = field(default=50, validator=_int_between(0, 100))
    fulfilled_from: int = field(default=85, validator=_int_between(1, 100))
    partly_from: int = field(default=40, validator=[*_int_between(1, 100), _thresholds])


@frozen
class _PledgeTerms(_Book):
    """The terms of one pledge, as drafted and as revised."""

    unit_id: BranchId = field(validator=check_id)
    year: int = field(validator=_year)
    pledger_id: str = field(validator=check_id)
    item_no: int = field(validator=_int_between(1, MAX_ITEMS))
    post: str = field(validator=_text(1, 30))
    content: str = field(validator=_text(1, 200))
    target: str = field(validator=_text(1, 200))
    due: date = field(validator=_day)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)
    owner_id: str = field(default="", validator=_owner)


@frozen
class DraftPledge(_PledgeTerms):
    """拟定承诺事项 — a member (or, collectively, a party group or the branch) drafts one
    pledge: the post it is tied to, the pledge, a measurable target and the due date; a
    collective pledge names its owner."""


@frozen
class RevisePledge(_PledgeTerms):
    """修改承诺事项 — revise a returned pledge for resubmission."""


@frozen
class SubmitCommitment(_Book):
    """提交承诺 — send the drafted and revised pledges to the branch for vetting."""

    unit_id: BranchId = field(validator=check_id)
    year: int = field(validator=_year)
    pledger_id: str = field(validator=check_id)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class ApprovePledge(_Book):
    """审核通过承诺事项 — the branch committee approves a submitted pledge (审诺)."""

    unit_id: BranchId = field(validator=check_id)
    year: int = field(validator=_year)
    pledger_id: str = field(validator=check_id)
    item_no: int = field(validator=_int_between(1, MAX_ITEMS))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class ReturnPledge(_Book):
    """退回承诺事项 — the branch committee returns a submitted pledge, on a ground and with
    a reason."""

    unit_id: BranchId = field(validator=check_id)
    year: int = field(validator=_year)
    pledger_id: str = field(validator=check_id)
    item_no: int = field(validator=_int_between(1, MAX_ITEMS))
    ground: ReturnGround = field(validator=validators.instance_of(ReturnGround))
    reason: str = field(validator=_text(1, 500))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class PostCommitment(_Book):
    """公示承诺 — 亮诺: post the approved pledges on the board for a year."""

    unit_id: BranchId = field(validator=check_id)
    year: int = field(validator=_year)
    pledger_id: str = field(validator=check_id)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class WithdrawPledge(_Book):
    """撤回承诺事项 — withdraw a pledge, with a reason (after posting: by the branch)."""

    unit_id: BranchId = field(validator=check_id)
    year: int = field(validator=_year)
    pledger_id: str = field(validator=check_id)
    item_no: int = field(validator=_int_between(1, MAX_ITEMS))
    reason: str = field(validator=_text(1, 500))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class ChangePledge(_Book):
    """变更承诺事项 — the branch committee changes a posted pledge, with a reason."""

    unit_id: BranchId = field(validator=check_id)
    year: int = field(validator=_year)
    pledger_id: str = field(validator=check_id)
    item_no: int = field(validator=_int_between(1, MAX_ITEMS))
    post: str = field(validator=_text(1, 30))
    content: str = field(validator=_text(1, 200))
    target: str = field(validator=_text(1, 200))
    due: date = field(validator=_day)
    reason: str = field(validator=_text(1, 500))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class ReportProgress(_Book):
    """报告践诺进展 — the owner of a posted pledge reports progress, with evidence
    references; ``done`` when it is completed."""

    unit_id: BranchId = field(validator=check_id)
    year: int = field(validator=_year)
    pledger_id: str = field(validator=check_id)
    item_no: int = field(validator=_int_between(1, MAX_ITEMS))
    note: str = field(validator=_text(1, 1000))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)
    evidence: tuple[str, ...] = field(default=(), validator=_evidence)
    done: bool = field(default=False, validator=validators.instance_of(bool))


@frozen
class LeaveFeedback(_Book):
    """提出群众意见 — anyone (a registered person, or ``public``) leaves feedback on a
    posted pledge, with a name and contact that are kept private."""

    unit_id: BranchId = field(validator=check_id)
    year: int = field(validator=_year)
    pledger_id: str = field(validator=check_id)
    item_no: int = field(validator=_int_between(1, MAX_ITEMS))
    feedback_id: str = field(validator=check_id)
    text: str = field(validator=_text(1, 500))
    contact_name: str = field(validator=_text(1, 40))
    contact: str = field(validator=_text(1, 40))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class ShowFeedback(_Book):
    """公开群众意见 — the branch shows a feedback on the board."""

    unit_id: BranchId = field(validator=check_id)
    year: int = field(validator=_year)
    feedback_id: str = field(validator=check_id)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class HideFeedback(_Book):
    """隐藏群众意见 — the branch hides a feedback from the board, with a reason."""

    unit_id: BranchId = field(validator=check_id)
    year: int = field(validator=_year)
    feedback_id: str = field(validator=check_id)
    reason: str = field(validator=_text(1, 500))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class AssessCommitment(_Book):
    """评诺 — one body's grade of each posted pledge: the member themself, the members'
    meeting or the villagers' representatives (the last two recorded by the branch)."""

    unit_id: BranchId = field(validator=check_id)
    year: int = field(validator=_year)
    pledger_id: str = field(validator=check_id)
    body: AssessorBody = field(validator=validators.instance_of(AssessorBody))
    grades: tuple[tuple[int, Fulfilment], ...] = field(validator=_grades)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)
    note: str = field(default="", validator=_text(0, 500))


@frozen
class ConcludeAssessment(_Book):
    """确定评诺结果 — score the commitment's pledges under the rule in force."""

    unit_id: BranchId = field(validator=check_id)
    year: int = field(validator=_year)
    pledger_id: str = field(validator=check_id)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


CommitmentCommand = (
    AdoptAssessmentRule
    | DraftPledge
    | RevisePledge
    | SubmitCommitment
    | ApprovePledge
    | ReturnPledge
    | PostCommitment
    | WithdrawPledge
    | ChangePledge
    | ReportProgress
    | LeaveFeedback
    | ShowFeedback
    | HideFeedback
    | AssessCommitment
    | ConcludeAssessment
)
