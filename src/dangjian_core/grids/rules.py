"""网格规则 — what each grid command must satisfy, after authority (the branch's leaders).

- 划分网格 ``lay_out``: a large block sits directly in its branch, a small one inside a
  large block of the same branch; a block id is laid out once;
- 岗位 ``assign_post``, 农户 ``add_household``: small blocks only; a post goes to someone
  on the branch's roll;
- 联户 ``link_household``, 免于联户 ``exempt``: a household of the block, a person on the
  branch's roll;
- 结对帮扶 ``pair``: someone on the roll of the branch or of a unit above it (the town's
  office staff, 机关单位职工) with a low-income household of the block;
- 走访 ``log_visit``: by a paired member, for a day not after the command.
"""

from __future__ import annotations

from datetime import datetime

from dangjian_core.grids import permissions as p
from dangjian_core.grids.commands import (
    AddHousehold,
    AssignBlockPost,
    ExemptFromLinking,
    LayOutBlock,
    LinkHousehold,
    LogVisit,
    PairHousehold,
)
from dangjian_core.grids.events import (
    BlockLaidOut,
    BlockPostAssigned,
    BlockSize,
    GridEvent,
    HouseholdAdded,
    HouseholdLinked,
    HouseholdPaired,
    LinkExemptionRecorded,
    VisitLogged,
)
from dangjian_core.grids.state import BLOCK, BlockState, GridError
from dangjian_core.kernel.authority import enforce
from dangjian_core.kernel.facts import Facts
from dangjian_core.kernel.ids import PersonId
from dangjian_core.kernel.time import local_date
from dangjian_core.people.state import PERSON
from dangjian_core.units.hierarchy import ancestors, live_unit


def lay_out(command: LayOutBlock, state: BlockState | None, facts: Facts) -> list[GridEvent]:
    """Lay out a block: a large one directly in the branch, a small one in a large one."""
    event = BlockLaidOut(
        command.block_id, command.branch_id, command.name, command.size, command.parent_block_id
    )
    enforce(p.lay_out_grid(facts, command.branch_id, command.actor_id, command.at))
    if state is not None:
        if _fields(state) == _fields(event):
            return []
        raise GridError(
            f"网格 {command.block_id} 已存在", f"grid block {command.block_id} already exists"
        )
    parent = None if command.parent_block_id is None else facts.get(BLOCK, command.parent_block_id)
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


def assign_post(command: AssignBlockPost, block: BlockState, facts: Facts) -> list[GridEvent]:
    """Give a post of a small block to someone on the branch's roll."""
    small(block)
    person_on_roll(facts, block, command.person_id, command.at)
    if block.holder(command.post) == command.person_id:
        return []
    return [BlockPostAssigned(block.block_id, command.post, command.person_id)]


def add_household(command: AddHousehold, block: BlockState) -> list[GridEvent]:
    """Add a household to a small block."""
    small(block)
    if block.household(command.household_id) is not None:
        return []
    return [HouseholdAdded(block.block_id, command.household_id, command.head, command.low_income)]


def link_household(command: LinkHousehold, block: BlockState, facts: Facts) -> list[GridEvent]:
    """Make someone on the roll responsible for one of the block's households (联户)."""
    if block.household(command.household_id) is None:
        raise GridError(
            f"农户 {command.household_id} 不在网格 {block.block_id}",
            f"household {command.household_id} is not in block {block.block_id}",
        )
    person_on_roll(facts, block, command.person_id, command.at)
    if (command.household_id, command.person_id) in block.links:
        return []
    return [HouseholdLinked(block.block_id, command.household_id, command.person_id)]


def exempt(command: ExemptFromLinking, block: BlockState, facts: Facts) -> list[GridEvent]:
    """Record why someone on the roll links no households."""
    person_on_roll(facts, block, command.person_id, command.at)
    if command.person_id in block.exempt:
        return []
    return [LinkExemptionRecorded(block.block_id, command.person_id, command.reason)]


def pair(command: PairHousehold, block: BlockState, facts: Facts) -> list[GridEvent]:
    """Pair a member of the branch with a low-income household of the block."""
    p.lead(facts, block, command.actor_id, command.at)
    household = block.household(command.household_id)
    if household is None or not household.low_income:
        raise GridError(
            f"农户 {command.household_id} 不是网格 {block.block_id} 的低收入农户",
            f"{command.household_id} is not a low-income household of {block.block_id}",
        )
    pairable(facts, block, command.person_id, command.at)
    if (command.household_id, command.person_id) in block.pairs:
        return []
    return [HouseholdPaired(block.block_id, command.household_id, command.person_id)]


def log_visit(command: LogVisit, block: BlockState, facts: Facts) -> list[GridEvent]:
    """Log a visit by a paired member on a day not after the command."""
    enforce(p.visit_rule(facts, block, command.person_id, command.actor_id, command.at))
    if (command.household_id, command.person_id) not in block.pairs:
        raise GridError(
            f"{command.person_id} 未与农户 {command.household_id} 结对",
            f"{command.person_id} is not paired with {command.household_id}",
        )
    if command.on > local_date(command.at):
        raise GridError("走访日期不能晚于记录时间", "a visit cannot be logged ahead of its day")
    return [
        VisitLogged(
            block.block_id, command.household_id, command.person_id, command.on, command.note
        )
    ]


# --- the checks the rules share ---------------------------------------------------


def small(block: BlockState) -> None:
    """Posts and households belong to small blocks only."""
    if block.size != BlockSize.SMALL:
        raise GridError(
            f"{block.name} 是大网格,岗位和农户落实到小网格",
            f"{block.block_id} is a large block: posts and households go in small blocks",
        )


def pairable(facts: Facts, block: BlockState, person_id: str, at: datetime) -> None:
    """The person must be on the roll of the block's branch, or of a unit above it (the
    staff of the town's offices, 机关单位职工, pair with households too: seed 003)."""
    person = facts.get(PERSON, PersonId(person_id))
    home = None if person is None else live_unit(facts, person.branch_at(at), at)
    branch = live_unit(facts, block.branch_id, at)
    chain = [] if branch is None else [branch, *ancestors(facts, branch, at)]
    if home is None or all(unit.unit_id != home.unit_id for unit in chain):
        raise GridError(
            f"{person_id} 不是 {block.branch_id} 或其上级组织的登记人员",
            f"{person_id} is not on the roll of {block.branch_id} or a unit above it",
        )


def person_on_roll(facts: Facts, block: BlockState, person_id: str, at: datetime) -> None:
    """The person must be registered on the roll of the block's branch."""
    person = facts.get(PERSON, PersonId(person_id))
    home = None if person is None else live_unit(facts, person.branch_at(at), at)
    branch = live_unit(facts, block.branch_id, at)
    if person is None or home is None or branch is None or home.unit_id != branch.unit_id:
        raise GridError(
            f"{person_id} 不是 {block.branch_id} 登记人员",
            f"{person_id} is not on branch {block.branch_id}'s roll",
        )
