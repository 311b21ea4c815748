"""Grids 网格: blocks, posts, households, links (seed 001, 清渭街村), and grid tasks."""

from __future__ import annotations

from datetime import timedelta

import pytest

from dangjian_core.grids.commands import (
    AddHousehold,
    AssignBlockPost,
    ExemptFromLinking,
    LayOutBlock,
    LinkHousehold,
)
from dangjian_core.grids.events import (
    BlockLaidOut,
    BlockPostAssigned,
    BlockSize,
    GridPost,
    HouseholdLinked,
)
from dangjian_core.grids.state import GridError
from dangjian_core.kernel.errors import InvalidCommand, Unauthorized, UnknownSubject
from dangjian_core.kernel.ids import BranchId, TaskId
from dangjian_core.tasks.commands import ClaimTask, IssueTask
from dangjian_core.tasks.events import Audience, SourceKind, TaskClaimed
from dangjian_core.tasks.state import NotEligible
from tests.core.given import Village
from tests.core.org import (
    CHEN,
    GUANCHUAN,
    HOUSEHOLD,
    HU,
    LARGE,
    LV,
    QINGWEIJIE,
    SMALL,
    WU,
    later,
    task_town,
)

AT = later(10)


def grid_task(task_id: str, block: str | None, branch: BranchId = QINGWEIJIE) -> IssueTask:
    """A patrol task of 清渭街村 aimed at ``block``."""
    return IssueTask(
        TaskId(task_id),
        branch,
        "网格巡查",
        "网格巡查",
        2,
        5,
        AT + timedelta(days=9),
        (Audience.MEMBERS,),
        SourceKind.VILLAGE,
        "",
        LV,
        AT,
        block,
    )


def test_the_secretary_lays_out_a_small_block_inside_a_large_one() -> None:
    village = task_town()

    events = village.handle(
        LayOutBlock("qwj-x2", QINGWEIJIE, "第二小网格", BlockSize.SMALL, LARGE, LV, AT)
    )

    assert [BlockLaidOut("qwj-x2", QINGWEIJIE, "第二小网格", BlockSize.SMALL, LARGE)] == events


def test_laying_out_the_same_block_again_changes_nothing() -> None:
    village = task_town()

    events = village.handle(
        LayOutBlock(SMALL, QINGWEIJIE, "第一小网格", BlockSize.SMALL, LARGE, LV, AT)
    )

    assert [] == events


@pytest.mark.parametrize(
    ("size", "parent"),
    [(BlockSize.SMALL, None), (BlockSize.SMALL, SMALL), (BlockSize.LARGE, LARGE)],
)
def test_a_small_block_needs_a_large_one_and_a_large_one_sits_in_the_branch(
    size: BlockSize, parent: str | None
) -> None:
    refusal = task_town().attempt(LayOutBlock("b-new", QINGWEIJIE, "新网格", size, parent, LV, AT))

    assert isinstance(refusal, GridError)


def test_only_the_branch_leaders_or_above_lay_out_its_grid() -> None:
    village = task_town()

    refusal = village.attempt(
        LayOutBlock("qwj-d9", QINGWEIJIE, "第九大网格", BlockSize.LARGE, None, CHEN, AT)
    )

    assert isinstance(refusal, Unauthorized)
    assert CHEN in refusal.zh


def test_a_post_is_held_by_one_person_and_a_new_assignment_replaces_them() -> None:
    village = task_town()

    events = village.handle(AssignBlockPost(SMALL, GridPost.MEMBER, WU, LV, AT))

    assert [BlockPostAssigned(SMALL, GridPost.MEMBER, WU)] == events
    assert WU == village.states[f"grid-{SMALL}"].holder(GridPost.MEMBER)


def test_posts_go_in_small_blocks_and_to_people_on_the_roll() -> None:
    village = task_town()

    assert isinstance(
        village.attempt(AssignBlockPost(LARGE, GridPost.CADRE, WU, LV, AT)), GridError
    )
    assert isinstance(
        village.attempt(AssignBlockPost(SMALL, GridPost.CADRE, HU, LV, AT)), GridError
    )
    assert isinstance(
        village.attempt(AssignBlockPost("nowhere", GridPost.CADRE, WU, LV, AT)), UnknownSubject
    )


def test_a_member_links_a_household_of_the_block_once() -> None:
    village = task_town()

    assert [HouseholdLinked(SMALL, HOUSEHOLD, WU)] == village.handle(
        LinkHousehold(SMALL, HOUSEHOLD, WU, LV, AT)
    )
    assert [] == village.handle(LinkHousehold(SMALL, HOUSEHOLD, WU, LV, AT))
    assert isinstance(village.attempt(LinkHousehold(SMALL, "h-x", WU, LV, AT)), GridError)


def test_households_and_exemptions_are_recorded_once() -> None:
    village = task_town()

    assert [] == village.handle(AddHousehold(SMALL, HOUSEHOLD, "吕大伯", True, LV, AT))
    assert 1 == len(village.handle(ExemptFromLinking(SMALL, WU, "患病", LV, AT)))
    assert [] == village.handle(ExemptFromLinking(SMALL, WU, "患病", LV, AT))


def test_a_grid_task_is_claimed_only_by_people_assigned_to_its_block() -> None:
    village = task_town()
    village.handle(grid_task("T-grid", SMALL))

    assert [TaskClaimed(TaskId("T-grid"), CHEN)] == village.handle(
        ClaimTask(TaskId("T-grid"), CHEN, AT)
    )
    refusal = village.attempt(ClaimTask(TaskId("T-grid"), WU, AT))
    assert isinstance(refusal, NotEligible)
    assert SMALL in refusal.zh


def test_a_task_targets_only_a_small_block_of_its_own_branch() -> None:
    village = task_town()

    assert isinstance(village.attempt(grid_task("T-a", LARGE)), InvalidCommand)
    assert isinstance(village.attempt(grid_task("T-b", "nowhere")), InvalidCommand)
    assert isinstance(
        village.attempt(grid_task("T-c", SMALL, GUANCHUAN)), (InvalidCommand, Unauthorized)
    )


def test_a_task_without_a_block_is_open_to_the_whole_branch() -> None:
    village: Village = task_town()
    village.handle(grid_task("T-all", None))

    assert 1 == len(village.handle(ClaimTask(TaskId("T-all"), WU, AT)))
