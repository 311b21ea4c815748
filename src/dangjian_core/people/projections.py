"""人员读模型 — the roll: each person's branch, name and current status."""

from __future__ import annotations

from typing import Any, assert_never

from dangjian_core.people.events import PartyStatusChanged, PersonEvent, PersonRegistered
from dangjian_core.shared.readmodel import Change, Column, Table, Upsert
from dangjian_core.shared.recorded import Recorded

PEOPLE = Table(
    "people",
    key=(Column("person_id"),),
    values=(Column("branch_id"), Column("name"), Column("status"), Column("status_since")),
    indexes=(("branch_id",),),
)
TABLES = (PEOPLE,)


def project_people(recorded: Recorded[Any]) -> list[Change]:
    """Rows changed by one person event."""
    event: PersonEvent = recorded.event
    match event:
        case PersonRegistered():
            values = {
                "branch_id": event.branch_id,
                "name": event.name,
                "status": event.status.value,
                "status_since": event.status_since.isoformat(),
            }
            return [Upsert("people", {"person_id": event.person_id}, set=values)]
        case PartyStatusChanged():
            values = {"status": event.status.value, "status_since": event.since.isoformat()}
            return [Upsert("people", {"person_id": event.person_id}, set=values)]
        case _:
            assert_never(event)
