"""网格任务 — a task aimed at one small grid block: it must be a small block of the task's
branch, and only the people assigned there (its four posts and the members linked to its
households) may claim it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dangjian_core.grids.events import BlockSize
from dangjian_core.shared.errors import InvalidCommand
from dangjian_core.tasks.errors import NotEligible

if TYPE_CHECKING:
    from dangjian_core.directory import Directory
    from dangjian_core.tasks.commands import IssueTask
    from dangjian_core.tasks.state import TaskState


def check_target(command: IssueTask, directory: Directory) -> None:
    """Refuse a grid block that is unknown, large, or of another branch."""
    if command.grid_block is None:
        return
    block = directory.block(command.grid_block)
    if block is None or block.size != BlockSize.SMALL or block.branch_id != command.branch_id:
        raise InvalidCommand(
            f"网格 {command.grid_block} 不是 {command.branch_id} 的小网格",
            f"{command.grid_block} is not a small grid block of {command.branch_id}",
        )


def check_assigned(state: TaskState, directory: Directory, claimant_id: str) -> None:
    """Refuse a claim on a grid task by someone not assigned to its block."""
    block_id = state.issued.grid_block
    if block_id is None:
        return
    block = directory.block(block_id)
    if block is None or not block.assigned(claimant_id):
        raise NotEligible(
            f"{claimant_id} 不在网格 {block_id} 的岗位或联户名单上,不能领办网格任务",
            f"{claimant_id} is not assigned to grid block {block_id}",
        )
