"""Units 党组织: founding, renaming, moving, merging, dissolving, regional members."""

from __future__ import annotations

import pytest

from dangjian_core.kernel.errors import InvalidCommand, Unauthorized, UnknownSubject, build
from dangjian_core.kernel.ids import BranchId
from dangjian_core.units.commands import (
    AddRegionMember,
    DissolveUnit,
    FoundBranch,
    FoundUnit,
    MergeUnit,
    MoveUnit,
    RemoveRegionMember,
    RenameUnit,
)
from dangjian_core.units.events import (
    BranchFounded,
    RegionMemberAdded,
    RegionMemberRemoved,
    RoleEnded,
    UnitDissolved,
    UnitFounded,
    UnitKind,
    UnitMerged,
    UnitMoved,
    UnitRenamed,
)
from dangjian_core.units.hierarchy import children
from dangjian_core.units.roles import Role
from dangjian_core.units.state import FROM_THE_START, Ending, UnitError, UnitHasChildren
from tests.core.given import given, then_state, when
from tests.core.org import (
    COUNTY,
    DAY0,
    DING,
    GROUP,
    GUANCHUAN,
    HU,
    QINGWEIJIE,
    REGION,
    TOWN,
    WANG,
    ZONGZHI,
    appoint,
    found,
    later,
    register,
    town,
    unit,
)

K = UnitKind


def decide(command: object) -> list[object]:
    """Decide ``command`` against the town as it stands."""
    village = town()
    return when(command, village.state_of(command), village.directory())


# --- founding -----------------------------------------------------------------------


def test_a_root_units_founder_is_recorded_as_its_superior() -> None:
    events = when(found("yongkang", K.TOWN_COMMITTEE, "永康市委", None, "province"), None)

    assert [
        UnitFounded(BranchId("yongkang"), K.TOWN_COMMITTEE, "永康市委", None, "province", 1, DAY0)
    ] == events
    state = then_state(None, events)
    assert ("province", None, "永康市委") == (state.superior_id, state.parent_id, state.name)


def test_found_branch_founds_a_root_branch_with_its_cycle_month() -> None:
    [event] = when(FoundBranch(BranchId("paixilv"), "派溪吕村党支部", 10, "town-x", DAY0), None)

    assert (
        UnitFounded(BranchId("paixilv"), K.BRANCH, "派溪吕村党支部", None, "town-x", 10, DAY0)
        == event
    )


def test_a_branch_recorded_before_units_reads_as_a_root_branch_from_the_start() -> None:
    state = given(BranchFounded(BranchId("paixilv"), "派溪吕村党支部", 10, "town-x"))

    assert (K.BRANCH, FROM_THE_START, "town-x") == (state.kind, state.founded, state.superior_id)
    assert [] == when(FoundBranch(BranchId("paixilv"), "派溪吕村党支部", 10, "town-x", DAY0), state)


@pytest.mark.parametrize("actor", [WANG, DING])
def test_the_parents_secretary_or_organizing_member_founds_a_unit_under_it(actor: str) -> None:
    [event] = decide(found("yalv", K.BRANCH, "雅吕村党支部", ZONGZHI, actor))

    assert (BranchId("yalv"), ZONGZHI, None) == (event.unit_id, event.parent_id, event.superior_id)


def test_the_secretary_of_the_unit_itself_founds_under_it() -> None:
    [event] = decide(found("gc-group", K.PARTY_GROUP, "官川村党小组", GUANCHUAN, HU))

    assert GUANCHUAN == event.parent_id


@pytest.mark.parametrize("actor", [HU, COUNTY + "-x", "lv-gexin"])
def test_someone_neither_leading_the_parent_nor_above_it_may_not_found_under_it(
    actor: str,
) -> None:
    with pytest.raises(Unauthorized) as refusal:
        decide(found("yalv", K.BRANCH, "雅吕村党支部", ZONGZHI, actor))

    assert actor in refusal.value.zh
    assert ZONGZHI in refusal.value.zh


def test_the_superior_of_the_root_founds_anywhere_below_it() -> None:
    [event] = decide(found("yalv", K.BRANCH, "雅吕村党支部", ZONGZHI, COUNTY))

    assert ZONGZHI == event.parent_id


