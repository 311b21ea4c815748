"""平山镇公开承诺 — 司山党小组's 2017 public commitments, from pledge to stars, and the town
at scale (seed 003, DOMAIN.md §4).

From the seed article: on the board of 大洼社区司山村民组, the 15 members of 司山党小组 show
who they are and what they pledge — 党小组长程军 repairs the group's street lights and
helps one low-income household; 理事长胡汪节 handles the group's affairs and cares for old
people living alone; 程秉奎 sweeps the group's roads and settles quarrels — and the group
pledges 修路、换路灯、绿化 for 2017. The branch vets every commitment (把关); the town's
villages post 60-odd collective pledges and 1,200-odd members' pledges.

Here (fixed seed, the other 12 members' names and pledges generated): 大洼社区 adopts its
assessment rule; the 15 members and the group draft; the branch returns one pledge as not
measurable, which is revised and approved; everything is posted (亮诺) for a year; owners
report progress, 绿化 falls overdue, villagers leave feedback (one hidden for a phone
number in it); at year end the member, the members' meeting and the villagers'
representatives grade every pledge, the scores are concluded, and 怀宁县委 counts the
score as 40 of 100 points of the members' star standard, so the town's star board follows
from the recorded facts. Then 11 more villages post their commitments and the town's
counts are printed.

Run: ``python examples/pingshan_commitments.py [DB_PATH]`` (in memory without a path).
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import attrs
from openpyxl import load_workbook
from rich.console import Console

from adapters.app import Dangjian, open_app
from adapters.boards.commitments import commitments_board
from adapters.boards.xlsx import write_xlsx
from adapters.cli.commitments.views import board_table, explanation_lines
from adapters.cli.messages import sentence
from adapters.cli.ratings.views import counts_table, entries_table
from adapters.cli.render import table
from adapters.official_holidays import official_commands
from adapters.views.commitments import CommitmentQueries
from dangjian_core.commitments.commands import (
    AdoptAssessmentRule,
    ApprovePledge,
    AssessCommitment,
    ConcludeAssessment,
    DraftPledge,
    HideFeedback,
    LeaveFeedback,
    PostCommitment,
    ReportProgress,
    ReturnPledge,
    RevisePledge,
    ShowFeedback,
    SubmitCommitment,
)
from dangjian_core.commitments.queries import Standing
from dangjian_core.commitments.scoring import show_score
from dangjian_core.commitments.state import FeedbackStatus
from dangjian_core.commitments.values import AssessorBody, Fulfilment, ReturnGround
from dangjian_core.people.commands import RegisterPerson
from dangjian_core.people.events import PartyStatus
from dangjian_core.ratings.commands import (
    FixRating,
    ProposeRating,
    SetCommitmentCriterion,
    SetStarStandard,
)
from dangjian_core.ratings.events import RatedKind
from dangjian_core.units.commands import AppointRole, FoundUnit
from dangjian_core.units.events import UnitKind
from dangjian_core.units.roles import Role

CST = timezone(timedelta(hours=8))
YEAR, SEED = 2017, 2017
COUNTY, TOWN, DAWA, SISHAN = "huaining-xianwei", "pingshan", "dawa", "sishan"
WANG, TAN, CHEN = "wang-jinsheng", "tan-yongfu", "chen-dewen"
CHENG_JUN, HU, CHENG_BK = "cheng-jun", "hu-wangjie", "cheng-bingkui"
VILLAGES, MEMBERS_PER_VILLAGE, COLLECTIVE_PER_VILLAGE = 11, 109, 6
SURNAMES = "程胡汪檀丁李王张陈刘杨黄吴周徐孙朱高何郭"
GIVEN = "金江秉军节春林建国志明华红兵平安永福德文海涛玉兰英芳秀云山伟强东"
#: The named members' pledges, as the seed has them: (post, pledge, target).
SEED_PLEDGES = {
    CHENG_JUN: ("程军", [
        ("党小组长", "义务维修组内路灯", "组内路灯每月巡查一次, 坏灯三日内修复"),
        ("党小组长", "定点帮扶一户低保户", "每月走访一次, 帮助落实低保和医保政策"),
    ]),
    HU: ("胡汪节", [
        ("村民理事会理事长", "处理好组内各项事务", "组内事务当月议定, 矛盾纠纷当月调处"),
        ("村民理事会理事长", "关爱空巢老人", "每季度走访组内空巢老人至少一次"),
    ]),
    CHENG_BK: ("程秉奎", [
        ("党员", "义务清扫组内道路卫生", "每周清扫组内主干道一次"),
        ("党员", "协调村民组矛盾", "经常了解情况, 做好协调"),
    ]),
}  # fmt: skip
#: 程秉奎's second pledge as revised after the branch returned it as not measurable.
REVISED_TARGET = "发现矛盾三日内上门协调, 全年调处率百分之百"
#: Pledges the other members choose from: (post, pledge, target).
OTHER_PLEDGES = [
    ("党员", "宣传惠民政策", "每季度入户宣传一次, 覆盖组内全部农户"),
    ("党员", "结对帮扶一户贫困户", "每月走访一次, 帮助发展一项增收产业"),
    ("党员", "参与人居环境整治", "每月参加环境整治两次"),
    ("党员", "带头移风易俗", "全年红白喜事从简, 劝导组内农户两户以上"),
    ("党员", "护林防火巡查", "防火期每周巡山一次"),
    ("退役军人党员", "义务调解邻里纠纷", "全年调解纠纷三起以上"),
    ("致富带头人", "带动农户发展种养", "带动两户农户发展特色种养"),
    ("党员", "关心留守儿童", "每月看望组内留守儿童一次"),
]
#: 司山党小组's collective pledges for 2017: 修路、换路灯、绿化, each with an owner.
COLLECTIVE = [
    ("党小组", "修路", "硬化组内道路 1.2 公里", date(2017, 10, 31), CHENG_JUN),
    ("党小组", "换路灯", "更换组内路灯 20 盏", date(2017, 8, 31), CHENG_BK),
    ("党小组", "绿化", "沿路植树 500 棵, 成活率九成以上", date(2017, 5, 31), HU),
]


def moment(day: date, hour: int = 9, minute: int = 0) -> datetime:
    """A time on ``day`` in 北京时间."""
    return datetime.combine(day, time(hour, minute), tzinfo=CST)


def names(rng: random.Random, count: int, taken: Iterable[str] = ()) -> list[str]:
    """``count`` distinct generated Chinese names, none of ``taken``."""
    found: set[str] = set()
    seen = set(taken)
    while len(found) < count:
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        if name not in seen:
            found.add(name)
    return sorted(found, key=lambda _: rng.random())


class Story:
    """The town's commands, handled in the order of their times."""

    def __init__(self, app: Dangjian) -> None:
        self.app = app
        self.said: list[str] = []

    def run(self, commands: Iterable[Any], tell: Callable[[Any], bool] = lambda _: False) -> None:
        """Handle each command; keep what those ``tell`` picks recorded, in Chinese."""
        for command in sorted(commands, key=lambda c: c.at):
            outcome = self.app.handle(command)
            if tell(command):
                self.said += [sentence(r.event) for r in outcome.events]


