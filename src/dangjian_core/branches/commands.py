"""党支部命令 — founding a branch and appointing its committee."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from attrs import field, frozen, validators

from dangjian_core.branches.events import Role
from dangjian_core.shared.ids import BranchId, PersonId, check_id
from dangjian_core.shared.time import check_aware

_reason: Any = [validators.instance_of(str), validators.max_len(500)]
_name: Any = [validators.instance_of(str), validators.min_len(1), validators.max_len(80)]


@frozen
class FoundBranch:
    """成立支部 — found a branch; the founding actor is recorded as its superior (上级)."""

    branch_id: BranchId = field(validator=check_id)
    name: str = field(validator=_name)
    cycle_start_month: int = field(
        validator=[validators.instance_of(int), validators.ge(1), validators.le(12)]
    )
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class AppointRole:
    """任命职务 — appoint a registered person to a branch role."""

    branch_id: BranchId = field(validator=check_id)
    person_id: PersonId = field(validator=check_id)
    role: Role = field(validator=validators.instance_of(Role))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class EndRole:
    """免去职务 — end a person's term in a role, with a reason."""

    branch_id: BranchId = field(validator=check_id)
    person_id: PersonId = field(validator=check_id)
    role: Role = field(validator=validators.instance_of(Role))
    reason: str = field(validator=_reason)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


BranchCommand = FoundBranch | AppointRole | EndRole