@pytest.mark.parametrize(
    ("kind", "parent"),
    [
        (K.GENERAL_BRANCH, ZONGZHI),
        (K.BRANCH, QINGWEIJIE),
        (K.PARTY_GROUP, TOWN),
        (K.REGIONAL_COMMITTEE, ZONGZHI),
        (K.TOWN_COMMITTEE, QINGWEIJIE),
    ],
)
def test_a_unit_may_only_sit_under_the_kinds_above_it(kind: UnitKind, parent: str) -> None:
    with pytest.raises(UnitError) as refusal:
        decide(found("new-unit", kind, "新组织", parent, COUNTY))

    assert kind.zh in refusal.value.zh


def test_a_party_group_needs_a_parent() -> None:
    with pytest.raises(UnitError) as refusal:
        when(found("lonely", K.PARTY_GROUP, "党小组", None, COUNTY), None)

    assert "党小组须隶属于上级组织" in refusal.value.zh


def test_founding_under_an_unknown_parent_is_refused() -> None:
    with pytest.raises(UnknownSubject) as refusal:
        decide(found("yalv", K.BRANCH, "雅吕村党支部", "nowhere", WANG))

    assert "nowhere" in refusal.value.zh


def test_founding_the_same_unit_again_changes_nothing_and_a_taken_id_is_refused() -> None:
    again = decide(found(QINGWEIJIE, K.BRANCH, "清渭街村党支部", ZONGZHI, DING))

    with pytest.raises(UnitError) as refusal:
        decide(found(QINGWEIJIE, K.BRANCH, "另一个支部", ZONGZHI, DING))

    assert [] == again
    assert "已被占用" in refusal.value.zh


def test_founding_under_a_dissolved_parent_is_refused() -> None:
    village = town()
    village.handle(DissolveUnit(GUANCHUAN, "整村搬迁", WANG, later(1)))
    command = FoundUnit(
        BranchId("gc-1"), K.PARTY_GROUP, "第一党小组", GUANCHUAN, 1, COUNTY, later(2)
    )

    with pytest.raises(UnitError) as refusal:
        when(command, None, village.directory())

    assert "已撤销" in refusal.value.zh


@pytest.mark.parametrize("month", [0, 13])
def test_a_cycle_start_month_outside_the_calendar_is_invalid(month: int) -> None:
    with pytest.raises(InvalidCommand):
        build(
            FoundUnit,
            unit_id="x",
            kind=K.BRANCH,
            name="x",
            parent_id=None,
            cycle_start_month=month,
            actor_id=COUNTY,
            at=DAY0,
        )


# --- renaming -----------------------------------------------------------------------


def test_a_level_above_renames_a_unit_from_a_date_and_the_old_name_stays_in_history() -> None:
    village = town()
    events = village.handle(RenameUnit(QINGWEIJIE, "清渭街社区党支部", DING, later(10)))

    state = unit(village, QINGWEIJIE)
    assert [UnitRenamed(QINGWEIJIE, "清渭街社区党支部", later(10))] == events
    assert ("清渭街村党支部", "清渭街社区党支部") == (state.name_at(later(9)), state.name)


def test_a_unit_may_not_rename_itself_and_renaming_to_its_name_changes_nothing() -> None:
    village = town()

    refused = village.attempt(RenameUnit(GUANCHUAN, "官川社区党支部", HU, later(1)))
    same = village.attempt(RenameUnit(GUANCHUAN, "官川村党支部", WANG, later(1)))

    assert isinstance(refused, Unauthorized)
    assert "更名" in refused.zh
    assert [] == same


def test_renaming_an_unknown_unit_is_refused() -> None:
    with pytest.raises(UnknownSubject):
        decide(RenameUnit(BranchId("nowhere"), "某某", WANG, later(1)))


# --- moving -------------------------------------------------------------------------


def test_a_branch_moves_to_report_to_the_committee_from_a_date() -> None:
    village = town()
    events = village.handle(MoveUnit(GUANCHUAN, TOWN, "总支调整", WANG, later(5)))

    state = unit(village, GUANCHUAN)
    assert [UnitMoved(GUANCHUAN, TOWN, later(5), "总支调整")] == events
    assert (ZONGZHI, TOWN) == (state.parent_at(later(4)), state.parent_at(later(5)))


