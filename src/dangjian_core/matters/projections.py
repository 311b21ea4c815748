"""村务决策读模型 — every matter with where it stands, every meeting's roll, attendance and
vote, both publications with their periods, and the objections with their answers. The
objector's id, name and contact are personal data: they go only to their own table
(``matter_objection_contacts``), which public outputs never read."""

from __future__ import annotations

from typing import Any, assert_never

from dangjian_core.kernel.concept import Projection
from dangjian_core.kernel.readmodel import Change, Column, Table, Upsert, Value
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.matters.events import (
    EVENTS,
    ImplementationRecorded,
    MatterEvent,
    MatterNoticePublished,
    MatterObjectionAnswered,
    MatterObjectionFiled,
    MatterOpened,
    MeetingHeld,
    MeetingOutcome,
    ProcedureAdopted,
    RollSet,
    SuggestionsGathered,
)
from dangjian_core.matters.values import Body, StepKind

_MATTER = (Column("unit_id"), Column("matter_id"))

MATTERS_TABLE = Table(
    "matters",
    key=_MATTER,
    values=(
        Column("title"),
        Column("origin"),
        Column("procedure"),
        Column("version", "int"),
        Column("items"),
        Column("status"),
        Column("last_step"),
        Column("opened_at"),
        Column("implemented_on"),
        Column("summary"),
    ),
)
MATTER_STEPS = Table(
    "matter_steps",
    key=(*_MATTER, Column("position", "int")),
    values=(
        Column("steps"),
        Column("kind"),
        Column("body"),
        Column("held_on"),
        Column("notice_sent_on"),
        Column("expected", "int"),
        Column("present", "int"),
        Column("votes_for", "int"),
        Column("votes_against", "int"),
        Column("abstentions", "int"),
        Column("named", "int"),
        Column("outcome"),
        Column("note"),
    ),
)
MATTER_NOTICES = Table(
    "matter_notices",
    key=(*_MATTER, Column("step")),
    values=(
        Column("kind"),
        Column("posted_on"),
        Column("days", "int"),
        Column("period_end"),
        Column("text"),
    ),
)
MATTER_OBJECTIONS = Table(
    "matter_objections",
    key=(*_MATTER, Column("objection_id")),
    values=(Column("step"), Column("text"), Column("filed_at"), Column("answer")),
)
MATTER_OBJECTION_CONTACTS = Table(
    "matter_objection_contacts",
    key=(*_MATTER, Column("objection_id")),
    values=(Column("filer_id"), Column("filer_name"), Column("contact")),
)
TABLES = (MATTERS_TABLE, MATTER_STEPS, MATTER_NOTICES, MATTER_OBJECTIONS, MATTER_OBJECTION_CONTACTS)

#: The status a matter reaches with each kind of publication.
_PUBLISHED = {
    StepKind.RESOLUTION_NOTICE: "resolution_published",
    StepKind.RESULT_NOTICE: "result_published",
}


def project_matters(recorded: Recorded[Any]) -> list[Change]:
    """Rows changed by one decision event."""
    event: MatterEvent = recorded.event
    match event:
        case ProcedureAdopted() | RollSet():
            return []
        case MatterOpened():
            opened: dict[str, Value] = {
                "title": event.title,
                "origin": event.origin.value,
                "procedure": event.procedure.name,
                "version": event.version,
                "items": "、".join(event.items),
                "status": "opened",
                "last_step": "",
                "opened_at": recorded.at.isoformat(),
            }
            return [Upsert("matters", _key(event), set=opened)]
        case SuggestionsGathered():
            row: dict[str, Value] = {
                "steps": event.step,
                "kind": StepKind.SUGGESTIONS.value,
                "body": Body.VILLAGERS.value,
                "held_on": event.gathered_on.isoformat(),
                "present": event.count,
                "outcome": MeetingOutcome.PASSED.value,
                "note": event.summary,
            }
            return _step(recorded, event, row, "in_progress", event.step)
        case MeetingHeld():
            return _step(recorded, event, _meeting(event), _status(event), "+".join(event.steps))
        case MatterNoticePublished():
            notice: dict[str, Value] = {
                "kind": event.kind.value,
                "posted_on": event.posted_on.isoformat(),
                "days": event.days,
                "period_end": event.period_end.isoformat(),
                "text": event.text,
            }
            status = {"status": _PUBLISHED[event.kind], "last_step": event.step}
            return [
                Upsert("matter_notices", {**_key(event), "step": event.step}, set=notice),
                Upsert("matters", _key(event), set=status),
            ]
        case ImplementationRecorded():
            done: dict[str, Value] = {
                "status": "implemented",
                "implemented_on": event.done_on.isoformat(),
                "summary": event.summary,
            }
            return [Upsert("matters", _key(event), set=done)]
        case MatterObjectionFiled():
            key = {**_key(event), "objection_id": event.objection_id}
            filed: dict[str, Value] = {
                "step": event.step,
                "text": event.text,
                "filed_at": recorded.at.isoformat(),
                "answer": "",
            }
            private: dict[str, Value] = {
                "filer_id": event.filer_id,
                "filer_name": event.filer_name,
                "contact": event.contact,
            }
            return [
                Upsert("matter_objections", key, set=filed),
                Upsert("matter_objection_contacts", key, set=private),
            ]
        case MatterObjectionAnswered():
            key = {**_key(event), "objection_id": event.objection_id}
            return [Upsert("matter_objections", key, set={"answer": event.answer})]
        case _:
            assert_never(event)


def _key(event: MatterEvent) -> dict[str, Value]:
    assert not isinstance(event, ProcedureAdopted | RollSet)
    return {"unit_id": event.unit_id, "matter_id": event.matter_id}


def _meeting(event: MeetingHeld) -> dict[str, Value]:
    return {
        "steps": "+".join(event.steps),
        "kind": StepKind.MEETING.value,
        "body": event.body.value,
        "held_on": event.held_on.isoformat(),
        "notice_sent_on": "" if event.notice_sent_on is None else event.notice_sent_on.isoformat(),
        "expected": len(event.expected),
        "present": len(event.present),
        "votes_for": event.votes_for,
        "votes_against": event.votes_against,
        "abstentions": event.abstentions,
        "named": int(bool(event.ballots)),
        "outcome": event.outcome.value,
        "note": "",
    }


def _status(event: MeetingHeld) -> str:
    if event.outcome is MeetingOutcome.PASSED:
        return "resolved" if event.body is Body.REPRESENTATIVES else "in_progress"
    return event.outcome.value


def _step(
    recorded: Recorded[Any],
    event: SuggestionsGathered | MeetingHeld,
    row: dict[str, Value],
    status: str,
    last_step: str,
) -> list[Change]:
    return [
        Upsert("matter_steps", {**_key(event), "position": recorded.position}, set=row),
        Upsert("matters", _key(event), set={"status": status, "last_step": last_step}),
    ]


PROJECTIONS = (Projection("matters", TABLES, project_matters, tuple(EVENTS.values())),)
