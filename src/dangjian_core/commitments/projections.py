"""承诺读模型 — every pledge with where it stands (the board of a unit's commitments), its
progress reports, the villagers' feedback and its moderation, each body's grades, the
concluded scores, and the rule's versions.

The feedback giver's id, name and contact are personal data: they go only to their own
table (``commitment_feedback_contacts``), which public outputs never read.


The tables are declared in :mod:`~dangjian_core.commitments.tables`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, assert_never

from dangjian_core.commitments.events import (
    EVENTS,
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
from dangjian_core.commitments.state import FeedbackStatus, PledgeStatus
from dangjian_core.commitments.tables import (
    COMMITMENT_FEEDBACK,
    COMMITMENT_FEEDBACK_CONTACTS,
    COMMITMENT_GRADES,
    COMMITMENT_PLEDGES,
    COMMITMENT_PROGRESS,
    COMMITMENT_RULES,
    COMMITMENT_SCORES,
    TABLES,
)
from dangjian_core.kernel.concept import Projection
from dangjian_core.kernel.readmodel import Change, Upsert, Value
from dangjian_core.kernel.recorded import Recorded

_S = PledgeStatus
#: The events that concern one pledge (they name its pledger and number).
_OnePledge = (
    PledgeDrafted
    | PledgeRevised
    | PledgeApproved
    | PledgeReturned
    | PledgeWithdrawn
    | PledgeChanged
)


def project_commitments(recorded: Recorded[Any]) -> list[Change]:
    """Rows changed by one commitment event."""
    event: CommitmentEvent = recorded.event
    book: dict[str, Value] = {"unit_id": event.unit_id, "year": event.year}
    at = recorded.at.isoformat()
    match event:
        case AssessmentRuleAdopted():
            rule = event.rule
            values: dict[str, Value] = {
                "self_weight": rule.self_weight,
                "meeting_weight": rule.meeting_weight,
                "representatives_weight": rule.representatives_weight,
                "partly_value": rule.partly_value,
                "fulfilled_from": rule.fulfilled_from,
                "partly_from": rule.partly_from,
                "adopted_at": at,
            }
            return [Upsert("commitment_rules", {**book, "version": event.version}, set=values)]
        case PledgeDrafted():
            return [_pledge(book, event, _terms(event) | _drafted(event))]
        case PledgeRevised():
            revised = _terms(event) | _drafted(event)
            return [_pledge(book, event, revised, add={"revisions": 1})]
        case CommitmentSubmitted():
            return _each(book, event.pledger_id, event.items, {"status": _S.SUBMITTED.value})
        case PledgeApproved():
            return [_pledge(book, event, {"status": _S.APPROVED.value})]
        case PledgeReturned():
            returned: dict[str, Value] = {"status": _S.RETURNED.value}
            returned |= {"ground": event.ground.value, "returned_reason": event.reason}
            return [_pledge(book, event, returned)]
        case CommitmentPosted():
            posted: dict[str, Value] = {"status": _S.POSTED.value}
            posted |= {"posted_on": event.posted_on.isoformat()}
            posted |= {"posted_until": event.posted_until.isoformat()}
            return _each(book, event.pledger_id, event.items, posted)
        case PledgeWithdrawn():
            withdrawn = {"status": _S.WITHDRAWN.value, "withdrawn_reason": event.reason}
            return [_pledge(book, event, withdrawn)]
        case PledgeChanged():
            changed = _terms(event) | {"change_reason": event.reason}
            return [_pledge(book, event, changed, add={"changes": 1})]
        case PledgeProgressReported():
            return _reported(recorded, book, event)
        case PledgeFeedbackLeft():
            return _left(at, book, event)
        case PledgeFeedbackShown():
            shown = {"status": FeedbackStatus.SHOWN.value, "reason": "", "moderated_at": at}
            return [
                Upsert("commitment_feedback", {**book, "feedback_id": event.feedback_id}, set=shown)
            ]
        case PledgeFeedbackHidden():
            hidden = {"status": FeedbackStatus.HIDDEN.value, "reason": event.reason}
            key = {**book, "feedback_id": event.feedback_id}
            return [Upsert("commitment_feedback", key, set=hidden | {"moderated_at": at})]
        case CommitmentAssessed():
            return _assessed(recorded, book, event)
        case AssessmentConcluded():
            return _concluded(recorded, book, event)
        case _:
            assert_never(event)


def _key(book: dict[str, Value], pledger_id: str, item_no: int) -> dict[str, Value]:
    return {**book, "pledger_id": pledger_id, "item_no": item_no}


def _pledge(
    book: dict[str, Value],
    event: _OnePledge,
    values: Mapping[str, Value],
    add: dict[str, int] | None = None,
) -> Change:
    key = _key(book, event.pledger_id, event.item_no)
    return Upsert("commitment_pledges", key, set=values, add=add or {})


def _each(
    book: dict[str, Value], pledger_id: str, numbers: tuple[int, ...], values: dict[str, Value]
) -> list[Change]:
    return [
        Upsert("commitment_pledges", _key(book, pledger_id, number), set=values)
        for number in numbers
    ]


def _terms(event: PledgeDrafted | PledgeRevised | PledgeChanged) -> dict[str, Value]:
    return {
        "owner_id": event.owner_id,
        "post": event.post,
        "content": event.content,
        "target": event.target,
        "due": event.due.isoformat(),
    }


def _drafted(event: PledgeDrafted | PledgeRevised) -> dict[str, Value]:
    values: dict[str, Value] = {"status": _S.DRAFTED.value}
    if isinstance(event, PledgeDrafted):
        return values | {"collective": int(event.collective)}
    return values


def _reported(
    recorded: Recorded[Any], book: dict[str, Value], event: PledgeProgressReported
) -> list[Change]:
    at = recorded.at.isoformat()
    key = _key(book, event.pledger_id, event.item_no)
    values: dict[str, Value] = {
        "note": event.note,
        "evidence": "\n".join(event.evidence),
        "done": int(event.done),
        "reported_at": at,
    }
    latest: dict[str, Value] = {"last_report_at": at, "done": int(event.done)}
    return [
        Upsert("commitment_progress", {**key, "position": recorded.position}, set=values),
        Upsert("commitment_pledges", key, set=latest, add={"reports": 1}),
    ]


def _left(at: str, book: dict[str, Value], event: PledgeFeedbackLeft) -> list[Change]:
    key = {**book, "feedback_id": event.feedback_id}
    values: dict[str, Value] = {
        "pledger_id": event.pledger_id,
        "item_no": event.item_no,
        "text": event.text,
        "left_at": at,
        "status": FeedbackStatus.PENDING.value,
        "reason": "",
    }
    private: dict[str, Value] = {
        "giver_id": event.giver_id,
        "contact_name": event.contact_name,
        "contact": event.contact,
    }
    return [
        Upsert("commitment_feedback", key, set=values),
        Upsert("commitment_feedback_contacts", key, set=private),
    ]


def _assessed(
    recorded: Recorded[Any], book: dict[str, Value], event: CommitmentAssessed
) -> list[Change]:
    head = {**book, "pledger_id": event.pledger_id, "body": event.body.value}
    values: dict[str, Value] = {
        "note": event.note,
        "assessed_at": recorded.at.isoformat(),
        "position": recorded.position,
    }
    return [
        Upsert(
            "commitment_grades",
            {**head, "item_no": g.item_no},
            set={"grade": g.grade.value} | values,
        )
        for g in event.grades
    ]


def _concluded(
    recorded: Recorded[Any], book: dict[str, Value], event: AssessmentConcluded
) -> list[Change]:
    outcomes = [result.outcome.value for result in event.results]
    values: dict[str, Value] = {
        "score": event.score,
        "rule_version": event.rule_version,
        "pledges": len(event.results),
        "fulfilled": outcomes.count("fulfilled"),
        "partly": outcomes.count("partly"),
        "not_fulfilled": outcomes.count("not_fulfilled"),
        "concluded_at": recorded.at.isoformat(),
        "position": recorded.position,
    }
    key = {**book, "pledger_id": event.pledger_id}
    scored = [
        Upsert(
            "commitment_pledges",
            _key(book, event.pledger_id, r.item_no),
            set={"score": r.score, "outcome": r.outcome.value},
        )
        for r in event.results
    ]
    return [Upsert("commitment_scores", key, set=values), *scored]


PROJECTIONS = (Projection("commitments", TABLES, project_commitments, tuple(EVENTS.values())),)

__all__ = [
    "COMMITMENT_FEEDBACK",
    "COMMITMENT_FEEDBACK_CONTACTS",
    "COMMITMENT_GRADES",
    "COMMITMENT_PLEDGES",
    "COMMITMENT_PROGRESS",
    "COMMITMENT_RULES",
    "COMMITMENT_SCORES",
    "PROJECTIONS",
    "TABLES",
    "project_commitments",
]