def test_moving_needs_authority_over_the_unit_and_the_new_parent() -> None:
    village = town()
    village.handle(found("zongzhi-2", K.GENERAL_BRANCH, "第二党总支", TOWN, WANG))
    village.handle(register("gao-nj", "zongzhi-2", "高南江", WANG))
    village.handle(appoint("zongzhi-2", "gao-nj", Role.SECRETARY, WANG))

    refused = village.attempt(
        MoveUnit(QINGWEIJIE, BranchId("zongzhi-2"), "调整", "gao-nj", later(1))
    )
    moved = village.attempt(MoveUnit(QINGWEIJIE, BranchId("zongzhi-2"), "调整", DING, later(1)))

    assert isinstance(refused, Unauthorized)
    assert QINGWEIJIE in refused.zh
    assert [UnitMoved(QINGWEIJIE, BranchId("zongzhi-2"), later(1), "调整")] == moved


@pytest.mark.parametrize("parent", [ZONGZHI, QINGWEIJIE, GROUP])
def test_a_unit_may_not_move_under_itself_or_below_itself(parent: str) -> None:
    with pytest.raises(UnitError) as refusal:
        decide(MoveUnit(ZONGZHI, BranchId(parent), "x", COUNTY, later(1)))

    assert "不能作为其上级" in refusal.value.zh or "不能隶属于" in refusal.value.zh


def test_moving_to_the_current_parent_changes_nothing() -> None:
    assert [] == decide(MoveUnit(QINGWEIJIE, ZONGZHI, "x", WANG, later(1)))


# --- merging ------------------------------------------------------------------------


def test_a_merge_ends_the_units_roles_then_hands_it_to_the_survivor() -> None:
    village = town()

    events = village.handle(MergeUnit(GUANCHUAN, QINGWEIJIE, "村庄合并", WANG, later(30)))

    merged = UnitMerged(GUANCHUAN, QINGWEIJIE, later(30), "村庄合并")
    ended = RoleEnded(GUANCHUAN, HU, Role.SECRETARY, DAY0, later(30), "并入 qingweijie: 村庄合并")
    state = unit(village, GUANCHUAN)
    assert [ended, merged] == events
    assert (Ending.MERGED, QINGWEIJIE) == (state.ending, state.successor_id)
    assert state.alive_at(later(29))
    assert not state.alive_at(later(30))


def test_merging_again_into_the_same_unit_changes_nothing() -> None:
    village = town()
    village.handle(MergeUnit(GUANCHUAN, QINGWEIJIE, "村庄合并", WANG, later(30)))

    assert [] == village.handle(MergeUnit(GUANCHUAN, QINGWEIJIE, "村庄合并", WANG, later(31)))


@pytest.mark.parametrize(
    ("merged", "into"),
    [(GUANCHUAN, ZONGZHI), (GUANCHUAN, GROUP), (QINGWEIJIE, GROUP), (ZONGZHI, QINGWEIJIE)],
)
def test_a_unit_merges_only_into_a_unit_of_its_kind_not_under_it(merged: str, into: str) -> None:
    with pytest.raises(UnitError) as refusal:
        decide(MergeUnit(BranchId(merged), BranchId(into), "x", COUNTY, later(1)))

    assert "只能并入同类且不在其下的组织" in refusal.value.zh


def test_a_branch_may_not_merge_itself_away_from_inside() -> None:
    with pytest.raises(Unauthorized) as refusal:
        decide(MergeUnit(GUANCHUAN, QINGWEIJIE, "x", HU, later(1)))

    assert "合并" in refusal.value.zh


def test_a_merged_unit_takes_no_more_commands() -> None:
    village = town()
    village.handle(MergeUnit(GUANCHUAN, QINGWEIJIE, "村庄合并", WANG, later(30)))

    refused = village.attempt(RenameUnit(GUANCHUAN, "新名", WANG, later(31)))

    assert isinstance(refused, UnitError)
    assert "已合并" in refused.zh


# --- dissolving ---------------------------------------------------------------------


def test_dissolving_hands_the_unit_to_its_parent() -> None:
    village = town()

    events = village.handle(DissolveUnit(GUANCHUAN, "整村搬迁", DING, later(40)))

    assert UnitDissolved(GUANCHUAN, ZONGZHI, later(40), "整村搬迁") == events[-1]
    assert isinstance(events[0], RoleEnded)
    assert (Ending.DISSOLVED, ZONGZHI) == (
        unit(village, GUANCHUAN).ending,
        unit(village, GUANCHUAN).successor_id,
    )


def test_dissolving_is_decided_from_above_and_is_idempotent() -> None:
    village = town()
    refused = village.attempt(DissolveUnit(GUANCHUAN, "x", HU, later(1)))
    village.handle(DissolveUnit(GUANCHUAN, "整村搬迁", DING, later(40)))

    assert isinstance(refused, Unauthorized)
    assert [] == village.handle(DissolveUnit(GUANCHUAN, "整村搬迁", DING, later(41)))