def found_town(rng: random.Random) -> tuple[list[Any], dict[str, str]]:
    """平山镇, 大洼社区 and 司山党小组 with its 15 members; their names by id."""
    day0 = moment(date(2017, 1, 3))
    first = date(1995, 7, 1)
    people = {WANG: "汪金生", TAN: "檀永福", CHEN: "陈德文"}
    people |= {pid: name for pid, (name, _) in SEED_PLEDGES.items()}
    others = names(rng, 12, people.values())
    people |= {f"sishan-{i:02d}": name for i, name in enumerate(others, start=1)}
    commands: list[Any] = [
        FoundUnit(TOWN, UnitKind.TOWN_COMMITTEE, "平山镇党委", None, 1, COUNTY, day0),
        FoundUnit(DAWA, UnitKind.BRANCH, "大洼社区党支部", TOWN, 1, COUNTY, day0),
        FoundUnit(SISHAN, UnitKind.PARTY_GROUP, "司山党小组", DAWA, 1, COUNTY, day0),
    ]
    for pid, name in people.items():
        unit = TOWN if pid == WANG else DAWA
        commands.append(RegisterPerson(pid, unit, name, PartyStatus.FULL, first, COUNTY, day0))
    for unit, pid, role in (
        (TOWN, WANG, Role.SECRETARY),
        (DAWA, TAN, Role.SECRETARY),
        (DAWA, CHEN, Role.ORGANIZING),
        (SISHAN, CHENG_JUN, Role.GROUP_LEADER),
    ):
        commands.append(AppointRole(unit, pid, role, COUNTY, day0))
    return commands, people


