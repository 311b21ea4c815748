"""发展读模型 — each unit's list per cycle (status and notice period), the ranking with
eligibility and tie-breaks, every notice, objections and their outcomes, and the full
members commended or flagged for training.

The objection filer's contact is personal data: it goes only to its own table
(``dev_objection_contacts``), which public outputs never read.
"""

from __future__ import annotations

from typing import Any, assert_never

from dangjian_core.development.events import (
    EVENTS,
    DevelopmentEvent,
    ListConfirmed,
    ListProposed,
    MembersCommended,
    NoticePosted,
    ObjectionDismissed,
    ObjectionFiled,
    ObjectionUpheld,
    TrainingFlagged,
)
from dangjian_core.kernel.concept import Projection
from dangjian_core.kernel.readmodel import Change, Column, Table, Upsert, Value
from dangjian_core.kernel.recorded import Recorded

#: The list's status column: 已拟定, 公示中, 已确定. Ranking rows carry the position of the
#: proposal they belong to: rows of an earlier proposal (re-proposed before the notice)
#: are left behind and the queries read only the current one.
PROPOSED, POSTED, CONFIRMED = "proposed", "posted", "confirmed"
_CYCLE = (Column("unit_id"), Column("cycle"))

DEV_LISTS = Table(
    "dev_lists",
    key=_CYCLE,
    values=(
        Column("quota", "int"),
        Column("closed_at"),
        Column("proposal", "int"),
        Column("status"),
        Column("posted_on"),
        Column("notice_days", "int"),
        Column("period_end"),
        Column("confirmed_on"),
    ),
)
DEV_RANKING = Table(
    "dev_ranking",
    key=(*_CYCLE, Column("person_id")),
    values=(
        Column("proposal", "int"),
        Column("rank", "int"),
        Column("name"),
        Column("total", "int"),
        Column("credits", "int"),
        Column("eligible", "int"),
        Column("reason"),
        Column("separated_by"),
        Column("on_list", "int"),
        Column("removed", "int"),
        Column("confirmed", "int"),
    ),
)
DEV_NOTICES = Table(
    "dev_notices",
    key=(*_CYCLE, Column("position", "int")),
    values=(
        Column("posted_on"),
        Column("days", "int"),
        Column("period_end"),
        Column("calendar_id"),
        Column("listed"),
    ),
)
DEV_OBJECTIONS = Table(
    "dev_objections",
    key=(*_CYCLE, Column("objection_id")),
    values=(
        Column("person_id"),
        Column("text"),
        Column("filer_id"),
        Column("filer_name"),
        Column("filed_at"),
        Column("outcome"),
        Column("note"),
        Column("promoted"),
        Column("resolved_at"),
    ),
)
DEV_OBJECTION_CONTACTS = Table(
    "dev_objection_contacts", key=(*_CYCLE, Column("objection_id")), values=(Column("contact"),)
)
DEV_MEMBERS = Table(
    "dev_members",
    key=(*_CYCLE, Column("person_id")),
    values=(
        Column("name"),
        Column("total", "int"),
        Column("commended", "int"),
        Column("commend_rank", "int"),
        Column("flagged", "int"),
        Column("threshold", "int"),
        Column("task_id"),
    ),
)
TABLES = (DEV_LISTS, DEV_RANKING, DEV_NOTICES, DEV_OBJECTIONS, DEV_OBJECTION_CONTACTS, DEV_MEMBERS)


