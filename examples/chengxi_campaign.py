"""城西新区攻坚点、促提升 — 33 key problems in six months, task forces led by the leadership
team, milestones with measured results, a dashboard, and one young cadre's growth record
(seeds 004 and 000, DOMAIN.md §5).

From the seed articles: 城西新区 lists 33 重难点工作 and plans to solve them in six months;
25 have started. Each has a 攻坚党小组 led by a member of the leadership team (领导班子),
with first secretaries sent down, 两代表一委员, young cadres of the 突击队, liaison cadres
and office staff. 纪工委书记朱敏 leads the one on 木长降村's house rebuilding, restarted on
the 25th, and on moving graves for the 330国道; 叶建永 leads the one on 金山头村's
collective economy, with its first secretary 唐伟; 胡东升, a young liaison cadre, learns on
the job (红色成长). 象珠镇's three battles have four battlefields each; on S316省道 it has
cleared 30.3208 公顷, moved 231 穴 of graves and signed 27 幢 of house agreements, and 后渠
自然村's 35 户 have their plots publicly posted (批基公示).

Here (fixed seed; the other problems' titles, the members' names and the measured figures
of 城西新区 generated): the campaign, its six fronts and 33 problems with their task forces
(members from the district and from the villages), two milestones each, 25 started with
progress reported and evidence; one milestone recorded as over-fulfilment, another refused
until it is; a task and a work item the house rebuilding spawned, rolled up; the dashboard
on 2019-09-30 with the overdue problems flagged, exported as a printable page; 胡东升's
growth record; then 象珠镇's three battles with the seed's measured results.

Run: ``python examples/chengxi_campaign.py [DB_PATH]`` (in memory without a path).
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta, timezone
from decimal import ROUND_FLOOR, Decimal
from pathlib import Path
from typing import Any

import attrs
from rich.console import Console

from adapters.app import Dangjian, open_app
from adapters.boards.campaigns import amount_of, dashboard_board, growth_board
from adapters.boards.html import write_html
from adapters.cli.campaigns.views import dashboard_lines
from adapters.cli.messages import sentence
from adapters.views.campaigns import CampaignQueries
from dangjian_core.campaigns.commands import (
    CompleteProblem,
    FormTaskForce,
    JoinTaskForce,
    LaunchCampaign,
    LinkWork,
    ListProblem,
    OpenFront,
    ReportMilestoneProgress,
    SetMilestone,
    StartProblem,
)
from dangjian_core.campaigns.queries import ProgressStatus
from dangjian_core.campaigns.values import Capacity, LinkKind, amount_text
from dangjian_core.kernel.errors import DomainError
from dangjian_core.people.commands import RegisterPerson
from dangjian_core.people.events import PartyStatus
from dangjian_core.tasks.commands import ApproveCompletion, ClaimTask, IssueTask, SubmitCompletion
from dangjian_core.tasks.events import Audience, SourceKind
from dangjian_core.units.commands import AppointRole, FoundUnit
from dangjian_core.units.events import UnitKind
from dangjian_core.units.roles import Role
from dangjian_core.work.commands import IssueWorkItem, ReportWorkProgress

CST = timezone(timedelta(hours=8))
SEED = 2019
COUNTY, DISTRICT, CAMPAIGN = "yongkang-shiwei", "chengxi", "gongjian-2019"
YE, ZHU, HU, TANG, CHEN = "ye-jianyong", "zhu-min", "hu-dongsheng", "tang-wei", "chen-tianyun"
VILLAGES = {"muchangjiang": "木长降村", "jinshantou": "金山头村", "huachuan": "花川村",
            "shangxie": "上谢村", "youcaotang": "油草塘村", "fanzhai": "范宅村"}  # fmt: skip
#: The fronts and their problems: the seed's named ones first, then generated titles.
FRONTS = {
    "nongfang": ("农房改造", ["木长降村农房改造", "油草塘村农房改造收尾", "范宅村危旧房改造",
                              "上谢村农房改造", "花川村农房改造", "西田畈村农房改造"]),
    "zhengqian": ("征迁与政策处理", ["330国道木长降村段移坟", "电商物流小镇征地", "梅堂区块征迁",
                                     "S38连接线政策处理", "溪湾周村留用地", "寺口方村征迁",
                                     "叶儿坑村移坟"]),
    "jiti": ("集体经济", ["金山头村集体经济", "塘景村集体经济", "应益村物业经济",
                          "上谢村百亩莲子基地", "花川村留用地开发"]),
    "xiangmu": ("项目建设", ["田园综合体", "油草塘村生态公园", "电商创业园", "医疗养老中心",
                             "教育基地", "商业服务区"]),
    "huanjing": ("环境整治", ["五水共治", "垃圾分类", "治危拆违", "红色美丽线",
                              "西周路沿线整治"]),
    "fuwu": ("服务企业", ["规上企业党组织全覆盖", "红色车间创建", "企业用工保障",
                          "小微企业园配套"]),
}  # fmt: skip
AS_OF = date(2019, 9, 30)
SURNAMES = "应胡楼吕徐朱叶谢范姚陈王李周"
GIVEN = "建国志明华红兵平安永福德文海涛玉兰英芳秀云山伟强东晨宇浩"


def moment(day: date, hour: int = 9) -> datetime:
    """A time on ``day`` in 北京时间."""
    return datetime.combine(day, time(hour), tzinfo=CST)


def person(pid: str, unit: str, name: str) -> RegisterPerson:
    """A full member on ``unit``'s roll."""
    day0 = moment(date(2019, 6, 20))
    return RegisterPerson(pid, unit, name, PartyStatus.FULL, date(2005, 7, 1), COUNTY, day0)