def sishan_members(people: dict[str, str]) -> list[str]:
    """The 15 members of 司山党小组: the three named ones, then the others."""
    return [CHENG_JUN, HU, CHENG_BK, *sorted(p for p in people if p.startswith("sishan-"))]


def pledges_of(rng: random.Random, members: list[str]) -> dict[str, list[tuple[str, str, str]]]:
    """Each member's pledges: the seed's for the named three, one or two chosen for others."""
    found = {pid: pledges for pid, (_, pledges) in SEED_PLEDGES.items()}
    for pid in members[3:]:
        found[pid] = rng.sample(OTHER_PLEDGES, rng.choice((1, 2)))
    return found


def pledge_and_vet(pledges: dict[str, list[tuple[str, str, str]]]) -> list[Any]:
    """承诺 and 审诺: the rule, every draft, one pledge returned, revised and approved."""
    due = date(YEAR, 12, 31)
    at = moment(date(2017, 1, 5))
    commands: list[Any] = [
        AdoptAssessmentRule(DAWA, YEAR, 20, 40, 40, TAN, moment(date(2017, 1, 4)))
    ]
    for pid, items in pledges.items():
        for no, (post, content, target) in enumerate(items, start=1):
            commands.append(DraftPledge(DAWA, YEAR, pid, no, post, content, target, due, pid, at))
        commands.append(SubmitCommitment(DAWA, YEAR, pid, pid, moment(date(2017, 1, 6))))
    for no, (post, content, target, until, owner) in enumerate(COLLECTIVE, start=1):
        commands.append(
            DraftPledge(DAWA, YEAR, SISHAN, no, post, content, target, until, CHENG_JUN, at, owner)
        )
    commands.append(SubmitCommitment(DAWA, YEAR, SISHAN, CHENG_JUN, moment(date(2017, 1, 6))))
    vet = moment(date(2017, 1, 9))
    reason = "目标不可衡量: 请写明多长时间内上门、全年调处多少"
    for pid, items in [*pledges.items(), (SISHAN, COLLECTIVE)]:
        for no in range(1, len(items) + 1):
            if (pid, no) == (CHENG_BK, 2):
                commands.append(
                    ReturnPledge(
                        DAWA, YEAR, pid, no, ReturnGround.NOT_MEASURABLE, reason, CHEN, vet
                    )
                )
            else:
                commands.append(ApprovePledge(DAWA, YEAR, pid, no, CHEN, vet))
    post, content, _ = SEED_PLEDGES[CHENG_BK][1][1]
    revised = RevisePledge(
        DAWA,
        YEAR,
        CHENG_BK,
        2,
        post,
        content,
        REVISED_TARGET,
        due,
        CHENG_BK,
        moment(date(2017, 1, 10)),
    )
    commands += [
        revised,
        SubmitCommitment(DAWA, YEAR, CHENG_BK, CHENG_BK, moment(date(2017, 1, 11))),
        ApprovePledge(DAWA, YEAR, CHENG_BK, 2, TAN, moment(date(2017, 1, 12))),
    ]
    for pid in [*pledges, SISHAN]:
        commands.append(PostCommitment(DAWA, YEAR, pid, TAN, moment(date(2017, 1, 13))))
    return commands


def returned_and_revised(command: Any) -> bool:
    """The commands of the pledge the branch returned, and its resubmission."""
    ours = getattr(command, "pledger_id", None) == CHENG_BK
    return ours and (getattr(command, "item_no", 2) == 2) and command.at.day >= 9