def project_development(recorded: Recorded[Any]) -> list[Change]:
    """Rows changed by one development event."""
    event: DevelopmentEvent = recorded.event
    cycle: dict[str, Value] = {"unit_id": event.unit_id, "cycle": event.cycle}
    match event:
        case ListProposed():
            return _proposed(recorded.position, cycle, event)
        case NoticePosted():
            return _posted(recorded.position, cycle, event)
        case ObjectionFiled():
            key = {**cycle, "objection_id": event.objection_id}
            values: dict[str, Value] = {
                "person_id": event.person_id,
                "text": event.text,
                "filer_id": event.filer_id,
                "filer_name": event.filer_name,
                "filed_at": recorded.at.isoformat(),
                "outcome": "open",
            }
            contact = Upsert("dev_objection_contacts", key, set={"contact": event.contact})
            return [Upsert("dev_objections", key, set=values), contact]
        case ObjectionUpheld():
            return _upheld(recorded, cycle, event)
        case ObjectionDismissed():
            key = {**cycle, "objection_id": event.objection_id}
            values = {"outcome": "dismissed", "note": event.reason}
            return [Upsert("dev_objections", key, set=values | _resolved(recorded))]
        case ListConfirmed():
            on = {"status": CONFIRMED, "confirmed_on": event.since.isoformat()}
            return [Upsert("dev_lists", cycle, set=on)] + [
                _person(cycle, person_id, {"confirmed": 1}) for person_id in event.confirmed
            ]
        case MembersCommended():
            return [
                Upsert(
                    "dev_members",
                    {**cycle, "person_id": m.person_id},
                    set={"name": m.name, "total": m.total, "commended": 1, "commend_rank": i + 1},
                )
                for i, m in enumerate(event.commended)
            ]
        case TrainingFlagged():
            flags: dict[str, Value] = {"flagged": 1, "threshold": event.threshold}
            return [
                Upsert(
                    "dev_members",
                    {**cycle, "person_id": m.person_id},
                    set={"name": m.name, "total": m.total, "task_id": event.task_id, **flags},
                )
                for m in event.flagged
            ]
        case _:
            assert_never(event)


def _proposed(position: int, cycle: dict[str, Value], event: ListProposed) -> list[Change]:
    values: dict[str, Value] = {
        "quota": event.quota,
        "closed_at": event.closed_at.isoformat(),
        "proposal": position,
        "status": PROPOSED,
    }
    rows = [
        Upsert(
            "dev_ranking",
            {**cycle, "person_id": entry.person_id},
            set={
                "proposal": position,
                "rank": entry.rank,
                "name": entry.name,
                "total": entry.total,
                "credits": entry.credits,
                "eligible": int(entry.eligible),
                "reason": entry.reason,
                "separated_by": entry.separated_by,
                "on_list": int(entry.person_id in event.selected),
                "removed": 0,
                "confirmed": 0,
            },
        )
        for entry in event.ranking
    ]
    return [Upsert("dev_lists", cycle, set=values), *rows]


def _posted(position: int, cycle: dict[str, Value], event: NoticePosted) -> list[Change]:
    period: dict[str, Value] = {
        "posted_on": event.posted_on.isoformat(),
        "period_end": event.period_end.isoformat(),
    }
    notice = {**period, "days": event.days, "calendar_id": event.calendar_id}
    notice["listed"] = ",".join(event.listed)
    listing = {**period, "notice_days": event.days, "status": POSTED}
    return [
        Upsert("dev_lists", cycle, set=listing),
        Upsert("dev_notices", {**cycle, "position": position}, set=notice),
    ]


def _upheld(
    recorded: Recorded[Any], cycle: dict[str, Value], event: ObjectionUpheld
) -> list[Change]:
    key = {**cycle, "objection_id": event.objection_id}
    values: dict[str, Value] = {"outcome": "upheld", "note": event.finding}
    values |= {"promoted": event.promoted} | _resolved(recorded)
    changes = [
        Upsert("dev_objections", key, set=values),
        _person(cycle, event.removed, {"on_list": 0, "removed": 1}),
    ]
    if event.promoted is not None:
        changes.append(_person(cycle, event.promoted, {"on_list": 1}))
    return changes


def _resolved(recorded: Recorded[Any]) -> dict[str, Value]:
    return {"resolved_at": recorded.at.isoformat()}


def _person(cycle: dict[str, Value], person_id: str, values: dict[str, Value]) -> Change:
    """A change to a person's row in the ranking (only ever after the notice, when the
    proposal can no longer change)."""
    return Upsert("dev_ranking", {**cycle, "person_id": person_id}, set=values)


PROJECTIONS = (Projection("development", TABLES, project_development, tuple(EVENTS.values())),)
