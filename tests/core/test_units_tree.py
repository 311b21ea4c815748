"""The tree at any date, hand-overs after merges and dissolutions, and role holders."""

from __future__ import annotations

from datetime import timedelta

from dangjian_core.kernel.ids import PersonId, TaskId
from dangjian_core.tasks.commands import ClaimTask, IssueTask
from dangjian_core.tasks.events import Audience, SourceKind, TaskClaimed
from dangjian_core.units.commands import (
    AddRegionMember,
    DissolveUnit,
    MergeUnit,
    MoveUnit,
    RenameUnit,
)
from dangjian_core.units.events import UnitKind
from dangjian_core.units.hierarchy import live_unit
from dangjian_core.units.queries import Holding, TreeNode, holdings_at, tree_at
from dangjian_core.units.roles import Role
from dangjian_core.units.state import UnitState
from tests.core.given import Village
from tests.core.org import (
    DAY0,
    GROUP,
    GUANCHUAN,
    HU,
    QINGWEIJIE,
    REGION,
    TOWN,
    WANG,
    ZONGZHI,
    appoint,
    later,
    register,
    town,
)

K = UnitKind


def states(village: Village) -> list[UnitState]:
    """Every unit state of the village."""
    return [s for s in village.states.values() if isinstance(s, UnitState)]


def shape(village: Village, days: float) -> list[tuple[str, str | None, int]]:
    """The tree ``days`` after setup as (unit, parent, depth)."""
    return [(n.unit_id, n.parent_id, n.depth) for n in tree_at(states(village), later(days))]


def test_the_tree_lists_units_depth_first_under_their_parents() -> None:
    nodes = tree_at(states(town()), later(1))

    assert [
        TreeNode(TOWN, K.TOWN_COMMITTEE, "象珠镇党委", None, 0),
        TreeNode(REGION, K.REGIONAL_COMMITTEE, "农机小镇区域委员会", TOWN, 1),
        TreeNode(ZONGZHI, K.GENERAL_BRANCH, "象珠镇第一党总支", TOWN, 1),
        TreeNode(GUANCHUAN, K.BRANCH, "官川村党支部", ZONGZHI, 2),
        TreeNode(QINGWEIJIE, K.BRANCH, "清渭街村党支部", ZONGZHI, 2),
        TreeNode(GROUP, K.PARTY_GROUP, "清渭街村第一网格党小组", QINGWEIJIE, 3),
    ] == nodes


def test_before_a_unit_was_founded_the_tree_does_not_show_it() -> None:
    assert [] == tree_at(states(town()), DAY0 - timedelta(seconds=1))


def test_the_tree_at_a_past_date_shows_the_names_and_parents_of_then() -> None:
    village = town()
    village.handle(RenameUnit(QINGWEIJIE, "清渭街社区党支部", WANG, later(10)))
    village.handle(MoveUnit(QINGWEIJIE, TOWN, "总支调整", WANG, later(20)))

    before = {n.unit_id: n for n in tree_at(states(village), later(5))}
    after = {n.unit_id: n for n in tree_at(states(village), later(25))}

    assert ("清渭街村党支部", ZONGZHI) == (before[QINGWEIJIE].name, before[QINGWEIJIE].parent_id)
    assert ("清渭街社区党支部", TOWN) == (after[QINGWEIJIE].name, after[QINGWEIJIE].parent_id)
    assert 2 == after[GROUP].depth


def test_after_a_merge_the_survivor_takes_the_units_below_and_the_tree_drops_the_merged() -> None:
    village = town()
    village.handle(MergeUnit(QINGWEIJIE, GUANCHUAN, "村庄合并", WANG, later(30)))

    assert (GROUP, QINGWEIJIE, 3) in shape(village, 29)
    assert (GROUP, GUANCHUAN, 3) in shape(village, 30)
    assert QINGWEIJIE not in [unit for unit, _, _ in shape(village, 30)]


def test_a_dissolved_unit_leaves_the_tree_once_its_units_were_moved_away() -> None:
    village = town()
    for branch in (QINGWEIJIE, GUANCHUAN):
        village.handle(MoveUnit(branch, TOWN, "撤销总支", WANG, later(30)))
    village.handle(DissolveUnit(ZONGZHI, "撤销总支", WANG, later(30)))

    assert (QINGWEIJIE, TOWN, 1) in shape(village, 30)
    assert (QINGWEIJIE, ZONGZHI, 2) in shape(village, 29)
    assert ZONGZHI not in [unit for unit, _, _ in shape(village, 30)]


def test_the_roll_of_a_merged_unit_belongs_to_the_survivor() -> None:
    village = town()
    village.handle(MergeUnit(GUANCHUAN, QINGWEIJIE, "村庄合并", WANG, later(30)))
    directory = village.directory()

    before, after = (live_unit(directory, GUANCHUAN, later(d)) for d in (29, 30))

    assert before is not None
    assert after is not None
    assert (GUANCHUAN, QINGWEIJIE) == (before.unit_id, after.unit_id)


def test_someone_on_a_merged_roll_claims_the_survivors_tasks() -> None:
    village = town()
    village.handle(appoint(QINGWEIJIE, "lv-gexin", Role.SECRETARY, WANG))
    village.handle(register("hu-new", GUANCHUAN, "胡新", WANG))
    village.handle(MergeUnit(GUANCHUAN, QINGWEIJIE, "村庄合并", WANG, later(30)))
    village.handle(
        IssueTask(
            TaskId("T9"),
            QINGWEIJIE,
            "环境卫生整治",
            "环境卫生整治",
            5,
            3,
            later(40),
            (Audience.MEMBERS,),
            SourceKind.VILLAGE,
            "",
            "lv-gexin",
            later(31),
        )
    )

    events = village.handle(ClaimTask(TaskId("T9"), PersonId("hu-new"), later(32)))

    assert [TaskClaimed(TaskId("T9"), PersonId("hu-new"))] == events


def test_a_regional_committee_links_branches_but_the_tree_keeps_their_parents() -> None:
    village = town()
    village.handle(AddRegionMember(REGION, QINGWEIJIE, WANG, later(1)))

    assert (QINGWEIJIE, ZONGZHI, 2) in shape(village, 2)


def test_holders_at_a_date_are_the_terms_running_then() -> None:
    terms = [
        Holding(GUANCHUAN, HU, Role.SECRETARY, later(0), later(10)),
        Holding(GUANCHUAN, "lv-new", Role.SECRETARY, later(10)),
        Holding(TOWN, WANG, Role.SECRETARY, later(0)),
    ]

    assert [terms[0], terms[2]] == holdings_at(terms, later(5))
    assert [terms[1], terms[2]] == holdings_at(terms, later(10))
