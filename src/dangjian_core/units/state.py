"""党组织状态 — a unit as folded from its stream: its names and parents over time, its
role terms, its regional members and how it ended; and the refusals of unit commands.

Every change is dated, so ``name_at``, ``parent_at`` and ``has_role`` answer for any
past moment, not only for now. Other concepts read a unit as ``facts.get(UNIT, unit_id)``.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, datetime
from enum import StrEnum

from attrs import frozen

from dangjian_core.kernel.concept import Stream, nothing
from dangjian_core.kernel.errors import DomainError, UnknownSubject
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.ids import BranchId, PersonId
from dangjian_core.kernel.time import local_date
from dangjian_core.units.events import LateEntryPolicySet, UnitKind
from dangjian_core.units.roles import Role

#: When a unit recorded by the old :class:`BranchFounded` (which had no date) was founded:
#: it is read as having existed from the start.
FROM_THE_START = datetime.min.replace(tzinfo=UTC)


class Ending(StrEnum):
    """终止方式 — how a unit stopped existing."""

    MERGED = "merged"  # 已合并
    DISSOLVED = "dissolved"  # 已撤销

    @property
    def zh(self) -> str:
        """The ending's Chinese name."""
        return {"merged": "已合并", "dissolved": "已撤销"}[self.value]


@frozen
class RoleTerm:
    """任期 — one person's term in one role; open while ``until`` is None."""

    person_id: PersonId
    role: Role
    since: datetime
    until: datetime | None = None

    def covers(self, at: datetime) -> bool:
        """Whether the term was running at ``at``."""
        return self.since <= at and (self.until is None or at < self.until)


@frozen
class Dated:
    """带日期的值 — a name or a parent held from ``since``."""

    since: datetime
    value: str | None


@frozen
class RegionLink:
    """共建关系 — a branch's membership of a regional committee; open while ``until`` is None."""

    member_id: BranchId
    since: datetime
    until: datetime | None = None

    def covers(self, at: datetime) -> bool:
        """Whether the branch was a member at ``at``."""
        return self.since <= at and (self.until is None or at < self.until)


@frozen
class UnitState:
    """组织状态 — a unit as folded from its stream."""

    unit_id: BranchId
    kind: UnitKind
    cycle_start_month: int
    superior_id: str | None
    founded: datetime
    names: tuple[Dated, ...]
    parents: tuple[Dated, ...]
    terms: tuple[RoleTerm, ...] = ()
    members: tuple[RegionLink, ...] = ()
    ended: datetime | None = None
    ending: Ending | None = None
    successor_id: BranchId | None = None
    #: The unit's late-entry rules, oldest first (none: the defaults apply).
    late_entry: tuple[LateEntryPolicySet, ...] = ()

    @property
    def branch_id(self) -> BranchId:
        """The unit's id under the name tasks and points use."""
        return self.unit_id

    @property
    def name(self) -> str:
        """The latest name."""
        return str(self.names[-1].value)

    @property
    def parent_id(self) -> BranchId | None:
        """The latest parent (None for a root)."""
        return _as_unit(self.parents[-1].value)

    def name_at(self, at: datetime) -> str:
        """The name the unit had at ``at``."""
        return str(_value_at(self.names, at))

    def parent_at(self, at: datetime) -> BranchId | None:
        """The parent the unit reported to at ``at`` (as recorded; see ``hierarchy``)."""
        return _as_unit(_value_at(self.parents, at))

    def alive_at(self, at: datetime) -> bool:
        """Whether the unit existed at ``at``: founded and not yet merged or dissolved."""
        return self.founded <= at and (self.ended is None or at < self.ended)

    def has_role(self, person_id: str, roles: Collection[Role], at: datetime) -> bool:
        """Whether ``person_id`` held one of ``roles`` here at ``at``."""
        return any(
            t.person_id == person_id and t.role in roles and t.covers(at) for t in self.terms
        )

    def holders(self, role: Role, at: datetime) -> list[PersonId]:
        """Who held ``role`` here at ``at``."""
        return [t.person_id for t in self.terms if t.role == role and t.covers(at)]

    def late_entry_at(self, at: datetime) -> LateEntryPolicySet | None:
        """The unit's own late-entry rule in force at ``at``, if it ever set one."""
        rules = [rule for rule in self.late_entry if rule.since <= at]
        return rules[-1] if rules else None

    def members_at(self, at: datetime) -> list[BranchId]:
        """The branches linked to this regional committee at ``at``."""
        return [link.member_id for link in self.members if link.covers(at)]


def _value_at(history: tuple[Dated, ...], at: datetime) -> str | None:
    current = history[0].value
    for entry in history:
        if entry.since <= at:
            current = entry.value
    return current


def _as_unit(value: str | None) -> BranchId | None:
    return None if value is None else BranchId(value)


#: A unit's stream, ``branch-<unit id>`` (the name predates units); None before founding.
UNIT: Stream[UnitState | None] = Stream("branch", nothing)


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


def other(facts: Facts, unit_id: str) -> UnitState:
    """Another unit, looked up in the facts, or a refusal naming it."""
    return existing(facts.get(UNIT, unit_id), unit_id)


def alive(unit: UnitState, at: datetime) -> UnitState:
    """The unit, if it existed at ``at``; else a refusal saying why not."""
    if unit.ended is not None and at >= unit.ended:
        ending = unit.ending.zh if unit.ending else "已终止"
        raise UnitError(
            f"组织 {unit.unit_id} 已于 {local_date(unit.ended)} {ending}",
            f"unit {unit.unit_id} ended ({unit.ending}) at {unit.ended.isoformat()}",
        )
    if at < unit.founded:
        raise UnitError(
            f"组织 {unit.unit_id} 于 {local_date(unit.founded)} 才成立",
            f"unit {unit.unit_id} was only founded at {unit.founded.isoformat()}",
        )
    return unit
