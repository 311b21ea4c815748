"""践诺与群众监督 — progress on posted pledges, and the villagers' feedback (after
authority: the owner reports; anyone leaves feedback; the branch moderates).

- progress is reported on a posted pledge, with evidence, until the assessment is
  concluded; the same report twice is recorded once;
- feedback is left on a posted pledge during its year on the board, under an id of its
  own; it waits for the branch, which shows it or hides it with a reason (never deletes).
"""

from __future__ import annotations

from dangjian_core.commitments.commands import (
    HideFeedback,
    LeaveFeedback,
    ReportProgress,
    ShowFeedback,
)
from dangjian_core.commitments.events import (
    CommitmentEvent,
    PledgeFeedbackHidden,
    PledgeFeedbackLeft,
    PledgeFeedbackShown,
    PledgeProgressReported,
)
from dangjian_core.commitments.rules.common import (
    commitment_of,
    open_commitment,
    pledge_of,
    refuse,
)
from dangjian_core.commitments.state import (
    CommitmentBook,
    Feedback,
    FeedbackStatus,
    Pledge,
    PledgeStatus,
)
from dangjian_core.kernel.errors import UnknownSubject
from dangjian_core.kernel.time import local_date


def report(command: ReportProgress, book: CommitmentBook) -> list[CommitmentEvent]:
    """Progress on a posted pledge, with evidence; the same report again is not repeated."""
    pledge = pledge_of(book, command.pledger_id, command.item_no)
    event = PledgeProgressReported(
        command.unit_id,
        command.year,
        command.pledger_id,
        command.item_no,
        pledge.owner_id,
        command.note,
        command.evidence,
        command.done,
    )
    if pledge.report == event:
        return []
    open_commitment(commitment_of(book, command.pledger_id))
    _posted(pledge, "报告进展", "reported on")
    return [event]


def leave(command: LeaveFeedback, book: CommitmentBook) -> list[CommitmentEvent]:
    """Feedback on a posted pledge during its year on the board."""
    pledge = pledge_of(book, command.pledger_id, command.item_no)
    event = PledgeFeedbackLeft(
        command.unit_id,
        command.year,
        command.pledger_id,
        command.item_no,
        command.feedback_id,
        command.text,
        command.actor_id,
        command.contact_name,
        command.contact,
    )
    existing = book.feedback.get(command.feedback_id)
    if existing is not None:
        if existing.left == event:
            return []
        refuse(
            "feedback_id",
            f"意见编号 {command.feedback_id} 已被占用",
            f"feedback id {command.feedback_id} is taken",
        )
    _posted(pledge, "提出意见", "given feedback")
    day = local_date(command.at)
    if pledge.posted_until is not None and day > pledge.posted_until:
        refuse(
            "on_the_board",
            f"第 {pledge.item_no} 项公示至 {pledge.posted_until}, 已过公示期",
            f"pledge {pledge.item_no} was posted until {pledge.posted_until}",
        )
    return [event]


def show(command: ShowFeedback, book: CommitmentBook) -> list[CommitmentEvent]:
    """A pending or hidden feedback is shown on the board."""
    feedback = feedback_of(book, command.feedback_id)
    if feedback.status is FeedbackStatus.SHOWN:
        return []
    return [PledgeFeedbackShown(command.unit_id, command.year, command.feedback_id)]


def hide(command: HideFeedback, book: CommitmentBook) -> list[CommitmentEvent]:
    """A pending or shown feedback is hidden, with a reason; it stays on record."""
    feedback = feedback_of(book, command.feedback_id)
    if feedback.status is FeedbackStatus.HIDDEN:
        if feedback.reason == command.reason:
            return []
        refuse(
            "hidden_once",
            f"意见 {command.feedback_id} 已隐藏 (理由: {feedback.reason})",
            f"feedback {command.feedback_id} is already hidden ({feedback.reason})",
        )
    return [
        PledgeFeedbackHidden(command.unit_id, command.year, command.feedback_id, command.reason)
    ]


def feedback_of(book: CommitmentBook, feedback_id: str) -> Feedback:
    """A feedback left in the book, or a refusal naming it."""
    found = book.feedback.get(feedback_id)
    if found is None:
        raise UnknownSubject(f"意见 {feedback_id} 不存在", f"feedback {feedback_id} does not exist")
    return found


def _posted(pledge: Pledge, zh: str, en: str) -> None:
    if pledge.status is not PledgeStatus.POSTED:
        refuse(
            "posted",
            f"第 {pledge.item_no} 项{pledge.status.zh}, 公示后才能{zh}",
            f"pledge {pledge.item_no} is {pledge.status.value}; only a posted one is {en}",
        )
