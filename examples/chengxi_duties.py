"""城西新区职责 — road chiefs (路长制), red workshops (红色车间) and the 农机小镇 regional
committee assigning work to its ten villages (seed 004, DOMAIN.md §3, §5).

From the seed article: every main road of 城西新区 has a party-member road chief; 陈天云,
a city party-congress delegate, is the chief of 西周路 (about 400 m, 17 enterprises) and
has patrolled it at least once every three days since April. Seven red workshops get a
party-building instructor every month. 农机小镇区域委员会 joins ten villages (花川、上谢、
油草塘、塘景、寺口方、叶儿坑、应益、木长降、西田畈、溪湾周).

Here: 城西新区党委 assigns six main roads (西周路 to 陈天云), every three days from 1 April
2021; the chiefs patrol through June, one of them (李店路) misses a stretch in May, which
the compliance report flags, dated, exactly once; a problem 陈天云 finds becomes a task in
one step. Seven red workshops are visited monthly, all kept. The zone gives the regional
committee 50 处 of 美丽乡村环境整治, and the committee gives each member village 5. The
98 above-scale enterprises go on the register; 79 found a party organization in the
first half, 永康多德士工贸 its branch on 9 July, and the coverage ratio is printed by date.

Run: ``python examples/chengxi_duties.py [DB_PATH]`` (in memory without a path).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from adapters.app import Dangjian, open_app
from adapters.cli.messages import sentence
from adapters.views.coverage import CoverageQueries
from adapters.views.duties import DutyQueries
from dangjian_core.coverage.commands import ListEnterprise, RecordPartyOrganization
from dangjian_core.coverage.events import OrganizationForm
from dangjian_core.duties.commands import AssignDuty, LogPatrol, ReportProblem
from dangjian_core.duties.events import CadenceUnit, DutyKind, FollowKind
from dangjian_core.kernel.ids import BranchId, PersonId
from dangjian_core.kernel.time import LOCAL
from dangjian_core.people.commands import RegisterPerson
from dangjian_core.people.events import PartyStatus
from dangjian_core.units.commands import AddRegionMember, AppointRole, FoundUnit
from dangjian_core.units.events import UnitKind
from dangjian_core.units.roles import Role
from dangjian_core.work.commands import AcceptWorkShare, AssignWorkShare, IssueWorkItem
from dangjian_core.work.events import WorkItemId, share_id

CITY = "yongkang-shiwei"  # 永康市委
ZONE = BranchId("chengxi")  # 城西新区党委
REGION = BranchId("njxz")  # 农机小镇区域委员会
YE, ZHU, CHEN = PersonId("ye-jianyong"), PersonId("zhu-min"), PersonId("chen-tianyun")
APRIL, END = date(2021, 4, 1), date(2021, 6, 30)
ROADS = {  # road id: (name, details, chief id, chief's name)
    "xizhou": ("西周路", "长约400米, 企业17家", CHEN, "陈天云"),
    "lidian": ("李店路", "李店片红色美丽线", PersonId("li-hua"), "李华"),
    "huachuan": ("花川路", "电商物流小镇", PersonId("yao-shu"), "姚舒"),
    "meitang": ("梅堂路", "梅堂区块", PersonId("hu-dong"), "胡东"),
    "shangxie": ("上谢路", "百亩荷花基地", PersonId("xie-ting"), "谢庭"),
    "fanzhai": ("范宅路", "街角小品", PersonId("fan-chao"), "范超"),
}
#: 李店路's chief misses the patrols due from 10 to 20 May.
MISSED = (date(2021, 5, 10), date(2021, 5, 20))
#: The day 永康多德士工贸 founded its branch (本月9日).
JULY_9 = date(2021, 7, 9)
WORKSHOPS = ("新多集团", "多德士工贸", "永康五金", "城西机电", "花川物流", "梅堂电器", "上谢农业")
VILLAGES = (
    "花川",
    "上谢",
    "油草塘",
    "塘景",
    "寺口方",
    "叶儿坑",
    "应益",
    "木长降",
    "西田畈",
    "溪湾周",
)


def moment(day: date, hour: int = 18) -> datetime:
    """An instant on ``day`` in local time."""
    return datetime(day.year, day.month, day.day, hour, tzinfo=LOCAL)


def days(first: date, last: date, step: int) -> Iterable[date]:
    """Every ``step``-th day from ``first`` to ``last``."""
    day = first
    while day <= last:
        yield day
        day += timedelta(days=step)


def zone_setup() -> list[Any]:
    """城西新区党委, its secretary and organizing member, the road chiefs on its roll."""
    day0 = moment(date(2020, 12, 20), 9)
    people = {YE: "叶建永", ZHU: "朱敏", **{chief: name for _, _, chief, name in ROADS.values()}}
    commands: list[Any] = [
        FoundUnit(ZONE, UnitKind.TOWN_COMMITTEE, "城西新区党委", None, 1, CITY, day0)
    ]
    for person_id, name in people.items():
        commands.append(
            RegisterPerson(person_id, ZONE, name, PartyStatus.FULL, date(1990, 7, 1), CITY, day0)
        )
    commands += [
        AppointRole(ZONE, YE, Role.SECRETARY, CITY, day0),
        AppointRole(ZONE, ZHU, Role.ORGANIZING, CITY, day0),
    ]
    return commands


def roads() -> list[Any]:
    """路长制: six roads, every three days from 1 April; the chiefs' patrols through June."""
    commands: list[Any] = []
    for road_id, (name, details, chief, _) in ROADS.items():
        commands.append(
            AssignDuty(
                road_id,
                ZONE,
                DutyKind.ROAD,
                name,
                details,
                chief,
                3,
                CadenceUnit.DAY,
                APRIL,
                YE,
                moment(APRIL, 9),
            )
        )
        for day in days(APRIL + timedelta(days=2), END, 3):
            if road_id == "lidian" and MISSED[0] <= day <= MISSED[1]:
                continue
            commands.append(
                LogPatrol(
                    road_id,
                    day,
                    "巡查路面、企业门前",
                    chief,
                    moment(day),
                    (f"{road_id}-{day}.jpg",),
                )
            )
    return commands


