"""党组织状态 — a unit as folded from its stream: its names and parents over time, its
role terms, its regional members and how it ended.

Every change is dated, so ``name_at``, ``parent_at`` and ``has_role`` answer for any
past moment, not only for now.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, datetime
from enum import StrEnum

from attrs import frozen

from dangjian_core.shared.ids import BranchId, PersonId
from dangjian_core.units.events import UnitKind
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
