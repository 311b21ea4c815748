"""城西新区 for the campaign tests (seed 004): 永康市委 → 城西新区党委 → 木长降村、金山头村
党支部, built through the real deciders in a :class:`~tests.core.world.World`.

叶建永 is the committee's secretary and 朱敏 its discipline member (纪工委书记: the
leadership team); 胡东升 is a young liaison cadre (联村干部, 突击队), 唐伟 金山头村's first
secretary, 陈天云 a city party representative (两代表一委员), 谢军 a villager on 木长降村's
roll; 应局 a member of nobody's leadership. The campaign 攻坚点、促提升 runs from 2019-07-01
to 2019-12-31 with one front (农房改造与征迁) and one problem (木长降村农房改造). Builders
below spell each command with the seed's words and plain defaults.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from dangjian_core.campaigns.commands import (
    CompleteProblem,
    FormTaskForce,
    JoinTaskForce,
    LaunchCampaign,
    LeaveTaskForce,
    LinkWork,
    ListProblem,
    OpenFront,
    ReportMilestoneProgress,
    SetMilestone,
    StartProblem,
)
from dangjian_core.campaigns.values import Capacity, LinkKind
from dangjian_core.kernel.ids import BranchId, PersonId, TaskId
from dangjian_core.people.commands import RegisterPerson
from dangjian_core.people.events import PartyStatus
from dangjian_core.tasks.commands import IssueTask
from dangjian_core.tasks.events import Audience, SourceKind
from dangjian_core.units.commands import AppointRole, FoundUnit
from dangjian_core.units.events import UnitKind
from dangjian_core.units.roles import Role
from dangjian_core.work.commands import IssueWorkItem
from dangjian_core.work.events import WorkItemId
from tests.core.world import World
from tests.support import CST

DAY0 = datetime(2019, 7, 1, 9, 0, tzinfo=CST)
COUNTY = "yongkang-shiwei"  # 永康市委
DISTRICT = BranchId("chengxi")  # 城西新区党委
MUCHANG = BranchId("muchangjiang")  # 木长降村党支部
JINSHAN = BranchId("jinshantou")  # 金山头村党支部
YE = PersonId("ye-jianyong")  # 叶建永, 党委书记
ZHU = PersonId("zhu-min")  # 朱敏, 纪工委书记 (纪检委员)
HU = PersonId("hu-dongsheng")  # 胡东升, 联村干部, 突击队
TANG = PersonId("tang-wei")  # 唐伟, 金山头村第一书记
CHEN = PersonId("chen-tianyun")  # 陈天云, 市党代表
XIE = PersonId("xie-jun")  # 谢军, 木长降村
OUTSIDER = PersonId("ying-ju")  # 应局, on the district's roll, in no leadership
ACTORS = (COUNTY, YE, ZHU, HU, TANG, CHEN, XIE, OUTSIDER)

CAMPAIGN = "gongjian-2019"
FRONT = "nongfang"  # 农房改造与征迁
PROBLEM = "muchang-nongfang"  # 木长降村农房改造
T1 = TaskId("mcj-t1")  # 木长降村: 上门解读政策
W1 = WorkItemId("cx-w1")  # 城西新区: 330国道移坟


def at(days: float) -> datetime:
    """``days`` after 2019-07-01 09:00 (China time)."""
    return DAY0 + timedelta(days=days)


def on(days: int) -> date:
    """The day ``days`` after 2019-07-01."""
    return date(2019, 7, 1) + timedelta(days=days)


def _register(person: str, unit: str, name: str) -> RegisterPerson:
    return RegisterPerson(
        PersonId(person), BranchId(unit), name, PartyStatus.FULL, date(2000, 7, 1), COUNTY, DAY0
    )


def setup() -> list[Any]:
    """The commands that build 城西新区, a task in 木长降村 and a work item of the district."""
    return [
        FoundUnit(DISTRICT, UnitKind.TOWN_COMMITTEE, "城西新区党委", None, 1, COUNTY, DAY0),
        FoundUnit(MUCHANG, UnitKind.BRANCH, "木长降村党支部", DISTRICT, 1, COUNTY, DAY0),
        FoundUnit(JINSHAN, UnitKind.BRANCH, "金山头村党支部", DISTRICT, 1, COUNTY, DAY0),
        _register(YE, DISTRICT, "叶建永"),
        _register(ZHU, DISTRICT, "朱敏"),
        _register(HU, DISTRICT, "胡东升"),
        _register(TANG, JINSHAN, "唐伟"),
        _register(CHEN, DISTRICT, "陈天云"),
        _register(XIE, MUCHANG, "谢军"),
        _register(OUTSIDER, DISTRICT, "应局"),
        AppointRole(DISTRICT, YE, Role.SECRETARY, COUNTY, DAY0),
        AppointRole(DISTRICT, ZHU, Role.DISCIPLINE, COUNTY, DAY0),
        AppointRole(MUCHANG, XIE, Role.SECRETARY, COUNTY, DAY0),
        IssueTask(
            T1, MUCHANG, "上门解读农房改造政策", "农房改造", 2, 4, at(60), (Audience.MEMBERS,),
            SourceKind.VILLAGE, "", XIE, at(1),
        ),
        IssueWorkItem(W1, DISTRICT, "330国道木长降村段移坟", "穴", 120, at(150), YE, at(1)),
    ]  # fmt: skip


@cache
def _district() -> World:
    world = World()
    for command in setup():
        world.handle(command)
    return world


def district() -> World:
    """城西新区 before any campaign (a fresh copy)."""
    return _district().copy()


def launch(**changes: Any) -> LaunchCampaign:
    """叶建永 launches 攻坚点、促提升 for July to December."""
    fields: dict[str, Any] = {
        "campaign_id": CAMPAIGN,
        "unit_id": DISTRICT,
        "name": "攻坚点、促提升",
        "starts": date(2019, 7, 1),
        "ends": date(2019, 12, 31),
        "actor_id": YE,
        "at": at(1),
    }
    return LaunchCampaign(**{**fields, **changes})


def front(front_id: str = FRONT, name: str = "农房改造与征迁", actor: str = YE) -> OpenFront:
    """A front of the campaign."""
    return OpenFront(CAMPAIGN, front_id, name, actor, at(1))


def problem(
    problem_id: str = PROBLEM, title: str = "木长降村农房改造", front_id: str = FRONT
) -> ListProblem:
    """A key problem on a front."""
    return ListProblem(CAMPAIGN, problem_id, front_id, title, YE, at(1))


def form(leader: str = ZHU, day: int = 2, actor: str = YE, problem_id: str = PROBLEM) -> Any:
    """朱敏 leads the task force from day ``day``."""
    return FormTaskForce(CAMPAIGN, problem_id, PersonId(leader), on(day), actor, at(day))


def join(
    person: str = HU,
    capacity: Capacity = Capacity.YOUNG_CADRE,
    home: str = DISTRICT,
    day: int = 3,
    actor: str = ZHU,
) -> JoinTaskForce:
    """A member joins the task force."""
    return JoinTaskForce(
        CAMPAIGN, PROBLEM, PersonId(person), capacity, BranchId(home), on(day), actor, at(day)
    )


def leave(person: str = HU, day: int = 90, actor: str = ZHU) -> LeaveTaskForce:
    """A member leaves the task force."""
    return LeaveTaskForce(CAMPAIGN, PROBLEM, PersonId(person), on(day), actor, at(day))


def start(day: int = 25, actor: str = ZHU) -> StartProblem:
    """The problem starts (再次启动, the 25th)."""
    return StartProblem(CAMPAIGN, PROBLEM, on(day), actor, at(day))


def milestone(
    number: int = 1,
    title: str = "农房改造协议签订",
    due: int = 60,
    target: str = "27",
    measure: str = "幢",
    actor: str = ZHU,
) -> SetMilestone:
    """A milestone: 27 幢 agreements signed by day ``due``."""
    return SetMilestone(CAMPAIGN, PROBLEM, number, title, on(due), target, measure, actor, at(5))


def report(
    achieved: str = "12",
    day: int = 40,
    actor: str = HU,
    number: int = 1,
    over: bool = False,
    evidence: str = "签约台账第1–12号",
) -> ReportMilestoneProgress:
    """A progress report on day ``day``."""
    return ReportMilestoneProgress(
        CAMPAIGN, PROBLEM, number, achieved, on(day), evidence, actor, at(day), over
    )


def complete(day: int = 70, actor: str = ZHU) -> CompleteProblem:
    """The problem is completed."""
    return CompleteProblem(CAMPAIGN, PROBLEM, on(day), actor, at(day))


def link(kind: LinkKind = LinkKind.TASK, target: str = T1, actor: str = ZHU) -> LinkWork:
    """Link a task or work item to the problem."""
    return LinkWork(CAMPAIGN, PROBLEM, kind, target, actor, at(6))


def campaign_world(*then: Any) -> World:
    """城西新区 with the campaign launched, its front and problem listed, 朱敏's task force
    formed with 胡东升 on it, started, and the 27 幢 milestone set; then ``then``."""
    world = district()
    for command in (launch(), front(), problem(), form(), join(), milestone(), start(), *then):
        world.handle(command)
    return world


@cache
def story_world() -> World:
    """城西新区 before any campaign, for the registry-driven story."""
    return _district()


#: One step per campaign command, in a plausible order, for the registry-driven story
#: (:mod:`tests.core.every_concept`).
STORY_STEPS: tuple[Any, ...] = (
    launch(),
    front(),
    problem(),
    form(),
    join(),
    join(TANG, Capacity.FIRST_SECRETARY, JINSHAN, day=4),
    milestone(),
    start(),
    link(),
    link(LinkKind.WORK_ITEM, W1),
    report(),
    report("27", day=55, evidence="签约台账第13–27号"),
    leave(TANG, day=60),
    complete(),
)
