"""A small 象珠镇 to test units against, built through the real deciders (seed 001).

象珠镇党委 (root, superior 永康市委) → 第一党总支 → 清渭街村、官川村 branches; a party
group under 清渭街村; 农机小镇区域委员会 (seed 004) under the committee. 汪书记 is the
committee's secretary, 丁组委 its organizing member, 胡泰来 官川村's secretary.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from dangjian_core.grids.commands import (
    AddHousehold,
    AssignBlockPost,
    LayOutBlock,
    LinkHousehold,
)
from dangjian_core.grids.events import BlockSize, GridPost
from dangjian_core.kernel.ids import BranchId, PersonId, TaskId
from dangjian_core.people.commands import RegisterPerson
from dangjian_core.people.events import PartyStatus
from dangjian_core.tasks.commands import ApproveCompletion, ClaimTask, IssueTask, SubmitCompletion
from dangjian_core.tasks.events import Audience, SourceKind
from dangjian_core.units.commands import AddRegionMember, AppointRole, FoundUnit
from dangjian_core.units.events import UnitKind
from dangjian_core.units.roles import Role
from tests.core.given import Village
from tests.support import CST

DAY0 = datetime(2018, 1, 2, 9, 0, tzinfo=CST)
COUNTY = "yongkang-shiwei"  # 永康市委, the committee's superior
TOWN = BranchId("xiangzhu")  # 象珠镇党委
ZONGZHI = BranchId("xz-zongzhi")  # 第一党总支
QINGWEIJIE = BranchId("qingweijie")  # 清渭街村党支部
GUANCHUAN = BranchId("guanchuan")  # 官川村党支部
GROUP = BranchId("qwj-group-1")  # 清渭街村第一网格党小组
REGION = BranchId("njxz-region")  # 农机小镇区域委员会
WANG = PersonId("wang-sj")  # 党委书记
DING = PersonId("ding-zw")  # 党委组织委员
HU = PersonId("hu-tailai")  # 官川村党支部书记 胡泰来
LV = PersonId("lv-gexin")  # 清渭街村党员
CHEN = PersonId("chen-tianyun")  # 清渭街村党员, later 路长
WU = PersonId("wu-zy")  # 清渭街村党员 with a completion awaiting review
T1 = TaskId("T1")
LARGE = "qwj-d1"  # 清渭街村第一大网格
SMALL = "qwj-x1"  # 清渭街村第一小网格
HOUSEHOLD = "qwj-h1"  # 吕大伯家, a low-income household


def later(days: float) -> datetime:
    """``days`` after the town was set up."""
    return DAY0 + timedelta(days=days)


def found(unit_id: str, kind: UnitKind, name: str, parent: str | None, actor: str) -> FoundUnit:
    """Found a unit on DAY0."""
    parent_id = None if parent is None else BranchId(parent)
    return FoundUnit(BranchId(unit_id), kind, name, parent_id, 1, actor, DAY0)


def register(person: str, unit: str, name: str, actor: str = COUNTY) -> RegisterPerson:
    """A full member since 1990 on ``unit``'s roll."""
    return RegisterPerson(
        PersonId(person), BranchId(unit), name, PartyStatus.FULL, date(1990, 7, 1), actor, DAY0
    )


def appoint(unit: str, person: str, role: Role, actor: str, at: datetime = DAY0) -> AppointRole:
    """Appoint ``person`` to ``role`` in ``unit``."""
    return AppointRole(BranchId(unit), PersonId(person), role, actor, at)


def setup() -> list[Any]:
    """The commands that build the town."""
    return [
        found(TOWN, UnitKind.TOWN_COMMITTEE, "象珠镇党委", None, COUNTY),
        register(WANG, TOWN, "汪书记"),
        register(DING, TOWN, "丁组委"),
        appoint(TOWN, WANG, Role.SECRETARY, COUNTY),
        appoint(TOWN, DING, Role.ORGANIZING, COUNTY),
        found(ZONGZHI, UnitKind.GENERAL_BRANCH, "象珠镇第一党总支", TOWN, WANG),
        found(QINGWEIJIE, UnitKind.BRANCH, "清渭街村党支部", ZONGZHI, DING),
        found(GUANCHUAN, UnitKind.BRANCH, "官川村党支部", ZONGZHI, WANG),
        found(GROUP, UnitKind.PARTY_GROUP, "清渭街村第一网格党小组", QINGWEIJIE, WANG),
        found(REGION, UnitKind.REGIONAL_COMMITTEE, "农机小镇区域委员会", TOWN, WANG),
        register(HU, GUANCHUAN, "胡泰来", WANG),
        register(LV, QINGWEIJIE, "吕革新", WANG),
        register(CHEN, QINGWEIJIE, "陈天云", WANG),
        appoint(GUANCHUAN, HU, Role.SECRETARY, WANG),
    ]


def town() -> Village:
    """The town, every setup command applied."""
    village = Village()
    for command in setup():
        village.handle(command)
    return village


def unit(village: Village, unit_id: str) -> Any:
    """The folded state of a unit."""
    return village.states[f"branch-{unit_id}"]


def task_town() -> Village:
    """The town with 吕革新 as 清渭街村's secretary; task T1 issued by him, 陈天云's
    completion approved, 吴志远's awaiting review; 清渭街村 in the 农机小镇 region, with
    a first grid (see :func:`grid`)."""
    village = town()
    village.handle(appoint(QINGWEIJIE, LV, Role.SECRETARY, WANG))
    village.handle(register(WU, QINGWEIJIE, "吴志远", WANG))
    members = (Audience.MEMBERS,)
    village.handle(
        IssueTask(
            T1,
            QINGWEIJIE,
            "环境卫生整治",
            "环境卫生整治",
            5,
            5,
            later(60),
            members,
            SourceKind.VILLAGE,
            "",
            LV,
            later(1),
        )
    )
    for person in (CHEN, WU):
        village.handle(ClaimTask(T1, person, later(2)))
        village.handle(SubmitCompletion(T1, "已完成", (), person, later(3)))
    village.handle(ApproveCompletion(T1, CHEN, None, "", LV, later(4)))
    village.handle(AddRegionMember(REGION, QINGWEIJIE, WANG, later(4)))
    for command in grid(LV, later(4)):
        village.handle(command)
    return village


def grid(actor: str, at: datetime) -> list[Any]:
    """清渭街村's first large block with one small block: 陈天云 its party member, linked
    to the low-income household of 吕大伯 (seed 001)."""
    return [
        LayOutBlock(LARGE, QINGWEIJIE, "第一大网格", BlockSize.LARGE, None, actor, at),
        LayOutBlock(SMALL, QINGWEIJIE, "第一小网格", BlockSize.SMALL, LARGE, actor, at),
        AssignBlockPost(SMALL, GridPost.MEMBER, CHEN, actor, at),
        AddHousehold(SMALL, HOUSEHOLD, "吕大伯", True, actor, at),
        LinkHousehold(SMALL, HOUSEHOLD, CHEN, actor, at),
    ]