def practise(rng: random.Random, pledges: dict[str, list[tuple[str, str, str]]]) -> list[Any]:
    """践诺: a year of progress reports (绿化 reported done only in July), and feedback."""
    commands: list[Any] = []
    for pid, items in pledges.items():
        for no in range(1, len(items) + 1):
            for month in sorted(rng.sample(range(3, 12), 2)):
                day = moment(date(2017, month, rng.randint(1, 27)), rng.randint(8, 18))
                commands.append(
                    ReportProgress(
                        DAWA,
                        YEAR,
                        pid,
                        no,
                        f"{month} 月按承诺落实",
                        pid,
                        day,
                        (f"{pid}-{month}.jpg",),
                    )
                )
            done = moment(date(2017, 12, rng.randint(10, 28)))
            commands.append(
                ReportProgress(DAWA, YEAR, pid, no, "全年承诺已兑现", pid, done, done=True)
            )
    collective = [
        (1, CHENG_JUN, date(2017, 10, 20), "组内道路硬化 1.2 公里完工"),
        (2, CHENG_BK, date(2017, 8, 25), "更换路灯 20 盏"),
        (3, HU, date(2017, 7, 10), "补植完成, 共植树 520 棵"),  # due 05-31: overdue until then
    ]
    for no, owner, day, note in collective:
        commands.append(
            ReportProgress(
                DAWA, YEAR, SISHAN, no, note, owner, moment(day), ("photo.jpg",), done=True
            )
        )
    feedback = [
        ("F1", CHENG_JUN, 1, date(2017, 4, 20), "村口那盏路灯修好了, 晚上走路放心多了", "程大爷"),
        (
            "F2",
            SISHAN,
            3,
            date(2017, 6, 2),
            "路边的树苗还没栽完, 请抓紧, 有事打我电话 13905561234",
            "汪大妈",
        ),
        ("F3", SISHAN, 1, date(2017, 11, 2), "路修好了, 拖拉机能开到家门口", "胡师傅"),
    ]
    for fid, pledger, no, day, text, name in feedback:
        contact = f"1390556{rng.randint(1000, 9999)}"
        commands.append(
            LeaveFeedback(DAWA, YEAR, pledger, no, fid, text, name, contact, "public", moment(day))
        )
        moderated = moment(day + timedelta(days=1))
        if fid == "F2":
            commands.append(
                HideFeedback(DAWA, YEAR, fid, "留言含个人电话, 内容已转党小组办理", TAN, moderated)
            )
        else:
            commands.append(ShowFeedback(DAWA, YEAR, fid, TAN, moderated))
    return commands


def assess_all(rng: random.Random, pledges: dict[str, list[tuple[str, str, str]]]) -> list[Any]:
    """评诺 in January 2018: three bodies grade every pledge; the branch concludes."""
    commands: list[Any] = []
    grades_of = {pid: len(items) for pid, items in pledges.items()} | {SISHAN: len(COLLECTIVE)}
    for pid, count in grades_of.items():
        for body, hour in (
            (AssessorBody.SELF, 9),
            (AssessorBody.MEETING, 10),
            (AssessorBody.REPRESENTATIVES, 11),
        ):
            grades = []
            for no in range(1, count + 1):
                late = (pid, no) == (SISHAN, 3) and body is not AssessorBody.SELF
                partly = late or rng.random() < 0.12
                grades.append((no, Fulfilment.PARTLY if partly else Fulfilment.FULFILLED))
            actor = (CHENG_JUN if pid == SISHAN else pid) if body is AssessorBody.SELF else TAN
            commands.append(
                AssessCommitment(
                    DAWA, YEAR, pid, body, tuple(grades), actor, moment(date(2018, 1, 5), hour)
                )
            )
        commands.append(ConcludeAssessment(DAWA, YEAR, pid, TAN, moment(date(2018, 1, 5), 15)))
    return commands


