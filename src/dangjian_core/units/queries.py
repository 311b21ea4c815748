"""党组织查询 — the tree of units as it stood at any date, and who held which role then.

Pure functions over unit states (folded from streams, or rebuilt from the read-model
rows by the adapter), so "the tree on 1 July 2022" needs no replay of the log.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from attrs import frozen

from dangjian_core.kernel.facts import MemoryFacts
from dangjian_core.kernel.ids import BranchId
from dangjian_core.units.events import UnitKind
from dangjian_core.units.hierarchy import parent_of
from dangjian_core.units.roles import Role
from dangjian_core.units.state import UNIT, UnitState


@frozen
class TreeNode:
    """组织树节点 — a unit as it stood at a date: kind, name, parent and depth."""

    unit_id: str
    kind: UnitKind
    name: str
    parent_id: str | None
    depth: int


@frozen
class Holding:
    """任职 — a person's term in a role of a unit."""

    unit_id: str
    person_id: str
    role: Role
    since: datetime
    until: datetime | None = None

    def covers(self, at: datetime) -> bool:
        """Whether the term was running at ``at``."""
        return self.since <= at and (self.until is None or at < self.until)


def tree_at(units: Iterable[UnitState], at: datetime) -> list[TreeNode]:
    """Every unit alive at ``at`` in depth-first order (siblings by id), each under the
    parent it reported to then — after merges and dissolutions handed units over."""
    by_id: dict[str, UnitState] = {u.unit_id: u for u in units}
    facts = MemoryFacts.of(UNIT, by_id)
    living = {uid: u for uid, u in sorted(by_id.items()) if u.alive_at(at)}
    children: dict[str | None, list[str]] = {None: []}
    for uid, unit in living.items():
        parent = parent_of(facts, unit, at)
        parent_id: str | None = None
        if parent is not None and parent.unit_id in living:
            parent_id = parent.unit_id
        children.setdefault(parent_id, []).append(uid)
    nodes: list[TreeNode] = []
    placed: set[str] = set()
    stack: list[tuple[str, str | None, int]] = [(u, None, 0) for u in reversed(children[None])]
    while stack:
        node_id, above_id, depth = stack.pop()
        if node_id in placed:
            continue
        placed.add(node_id)
        node = living[BranchId(node_id)]
        nodes.append(TreeNode(node_id, node.kind, node.name_at(at), above_id, depth))
        stack += [(child, node_id, depth + 1) for child in reversed(children.get(node_id, []))]
    return nodes


def holdings_at(holdings: Iterable[Holding], at: datetime) -> list[Holding]:
    """The terms running at ``at``, by unit, role and person."""
    running = [h for h in holdings if h.covers(at)]
    return sorted(running, key=lambda h: (h.unit_id, list(Role).index(h.role), h.person_id))
