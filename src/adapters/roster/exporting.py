"""导出花名册 — the store's current organisation as roster rows, in the import's format.

Units, people and grid blocks are folded from the log itself (so personal details and the
exact dates are there, as recorded). What is exported is the state now, not its history:
living units under their current parents, people on the roll of the unit that holds it
now, open role terms, grid blocks with their current post holders. Rows come in a fixed
order (the tree depth-first, ids sorted), so exporting the same state twice gives equal
files, and importing an export into a fresh store and exporting again gives the same.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from attrs import frozen

from adapters.roster import columns as c
from adapters.roster.households import household_rows
from adapters.storage.mapper import recorded_of
from adapters.storage.store import EventStore
from dangjian_core import grids, people, units
from dangjian_core.grids.events import BlockSize
from dangjian_core.grids.state import BlockState
from dangjian_core.kernel.concept import Concept
from dangjian_core.kernel.errors import UnknownSubject
from dangjian_core.kernel.facts import MemoryFacts
from dangjian_core.kernel.ids import BranchId, PersonId
from dangjian_core.kernel.time import LOCAL
from dangjian_core.people.events import STATUS_NAMES, Gender
from dangjian_core.people.state import PersonState
from dangjian_core.units.events import KIND_NAMES
from dangjian_core.units.hierarchy import live_unit, parent_of
from dangjian_core.units.roles import ROLE_NAMES, Role
from dangjian_core.units.state import UnitState

Row = list[Any]
#: A roster as rows: sheet name → rows of cells in the sheet's column order.
Tables = dict[str, list[Row]]

_CONCEPTS: dict[str, Concept[Any, Any, Any]] = {
    k.stream_prefix: k for k in (units.CONCEPT, people.CONCEPT, grids.CONCEPT)
}
_ROLE_ORDER = {role: index for index, role in enumerate(Role)}


@frozen
class Snapshot:
    """组织现状 — every unit, person and grid block folded from the log."""

    units: dict[BranchId, UnitState]
    people: dict[PersonId, PersonState]
    blocks: dict[str, BlockState]

    @property
    def facts(self) -> MemoryFacts:
        """Facts over the folded states."""
        states = {
            **{units.CONCEPT.stream_id(k): v for k, v in self.units.items()},
            **{people.CONCEPT.stream_id(k): v for k, v in self.people.items()},
            **{grids.CONCEPT.stream_id(k): v for k, v in self.blocks.items()},
        }
        return MemoryFacts(states)


def snapshot(store: EventStore, progress: Callable[[int], None] | None = None) -> Snapshot:
    """Fold the unit, person and grid streams of the whole log."""
    states: dict[str, Any] = {}
    for row in store.iter_log():
        concept = _CONCEPTS.get(row.stream_id.split("-", 1)[0])
        if progress is not None:
            progress(1)
        if concept is None:
            continue
        before = states.get(row.stream_id, concept.initial())
        states[row.stream_id] = concept.evolve(before, recorded_of(row).event)
    units = {s.unit_id: s for s in states.values() if isinstance(s, UnitState)}
    people = {s.person_id: s for s in states.values() if isinstance(s, PersonState)}
    blocks = {s.block_id: s for s in states.values() if isinstance(s, BlockState)}
    return Snapshot(units, people, blocks)


def _day(moment: datetime) -> str:
    return moment.astimezone(LOCAL).date().isoformat()


def tables(found: Snapshot, at: datetime, *, root: str | None = None) -> Tables:
    """The roster rows of the state at ``at`` — the whole store, or the tree under ``root``
    (whose parent is then left blank, so the export imports into another store)."""
    facts = found.facts
    living = [u for u in found.units.values() if u.alive_at(at)]
    parents = {u.unit_id: _parent(facts, u, at) for u in living}
    children: dict[str | None, list[UnitState]] = {}
    for unit in living:
        children.setdefault(parents[unit.unit_id], []).append(unit)
    if root is not None:
        top = found.units.get(BranchId(root))
        if top is None or not top.alive_at(at):
            raise UnknownSubject(f"组织 {root} 不存在", f"unit {root} does not exist")
        tops = [top]
    else:
        tops = [u for u in living if parents[u.unit_id] not in {v.unit_id for v in living}]
    ordered: list[UnitState] = []

    def walk(unit: UnitState) -> None:
        ordered.append(unit)
        for child in sorted(children.get(unit.unit_id, []), key=lambda u: u.unit_id):
            walk(child)

    for top in sorted(tops, key=lambda u: u.unit_id):
        walk(top)
    exported = {u.unit_id for u in ordered}
    unit_rows = [
        [
            u.unit_id,
            u.name_at(at),
            KIND_NAMES[u.kind],
            "" if u in tops and root is not None else (parents[u.unit_id] or ""),
            _day(u.founded),
            u.cycle_start_month,
        ]
        for u in ordered
    ]
    homes: dict[str, list[PersonState]] = {}
    for person in found.people.values():
        home = live_unit(facts, person.branch_id, at)
        if home is not None and home.unit_id in exported:
            homes.setdefault(home.unit_id, []).append(person)
    people_rows = [
        _person_row(p, u.unit_id)
        for u in ordered
        for p in sorted(homes.get(u.unit_id, []), key=lambda p: p.person_id)
    ]
    role_rows = [
        [u.unit_id, t.person_id, ROLE_NAMES[t.role], _day(t.since)]
        for u in ordered
        for t in sorted(u.terms, key=lambda t: (_ROLE_ORDER[t.role], t.person_id, t.since))
        if t.covers(at)
    ]
    grid_rows = _grid_rows(found, ordered, at)
    return {
        c.UNITS.name: unit_rows,
        c.PEOPLE.name: people_rows,
        c.ROLES.name: role_rows,
        c.GRIDS.name: grid_rows,
        c.HOUSEHOLDS.name: household_rows(found.blocks[str(row[0])] for row in grid_rows),
    }


def _parent(facts: MemoryFacts, unit: UnitState, at: datetime) -> str | None:
    parent = parent_of(facts, unit, at)
    return None if parent is None else parent.unit_id


def _person_row(person: PersonState, home: str) -> Row:
    gender = "" if person.gender == Gender.UNSPECIFIED else c.GENDER_NAMES[person.gender]
    period = person.history[-1]
    return [
        person.person_id,
        person.name,
        home,
        STATUS_NAMES[period.status],
        period.since.isoformat(),
        gender,
        "" if person.birth_year is None else person.birth_year,
        person.contact,
        person.id_number,
    ]


def _grid_rows(found: Snapshot, ordered: list[UnitState], at: datetime) -> list[Row]:
    by_branch: dict[str, list[BlockState]] = {}
    for block in found.blocks.values():
        home = live_unit(found.facts, block.branch_id, at)
        if home is not None:
            by_branch.setdefault(home.unit_id, []).append(block)
    rows: list[Row] = []
    for unit in ordered:
        blocks = sorted(by_branch.get(unit.unit_id, []), key=lambda b: b.block_id)
        larges = [b for b in blocks if b.size == BlockSize.LARGE]
        placed = {b.block_id for b in larges}
        for large in larges:
            rows.append(_block_row(large, unit.unit_id))
            rows += [
                _block_row(b, unit.unit_id) for b in blocks if b.parent_block_id == large.block_id
            ]
        rows += [
            _block_row(b, unit.unit_id)
            for b in blocks
            if b.size == BlockSize.SMALL and b.parent_block_id not in placed
        ]
    return rows


def _block_row(block: BlockState, branch_id: str) -> Row:
    posts = [block.holder(post) or "" for post in c.POST_HEADERS]
    return [
        block.block_id,
        branch_id,
        block.name,
        c.SIZE_NAMES[block.size],
        block.parent_block_id or "",
        *posts,
    ]