def rate(rng: random.Random, members: list[str]) -> list[Any]:
    """Stars that follow: the county's standard counts the commitment score as 40 points;
    the town proposes each member's rating with the other criteria typed in."""
    county = moment(date(2018, 1, 8))
    commands: list[Any] = [
        SetStarStandard(TOWN, YEAR, RatedKind.MEMBER, 100, (60, 70, 80, 90, 96), COUNTY, county),
        SetCommitmentCriterion(TOWN, YEAR, RatedKind.MEMBER, 40, COUNTY, county),
        # A rating is posted five working days (公示): the calendar needs 2018's holidays.
        *official_commands(2018, unit_id=TOWN, actor_id=WANG, at=county),
    ]
    for pid in members:
        typed = (("学习教育", rng.randint(22, 30)), ("组织生活", rng.randint(22, 30)))
        score = sum(points for _, points in typed)
        commands.append(
            ProposeRating(
                TOWN, YEAR, RatedKind.MEMBER, pid, score, WANG, moment(date(2018, 1, 9)), typed
            )
        )
        commands.append(
            FixRating(TOWN, YEAR, RatedKind.MEMBER, pid, WANG, moment(date(2018, 1, 17)))
        )
    return commands


def villages(rng: random.Random, taken: Iterable[str]) -> list[Any]:
    """11 more villages: each a branch with a secretary, 109 members who each post a
    pledge, and 6 collective pledges of the village, vetted and posted in January."""
    day0, due = moment(date(2017, 1, 3)), date(YEAR, 12, 31)
    everyone = names(rng, VILLAGES * (MEMBERS_PER_VILLAGE + 1), taken)
    commands: list[Any] = []
    for v in range(1, VILLAGES + 1):
        branch, secretary = f"ps-village-{v:02d}", f"ps-v{v:02d}-sj"
        commands.append(
            FoundUnit(branch, UnitKind.BRANCH, f"平山镇第{v}村党支部", TOWN, 1, COUNTY, day0)
        )
        members = [f"ps-v{v:02d}-{i:03d}" for i in range(1, MEMBERS_PER_VILLAGE + 1)]
        for pid in [secretary, *members]:
            name = everyone.pop()
            commands.append(
                RegisterPerson(pid, branch, name, PartyStatus.FULL, date(2000, 7, 1), COUNTY, day0)
            )
        commands.append(AppointRole(branch, secretary, Role.SECRETARY, COUNTY, day0))
        for pid in members:
            post, content, target = rng.choice(OTHER_PLEDGES)
            commands += [
                DraftPledge(
                    branch, YEAR, pid, 1, post, content, target, due, pid, moment(date(2017, 1, 5))
                ),
                SubmitCommitment(branch, YEAR, pid, pid, moment(date(2017, 1, 6))),
                ApprovePledge(branch, YEAR, pid, 1, secretary, moment(date(2017, 1, 9))),
                PostCommitment(branch, YEAR, pid, secretary, moment(date(2017, 1, 13))),
            ]
        works = rng.sample(
            [
                "修路",
                "换路灯",
                "绿化",
                "修缮塘坝",
                "建文化广场",
                "改水改厕",
                "清理沟渠",
                "建垃圾收集点",
            ],
            COLLECTIVE_PER_VILLAGE,
        )
        for no, work in enumerate(works, start=1):
            owner = members[no * 7]
            commands.append(
                DraftPledge(
                    branch,
                    YEAR,
                    branch,
                    no,
                    "村党支部",
                    work,
                    f"年内完成{work}并经群众验收",
                    due,
                    secretary,
                    moment(date(2017, 1, 5)),
                    owner,
                )
            )
        commands.append(SubmitCommitment(branch, YEAR, branch, secretary, moment(date(2017, 1, 6))))
        commands += [
            ApprovePledge(branch, YEAR, branch, no, WANG, moment(date(2017, 1, 9)))
            for no in range(1, COLLECTIVE_PER_VILLAGE + 1)
        ]
        commands.append(PostCommitment(branch, YEAR, branch, WANG, moment(date(2017, 1, 13))))
    return commands  # fmt: skip


def show_midyear(console: Console, app: Dangjian) -> None:
    """The board in mid-June: the collective pledges, and what is overdue."""
    queries = CommitmentQueries(app.store)
    day = date(2017, 6, 15)
    found = queries.board(DAWA, YEAR, day)
    collective = attrs.evolve(found, pledges=tuple(p for p in found.pledges if p.collective))
    standings = ", ".join(f"{s.zh} {found.count(s)} 项" for s in Standing if found.count(s))
    console.print(f"大洼社区党支部 2017 年度亮诺榜 ({day}): {standings}", style="bold")
    console.print(board_table(collective))
    for row in queries.overdue(DAWA, YEAR, day):
        console.print(
            f"已逾期: 司山党小组第 {row['item_no']} 项「{row['content']}」"
            f"(时限 {row['due']}, 尚未报告完成)",
            soft_wrap=True,
        )


