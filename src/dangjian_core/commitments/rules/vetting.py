"""审诺与亮诺 — vetting, posting, and what may happen to a pledge once posted (after
authority: the branch committee vets, posts, changes; nobody vets their own pledge).

- a submitted pledge is approved, or returned on a ground with a reason;
- a commitment is posted (亮诺) only when every live pledge is approved: posting puts the
  approved ones on the board for a year, and a pledge added later is posted the same way;
- a pledge is withdrawn with a reason at any time before the assessment is concluded;
  after posting the board keeps showing it as withdrawn;
- a posted pledge is changed only by the branch committee, with a reason, and keeps its
  owner; before posting a pledge is returned and revised instead.
"""

from __future__ import annotations

from datetime import date, timedelta

from dangjian_core.commitments.commands import (
    ApprovePledge,
    ChangePledge,
    PostCommitment,
    ReturnPledge,
    WithdrawPledge,
)
from dangjian_core.commitments.events import (
    CommitmentEvent,
    CommitmentPosted,
    PledgeApproved,
    PledgeChanged,
    PledgeReturned,
    PledgeWithdrawn,
)
from dangjian_core.commitments.rules.common import (
    commitment_of,
    due_within,
    open_commitment,
    pledge_of,
    refuse,
)
from dangjian_core.commitments.state import CommitmentBook, Pledge, PledgeStatus, Terms
from dangjian_core.kernel.time import local_date

_S = PledgeStatus


def one_year_from(day: date) -> date:
    """The last day of a year's posting that begins on ``day`` (29 February: the 28th)."""
    try:
        anniversary = day.replace(year=day.year + 1)
    except ValueError:
        anniversary = date(day.year + 1, 3, 1)
    return anniversary - timedelta(days=1)


def approve(command: ApprovePledge, book: CommitmentBook) -> list[CommitmentEvent]:
    """A submitted pledge is approved; approving again changes nothing."""
    pledge = pledge_of(book, command.pledger_id, command.item_no)
    if pledge.status in (_S.APPROVED, _S.POSTED):
        return []
    _awaiting(book, command.pledger_id, pledge)
    return [
        PledgeApproved(
            command.unit_id, command.year, command.pledger_id, command.item_no, pledge.owner_id
        )
    ]


def return_(command: ReturnPledge, book: CommitmentBook) -> list[CommitmentEvent]:
    """A submitted pledge is returned on a ground, with a reason."""
    pledge = pledge_of(book, command.pledger_id, command.item_no)
    returned = pledge.status is _S.RETURNED
    if returned and (pledge.ground, pledge.reason) == (command.ground, command.reason):
        return []
    _awaiting(book, command.pledger_id, pledge)
    return [
        PledgeReturned(
            command.unit_id,
            command.year,
            command.pledger_id,
            command.item_no,
            pledge.owner_id,
            command.ground,
            command.reason,
        )
    ]


def post(command: PostCommitment, book: CommitmentBook) -> list[CommitmentEvent]:
    """The approved pledges go on the board for a year, once every live one is approved."""
    commitment = commitment_of(book, command.pledger_id)
    approved = commitment.with_status(_S.APPROVED)
    pending = commitment.with_status(_S.DRAFTED, _S.SUBMITTED, _S.RETURNED)
    if not approved and not pending:
        return []
    open_commitment(commitment)
    if pending:
        listed = "、".join(f"第 {p.item_no} 项{p.status.zh}" for p in pending)
        refuse(
            "vetted",
            f"{listed}: 每一项都审核通过后才能公示",
            f"every pledge must be approved before posting ({len(pending)} are not)",
        )
    day = local_date(command.at)
    numbers = tuple(p.item_no for p in approved)
    return [
        CommitmentPosted(
            command.unit_id, command.year, command.pledger_id, numbers, day, one_year_from(day)
        )
    ]


def withdraw(command: WithdrawPledge, book: CommitmentBook) -> list[CommitmentEvent]:
    """Any live pledge is withdrawn with a reason; withdrawing again changes nothing."""
    pledge = pledge_of(book, command.pledger_id, command.item_no)
    if pledge.status is _S.WITHDRAWN:
        return []
    open_commitment(commitment_of(book, command.pledger_id))
    posted = pledge.status is _S.POSTED
    return [
        PledgeWithdrawn(
            command.unit_id,
            command.year,
            command.pledger_id,
            command.item_no,
            posted,
            command.reason,
        )
    ]


def change(command: ChangePledge, book: CommitmentBook) -> list[CommitmentEvent]:
    """A posted pledge changed, with a reason, keeping its owner."""
    pledge = pledge_of(book, command.pledger_id, command.item_no)
    terms = Terms(command.post, command.content, command.target, command.due, pledge.owner_id)
    if pledge.status is _S.POSTED and pledge.terms == terms:
        return []
    open_commitment(commitment_of(book, command.pledger_id))
    if pledge.status is not _S.POSTED:
        refuse(
            "posted",
            f"第 {command.item_no} 项{pledge.status.zh}: 公示后才能变更, 公示前请退回修改",
            f"pledge {command.item_no} is {pledge.status.value}: only a posted pledge is "
            "changed; before posting it is returned and revised",
        )
    due_within(command.due, command.year, command.at)
    return [
        PledgeChanged(
            command.unit_id,
            command.year,
            command.pledger_id,
            command.item_no,
            pledge.owner_id,
            terms.post,
            terms.content,
            terms.target,
            terms.due,
            command.reason,
        )
    ]


def _awaiting(book: CommitmentBook, pledger_id: str, pledge: Pledge) -> None:
    """Only a submitted pledge of an open commitment is vetted."""
    open_commitment(commitment_of(book, pledger_id))
    if pledge.status is not _S.SUBMITTED:
        refuse(
            "submitted",
            f"第 {pledge.item_no} 项{pledge.status.zh}, 不在待审之列",
            f"pledge {pledge.item_no} is {pledge.status.value}, not awaiting vetting",
        )
