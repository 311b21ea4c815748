"""承诺决策 — ``decide`` and ``evolve`` for a unit's book of commitments: flat tables over
the rules in :mod:`~dangjian_core.commitments.rules`; who may act is
:mod:`~dangjian_core.commitments.permissions`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, assert_never

import attrs

from dangjian_core.commitments import permissions as p
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
from dangjian_core.commitments.events import (
    AssessmentConcluded,
    AssessmentRuleAdopted,
    CommitmentAssessed,
    CommitmentEvent,
    CommitmentPosted,
    CommitmentSubmitted,
    PledgeApproved,
    PledgeChanged,
    PledgeDrafted,
    PledgeFeedbackHidden,
    PledgeFeedbackLeft,
    PledgeFeedbackShown,
    PledgeProgressReported,
    PledgeReturned,
    PledgeRevised,
    PledgeWithdrawn,
)
from dangjian_core.commitments.rules import assessment, drafting, practice, vetting
from dangjian_core.commitments.rules.common import pledge_of
from dangjian_core.commitments.state import (
    Commitment,
    CommitmentBook,
    Feedback,
    FeedbackStatus,
    Pledge,
    PledgeStatus,
    Terms,
)
from dangjian_core.kernel.authority import enforce
from dangjian_core.kernel.facts import Facts
from dangjian_core.units.state import alive, other

_S = PledgeStatus


def decide(
    command: CommitmentCommand, state: CommitmentBook | None, facts: Facts
) -> list[CommitmentEvent]:
    """Decide a commitment command against the unit's book for the year."""
    unit = alive(other(facts, command.unit_id), command.at)
    book = state or CommitmentBook(command.unit_id, command.year)
    actor, at = command.actor_id, command.at
    match command:
        case AdoptAssessmentRule():
            enforce(p.adopt_rule(facts, unit, actor, at))
            return assessment.adopt(command, book)
        case DraftPledge():
            enforce(p.pledge(facts, command.pledger_id, actor, at))
            return drafting.draft(command, book, unit, facts)
        case RevisePledge():
            enforce(p.pledge(facts, command.pledger_id, actor, at))
            return drafting.revise(command, book, unit, facts)
        case SubmitCommitment():
            enforce(p.pledge(facts, command.pledger_id, actor, at))
            return drafting.submit(command, book)
        case ApprovePledge():
            enforce(p.vet(facts, unit, actor, at, _whose(book, command)))
            return vetting.approve(command, book)
        case ReturnPledge():
            enforce(p.vet(facts, unit, actor, at, _whose(book, command)))
            return vetting.return_(command, book)
        case PostCommitment():
            enforce(p.committee(facts, unit, actor, at, p.POST))
            return vetting.post(command, book)
        case WithdrawPledge():
            posted = _pledge(book, command).status is _S.POSTED
            enforce(p.withdraw(facts, unit, command.pledger_id, posted, actor, at))
            return vetting.withdraw(command, book)
        case ChangePledge():
            enforce(p.vet(facts, unit, actor, at, _whose(book, command), p.CHANGE))
            return vetting.change(command, book)
        case ReportProgress():
            enforce(p.report(actor, _pledge(book, command).owner_id))
            return practice.report(command, book)
        case LeaveFeedback():
            enforce(p.give_feedback(facts, actor))
            return practice.leave(command, book)
        case ShowFeedback():
            enforce(p.committee(facts, unit, actor, at, p.MODERATE))
            return practice.show(command, book)
        case HideFeedback():
            enforce(p.committee(facts, unit, actor, at, p.MODERATE))
            return practice.hide(command, book)
        case AssessCommitment():
            enforce(p.assess(facts, unit, command.pledger_id, command.body, actor, at))
            return assessment.assess(command, book)
        case ConcludeAssessment():
            enforce(p.conclude(facts, unit, command.pledger_id, actor, at))
            return assessment.conclude(command, book)
        case _:
            assert_never(command)


def _pledge(
    book: CommitmentBook,
    command: ApprovePledge | ReturnPledge | WithdrawPledge | ChangePledge | ReportProgress,
) -> Pledge:
    return pledge_of(book, command.pledger_id, command.item_no)


def _whose(
    book: CommitmentBook, command: ApprovePledge | ReturnPledge | ChangePledge
) -> tuple[str, str]:
    """Whose pledge a vetting command is about: its owner and its pledger."""
    return (_pledge(book, command).owner_id, command.pledger_id)


