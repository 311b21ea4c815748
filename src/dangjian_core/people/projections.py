"""人员读模型 — the roll (each person's unit, name and current status), every status
period (the pipeline), every transfer between units (组织关系转接), and, apart, the personal details that public outputs never read."""

from __future__ import annotations

from typing import Any, assert_never

from dangjian_core.kernel.concept import Projection
from dangjian_core.kernel.readmodel import Change, Column, Table, Upsert, Value
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.people.events import (
    EVENTS,
    MembershipTransferred,
    PartyStatusChanged,
    PersonDetailsRecorded,
    PersonEvent,
    PersonRegistered,
    PersonRenamed,
    ProbationExtended,
)

PEOPLE = Table(
    "people",
    key=(Column("person_id"),),
    values=(
        Column("branch_id"),
        Column("name"),
        Column("status"),
        Column("status_since"),
        Column("probation_until"),
    ),
    indexes=(("branch_id",),),
)
STATUS_HISTORY = Table(
    "status_history",
    key=(Column("person_id"), Column("position", "int")),
    values=(Column("status"), Column("since"), Column("reason")),
)
PERSON_DETAILS = Table(
    "person_details",
    key=(Column("person_id"),),
    values=(
        Column("gender"),
        Column("birth_year"),
        Column("contact"),
        Column("id_number"),
    ),
    indexes=(("id_number",),),
)
MEMBERSHIPS = Table(
    "memberships",
    key=(Column("person_id"), Column("position", "int")),
    values=(Column("from_id"), Column("to_id"), Column("since"), Column("reason")),
    indexes=(("to_id",), ("from_id",)),
)
TABLES = (PEOPLE, STATUS_HISTORY, PERSON_DETAILS, MEMBERSHIPS)


def project_people(recorded: Recorded[Any]) -> list[Change]:
    """Rows changed by one person event."""
    event: PersonEvent = recorded.event
    person = {"person_id": event.person_id}
    match event:
        case PersonRegistered():
            values: dict[str, Value] = {
                "branch_id": event.branch_id,
                "name": event.name,
                "status": event.status.value,
                "status_since": event.status_since.isoformat(),
            }
            period = _period(recorded, event.status.value, values["status_since"], "登记")
            return [Upsert("people", person, set=values), period]
        case PartyStatusChanged():
            since = event.since.isoformat()
            values = {"status": event.status.value, "status_since": since}
            if event.status.value == "probationary":
                values["probation_until"] = None
            period = _period(recorded, event.status.value, since, event.reason)
            return [Upsert("people", person, set=values), period]
        case PersonDetailsRecorded():
            details: dict[str, Value] = {
                "gender": event.gender.value,
                "birth_year": None if event.birth_year is None else str(event.birth_year),
                "contact": event.contact,
                "id_number": event.id_number,
            }
            return [Upsert("person_details", person, set=details)]
        case PersonRenamed():
            return [Upsert("people", person, set={"name": event.name})]
        case ProbationExtended():
            until = event.until.isoformat()
            return [Upsert("people", person, set={"probation_until": until})]
        case MembershipTransferred():
            moved: dict[str, Value] = {
                "from_id": event.from_id,
                "to_id": event.to_id,
                "since": event.since.isoformat(),
                "reason": event.reason,
            }
            key: dict[str, Value] = {**person, "position": recorded.position}
            return [
                Upsert("people", person, set={"branch_id": event.to_id}),
                Upsert("memberships", key, set=moved),
            ]
        case _:
            assert_never(event)


def _period(recorded: Recorded[Any], status: str, since: Value, reason: str) -> Change:
    key = {"person_id": recorded.event.person_id, "position": recorded.position}
    return Upsert("status_history", key, set={"status": status, "since": since, "reason": reason})


PROJECTIONS = (Projection("people", TABLES, project_people, tuple(EVENTS.values())),)
