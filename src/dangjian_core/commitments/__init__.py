"""公开承诺 — public commitments (seed 003, 平山镇; DOMAIN.md §4): 承诺 a member, or a party
group or branch collectively, pledges items tied to their posts with measurable targets
and due dates; 审诺 the branch committee approves or returns each; 亮诺 the commitment is
posted on the board for a year; 践诺 owners report progress with evidence and villagers
leave feedback (moderated, never deleted); 评诺 at year end the member, the members'
meeting and the villagers' representatives grade each pledge, and a versioned rule's
weights give each pledge an outcome and each pledger a score — which the star ratings
may count as a criterion.

One stream per unit and year, ``commitment-<unit>@<year>``.
"""

from __future__ import annotations

from dangjian_core.commitments import decisions, permissions, projections
from dangjian_core.commitments.commands import (
    AdoptAssessmentRule,
    ApprovePledge,
    AssessCommitment,
    ChangePledge,
    CommitmentCommand,
    ConcludeAssessment,
    DraftPledge,
    HideFeedback,
    LeaveFeedback,
    PostCommitment,
    ReportProgress,
    ReturnPledge,
    RevisePledge,
    ShowFeedback,
    SubmitCommitment,
    WithdrawPledge,
)
from dangjian_core.commitments.events import EVENTS, CommitmentEvent
from dangjian_core.commitments.state import BOOK, CommitmentBook
from dangjian_core.kernel.concept import Concept

CONCEPT: Concept[CommitmentCommand, CommitmentEvent, CommitmentBook | None] = Concept(
    name="commitments",
    stream=BOOK,
    subject=lambda command: command.book_id,
    commands=(
        AdoptAssessmentRule,
        DraftPledge,
        RevisePledge,
        SubmitCommitment,
        ApprovePledge,
        ReturnPledge,
        PostCommitment,
        WithdrawPledge,
        ChangePledge,
        ReportProgress,
        LeaveFeedback,
        ShowFeedback,
        HideFeedback,
        AssessCommitment,
        ConcludeAssessment,
    ),
    events=EVENTS,
    decide=decisions.decide,
    evolve=decisions.evolve,
    subjects={
        "unit_id": "branch",
        "pledger_id": "pledger",
        "owner_id": "person",
        "feedback_id": "feedback",
    },
    authority=permissions.replay,
    projections=projections.PROJECTIONS,
)