def workshops() -> list[Any]:
    """红色车间: seven workshops, 朱敏 visiting each monthly."""
    commands: list[Any] = []
    for n, company in enumerate(WORKSHOPS, 1):
        duty_id = f"ws-{n}"
        commands.append(
            AssignDuty(
                duty_id,
                ZONE,
                DutyKind.WORKSHOP,
                f"{company}红色车间",
                "每月派出党建指导员",
                ZHU,
                1,
                CadenceUnit.MONTH,
                APRIL,
                YE,
                moment(APRIL, 9),
            )
        )
        for month in (4, 5, 6):
            day = date(2021, month, 10 + n)
            commands.append(LogPatrol(duty_id, day, "指导车间党建", ZHU, moment(day)))
    return commands


def region() -> list[Any]:
    """农机小镇区域委员会 and its ten villages, each with a secretary."""
    day0 = moment(APRIL - timedelta(days=4), 9)
    commands: list[Any] = [
        FoundUnit(REGION, UnitKind.REGIONAL_COMMITTEE, "农机小镇区域委员会", ZONE, 1, YE, day0),
        AppointRole(REGION, ZHU, Role.SECRETARY, YE, day0),
    ]
    for n, village in enumerate(VILLAGES, 1):
        unit, secretary = BranchId(f"v{n:02d}"), PersonId(f"sec-{n:02d}")
        commands += [
            FoundUnit(unit, UnitKind.BRANCH, f"{village}村党支部", ZONE, 1, YE, day0),
            RegisterPerson(
                secretary, unit, f"{village}书记", PartyStatus.FULL, date(1995, 7, 1), YE, day0
            ),
            AppointRole(unit, secretary, Role.SECRETARY, YE, day0),
            AddRegionMember(REGION, unit, YE, day0),
        ]
    return commands


def region_work() -> list[Any]:
    """50 处 of 美丽乡村环境整治 to the region, 5 to each village."""
    item, day = WorkItemId("W2021-mlxc"), moment(APRIL, 10)
    deadline = moment(date(2021, 12, 31))
    region_item = share_id(item, REGION)
    commands: list[Any] = [
        IssueWorkItem(item, ZONE, "美丽乡村环境整治", "处", 80, deadline, YE, day),
        AssignWorkShare(item, REGION, 50, YE, day),
        AcceptWorkShare(item, REGION, ZHU, day),
    ]
    for n in range(1, len(VILLAGES) + 1):
        unit = BranchId(f"v{n:02d}")
        commands += [
            AssignWorkShare(region_item, unit, 5, ZHU, day),
            AcceptWorkShare(region_item, unit, PersonId(f"sec-{n:02d}"), day),
        ]
    return commands


