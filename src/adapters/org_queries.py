"""组织查询 — the tree at a date, a unit and its roll, role holders at a date, a person
with their party age, and the development pipeline, answered from the read models.

Functions here take an open view transaction; :class:`adapters.queries.Queries` wraps
them. The dated logic itself (the tree, terms, party age, next steps) is the core's.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from attrs import frozen

from adapters.storage.views import Rows, ViewTransaction
from dangjian_core.kernel.errors import UnknownSubject
from dangjian_core.kernel.ids import BranchId
from dangjian_core.people.events import PartyStatus
from dangjian_core.people.pipeline import NextStep, next_step
from dangjian_core.people.queries import PartyAge, party_age
from dangjian_core.people.state import StatusPeriod
from dangjian_core.units.events import UnitKind
from dangjian_core.units.queries import Holding, TreeNode, holdings_at, tree_at
from dangjian_core.units.roles import Role
from dangjian_core.units.state import Dated, Ending, UnitState


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


def units(views: ViewTransaction) -> list[UnitState]:
    """Every unit with its dated names and parents, rebuilt from the rows."""
    changes: dict[str, dict[str, list[Dated]]] = {}
    for row in views.select("unit_changes", {}, order_by=("position",)):
        since = datetime.fromisoformat(str(row["since"]))
        value = None if row["value"] is None else str(row["value"])
        changes.setdefault(str(row["unit_id"]), {}).setdefault(str(row["field"]), []).append(
            Dated(since, value)
        )
    return [_unit(row, changes.get(str(row["unit_id"]), {})) for row in views.select("units", {})]


def _unit(row: dict[str, Any], history: dict[str, list[Dated]]) -> UnitState:
    ended = row["ended"]
    return UnitState(
        BranchId(str(row["unit_id"])),
        UnitKind(str(row["kind"])),
        int(row["cycle_start_month"] or 1),
        None if row["superior_id"] is None else str(row["superior_id"]),
        datetime.fromisoformat(str(row["founded"])),
        tuple(history.get("name", [])),
        tuple(history.get("parent", [])),
        ended=None if ended is None else datetime.fromisoformat(str(ended)),
        ending=None if row["ending"] is None else Ending(str(row["ending"])),
        successor_id=None if row["successor_id"] is None else BranchId(str(row["successor_id"])),
    )


def tree(views: ViewTransaction, at: datetime) -> list[TreeNode]:
    """The tree of units alive at ``at``."""
    return tree_at(units(views), at)


def absorbed(views: ViewTransaction, unit_id: str) -> list[str]:
    """The unit and every unit merged or dissolved into it (whose roll it now keeps)."""
    found, queue = [unit_id], [unit_id]
    while queue:
        for row in views.select("units", {"successor_id": queue.pop()}):
            if str(row["unit_id"]) not in found:
                found.append(str(row["unit_id"]))
                queue.append(str(row["unit_id"]))
    return found


def roll(views: ViewTransaction, unit_id: str) -> Rows:
    """The people on a unit's roll, including those of units absorbed into it."""
    rows = [
        row
        for uid in absorbed(views, unit_id)
        for row in views.select("people", {"branch_id": uid}, order_by=("person_id",))
    ]
    return sorted(rows, key=lambda row: str(row["person_id"]))


def holdings(views: ViewTransaction, unit_id: str | None, at: datetime | None) -> list[Holding]:
    """Role terms (of one unit, or all), only those running at ``at`` when given."""
    where = {} if unit_id is None else {"branch_id": unit_id}
    terms = [
        Holding(
            str(row["branch_id"]),
            str(row["person_id"]),
            Role(str(row["role"])),
            datetime.fromisoformat(str(row["since"])),
            None if row["until"] is None else datetime.fromisoformat(str(row["until"])),
        )
        for row in views.select("roles", where, order_by=("since",))
    ]
    return terms if at is None else holdings_at(terms, at)


def person(views: ViewTransaction, person_id: str, on: date) -> PersonView:
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


def pipeline(views: ViewTransaction, unit_id: str) -> list[PipelineEntry]:
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


def _history(views: ViewTransaction, person_id: str) -> tuple[StatusPeriod, ...]:
    rows = views.select("status_history", {"person_id": person_id}, order_by=("position",))
    return tuple(
        StatusPeriod(PartyStatus(str(r["status"])), date.fromisoformat(str(r["since"])))
        for r in rows
    )
