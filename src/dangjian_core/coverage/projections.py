"""红色全覆盖读模型 — the enterprises of each unit's register, as rows; the coverage ratio
on any day is :func:`dangjian_core.coverage.queries.coverage` over them."""

from __future__ import annotations

from typing import Any, assert_never

from dangjian_core.coverage.events import (
    EVENTS,
    CoverageEvent,
    EnterpriseDelisted,
    EnterpriseListed,
    PartyOrganizationFounded,
)
from dangjian_core.kernel.concept import Projection
from dangjian_core.kernel.readmodel import Change, Column, Table, Upsert
from dangjian_core.kernel.recorded import Recorded

ENTERPRISES = Table(
    "enterprises",
    key=(Column("unit_id"), Column("enterprise_id")),
    values=(
        Column("name"),
        Column("listed_on"),
        Column("founded_on"),
        Column("form"),
        Column("branch_id"),
        Column("delisted_on"),
    ),
)
TABLES = (ENTERPRISES,)


def project_coverage(recorded: Recorded[Any]) -> list[Change]:
    """Rows changed by one register event."""
    event: CoverageEvent = recorded.event
    key = {"unit_id": event.unit_id, "enterprise_id": event.enterprise_id}
    match event:
        case EnterpriseListed():
            values = {"name": event.name, "listed_on": event.since.isoformat()}
            return [Upsert(ENTERPRISES.name, key, set=values)]
        case PartyOrganizationFounded():
            founded = {
                "founded_on": event.founded_on.isoformat(),
                "form": event.form.value,
                "branch_id": event.branch_id,
            }
            return [Upsert(ENTERPRISES.name, key, set=founded)]
        case EnterpriseDelisted():
            return [Upsert(ENTERPRISES.name, key, set={"delisted_on": event.on.isoformat()})]
        case _:
            assert_never(event)


PROJECTIONS = (Projection("coverage", TABLES, project_coverage, tuple(EVENTS.values())),)
