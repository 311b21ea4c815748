"""网格规则 — the checks grid decisions make: the block exists and is small where a post
or household needs it, the person is on the branch's roll, a block sits in its branch."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from dangjian_core import permissions
from dangjian_core.grids.commands import LayOutBlock
from dangjian_core.grids.events import BlockLaidOut, BlockSize, GridEvent
from dangjian_core.grids.state import BlockState, GridError
from dangjian_core.shared.errors import UnknownSubject
from dangjian_core.shared.ids import PersonId
from dangjian_core.units.hierarchy import live_unit

if TYPE_CHECKING:
    from dangjian_core.directory import Directory


def existing(state: BlockState | None, block_id: str) -> BlockState:
    """The block, or a refusal naming the unknown block."""
    if state is None:
        raise UnknownSubject(f"网格 {block_id} 不存在", f"grid block {block_id} does not exist")
    return state


def small(block: BlockState) -> None:
    """Posts and households belong to small blocks only."""
    if block.size != BlockSize.SMALL:
        raise GridError(
            f"{block.name} 是大网格,岗位和农户落实到小网格",
            f"{block.block_id} is a large block: posts and households go in small blocks",
        )


def person_on_roll(directory: Directory, block: BlockState, person_id: str, at: datetime) -> None:
    """The person must be registered on the roll of the block's branch."""
    person = directory.person(PersonId(person_id))
    home = None if person is None else live_unit(directory, person.branch_at(at), at)
    branch = live_unit(directory, block.branch_id, at)
    if person is None or home is None or branch is None or home.unit_id != branch.unit_id:
        raise GridError(
            f"{person_id} 不是 {block.branch_id} 登记人员",
            f"{person_id} is not on branch {block.branch_id}'s roll",
        )


def lay_out(
    command: LayOutBlock, state: BlockState | None, directory: Directory
) -> list[GridEvent]:
    """Lay out a block: a large one directly in the branch, a small one in a large one."""
    event = BlockLaidOut(
        command.block_id, command.branch_id, command.name, command.size, command.parent_block_id
    )
    rule = permissions.lay_out_grid(directory, command.branch_id, command.actor_id, command.at)
    permissions.enforce(rule)
    if state is not None:
        if _fields(state) == _fields(event):
            return []
        raise GridError(
            f"网格 {command.block_id} 已存在", f"grid block {command.block_id} already exists"
        )
    parent = None if command.parent_block_id is None else directory.block(command.parent_block_id)
    if command.size == BlockSize.LARGE and command.parent_block_id is not None:
        raise GridError("大网格直接划在支部下", "a large block sits directly in its branch")
    if command.size == BlockSize.SMALL and (
        parent is None or parent.size != BlockSize.LARGE or parent.branch_id != command.branch_id
    ):
        raise GridError(
            "小网格须划在本支部的一个大网格内",
            f"small block {command.block_id} needs a large block of {command.branch_id}",
        )
    return [event]


def _fields(event: BlockLaidOut | BlockState) -> tuple[object, ...]:
    return (event.block_id, event.branch_id, event.name, event.size, event.parent_block_id)
