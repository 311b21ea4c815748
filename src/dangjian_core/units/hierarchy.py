"""组织层级 — walking the tree of units through the facts, at a moment.

A merged or dissolved unit hands its roll and the units under it to its successor (the
unit it merged into, or its parent): :func:`live_unit` follows those hand-overs, so a
person registered in a merged branch belongs to the survivor, and a branch under a
dissolved general branch reports to the committee above it. Every walk is bounded, so a
damaged history can never loop.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from dangjian_core.kernel.facts import Facts, states_of
from dangjian_core.units.events import UnitKind
from dangjian_core.units.projections import UNIT_CHANGES, UNITS
from dangjian_core.units.roles import LEADERS
from dangjian_core.units.state import UNIT, UnitState

MAX_DEPTH = 64

_K = UnitKind
#: Which kinds a unit of each kind may report to (党委 → 党总支 → 党支部 → 党小组).
PARENT_KINDS: dict[UnitKind, frozenset[UnitKind]] = {
    _K.TOWN_COMMITTEE: frozenset({_K.TOWN_COMMITTEE}),
    _K.GENERAL_BRANCH: frozenset({_K.TOWN_COMMITTEE}),
    _K.BRANCH: frozenset({_K.TOWN_COMMITTEE, _K.GENERAL_BRANCH}),
    _K.ENTERPRISE_BRANCH: frozenset({_K.TOWN_COMMITTEE, _K.GENERAL_BRANCH}),
    _K.PARTY_GROUP: frozenset({_K.BRANCH, _K.ENTERPRISE_BRANCH, _K.GENERAL_BRANCH}),
    _K.REGIONAL_COMMITTEE: frozenset({_K.TOWN_COMMITTEE}),
}
#: Kinds that may be founded with no parent (a party group always belongs to a branch).
ROOT_KINDS = frozenset(UnitKind) - {_K.PARTY_GROUP}
#: Kinds that keep a roll of people; a party group's and a regional committee's people
#: are on the roll of the unit above them.
ROLL_KINDS = frozenset(UnitKind) - {_K.PARTY_GROUP, _K.REGIONAL_COMMITTEE}
#: Kinds that may join a regional committee for joint building.
REGION_MEMBER_KINDS = frozenset({_K.BRANCH, _K.ENTERPRISE_BRANCH})


def live_unit(facts: Facts, unit_id: str, at: datetime) -> UnitState | None:
    """The unit that holds ``unit_id``'s roll at ``at``: itself until it ended, then its
    successor (and so on); None when unknown or when nothing took it over."""
    unit = facts.get(UNIT, unit_id)
    for _ in range(MAX_DEPTH):
        if unit is None or unit.ended is None or at < unit.ended:
            return unit
        if unit.successor_id is None:
            return None
        unit = facts.get(UNIT, unit.successor_id)
    return None


def parent_of(facts: Facts, unit: UnitState, at: datetime) -> UnitState | None:
    """The unit ``unit`` reported to at ``at``, after hand-overs; None for a root."""
    parent_id = unit.parent_at(at)
    return None if parent_id is None else live_unit(facts, parent_id, at)


def children_among(
    facts: Facts, units: Iterable[UnitState], unit_id: str, at: datetime
) -> list[UnitState]:
    """The units among ``units`` that were alive at ``at`` and reported directly to
    ``unit_id`` then (after hand-overs), ordered by id."""
    found = []
    for unit in units:
        if unit.unit_id == unit_id or not unit.alive_at(at):
            continue
        parent = parent_of(facts, unit, at)
        if parent is not None and parent.unit_id == unit_id:
            found.append(unit)
    return sorted(found, key=lambda u: u.unit_id)


def children(facts: Facts, unit_id: str, at: datetime) -> list[UnitState]:
    """The living units directly under ``unit_id`` at ``at`` (after hand-overs: a unit
    under one merged into ``unit_id`` counts), ordered by id.

    When the read models hold the unit, only the units ever placed under it, or under a
    unit whose roll passed to it, are folded (found through indexed rows); otherwise
    every unit is."""
    if not facts.rows(UNITS, {"unit_id": unit_id}):
        units = [unit for unit in states_of(facts, UNIT) if unit is not None]
        return children_among(facts, units, unit_id, at)
    heirs, frontier = {unit_id}, [unit_id]
    while frontier:
        handed = (facts.rows(UNITS, {"successor_id": heir}) for heir in frontier)
        frontier = sorted({str(r["unit_id"]) for rows in handed for r in rows} - heirs)
        heirs.update(frontier)
    placed = (facts.rows(UNIT_CHANGES, {"value": heir, "field": "parent"}) for heir in heirs)
    ids = sorted({str(row["unit_id"]) for rows in placed for row in rows})
    units = [unit for unit in (facts.get(UNIT, i) for i in ids) if unit is not None]
    return children_among(facts, units, unit_id, at)


def ancestors(facts: Facts, unit: UnitState, at: datetime) -> list[UnitState]:
    """Every unit above ``unit`` at ``at``, nearest first."""
    found: list[UnitState] = []
    seen = {unit.unit_id}
    current = parent_of(facts, unit, at)
    while current is not None and current.unit_id not in seen and len(found) < MAX_DEPTH:
        found.append(current)
        seen.add(current.unit_id)
        current = parent_of(facts, current, at)
    return found


def top_superior(facts: Facts, unit: UnitState, at: datetime) -> str | None:
    """The superior recorded on the root of ``unit``'s chain (ended units included, so a
    dissolved root's superior still answers for what was under it)."""
    current, seen = unit, {unit.unit_id}
    for _ in range(MAX_DEPTH):
        parent_id = current.parent_at(at)
        parent = None if parent_id is None else facts.get(UNIT, parent_id)
        if parent is None or parent.unit_id in seen:
            break
        current = parent
        seen.add(parent.unit_id)
    return current.superior_id


def above(facts: Facts, unit: UnitState, actor_id: str, at: datetime) -> bool:
    """Whether ``actor_id`` acts for a level above ``unit`` at ``at``: the secretary or
    organizing member of a unit above it, or the superior of the root of its chain."""
    if any(a.has_role(actor_id, LEADERS, at) for a in ancestors(facts, unit, at)):
        return True
    return actor_id == top_superior(facts, unit, at)


def leads(facts: Facts, unit: UnitState, actor_id: str, at: datetime) -> bool:
    """Whether ``actor_id`` leads ``unit`` at ``at``: its own secretary or organizing member,
    or someone above it."""
    return unit.has_role(actor_id, LEADERS, at) or above(facts, unit, actor_id, at)


def roll_scope(facts: Facts, unit: UnitState, at: datetime) -> UnitState:
    """The unit whose roll (with the rolls under it) a unit's committee is drawn from."""
    if unit.kind in ROLL_KINDS:
        return unit
    return parent_of(facts, unit, at) or unit


def lies_within(facts: Facts, unit_id: str, scope: UnitState, at: datetime) -> bool:
    """Whether unit ``unit_id`` (after hand-overs) is ``scope`` or lies under it at ``at``."""
    unit = live_unit(facts, unit_id, at)
    if unit is None:
        return False
    chain = [unit, *ancestors(facts, unit, at)]
    return any(u.unit_id == scope.unit_id for u in chain)