def names(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct generated Chinese names, none of the seed's."""
    found: list[str] = []
    taken = {"叶建永", "朱敏", "胡东升", "陈天云", "唐伟"}
    while len(found) < count:
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        if name not in taken:
            taken.add(name)
            found.append(name)
    return found


def district(rng: random.Random) -> tuple[list[Any], dict[str, list[str]]]:
    """城西新区, its villages, its leadership team and the pools members are drawn from."""
    generated = iter(names(rng, 3 + 12 + 8 + 8 + 6))
    day0 = moment(date(2019, 6, 20))
    commands: list[Any] = [
        FoundUnit(DISTRICT, UnitKind.TOWN_COMMITTEE, "城西新区党委", None, 1, COUNTY, day0)
    ]
    commands += [
        FoundUnit(vid, UnitKind.BRANCH, f"{name}党支部", DISTRICT, 1, COUNTY, day0)
        for vid, name in VILLAGES.items()
    ]
    named = {YE: "叶建永", ZHU: "朱敏", HU: "胡东升", CHEN: "陈天云"}
    commands += [person(pid, DISTRICT, name) for pid, name in named.items()]
    commands.append(person(TANG, "jinshantou", "唐伟"))
    leaders = [YE, ZHU, "cx-lead-1", "cx-lead-2", "cx-lead-3"]
    roles = [Role.SECRETARY, Role.DISCIPLINE, Role.DEPUTY_SECRETARY, Role.ORGANIZING]
    roles.append(Role.PUBLICITY)
    for pid, role in zip(leaders, roles, strict=True):
        if pid.startswith("cx-lead"):
            commands.append(person(pid, DISTRICT, next(generated)))
        commands.append(AppointRole(DISTRICT, pid, role, COUNTY, day0))
    pools: dict[str, list[str]] = {"leaders": leaders}
    for kind, count in (("young", 12), ("liaison", 8), ("office", 8), ("rep", 6)):
        ids = [f"cx-{kind}-{i:02d}" for i in range(1, count + 1)]
        commands += [person(pid, DISTRICT, next(generated)) for pid in ids]
        pools[kind] = ids
    for vid in VILLAGES:
        commands.append(person(f"{vid}-sj", vid, f"{VILLAGES[vid]}书记"))
        commands.append(AppointRole(vid, f"{vid}-sj", Role.SECRETARY, COUNTY, day0))
        commands += [person(f"{vid}-m{i}", vid, f"{VILLAGES[vid]}党员{i}") for i in (1, 2, 3)]
    return commands, pools


def plan(rng: random.Random, pools: dict[str, list[str]]) -> list[Any]:
    """The campaign, fronts, 33 problems with task forces and two milestones each."""
    at = moment(date(2019, 7, 2))
    commands: list[Any] = [
        LaunchCampaign(CAMPAIGN, DISTRICT, "攻坚点、促提升", date(2019, 7, 1), date(2019, 12, 31), YE, at)
    ]  # fmt: skip
    number = 0
    for front_id, (name, titles) in FRONTS.items():
        commands.append(OpenFront(CAMPAIGN, front_id, name, YE, at))
        for title in titles:
            number += 1
            pid = f"p{number:02d}"
            leader = {1: ZHU, 7: ZHU, 19: YE}.get(number, pools["leaders"][number % 5])
            commands.append(ListProblem(CAMPAIGN, pid, front_id, title, YE, at))
            formed = moment(date(2019, 7, 5))
            commands.append(FormTaskForce(CAMPAIGN, pid, leader, formed.date(), YE, formed))
            commands += members(rng, pid, number, pools, leader, formed)
            commands += milestones(rng, pid, number, leader)
    return commands


def members(
    rng: random.Random,
    pid: str,
    number: int,
    pools: dict[str, list[str]],
    leader: str,
    at: datetime,
) -> list[Any]:
    """Four or five members from across units, joining on the day the task force formed."""
    picks = [
        (HU if number in (1, 7) else rng.choice(pools["young"]), Capacity.YOUNG_CADRE, DISTRICT),
        (rng.choice(pools["liaison"]), Capacity.LIAISON, DISTRICT),
        (CHEN if number == 29 else rng.choice(pools["rep"]), Capacity.REPRESENTATIVE, DISTRICT),
        (rng.choice(pools["office"]), Capacity.OFFICE_STAFF, DISTRICT),
    ]
    if number == 1:
        picks[0] = (HU, Capacity.LIAISON, DISTRICT)
        picks[1] = ("muchangjiang-m1", Capacity.REPRESENTATIVE, "muchangjiang")
    if number == 19:
        picks.append((TANG, Capacity.FIRST_SECRETARY, "jinshantou"))
    return [
        JoinTaskForce(CAMPAIGN, pid, who, capacity, home, at.date(), leader, at)
        for who, capacity, home in picks
    ]


#: The named problems' milestones: (title, due, target, measure).
NAMED = {
    1: [("农房改造协议签订", date(2019, 8, 31), "64", "幢"), ("批基公示", date(2019, 10, 31), "64", "户")],
    7: [("坟墓迁移", date(2019, 9, 15), "86", "穴"), ("土地清表", date(2019, 11, 30), "12.375", "公顷")],
    19: [("帮扶企业结对", date(2019, 8, 15), "3", "家"), ("集体经济增收", date(2019, 12, 20), "35.5", "万元")],
}  # fmt: skip


def milestones(rng: random.Random, pid: str, number: int, leader: str) -> list[Any]:
    """Two milestones: the named problems' from :data:`NAMED`, generated for the others."""
    at = moment(date(2019, 7, 8))
    marks = NAMED.get(number) or [
        ("前期摸排", date(2019, 8, rng.randint(10, 31)), str(rng.randint(10, 80)), "户"),
        ("主体推进", date(2019, rng.randint(9, 12), 28), str(rng.randint(5, 40)), "项"),
    ]
    return [
        SetMilestone(CAMPAIGN, pid, n, title, due, target, measure, leader, at)
        for n, (title, due, target, measure) in enumerate(marks, start=1)
    ]


def progress(
    rng: random.Random,
    leaders: dict[str, str],
    reporters: dict[str, str],
    targets: dict[tuple[str, int], Decimal],
) -> list[Any]:
    """25 problems started; reports with evidence until the end of September."""
    commands: list[Any] = []
    for number in range(1, 26):
        pid = f"p{number:02d}"
        started = date(2019, 7, 25) if number == 1 else date(2019, 7, 10 + number % 20)
        commands.append(StartProblem(CAMPAIGN, pid, started, leaders[pid], moment(started)))
        for n in (1, 2):
            target = targets[(pid, n)]
            share = (
                Decimal(rng.choice((30, 60, 100, 100))) / 100
                if n == 1
                else Decimal(rng.choice((0, 20, 50))) / 100
            )
            whole = target == target.to_integral_value()  # 户、穴、幢 are counted whole
            done = (target * share).quantize(Decimal(1) if whole else Decimal("0.001"), ROUND_FLOOR)
            day = started + timedelta(days=20 + 5 * n)
            if done > 0:
                commands.append(ReportMilestoneProgress(
                    CAMPAIGN, pid, n, amount_text(done), day, f"台账第{n}册、现场照片", reporters[pid], moment(day, 17)
                ))  # fmt: skip
    return commands


def tell(console: Console, app: Dangjian, commands: Iterable[Any], quiet: bool = True) -> None:
    """Handle each command in time order; print what was recorded unless ``quiet``."""
    for command in sorted(commands, key=lambda c: c.at):
        outcome = app.handle(command)
        if not quiet:
            for recorded in outcome.events:
                console.print(f"  {sentence(recorded.event)}", soft_wrap=True)


#: 胡东升's report of 66 幢 signed against a target of 64 on 木长降村's house rebuilding.
OVER = ReportMilestoneProgress(
    CAMPAIGN, "p01", 1, "66", date(2019, 8, 30), "签约台账第1–66号", HU,
    datetime(2019, 8, 30, 16, tzinfo=CST),
)  # fmt: skip


def mucj() -> list[Any]:
    """木长降村: the task and work item spawned, linked; the graves moved and the land
    cleared for the 330国道, and that problem completed."""
    secretary, at = "muchangjiang-sj", moment(date(2019, 8, 1))
    spawned: list[Any] = [
        IssueTask("mcj-t1", "muchangjiang", "上门解读农房改造政策", "农房改造", 2, 10,
                  moment(date(2019, 9, 30)), (Audience.MEMBERS,), SourceKind.VILLAGE, "", secretary, at),
        IssueWorkItem("cx-w330", DISTRICT, "330国道木长降村段移坟", "穴", 86, moment(date(2019, 9, 15)), YE, at),
    ]  # fmt: skip
    for i in (1, 2, 3):
        member, day_i = f"muchangjiang-m{i}", moment(date(2019, 8, 2 + i))
        spawned += [
            ClaimTask("mcj-t1", member, day_i),
            SubmitCompletion("mcj-t1", "已上门解读", (), member, day_i + timedelta(hours=3)),
        ]
        if i < 3:
            spawned.append(
                ApproveCompletion("mcj-t1", member, None, "", secretary, day_i + timedelta(hours=5))
            )
    spawned += [
        LinkWork(CAMPAIGN, "p01", LinkKind.TASK, "mcj-t1", ZHU, moment(date(2019, 8, 10))),
        LinkWork(CAMPAIGN, "p07", LinkKind.WORK_ITEM, "cx-w330", ZHU, moment(date(2019, 8, 10))),
        ReportWorkProgress("cx-w330", 52, "已签迁坟协议52穴", YE, moment(date(2019, 8, 20))),
        ReportMilestoneProgress(CAMPAIGN, "p07", 1, "86", date(2019, 9, 12),
                                "迁坟协议与现场照片", HU, moment(date(2019, 9, 12), 17)),
        ReportMilestoneProgress(CAMPAIGN, "p07", 2, "12.375", date(2019, 9, 18),
                                "清表验收单", HU, moment(date(2019, 9, 18), 17)),
        CompleteProblem(CAMPAIGN, "p07", date(2019, 9, 20), ZHU, moment(date(2019, 9, 20), 18)),
    ]  # fmt: skip
    return spawned


#: 象珠镇's three battles, four battlefields each, and the seed's measured results on some:
#: (battlefield, [(milestone, target, measure, achieved)]).
BATTLES = {
    "jiaotong": ("交通项目大会战", [
        ("永义公路", [("施工推进", "100", "%", "60")]),
        ("枫坑隧道", [("隧道贯通", "1", "座", "1")]),
        ("S316省道", [("土地清表及耕作层剥离", "30.3208", "公顷", "30.3208"),
                      ("坟墓迁移", "231", "穴", "231"), ("农房拆迁协议签订", "27", "幢", "27")]),
        ("大永线拓宽", [("路基完成", "2", "段", "2")]),
    ]),
    "wujin": ("五金产业转型战", [
        ("建工小微园", [("厂房开工", "100", "%", "20")]),
        ("二利小微园", [("污水项目", "100", "%", "50")]),
        ("汪溪田小微园", [("一期投产", "1", "期", "1")]),
        ("柳墅小微园", [("配套工程", "100", "%", "40")]),
    ]),
    "chaiqian": ("拆迁安置阵地战", [
        ("后渠自然村", [("批基公示", "35", "户", "35")]),
        ("西寮自然村", [("一期定桩放样", "91", "户", "45")]),
        ("木渠村", [("批基公示", "66", "户", "66")]),
        ("横渡自然村", [("坟墓摸排", "200", "穴", "200")]),
    ]),
}  # fmt: skip


def xiangzhu(console: Console, app: Dangjian) -> None:
    """象珠镇: three battles, four battlefields each, with the seed's measured results."""
    day0, c = moment(date(2022, 1, 4)), "sanchang-2022"
    chen = "chen-yingnan"
    commands: list[Any] = [
        FoundUnit("xiangzhu", UnitKind.TOWN_COMMITTEE, "象珠镇党委", None, 1, COUNTY, day0),
        RegisterPerson(
            chen, "xiangzhu", "陈英男", PartyStatus.FULL, date(2000, 7, 1), COUNTY, day0
        ),
        AppointRole("xiangzhu", chen, Role.SECRETARY, COUNTY, day0),
        LaunchCampaign(c, "xiangzhu", "三场硬仗", date(2022, 1, 1), date(2022, 12, 31), chen, day0),
    ]
    reported = moment(date(2022, 6, 28), 17)
    for front_id, (battle, fields) in BATTLES.items():
        commands.append(OpenFront(c, front_id, battle, chen, day0))
        for k, (field, marks) in enumerate(fields, start=1):
            pid = f"{front_id}-{k}"
            commands += [
                ListProblem(c, pid, front_id, field, chen, day0),
                FormTaskForce(c, pid, chen, day0.date(), chen, day0),
                StartProblem(c, pid, date(2022, 1, 10), chen, moment(date(2022, 1, 10))),
            ]
            if all(achieved == target for _, target, _, achieved in marks):
                commands.append(
                    CompleteProblem(c, pid, date(2022, 6, 29), chen, moment(date(2022, 6, 29)))
                )
            for n, (title, target, measure, achieved) in enumerate(marks, start=1):
                commands += [
                    SetMilestone(c, pid, n, title, date(2022, 12, 31), target, measure, chen, day0),
                    ReportMilestoneProgress(c, pid, n, achieved, reported.date(),
                                            "镇重点工作月报", chen, reported),
                ]  # fmt: skip
    tell(console, app, commands)
    found = CampaignQueries(app.store).board(c, date(2022, 6, 30))
    console.print(
        f"象珠镇三场硬仗: {len(found.fronts)} 场, 每场 {len(found.fronts[0].problems)} 个战场, "
        f"共 {found.problems} 个: {found.counts[ProgressStatus.DONE]} 个已完成, "
        f"{found.counts[ProgressStatus.ON_TRACK]} 个按期推进",
        soft_wrap=True,
    )
    for front in found.fronts:
        for line in front.problems:
            if line.title in ("S316省道", "后渠自然村"):
                marks = "、".join(
                    f"{m.title} {amount_of(m.achieved, m.measure)}" for m in line.milestones
                )
                console.print(f"  {front.name}·{line.title}: {marks}", soft_wrap=True)


def main() -> int:
    """Tell the campaign, print the dashboard and the growth record, then 象珠镇."""
    url = f"sqlite:///{sys.argv[1]}" if len(sys.argv) > 1 else "memory://"
    rng = random.Random(SEED)
    console = Console(highlight=False)
    with open_app(url) as app:
        setup, pools = district(rng)
        tell(console, app, setup)
        commands = plan(rng, pools)
        tell(console, app, commands)
        leaders = {c.problem_id: c.leader_id for c in commands if isinstance(c, FormTaskForce)}
        young = {c.problem_id: c.person_id for c in commands
                 if isinstance(c, JoinTaskForce) and c.person_id in (HU, *pools["young"])}  # fmt: skip
        targets = {
            (c.problem_id, c.milestone_no): Decimal(c.target)
            for c in commands
            if isinstance(c, SetMilestone)
        }
        console.print(
            f"城西新区「攻坚点、促提升」: {len(leaders)} 个重难点问题, 6 个战场, 每个攻坚点一个攻坚党小组",
            style="bold",
        )
        reporters = {pid: young.get(pid, leaders[pid]) for pid in leaders}
        timeline = [*progress(rng, leaders, reporters, targets), *mucj()]
        tell(console, app, (c for c in timeline if c.at < OVER.at))
        try:
            app.handle(OVER)
        except DomainError as refusal:
            console.print(f"拒绝: {refusal.zh}", soft_wrap=True)
        console.print("木长降村农房改造: 超额完成登记后才记入", style="bold")
        tell(console, app, [attrs.evolve(OVER, over_fulfilment=True)], quiet=False)
        tell(console, app, (c for c in timeline if c.at > OVER.at))
        queries = CampaignQueries(app.store)
        found = queries.board(CAMPAIGN, AS_OF)
        names = {
            p.leader_id: queries.name_of(p.leader_id)
            for f in found.fronts
            for p in f.problems
            if p.leader_id
        }
        for line in dashboard_lines(found, names)[:2]:
            console.print(line)
        overdue = [
            p.title
            for f in found.fronts
            for p in f.problems
            if p.standing is ProgressStatus.OVERDUE
        ]
        console.print(f"{AS_OF} 已逾期: {'、'.join(overdue)}", soft_wrap=True)
        for pid in ("p01", "p07"):
            view = queries.problem(CAMPAIGN, pid, AS_OF)
            parts = "、".join(
                f"{p.kind.zh}「{p.title}」{p.done}/{p.target}" for p in view.linked.parts
            )
            console.print(
                f"{view.line.title}关联工作合计: 完成 {view.linked.done} / 目标 {view.linked.target} "
                f"({parts}); {view.line.standing.zh}",
                soft_wrap=True,
            )
        record, name, unit_name = queries.growth(HU)
        console.print(
            f"{name} 红色成长档案: 攻坚党小组 {len(record.services)} 个 "
            f"({'、'.join(f'{s.problem}({s.capacity.zh})' for s in record.services)}), "
            f"报告进展 {len(record.contributions)} 次, 使 {record.milestones_reached} 个节点达标, "
            f"所在攻坚点完成 {record.problems_completed} 个",
            soft_wrap=True,
        )
        for c in record.contributions:
            console.print(
                f"  {c.reported_on} {c.problem}·{c.milestone} {amount_of(c.achieved, c.measure)} 佐证: {c.evidence}{' (达标)' if c.reached else ''}",
                soft_wrap=True,
            )
        with tempfile.TemporaryDirectory(dir=os.environ.get("DANGJIAN_EXAMPLE_DIR")) as scratch:
            page = Path(scratch) / "growth.html"
            write_html(growth_board(record, name, unit_name, AS_OF), page)
            board = Path(scratch) / "dashboard.html"
            write_html(dashboard_board(found, "城西新区党委", names), board)
            printed = (
                "红色成长档案" in page.read_text(encoding="utf-8"),
                "攻坚看板" in board.read_text(encoding="utf-8"),
            )
        console.print(f"已导出可打印的攻坚看板和红色成长档案: {'是' if all(printed) else '否'}")
        xiangzhu(console, app)
    return 0


if __name__ == "__main__":
    sys.exit(main())
