"""党组织守卫 — the checks every unit decision starts with: the unit exists, is alive, and
may sit where it is asked to."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from dangjian_core.shared.errors import DomainError, UnknownSubject
from dangjian_core.shared.ids import BranchId
from dangjian_core.units.hierarchy import PARENT_KINDS, ROOT_KINDS
from dangjian_core.units.state import UnitState

if TYPE_CHECKING:
    from dangjian_core.directory import Directory
    from dangjian_core.units.events import UnitKind


class UnitError(DomainError):
    """组织错误 — a unit command was refused by a rule of the organisation."""

    code = "unit"


class UnitHasChildren(UnitError):
    """尚有下级组织 — a unit cannot be dissolved while units still report to it; the
    refusal names them (``children``)."""

    code = "unit_has_children"

    def __init__(self, unit_id: str, children: list[BranchId]) -> None:
        listed = "、".join(children)
        super().__init__(
            f"组织 {unit_id} 尚有下级组织 {listed}，须先撤销、合并或调整其隶属",
            f"unit {unit_id} still has units under it ({', '.join(children)}): dissolve, "
            "merge or move them first",
        )
        self.children = tuple(children)


def existing(state: UnitState | None, unit_id: str) -> UnitState:
    """The unit's state, or a refusal naming the unknown unit."""
    if state is None:
        raise UnknownSubject(f"组织 {unit_id} 不存在", f"unit {unit_id} does not exist")
    return state


def other(directory: Directory, unit_id: str) -> UnitState:
    """Another unit, looked up in the directory."""
    return existing(directory.branch(BranchId(unit_id)), unit_id)


def alive(unit: UnitState, at: datetime) -> UnitState:
    """The unit, if it existed at ``at``; else a refusal saying why not."""
    if unit.ended is not None and at >= unit.ended:
        ending = unit.ending.zh if unit.ending else "已终止"
        raise UnitError(
            f"组织 {unit.unit_id} 已于 {unit.ended.date()} {ending}",
            f"unit {unit.unit_id} ended ({unit.ending}) at {unit.ended.isoformat()}",
        )
    if at < unit.founded:
        raise UnitError(
            f"组织 {unit.unit_id} 于 {unit.founded.date()} 才成立",
            f"unit {unit.unit_id} was only founded at {unit.founded.isoformat()}",
        )
    return unit


def check_place(kind: UnitKind, parent: UnitState | None) -> None:
    """A unit of ``kind`` may sit under ``parent`` (or be a root)."""
    if parent is None and kind not in ROOT_KINDS:
        raise UnitError(
            f"{kind.zh}须隶属于上级组织", f"a {kind.value} must be founded under a parent"
        )
    if parent is not None and parent.kind not in PARENT_KINDS[kind]:
        raise UnitError(
            f"{kind.zh}不能隶属于{parent.kind.zh}",
            f"a {kind.value} cannot report to a {parent.kind.value}",
        )