def show(console: Console, app: Dangjian, people: dict[str, str]) -> None:
    """The vetting told, the feedback, the assessment and one score explained."""
    queries = CommitmentQueries(app.store)
    console.print("群众意见 (经党支部审核公开的)", style="bold")
    for row in queries.feedback(DAWA, YEAR, shown_only=True):
        console.print(f"  {row['text']}", soft_wrap=True)
    for row in queries.feedback(DAWA, YEAR):
        if row["status"] == FeedbackStatus.HIDDEN.value:
            console.print(f"  (已隐藏 1 条, 理由: {row['reason']}; 意见保留不删)", soft_wrap=True)
    grid = table(
        "2017 年度评诺结果", ["承诺人", "得分", "已兑现", "部分兑现", "未兑现"], right=["得分"]
    )
    for s in queries.scores(DAWA, YEAR):
        name = people.get(str(s["pledger_id"]), "司山党小组")
        counts = (s["fulfilled"], s["partly"], s["not_fulfilled"])
        grid.add_row(name, show_score(int(s["score"] or 0)), *(str(c) for c in counts))
    console.print(grid)
    for line in explanation_lines(queries.explain(DAWA, YEAR, CHENG_JUN)):
        console.print(line)


def export(console: Console, app: Dangjian) -> None:
    """The board as the branch would print it, written as XLSX and read back."""
    queries = CommitmentQueries(app.store)
    posted = commitments_board(
        queries.board(DAWA, YEAR, date(2017, 12, 31)),
        "大洼社区党支部",
        queries.feedback(DAWA, YEAR, shown_only=True),
    )
    with tempfile.TemporaryDirectory(dir=os.environ.get("DANGJIAN_EXAMPLE_DIR")) as scratch:
        path = Path(scratch) / "dawa-2017-commitments.xlsx"
        write_xlsx(posted, path)
        sheets = load_workbook(path).sheetnames
    console.print(f"亮诺榜已导出 XLSX: {'、'.join(sheets)}", soft_wrap=True)


def main() -> int:
    """Tell 司山's year, print the star board, then the town's counts."""
    url = f"sqlite:///{sys.argv[1]}" if len(sys.argv) > 1 else "memory://"
    rng = random.Random(SEED)
    console = Console(highlight=False)
    with open_app(url) as app:
        story = Story(app)
        setup, people = found_town(rng)
        story.run(setup)
        members = sishan_members(people)
        pledges = pledges_of(rng, members)
        console.print(
            f"司山党小组 {len(members)} 名党员亮身份、作承诺; 集体承诺: 修路、换路灯、绿化",
            style="bold",
        )
        story.run(pledge_and_vet(pledges), tell=returned_and_revised)
        console.print("审诺: 一项承诺被退回, 修改后通过", style="bold")
        for line in story.said:
            console.print(f"  {line}", soft_wrap=True)
        year = practise(rng, pledges)
        midyear = moment(date(2017, 6, 15))
        story.run(c for c in year if c.at < midyear)
        show_midyear(console, app)
        story.run(c for c in year if c.at >= midyear)
        story.run(assess_all(rng, pledges))
        story.run(rate(rng, members))
        show(console, app, people)
        board = app.queries.star_board(TOWN, YEAR)
        console.print(
            f"平山镇党委 {YEAR} 年度创星榜 (司山党小组党员, 公开承诺占 40 分)", style="bold"
        )
        console.print(counts_table(board))
        console.print(entries_table("党员", board.members))
        export(console, app)
        story.run(villages(rng, people.values()))
        found = CommitmentQueries(app.store).counts(YEAR)
    console.print(
        f"平山镇 {YEAR} 年度: {found.units} 个村(社区)公示承诺, {found.members} 名党员作出承诺, "
        f"个人承诺事项 {found.pledges} 项, 集体承诺事项 {found.collective_pledges} 项",
        soft_wrap=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
