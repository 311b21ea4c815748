"""网格命令 — lay out a block, assign a post, add and link households, record exemptions."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from attrs import field, frozen, validators

from dangjian_core.grids.events import BlockSize, GridPost
from dangjian_core.kernel.ids import BranchId, PersonId, check_id
from dangjian_core.kernel.time import check_aware
from dangjian_core.kernel.validation import text

_name: Any = text(1, 80)
_note: Any = [validators.instance_of(str), validators.max_len(500)]
_reason: Any = text(1, 500)


def _optional_id(instance: object, attribute: Any, value: Any) -> None:
    if value is not None:
        check_id(instance, attribute, value)


@frozen
class LayOutBlock:
    """划分网格 — lay out a large block of a branch, or a small block inside a large one."""

    block_id: str = field(validator=check_id)
    branch_id: BranchId = field(validator=check_id)
    name: str = field(validator=_name)
    size: BlockSize = field(validator=validators.instance_of(BlockSize))
    parent_block_id: str | None = field(validator=_optional_id)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class AssignBlockPost:
    """落实网格岗位 — put a person in one of a small block's four posts."""

    block_id: str = field(validator=check_id)
    post: GridPost = field(validator=validators.instance_of(GridPost))
    person_id: PersonId = field(validator=check_id)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class AddHousehold:
    """农户入格 — record a household as belonging to a block."""

    block_id: str = field(validator=check_id)
    household_id: str = field(validator=check_id)
    head: str = field(validator=_name)
    low_income: bool = field(validator=validators.instance_of(bool))
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class LinkHousehold:
    """党员联户 — link a member of the branch to a household of the block they serve."""

    block_id: str = field(validator=check_id)
    household_id: str = field(validator=check_id)
    person_id: PersonId = field(validator=check_id)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class ExemptFromLinking:
    """免除联户 — excuse a member from the 1+6 quota (ill, say), with the reason."""

    block_id: str = field(validator=check_id)
    person_id: PersonId = field(validator=check_id)
    reason: str = field(validator=_reason)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class PairHousehold:
    """结对帮扶 — pair a member of the branch with a low-income household of the block."""

    block_id: str = field(validator=check_id)
    household_id: str = field(validator=check_id)
    person_id: PersonId = field(validator=check_id)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


@frozen
class LogVisit:
    """记录走访 — a paired member (or the branch's leaders for them) logs a visit on a day."""

    block_id: str = field(validator=check_id)
    household_id: str = field(validator=check_id)
    person_id: PersonId = field(validator=check_id)
    on: date = field(validator=validators.instance_of(date))
    note: str = field(validator=_note)
    actor_id: str = field(validator=check_id)
    at: datetime = field(validator=check_aware)


GridCommand = (
    LayOutBlock
    | AssignBlockPost
    | AddHousehold
    | LinkHousehold
    | ExemptFromLinking
    | PairHousehold
    | LogVisit
)
