"""党支部读模型 — branches and role terms as rows."""

from __future__ import annotations

from typing import Any, assert_never

from dangjian_core.branches.events import BranchEvent, BranchFounded, RoleAssigned, RoleEnded
from dangjian_core.shared.readmodel import Change, Column, Table, Upsert
from dangjian_core.shared.recorded import Recorded

BRANCHES = Table(
    "branches",
    key=(Column("branch_id"),),
    values=(Column("name"), Column("cycle_start_month", "int"), Column("superior_id")),
)
ROLES = Table(
    "roles",
    key=(Column("branch_id"), Column("person_id"), Column("role"), Column("since")),
    values=(Column("until"),),
    indexes=(("branch_id",),),
)
TABLES = (BRANCHES, ROLES)


def project_branches(recorded: Recorded[Any]) -> list[Change]:
    """Rows changed by one branch event."""
    event: BranchEvent = recorded.event
    match event:
        case BranchFounded():
            return [
                Upsert(
                    "branches",
                    {"branch_id": event.branch_id},
                    set={
                        "name": event.name,
                        "cycle_start_month": event.cycle_start_month,
                        "superior_id": event.superior_id,
                    },
                )
            ]
        case RoleAssigned():
            key = {
                "branch_id": event.branch_id,
                "person_id": event.person_id,
                "role": event.role.value,
                "since": event.since.isoformat(),
            }
            return [Upsert("roles", key, set={"until": None})]
        case RoleEnded():
            key = {
                "branch_id": event.branch_id,
                "person_id": event.person_id,
                "role": event.role.value,
                "since": event.since.isoformat(),
            }
            return [Upsert("roles", key, set={"until": event.until.isoformat()})]
        case _:
            assert_never(event)