def test_a_unit_with_units_under_it_cannot_be_dissolved_and_the_refusal_names_them() -> None:
    village = town()

    refusal = village.attempt(DissolveUnit(ZONGZHI, "撤销总支", WANG, later(1)))

    assert isinstance(refusal, UnitHasChildren)
    assert (GUANCHUAN, QINGWEIJIE) == refusal.children
    assert "官川村" not in refusal.zh  # named by id, in both languages
    assert GUANCHUAN in refusal.zh
    assert QINGWEIJIE in refusal.en
    assert "unit_has_children" == refusal.code


def test_once_its_units_are_moved_away_a_unit_can_be_dissolved() -> None:
    village = town()
    for branch in (QINGWEIJIE, GUANCHUAN):
        village.handle(MoveUnit(branch, TOWN, "撤销总支", WANG, later(1)))

    events = village.handle(DissolveUnit(ZONGZHI, "撤销总支", WANG, later(2)))

    assert UnitDissolved(ZONGZHI, TOWN, later(2), "撤销总支") == events[-1]


def test_units_that_ended_or_left_before_do_not_count_as_under_it() -> None:
    village = town()
    village.handle(MergeUnit(GUANCHUAN, QINGWEIJIE, "村庄合并", WANG, later(1)))
    village.handle(MoveUnit(QINGWEIJIE, TOWN, "调整", WANG, later(2)))

    assert [] == children(village.directory(), ZONGZHI, later(3))
    assert [QINGWEIJIE, GUANCHUAN] == [
        u.unit_id for u in children(village.directory(), ZONGZHI, later(0.5))
    ][::-1]


def test_a_unit_under_a_merged_parent_counts_as_under_the_survivor() -> None:
    village = town()
    village.handle(MergeUnit(QINGWEIJIE, GUANCHUAN, "村庄合并", WANG, later(1)))

    refusal = village.attempt(DissolveUnit(GUANCHUAN, "整村搬迁", WANG, later(2)))

    assert isinstance(refusal, UnitHasChildren)
    assert (GROUP,) == refusal.children


# --- regional committees (支部共建) ----------------------------------------------------


def test_branches_join_a_regional_committee_without_changing_whom_they_report_to() -> None:
    village = town()

    events = village.handle(AddRegionMember(REGION, QINGWEIJIE, WANG, later(1)))
    village.handle(AddRegionMember(REGION, GUANCHUAN, WANG, later(1)))

    assert [RegionMemberAdded(REGION, QINGWEIJIE, later(1))] == events
    assert [QINGWEIJIE, GUANCHUAN] == unit(village, REGION).members_at(later(2))
    assert ZONGZHI == unit(village, QINGWEIJIE).parent_id


def test_only_branches_join_a_region_and_only_a_region_has_members() -> None:
    village = town()

    not_a_branch = village.attempt(AddRegionMember(REGION, GROUP, WANG, later(1)))
    not_a_region = village.attempt(AddRegionMember(ZONGZHI, QINGWEIJIE, WANG, later(1)))

    assert isinstance(not_a_branch, UnitError)
    assert isinstance(not_a_region, UnitError)


def test_linking_is_decided_from_above_both_units() -> None:
    refused = town().attempt(AddRegionMember(REGION, GUANCHUAN, HU, later(1)))

    assert isinstance(refused, Unauthorized)


def test_leaving_a_region_closes_the_link_and_leaving_again_changes_nothing() -> None:
    village = town()
    village.handle(AddRegionMember(REGION, QINGWEIJIE, WANG, later(1)))

    events = village.handle(RemoveRegionMember(REGION, QINGWEIJIE, "调整共建", WANG, later(9)))
    again = village.handle(RemoveRegionMember(REGION, QINGWEIJIE, "调整共建", WANG, later(10)))

    assert [RegionMemberRemoved(REGION, QINGWEIJIE, later(1), later(9), "调整共建")] == events
    assert [] == again
    assert [QINGWEIJIE] == unit(village, REGION).members_at(later(5))
    assert [] == unit(village, REGION).members_at(later(9))


def test_leaving_a_region_never_joined_is_refused() -> None:
    with pytest.raises(UnitError):
        decide(RemoveRegionMember(REGION, GUANCHUAN, "x", WANG, later(1)))
