"""党组织读模型 — units, the dated history of their names and parents, regional members
and role terms, as rows. The tree at a date is computed from them by
:func:`dangjian_core.units.queries.tree_at`."""

from __future__ import annotations

from typing import Any, assert_never

from dangjian_core.kernel.concept import Projection
from dangjian_core.kernel.readmodel import Change, Column, Table, Upsert, Value
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.units.events import (
    EVENTS,
    BranchFounded,
    LateEntryPolicySet,
    RegionMemberAdded,
    RegionMemberRemoved,
    RoleAssigned,
    RoleEnded,
    UnitDissolved,
    UnitEvent,
    UnitFounded,
    UnitKind,
    UnitMerged,
    UnitMoved,
    UnitRenamed,
)
from dangjian_core.units.state import FROM_THE_START, Ending

UNITS = Table(
    "units",
    key=(Column("unit_id"),),
    values=(
        Column("kind"),
        Column("name"),
        Column("parent_id"),
        Column("superior_id"),
        Column("cycle_start_month", "int"),
        Column("founded"),
        Column("ended"),
        Column("ending"),
        Column("successor_id"),
    ),
    indexes=(("parent_id",), ("successor_id",)),
)
UNIT_CHANGES = Table(
    "unit_changes",
    key=(Column("unit_id"), Column("position", "int"), Column("field")),
    values=(Column("value"), Column("since")),
    indexes=(("value", "field"),),
)
REGION_MEMBERS = Table(
    "region_members",
    key=(Column("unit_id"), Column("member_id"), Column("since")),
    values=(Column("until"),),
    indexes=(("member_id",),),
)
ROLES = Table(
    "roles",
    key=(Column("branch_id"), Column("person_id"), Column("role"), Column("since")),
    values=(Column("until"),),
    indexes=(("branch_id",), ("person_id",)),
)
TABLES = (UNITS, UNIT_CHANGES, REGION_MEMBERS, ROLES)


def project_units(recorded: Recorded[Any]) -> list[Change]:
    """Rows changed by one unit event."""
    event: UnitEvent = recorded.event
    match event:
        case BranchFounded():
            founding = UnitFounded(
                event.branch_id,
                UnitKind.BRANCH,
                event.name,
                None,
                event.superior_id,
                event.cycle_start_month,
                FROM_THE_START,
            )
            return _founded(recorded.position, founding)
        case UnitFounded():
            return _founded(recorded.position, event)
        case UnitRenamed():
            return _changed(recorded.position, event.unit_id, "name", event.name, event.since)
        case UnitMoved():
            return _changed(
                recorded.position, event.unit_id, "parent", event.parent_id, event.since
            )
        case UnitMerged():
            return [_ended(event.unit_id, event.since.isoformat(), Ending.MERGED, event.into_id)]
        case UnitDissolved():
            since = event.since.isoformat()
            return [_ended(event.unit_id, since, Ending.DISSOLVED, event.successor_id)]
        case RegionMemberAdded():
            return [Upsert("region_members", _link(event), set={"until": None})]
        case RegionMemberRemoved():
            until = event.until.isoformat()
            return [Upsert("region_members", _link(event), set={"until": until})]
        case RoleAssigned():
            return [Upsert("roles", _term(event), set={"until": None})]
        case RoleEnded():
            return [Upsert("roles", _term(event), set={"until": event.until.isoformat()})]
        case LateEntryPolicySet():
            # 补录规则 as one more dated change of the unit: "<days> <role>,<role>".
            rule = f"{event.window_days} {','.join(role.value for role in event.roles)}"
            since = event.since.isoformat()
            return [_change(recorded.position, event.unit_id, "late_entry", rule, since)]
        case _:
            assert_never(event)


def _founded(position: int, event: UnitFounded) -> list[Change]:
    since = event.since.isoformat()
    values: dict[str, Value] = {
        "kind": event.kind.value,
        "name": event.name,
        "parent_id": event.parent_id,
        "superior_id": event.superior_id,
        "cycle_start_month": event.cycle_start_month,
        "founded": since,
    }
    return [
        Upsert("units", {"unit_id": event.unit_id}, set=values),
        _change(position, event.unit_id, "name", event.name, since),
        _change(position, event.unit_id, "parent", event.parent_id, since),
    ]


_COLUMN = {"name": "name", "parent": "parent_id"}


def _changed(
    position: int, unit_id: str, field: str, value: str | None, since: Any
) -> list[Change]:
    return [
        Upsert("units", {"unit_id": unit_id}, set={_COLUMN[field]: value}),
        _change(position, unit_id, field, value, since.isoformat()),
    ]


def _change(position: int, unit_id: str, field: str, value: str | None, since: str) -> Change:
    key: dict[str, Value] = {"unit_id": unit_id, "position": position, "field": field}
    return Upsert("unit_changes", key, set={"value": value, "since": since})


def _ended(unit_id: str, since: str, ending: Ending, successor: str | None) -> Change:
    values: dict[str, Value] = {"ended": since, "ending": ending.value, "successor_id": successor}
    return Upsert("units", {"unit_id": unit_id}, set=values)


def _link(event: RegionMemberAdded | RegionMemberRemoved) -> dict[str, Value]:
    return {
        "unit_id": event.unit_id,
        "member_id": event.member_id,
        "since": event.since.isoformat(),
    }


def _term(event: RoleAssigned | RoleEnded) -> dict[str, Value]:
    return {
        "branch_id": event.branch_id,
        "person_id": event.person_id,
        "role": event.role.value,
        "since": event.since.isoformat(),
    }


PROJECTIONS = (Projection("units", TABLES, project_units, tuple(EVENTS.values())),)