def evolve(state: CommitmentBook | None, event: CommitmentEvent) -> CommitmentBook:
    """Fold one commitment event into the book; never fails (an event about a pledge or
    feedback never recorded leaves the book as it was)."""
    book = state or CommitmentBook(event.unit_id, event.year)
    match event:
        case AssessmentRuleAdopted():
            return attrs.evolve(book, rules=(*book.rules, event.rule))
        case PledgeDrafted():
            return _drafted(book, event)
        case PledgeRevised():
            terms = Terms(event.post, event.content, event.target, event.due, event.owner_id)
            return _change(book, event.pledger_id, (event.item_no,), lambda x: _revised(x, terms))
        case CommitmentSubmitted():
            return _change(book, event.pledger_id, event.items, _set(status=_S.SUBMITTED))
        case PledgeApproved():
            return _change(book, event.pledger_id, (event.item_no,), _set(status=_S.APPROVED))
        case PledgeReturned():
            returned = _set(status=_S.RETURNED, ground=event.ground, reason=event.reason)
            return _change(book, event.pledger_id, (event.item_no,), returned)
        case CommitmentPosted():
            posted = _set(status=_S.POSTED, posted_until=event.posted_until)
            return _change(book, event.pledger_id, event.items, posted)
        case PledgeWithdrawn():
            withdrawn = _set(status=_S.WITHDRAWN, reason=event.reason)
            return _change(book, event.pledger_id, (event.item_no,), withdrawn)
        case PledgeChanged():
            return _change(book, event.pledger_id, (event.item_no,), lambda x: _changed(x, event))
        case PledgeProgressReported():
            return _change(book, event.pledger_id, (event.item_no,), _set(report=event))
        case PledgeFeedbackLeft():
            return attrs.evolve(
                book, feedback={**book.feedback, event.feedback_id: Feedback(event)}
            )
        case PledgeFeedbackShown():
            return _moderated(book, event.feedback_id, FeedbackStatus.SHOWN, "")
        case PledgeFeedbackHidden():
            return _moderated(book, event.feedback_id, FeedbackStatus.HIDDEN, event.reason)
        case CommitmentAssessed():
            return _commitment(
                book,
                event.pledger_id,
                lambda c: attrs.evolve(c, assessments={**c.assessments, event.body: event}),
            )
        case AssessmentConcluded():
            return _commitment(book, event.pledger_id, lambda c: attrs.evolve(c, concluded=event))
        case _:
            assert_never(event)


def _drafted(book: CommitmentBook, event: PledgeDrafted) -> CommitmentBook:
    commitment = book.commitments.get(event.pledger_id) or Commitment(
        event.pledger_id, event.collective
    )
    before = commitment.pledges.get(event.item_no)
    terms = Terms(event.post, event.content, event.target, event.due, event.owner_id)
    revisions = 0 if before is None else before.revisions
    pledge = Pledge(event.item_no, terms, revisions=revisions)
    pledges = {**commitment.pledges, event.item_no: pledge}
    return attrs.evolve(
        book,
        commitments={
            **book.commitments,
            event.pledger_id: attrs.evolve(commitment, pledges=pledges),
        },
    )


def _set(**changes: Any) -> Callable[[Pledge], Pledge]:
    return lambda pledge: attrs.evolve(pledge, **changes)


def _revised(pledge: Pledge, terms: Terms) -> Pledge:
    return attrs.evolve(pledge, terms=terms, status=_S.DRAFTED, revisions=pledge.revisions + 1)


def _changed(pledge: Pledge, event: PledgeChanged) -> Pledge:
    terms = Terms(event.post, event.content, event.target, event.due, pledge.owner_id)
    return attrs.evolve(pledge, terms=terms)


def _change(
    book: CommitmentBook,
    pledger_id: str,
    numbers: tuple[int, ...],
    change: Callable[[Pledge], Pledge],
) -> CommitmentBook:
    def apply(commitment: Commitment) -> Commitment:
        pledges = dict(commitment.pledges)
        for number in numbers:
            if number in pledges:
                pledges[number] = change(pledges[number])
        return attrs.evolve(commitment, pledges=pledges)

    return _commitment(book, pledger_id, apply)


def _commitment(
    book: CommitmentBook, pledger_id: str, change: Callable[[Commitment], Commitment]
) -> CommitmentBook:
    commitment = book.commitments.get(pledger_id)
    if commitment is None:
        return book
    return attrs.evolve(book, commitments={**book.commitments, pledger_id: change(commitment)})


def _moderated(
    book: CommitmentBook, feedback_id: str, status: FeedbackStatus, reason: str
) -> CommitmentBook:
    feedback = book.feedback.get(feedback_id)
    if feedback is None:
        return book
    moderated = attrs.evolve(feedback, status=status, reason=reason)
    return attrs.evolve(book, feedback={**book.feedback, feedback_id: moderated})
