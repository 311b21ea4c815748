"""网格状态 — one block as folded from its stream: its posts, households and links; and
the refusals of grid commands. Other concepts read a block as ``facts.get(BLOCK, block_id)``."""

from __future__ import annotations

from attrs import frozen

from dangjian_core.grids.events import BlockSize, GridPost
from dangjian_core.kernel.concept import Stream, nothing
from dangjian_core.kernel.errors import DomainError, UnknownSubject
from dangjian_core.kernel.ids import BranchId, PersonId


class GridError(DomainError):
    """网格错误 — a grid command was refused by a rule of the grid."""

    code = "grid"


@frozen
class Household:
    """农户 — a household of a block; ``low_income`` marks 低收入农户 for pairing support."""

    household_id: str
    head: str
    low_income: bool


@frozen
class BlockState:
    """网格状态 — a block: where it sits, who holds its posts, its households and links."""

    block_id: str
    branch_id: BranchId
    name: str
    size: BlockSize
    parent_block_id: str | None
    posts: tuple[tuple[GridPost, PersonId], ...] = ()
    households: tuple[Household, ...] = ()
    links: tuple[tuple[str, PersonId], ...] = ()
    exempt: tuple[PersonId, ...] = ()
    pairs: tuple[tuple[str, PersonId], ...] = ()

    def holder(self, post: GridPost) -> PersonId | None:
        """Who holds ``post`` now (the latest assignment)."""
        return dict(self.posts).get(post)

    def household(self, household_id: str) -> Household | None:
        """The block's household with this id."""
        return next((h for h in self.households if h.household_id == household_id), None)

    def assigned(self, person_id: str) -> bool:
        """Whether the person holds a post here or serves one of its households."""
        holders = {p for _, p in dict(self.posts).items()}
        return person_id in holders or any(p == person_id for _, p in self.links)


#: A grid block's stream, ``grid-<block id>``; None before it is laid out.
BLOCK: Stream[BlockState | None] = Stream("grid", nothing)


def existing(state: BlockState | None, block_id: str) -> BlockState:
    """The block, or a refusal naming the unknown block."""
    if state is None:
        raise UnknownSubject(f"网格 {block_id} 不存在", f"grid block {block_id} does not exist")
    return state
