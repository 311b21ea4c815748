"""党组织命令 — founding, renaming, moving, merging and dissolving units; regional members;
appointing and ending roles; the unit's rule for late entries. Each names its actor and
time."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from attrs import field, frozen, validators

from dangjian_core.kernel.ids import BranchId, PersonId, check_id
from dangjian_core.kernel.time import check_aware
from dangjian_core.kernel.validation import int_between, text
from dangjian_core.units.events import UnitKind
from dangjian_core.units.roles import Role

_reason: Any = text(0, 500)
_name: Any = text(1, 80)
_month: Any = [validators.instance_of(int), validators.ge(1), validators.le(12)]
#: The longest late-entry window a unit may set: a year.
MAX_LATE_DAYS = 366


def _optional_id(instance: object, attribute: Any, value: Any) -> None:
    if value is not None:
        check_id(instance, attribute, value)


@frozen
class FoundUnit:
    """成立组织 — found a unit of a kind under a parent; a root unit (no parent) records
    its founding actor as its superior (上级)."""

    unit_id: BranchId = field(validator=check_id)
    kind: UnitKind = field(validator=validators.instance_of(UnitKind))
    name: str = field(validator=_name)
    parent_id: BranchId | None = field(validator=_optional_id)
    cycle_start_month: int = field(validator=_month)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class FoundBranch:
    """成立支部 — found a root branch; the founding actor is recorded as its superior.
    The same as :class:`FoundUnit` of kind ``branch`` with no parent."""

    branch_id: BranchId = field(validator=check_id)
    name: str = field(validator=_name)
    cycle_start_month: int = field(validator=_month)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)

    @property
    def unit_id(self) -> BranchId:
        """The unit founded (the branch id)."""
        return self.branch_id


@frozen
class RenameUnit:
    """更名 — give a unit a new name."""

    unit_id: BranchId = field(validator=check_id)
    name: str = field(validator=_name)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class MoveUnit:
    """调整隶属 — make a unit report to another parent."""

    unit_id: BranchId = field(validator=check_id)
    parent_id: BranchId = field(validator=check_id)
    reason: str = field(validator=_reason)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class MergeUnit:
    """合并组织 — merge a unit into another of the same kind; its roles end, its roll and
    the units under it go to the survivor."""

    unit_id: BranchId = field(validator=check_id)
    into_id: BranchId = field(validator=check_id)
    reason: str = field(validator=_reason)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class DissolveUnit:
    """撤销组织 — dissolve a unit with no units under it (refused otherwise); its roles
    end and its roll goes to its parent."""

    unit_id: BranchId = field(validator=check_id)
    reason: str = field(validator=_reason)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class AddRegionMember:
    """加入区域共建 — link a branch to a regional committee (支部共建)."""

    unit_id: BranchId = field(validator=check_id)
    member_id: BranchId = field(validator=check_id)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class RemoveRegionMember:
    """退出区域共建 — unlink a branch from a regional committee."""

    unit_id: BranchId = field(validator=check_id)
    member_id: BranchId = field(validator=check_id)
    reason: str = field(validator=_reason)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class AppointRole:
    """任命职务 — appoint a registered person to a role in a unit."""

    unit_id: BranchId = field(validator=check_id)
    person_id: PersonId = field(validator=check_id)
    role: Role = field(validator=validators.instance_of(Role))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class EndRole:
    """免去职务 — end a person's term in a role, with a reason."""

    unit_id: BranchId = field(validator=check_id)
    person_id: PersonId = field(validator=check_id)
    role: Role = field(validator=validators.instance_of(Role))
    reason: str = field(validator=_reason)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


def _late_roles(_instance: object, _attribute: object, value: Any) -> None:
    if (
        not isinstance(value, tuple)
        or not 1 <= len(value) <= len(Role)
        or not all(isinstance(role, Role) for role in value)
        or len(set(value)) != len(value)
    ):
        raise ValueError(f"roles 须为不重复的职务 / distinct roles, at least one: {value!r}")


@frozen
class SetLateEntryPolicy:
    """设定补录规则 — how many days after its time an entry for the unit's people may still
    be recorded (补录), and which of the unit's roles may enter it; set by the level above."""

    unit_id: BranchId = field(validator=check_id)
    window_days: int = field(validator=int_between(0, MAX_LATE_DAYS))
    roles: tuple[Role, ...] = field(validator=_late_roles)
    reason: str = field(validator=text(1, 500))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


UnitCommand = (
    FoundUnit
    | FoundBranch
    | RenameUnit
    | MoveUnit
    | MergeUnit
    | DissolveUnit
    | AddRegionMember
    | RemoveRegionMember
    | AppointRole
    | EndRole
    | SetLateEntryPolicy
)
