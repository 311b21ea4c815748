"""区域委员会分解工作 — a regional committee (农机小镇: 10 villages, seed 004) assigns work to
the villages that are its members, though they report to their own general branch; a
village outside the region is still refused, as is a member after it left.

Given the town of :mod:`tests.core.org` with 清渭街村 in the 农机小镇 region (not 官川村),
when the region's item is split, then the share or the typed refusal.
"""

from __future__ import annotations

from dangjian_core.units.commands import RemoveRegionMember
from dangjian_core.units.roles import Role
from dangjian_core.work.events import WorkShareAccepted, WorkShareAssigned, share_id
from dangjian_core.work.state import WorkError
from tests.core.org import DING, GUANCHUAN, LV, QINGWEIJIE, REGION, WANG, appoint, later
from tests.core.test_work import DEADLINE, W1, WorkTown, accept, assign, issue, refused, town

REGION_ITEM = share_id(W1, REGION)


def region_town() -> WorkTown:
    """丁组委 secretary of the region too; the town's item 人居环境整治 with 300 户 given
    to the region and accepted by him."""
    return town(
        appoint(REGION, DING, Role.SECRETARY, WANG, later(5)),
        issue(),
        assign(W1, REGION, 300, WANG),
        accept(W1, REGION, DING),
    )


def test_the_regional_committee_assigns_work_to_a_member_village() -> None:
    # Given the region holds a share of the town's item, 清渭街村 being its member
    village = region_town()

    # When the region gives 清渭街村 100 户
    events = village.handle(assign(REGION_ITEM, QINGWEIJIE, 100, DING))

    # Then the share is assigned, and 清渭街村's secretary accepts it
    share = share_id(REGION_ITEM, QINGWEIJIE)
    assert [WorkShareAssigned(REGION_ITEM, QINGWEIJIE, share, 100, DEADLINE)] == events
    [accepted] = village.handle(accept(REGION_ITEM, QINGWEIJIE, LV))
    assert isinstance(accepted, WorkShareAccepted)


def test_a_village_outside_the_region_is_refused() -> None:
    village = region_town()

    refusal = refused(village, assign(REGION_ITEM, GUANCHUAN, 100, DING), WorkError)

    assert "直接下级组织或区域共建成员" in refusal.zh


def test_a_village_that_left_the_region_is_refused() -> None:
    village = region_town()
    village.handle(RemoveRegionMember(REGION, QINGWEIJIE, "退出共建", WANG, later(12.5)))

    refused(village, assign(REGION_ITEM, QINGWEIJIE, 100, DING, at=later(13)), WorkError)
