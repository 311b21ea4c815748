"""网格读模型 — blocks, their posts, households, links and exemptions, as rows. Rows are
keyed by block; queries reach the branch through ``grid_blocks``."""

from __future__ import annotations

from typing import Any, assert_never

from dangjian_core.grids.events import (
    EVENTS,
    BlockLaidOut,
    BlockPostAssigned,
    GridEvent,
    HouseholdAdded,
    HouseholdLinked,
    HouseholdPaired,
    LinkExemptionRecorded,
    VisitLogged,
)
from dangjian_core.kernel.concept import Projection
from dangjian_core.kernel.readmodel import Change, Column, Table, Upsert, Value
from dangjian_core.kernel.recorded import Recorded

GRID_BLOCKS = Table(
    "grid_blocks",
    key=(Column("block_id"),),
    values=(Column("branch_id"), Column("name"), Column("size"), Column("parent_block_id")),
    indexes=(("branch_id",),),
)
GRID_POSTS = Table(
    "grid_posts",
    key=(Column("block_id"), Column("post")),
    values=(Column("person_id"), Column("since")),
)
HOUSEHOLDS = Table(
    "households",
    key=(Column("block_id"), Column("household_id")),
    values=(Column("head"), Column("low_income", "int")),
)
HOUSEHOLD_LINKS = Table(
    "household_links",
    key=(Column("block_id"), Column("household_id"), Column("person_id")),
    values=(Column("since"),),
)
LINK_EXEMPTIONS = Table(
    "link_exemptions",
    key=(Column("block_id"), Column("person_id")),
    values=(Column("reason"),),
)
PAIRS = Table(
    "pairs",
    key=(Column("block_id"), Column("household_id"), Column("person_id")),
    values=(Column("since"), Column("visits", "int")),
)
VISITS = Table(
    "visits",
    key=(
        Column("block_id"),
        Column("household_id"),
        Column("person_id"),
        Column("position", "int"),
    ),
    values=(Column("visited_on"), Column("note")),
)
TABLES = (GRID_BLOCKS, GRID_POSTS, HOUSEHOLDS, HOUSEHOLD_LINKS, LINK_EXEMPTIONS, PAIRS, VISITS)


def project_grids(recorded: Recorded[Any]) -> list[Change]:
    """Rows changed by one grid event."""
    event: GridEvent = recorded.event
    since = recorded.at.isoformat()
    match event:
        case BlockLaidOut():
            values: dict[str, Value] = {
                "branch_id": event.branch_id,
                "name": event.name,
                "size": event.size.value,
                "parent_block_id": event.parent_block_id,
            }
            return [Upsert(GRID_BLOCKS.name, {"block_id": event.block_id}, set=values)]
        case BlockPostAssigned():
            key = {"block_id": event.block_id, "post": event.post.value}
            return [
                Upsert(GRID_POSTS.name, key, set={"person_id": event.person_id, "since": since})
            ]
        case HouseholdAdded():
            key = {"block_id": event.block_id, "household_id": event.household_id}
            household: dict[str, Value] = {"head": event.head, "low_income": int(event.low_income)}
            return [Upsert(HOUSEHOLDS.name, key, set=household)]
        case HouseholdLinked():
            key = {
                "block_id": event.block_id,
                "household_id": event.household_id,
                "person_id": event.person_id,
            }
            return [Upsert(HOUSEHOLD_LINKS.name, key, set={"since": since})]
        case LinkExemptionRecorded():
            key = {"block_id": event.block_id, "person_id": event.person_id}
            return [Upsert(LINK_EXEMPTIONS.name, key, set={"reason": event.reason})]
        case HouseholdPaired():
            return [Upsert(PAIRS.name, _pair(event), set={"since": since})]
        case VisitLogged():
            visit = {**_pair(event), "position": recorded.position}
            return [
                Upsert(PAIRS.name, _pair(event), add={"visits": 1}),
                Upsert(
                    VISITS.name, visit, set={"visited_on": event.on.isoformat(), "note": event.note}
                ),
            ]
        case _:
            assert_never(event)


def _pair(event: HouseholdPaired | VisitLogged) -> dict[str, Value]:
    return {
        "block_id": event.block_id,
        "household_id": event.household_id,
        "person_id": event.person_id,
    }


PROJECTIONS = (Projection("grids", TABLES, project_grids, tuple(EVENTS.values())),)
