"""人员查询 — a person with their status history, party age and next step, and the
development pipeline of a unit's roll, from the read models. The dated logic itself (party
age, next steps) is the core's (:mod:`dangjian_core.people`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from attrs import frozen

from adapters.storage.views import Selecting
from adapters.views.units import roll
from dangjian_core.kernel.errors import UnknownSubject
from dangjian_core.people.events import PartyStatus
from dangjian_core.people.pipeline import NextStep, next_step
from dangjian_core.people.queries import PartyAge, party_age
from dangjian_core.people.state import StatusPeriod


@frozen
class PersonView:
    """人员详情 — a person's roll row, private details, status history, party age and next
    step (personal data: for the roll keepers' eyes, never on public outputs)."""

    person: dict[str, Any]
    details: dict[str, Any]
    history: tuple[StatusPeriod, ...]
    party_age: PartyAge | None
    next_step: NextStep | None
    #: Every transfer of membership (组织关系转接), oldest first: from, to, since, reason.
    transfers: tuple[dict[str, Any], ...] = ()


@frozen
class PipelineEntry:
    """发展程序一行 — where one person stands on the road to membership."""

    person_id: str
    name: str
    status: PartyStatus
    since: date
    next_step: NextStep | None


def person(views: Selecting, person_id: str, on: date) -> PersonView:
    """A person with their status history, party age on ``on`` and next step."""
    rows = views.select("people", {"person_id": person_id})
    if not rows:
        raise UnknownSubject(f"人员 {person_id} 不存在", f"no such person: {person_id}")
    details = views.select("person_details", {"person_id": person_id})
    history = _history(views, person_id)
    until = rows[0]["probation_until"]
    extended = None if until is None else date.fromisoformat(str(until))
    return PersonView(
        rows[0],
        details[0] if details else {},
        history,
        party_age(history, on),
        next_step(history, extended),
        tuple(views.select("memberships", {"person_id": person_id}, order_by=("position",))),
    )


def pipeline(views: Selecting, unit_id: str) -> list[PipelineEntry]:
    """Everyone on a unit's roll with their status, since when, and their next step."""
    entries = []
    for row in roll(views, unit_id):
        history = _history(views, str(row["person_id"]))
        until = row["probation_until"]
        extended = None if until is None else date.fromisoformat(str(until))
        entries.append(
            PipelineEntry(
                str(row["person_id"]),
                str(row["name"]),
                history[-1].status,
                history[-1].since,
                next_step(history, extended),
            )
        )
    return entries


def _history(views: Selecting, person_id: str) -> tuple[StatusPeriod, ...]:
    rows = views.select("status_history", {"person_id": person_id}, order_by=("position",))
    return tuple(
        StatusPeriod(PartyStatus(str(r["status"])), date.fromisoformat(str(r["since"])))
        for r in rows
    )