def enterprises() -> list[Any]:
    """红色全覆盖: 98 above-scale enterprises listed from 1 January; 79 found a party
    organization from 5 January on, one every other day (every fifth jointly with its
    neighbours); 永康多德士工贸 founds its own branch on 9 July."""
    listed = moment(date(2021, 1, 1), 9)
    names = [f"{company}有限公司" for company in WORKSHOPS if company != "多德士工贸"]
    names += [f"城西新区规上企业{n:02d}" for n in range(len(names) + 1, 98)]
    commands: list[Any] = [
        ListEnterprise(ZONE, "duodeshi", "永康多德士工贸有限公司", listed.date(), YE, listed)
    ]
    commands += [
        ListEnterprise(ZONE, f"e{n:02d}", name, listed.date(), YE, listed)
        for n, name in enumerate(names, 1)
    ]
    for n in range(1, 80):
        day = date(2021, 1, 5) + timedelta(days=2 * (n - 1))
        form = OrganizationForm.JOINT if n % 5 == 0 else OrganizationForm.OWN
        commands.append(RecordPartyOrganization(ZONE, f"e{n:02d}", day, form, ZHU, moment(day)))
    commands.append(
        RecordPartyOrganization(ZONE, "duodeshi", JULY_9, OrganizationForm.OWN, ZHU, moment(JULY_9))
    )
    return commands


def coverage_report(app: Dangjian) -> None:
    """The coverage at the end of each quarter and on the day 多德士工贸 founded its branch."""
    days = [date(2021, 3, 31), date(2021, 6, 30), JULY_9 - timedelta(days=1), JULY_9]
    series = CoverageQueries(app.store).over_time(ZONE, days)
    print(f"红色全覆盖: 规上企业 {series[-1].listed} 家")
    for found in series:
        print(f"  {found.on}: 已建立党组织 {found.covered} 家, 覆盖率 {found.percent}%")


def handle(app: Dangjian, commands: Iterable[Any]) -> list[Any]:
    """Handle the commands in the order of their times; the outcomes."""
    return [app.handle(command) for command in sorted(commands, key=lambda c: c.at)]


def main() -> int:
    """Tell the zone's quarter: the roads, the workshops, the region's work."""
    url = f"sqlite:///{sys.argv[1]}" if len(sys.argv) > 1 else "memory://"
    with open_app(url) as app:
        handle(app, zone_setup() + region())
        found = problem_on_patrol()
        commands = sorted([*roads(), *workshops(), found], key=lambda c: c.at)
        outcomes = dict(zip(map(id, commands), handle(app, commands), strict=True))
        outcome = outcomes[id(found)]
        said = "; ".join(sentence(r.event) for r in outcome.events)
        issued = sum(1 for f in outcome.follow_ups if f.ok and f.changed)
        print(f"陈天云巡查西周路发现问题, 一步转为任务: {said} (后续命令发布任务 {issued} 项)")
        report(app)
        outcomes = handle(app, region_work())
        shares = [
            r.event
            for o in outcomes
            for r in o.events
            if type(r.event).__name__ == "WorkShareAccepted"
        ]
        villages = [e for e in shares if e.unit_id != REGION]
        print(
            f"农机小镇区域委员会承接美丽乡村环境整治 50 处, 分解给 {len(villages)} 个成员村, "
            f"各 {villages[0].target} 处, 均已承接"
        )
        handle(app, enterprises())
        coverage_report(app)
    return 0


def problem_on_patrol() -> ReportProblem:
    """陈天云 finds construction material piled by 西周路; 叶建永 makes it a task at once."""
    day = date(2021, 4, 9)
    return ReportProblem(
        "xizhou",
        "P0409",
        day,
        "路边违规堆放建材",
        YE,
        moment(day, 19),
        to=FollowKind.TASK,
        follow_id="T-xz-0409",
        title="清理西周路违规堆放建材",
        deadline=moment(day + timedelta(days=7)),
        points=2,
        slots=2,
    )


def report(app: Dangjian) -> None:
    """The duties' compliance on 30 June: every gap with its dates."""
    queries = DutyQueries(app.store)
    found = queries.duties(ZONE, END)
    road_list = [d for d in found if d.kind == DutyKind.ROAD.value]
    shops = [d for d in found if d.kind == DutyKind.WORKSHOP.value]
    print(f"城西新区路长 {len(road_list)} 名, 每三天至少巡查一次 (截至 {END}):")
    for duty in road_list:
        gaps = "；".join(f"{g.first}—{g.last} ({g.days} 天)" for g in duty.record.gaps) or "无缺口"
        print(f"  {duty.object_name} 路长 {duty.holder_id}: 巡查 {duty.record.patrols} 次, {gaps}")
    kept = sum(1 for d in shops if d.record.kept)
    visits = sum(d.record.patrols for d in shops)
    print(f"红色车间 {len(shops)} 个, 党建指导员每月指导: 指导 {visits} 次, 按月履职 {kept} 个")


if __name__ == "__main__":
    sys.exit(main())
