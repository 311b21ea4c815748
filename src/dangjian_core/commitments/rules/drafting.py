"""承诺 — drafting, revising and submitting pledges (after authority).

- a personal pledger is a party member on a roll under the book's unit, and answers for
  every pledge themself; a collective pledger is the unit itself or a party group under
  it, and names an owner for each pledge, a member on a roll under the unit;
- a pledge is due within the commitment's year, not before the day it is written;
- a pledge is drafted again only while it has not been submitted; a returned pledge is
  revised (it must change) and submitted again; nothing changes once assessed.
"""

from __future__ import annotations

from dangjian_core.commitments.commands import DraftPledge, RevisePledge, SubmitCommitment
from dangjian_core.commitments.events import (
    CommitmentEvent,
    CommitmentSubmitted,
    PledgeDrafted,
    PledgeRevised,
)
from dangjian_core.commitments.rules.common import (
    collective,
    commitment_of,
    due_within,
    member_within,
    open_commitment,
    pledge_of,
    pledging_unit,
    refuse,
)
from dangjian_core.commitments.state import CommitmentBook, PledgeStatus, Terms
from dangjian_core.kernel.errors import InvalidCommand
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.ids import PersonId
from dangjian_core.units.state import UnitState

_DRAFTED = PledgeStatus.DRAFTED


def terms_of(command: DraftPledge | RevisePledge, is_collective: bool) -> Terms:
    """The pledge's terms; a personal pledge's owner is the pledger, a collective one's
    must be named."""
    owner = command.owner_id or ("" if is_collective else command.pledger_id)
    if not owner:
        raise InvalidCommand(
            "集体承诺须为每一项指定负责人", "a collective pledge must name its owner"
        )
    if not is_collective and owner != command.pledger_id:
        raise InvalidCommand(
            "个人承诺由本人负责, 不能另指定负责人",
            "a member answers for their own pledges; no other owner may be named",
        )
    return Terms(command.post, command.content, command.target, command.due, PersonId(owner))


def draft(
    command: DraftPledge, book: CommitmentBook, unit: UnitState, facts: Facts
) -> list[CommitmentEvent]:
    """A new pledge, or a draft replaced before it is submitted."""
    is_collective = collective(facts, command.pledger_id)
    terms = terms_of(command, is_collective)
    commitment = book.commitments.get(command.pledger_id)
    pledge = None if commitment is None else commitment.pledges.get(command.item_no)
    if pledge is not None and pledge.status is _DRAFTED and pledge.terms == terms:
        return []
    if commitment is not None:
        open_commitment(commitment)
    if pledge is not None and pledge.status is not _DRAFTED:
        refuse(
            "drafted_only",
            f"第 {command.item_no} 项{pledge.status.zh}, 不能重新拟定 (退回后修改, 公示后变更)",
            f"pledge {command.item_no} is {pledge.status.value}: revise it once returned, "
            "change it once posted",
        )
    _fits(command, unit, facts, is_collective, terms)
    return [
        PledgeDrafted(
            command.unit_id,
            command.year,
            command.pledger_id,
            command.item_no,
            is_collective,
            terms.post,
            terms.content,
            terms.target,
            terms.due,
            terms.owner_id,
        )
    ]


def revise(
    command: RevisePledge, book: CommitmentBook, unit: UnitState, facts: Facts
) -> list[CommitmentEvent]:
    """A returned pledge revised (again, until it is submitted); it must change."""
    commitment = commitment_of(book, command.pledger_id)
    pledge = pledge_of(book, command.pledger_id, command.item_no)
    terms = terms_of(command, commitment.collective)
    revised = pledge.status is _DRAFTED and pledge.revisions > 0
    if revised and pledge.terms == terms:
        return []
    open_commitment(commitment)
    if pledge.status is not PledgeStatus.RETURNED and not revised:
        refuse(
            "returned_only",
            f"第 {command.item_no} 项{pledge.status.zh}, 只有退回的事项才能修改",
            f"pledge {command.item_no} is {pledge.status.value}: only a returned one is revised",
        )
    if pledge.terms == terms:
        refuse(
            "revised",
            f"第 {command.item_no} 项的修改与退回时相同",
            f"pledge {command.item_no} is unchanged from what was returned",
        )
    _fits(command, unit, facts, commitment.collective, terms)
    return [
        PledgeRevised(
            command.unit_id,
            command.year,
            command.pledger_id,
            command.item_no,
            terms.post,
            terms.content,
            terms.target,
            terms.due,
            terms.owner_id,
        )
    ]


def submit(command: SubmitCommitment, book: CommitmentBook) -> list[CommitmentEvent]:
    """Every drafted or revised pledge goes to vetting; returned ones must be revised."""
    commitment = commitment_of(book, command.pledger_id)
    drafted = commitment.with_status(_DRAFTED)
    if not drafted:
        returned = commitment.with_status(PledgeStatus.RETURNED)
        if returned:
            numbers = "、".join(str(p.item_no) for p in returned)
            refuse(
                "revise_first",
                f"第 {numbers} 项已退回, 须修改后再提交",
                f"pledge(s) {numbers} were returned: revise them before submitting",
            )
        return []
    open_commitment(commitment)
    items = tuple(p.item_no for p in drafted)
    return [CommitmentSubmitted(command.unit_id, command.year, command.pledger_id, items)]


def _fits(
    command: DraftPledge | RevisePledge,
    unit: UnitState,
    facts: Facts,
    is_collective: bool,
    terms: Terms,
) -> None:
    if is_collective:
        pledging_unit(facts, command.pledger_id, unit, command.at)
    member_within(facts, terms.owner_id, unit, command.at)
    due_within(command.due, command.year, command.at)
