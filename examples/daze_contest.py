"""大泽镇述职擂台赛 — the 15 village (community) party secretaries' contest of 12 January
2022, from entry to the published ranking (seed 002, DOMAIN.md §6).

From the seed article: 大泽镇 held its 2021 村(社区)党组织书记乡村振兴“打擂台”暨述职述廉现场
考评会 on site and live streamed; the 15 secretaries each reported 亮点、措施、成效、不足和
下一步计划 with slides; 区委组织部 四级调研员 陈溢利 reviewed it with “三个好、两个期望”, and
镇党委书记 宁路庚 summed up. The villages' highlights below are the seed's own.

Here (fixed seed; the secretaries', judges' and organiser's names and every mark generated):
the town declares 2022's holidays, adopts the scheme in ``examples/contests/daze.toml``
(陈述内容 40、语言表达 30、临场应变 20、举止仪态 10; 去掉一个最高分和一个最低分; 现场 50% +
实地考察 50%), enters the 15 secretaries with their reports and seven judges (one lives in
同和村, one is 莲塘村's 党建指导员). On the day each secretary takes the stage in turn;
the judges' sheets stay sealed until the round closes (现场亮分); a judge who tries to score
their own village is refused, a judge who mistyped a sheet corrects it with a reason (a
plain resubmission is refused: a submitted score is final). The review is recorded, the
results are published for five working days and the board is exported.

Run: ``python examples/daze_contest.py [DB_PATH]`` (in memory without a path).
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from rich.console import Console

from adapters.app import Dangjian, open_app
from adapters.boards.contests import contests_board
from adapters.boards.html import write_html
from adapters.boards.xlsx import write_xlsx
from adapters.cli.contests.views import ranking_table
from adapters.cli.messages import sentence
from adapters.contest_files import read_contest_scheme
from adapters.views.contests import ContestQueries
from dangjian_core.calendar.commands import DeclareHolidays, DeclareWorkdays
from dangjian_core.contests.commands import (
    AdoptContestScheme,
    AppointJudge,
    CloseRound,
    CorrectScore,
    EnterContestant,
    FileReport,
    OpenContest,
    OpenRound,
    PublishResults,
    RecordInspection,
    RecordReview,
    SubmitScore,
)
from dangjian_core.contests.values import ContestScheme
from dangjian_core.kernel.errors import DomainError
from dangjian_core.people.commands import RegisterPerson
from dangjian_core.people.events import PartyStatus
from dangjian_core.units.commands import AppointRole, FoundUnit
from dangjian_core.units.events import UnitKind
from dangjian_core.units.roles import Role

CST = timezone(timedelta(hours=8))
SEED = 2022
HELD = date(2022, 1, 12)
CONTEST = "daze-2021"
SCHEME_FILE = Path(__file__).parent / "contests" / "daze.toml"
DISTRICT, TOWN = "xinhui-quwei", "daze"
NING, ORGANIZER = "ning-lugeng", "daze-zuzhi"
#: The 15 villages in the seed's order: id, name, the seed's highlight.
VILLAGES = [
    (
        "dazeshequ",
        "大泽社区",
        "以党建引领, 切实为人民群众办实事, 紧抓疫情防控、企业生产安全、维稳不松懈",
    ),
    ("tonghe", "同和村", "深挖红色资源, 与各单位支部、学校联合共建, 培养红色文化教育领航人"),
    ("liantang", "莲塘村", "稳妥推进松山工业园区车间建设, 预计每年为村集体增收300万元"),
    ("liyuan", "李苑村", "投入资金70多万元开通横跨新开公路的排洪涵窦, 缓解水浸压力"),
    ("wuhe", "五和村", "稳经济保民生, 完成银洲湖高速路、国道G240征地工作"),
    ("xiaoze", "小泽村", "顺利完成经济发展五年规划第一年目标, 持续整治提升农村人居环境"),
    ("wenlong", "文龙村", "总投入120多万元拆除危旧废弃房屋23间, 清理沟渠池塘36次"),
    ("dazecun", "大泽村", "帮助困难党员、五保户、低保家庭, 做好国道G240征地和教育楼工作"),
    ("chaotou", "潮透村", "设立专项经费15万元, 激发各小组环境卫生整治的主动性"),
    ("niule", "牛勒村", "投入资金52万元新建260平方米居家养老服务中心"),
    ("beiyang", "北洋村", "修建候车亭, 解决学生候车日晒雨淋的突出问题"),
    ("tianjin", "田金村", "筹建田金旅游发展有限公司, 串联红色资源形成红色文化旅游路线"),
    ("zhangcun", "张村村", "修建标准化卫生站和居家养老服务站, 荣获新会区生态公益林保护发展奖"),
    ("yanjiang", "沿江村", "在大姚、仁安等小组开展“四小园”建设, 面积达1000平方米"),
    ("shachong", "沙冲村", "提前完成G240征地任务, 成功举办第二届大泽脐橙采摘节"),
]
JUDGES = 7
HOME_OF = {"daze-judge-6": "tonghe"}  # 第 6 位评委家在同和村: 回避同和村
INSTRUCTOR = ("daze-judge-7", "liantang")  # 第 7 位评委是莲塘村党建指导员: 回避莲塘村
SURNAMES = "梁陈李黄吴张何林区谭赵周冯伍"
GIVEN = "志伟永华国明建文德耀荣锦泽洪光杰雁兰芳慧敏红"
#: The sheet judge 1 first submits for 李苑村 with two marks swapped, then corrects.
SWAPPED = ("李苑村", "陈述内容与语言表达两项分数填反")


def moment(day: date, hour: int = 9, minute: int = 0) -> datetime:
    """A time on ``day`` in 北京时间."""
    return datetime.combine(day, time(hour, minute), tzinfo=CST)


def names(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct generated Chinese names."""
    found: list[str] = []
    while len(found) < count:
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        if name not in found:
            found.append(name)
    return found


def secretary(unit: str) -> str:
    return f"{unit}-sj"


def judges() -> list[str]:
    return [f"daze-judge-{i}" for i in range(1, JUDGES + 1)]


def town(rng: random.Random) -> list[Any]:
    """新会区委 → 大泽镇党委 and its 15 villages; the secretaries, the judges, 2022's holidays."""
    day0, first = moment(date(2021, 12, 1)), date(1998, 7, 1)
    people = names(rng, len(VILLAGES) + JUDGES + 1)

    def person(pid: str, unit: str, name: str) -> RegisterPerson:
        return RegisterPerson(pid, unit, name, PartyStatus.FULL, first, DISTRICT, day0)

    commands: list[Any] = [
        FoundUnit(TOWN, UnitKind.TOWN_COMMITTEE, "大泽镇党委", None, 1, DISTRICT, day0),
        person(NING, TOWN, "宁路庚"),
        person(ORGANIZER, TOWN, people.pop()),
        AppointRole(TOWN, NING, Role.SECRETARY, DISTRICT, day0),
        AppointRole(TOWN, ORGANIZER, Role.ORGANIZING, DISTRICT, day0),
    ]
    for unit, name, _ in VILLAGES:
        kind = "党委" if name.endswith("社区") else "党支部"
        commands += [
            FoundUnit(unit, UnitKind.BRANCH, f"{name}{kind}", TOWN, 1, NING, day0),
            person(secretary(unit), unit, people.pop()),
            AppointRole(unit, secretary(unit), Role.SECRETARY, NING, day0),
        ]
    for pid in judges():
        commands.append(person(pid, HOME_OF.get(pid, TOWN), people.pop()))
    commands.append(AppointRole(INSTRUCTOR[1], INSTRUCTOR[0], Role.INSTRUCTOR, NING, day0))
    # 2022 年法定节假日, declared by hand (元旦, 春节 with its two make-up days).
    declared = moment(date(2021, 12, 2))
    new_year = tuple(date(2022, 1, d) for d in (1, 2, 3))
    spring = tuple(date(2022, 1, 31) + timedelta(days=i) for i in range(7))
    commands += [
        DeclareHolidays("default", "元旦", new_year, TOWN, NING, declared),
        DeclareHolidays("default", "春节", spring, TOWN, NING, declared),
        DeclareWorkdays(
            "default", "春节调休", (date(2022, 1, 29), date(2022, 1, 30)), TOWN, NING, declared
        ),
    ]
    return commands


def field(scheme: ContestScheme, rng: random.Random) -> list[Any]:
    """The contest, its scheme, the 15 entries with their reports, the inspection and the panel."""
    title = "2021年村(社区)党组织书记乡村振兴“打擂台”暨述职述廉现场考评会"
    commands: list[Any] = [
        OpenContest(CONTEST, TOWN, title, HELD, NING, moment(date(2021, 12, 20)), live_stream=True),
        AdoptContestScheme.of(CONTEST, scheme, ORGANIZER, moment(date(2021, 12, 20), 10)),
    ]
    for order, (unit, _, highlight) in enumerate(VILLAGES, start=1):
        commands.append(
            EnterContestant(
                CONTEST, unit, secretary(unit), order, ORGANIZER, moment(date(2021, 12, 22))
            )
        )
        commands.append(
            FileReport(
                CONTEST,
                unit,
                highlight,
                "建设坚强有力的基层组织体系, 营造风清气正的政治生态, 打造生态宜居美丽乡村",
                "用一组组数据、一张张照片、一个个案例亮出年度答卷",
                "亮点特色挖掘还不够, 汇报抓重点不够",
                "狠抓基层组织建设、产业转型升级、人居环境整治和社会大局稳定",
                secretary(unit),
                moment(date(2022, 1, 10), 8 + order % 8),
                attachments=(f"{unit}-述职PPT.pptx",),
            )
        )
        score = f"{rng.randint(8200, 9600) / 100:.2f}"
        note = "2021年12月镇党委实地考察"
        commands.append(
            RecordInspection(CONTEST, unit, score, ORGANIZER, moment(date(2021, 12, 28)), note)
        )
    for pid in judges():
        commands.append(
            AppointJudge(
                CONTEST, pid, ORGANIZER, moment(date(2022, 1, 5)), home_unit_id=HOME_OF.get(pid, "")
            )
        )
    return commands


def sheet(rng: random.Random, scheme: ContestScheme, level: float) -> tuple[tuple[str, str], ...]:
    """A judge's marks around a contestant's level (to one decimal, as the judges wrote them)."""
    return tuple(
        (c.name, f"{min(100.0, max(60.0, rng.gauss(level, 3.0))):.1f}") for c in scheme.criteria
    )


def handle(app: Dangjian, command: Any) -> list[str]:
    """Handle one command; what it recorded, in Chinese."""
    return [sentence(r.event) for r in app.handle(command).events]


def refused(app: Dangjian, command: Any) -> str:
    """The refusal of a command that must be refused (and writes nothing)."""
    try:
        app.handle(command)
    except DomainError as refusal:
        return refusal.zh
    raise AssertionError(f"not refused: {command!r}")


def eligible(unit: str) -> list[str]:
    barred = {HOME_OF["daze-judge-6"]: "daze-judge-6", INSTRUCTOR[1]: INSTRUCTOR[0]}.get(unit)
    return [j for j in judges() if j != barred]


def rounds(app: Dangjian, console: Console, scheme: ContestScheme, rng: random.Random) -> None:
    """The day: each secretary on stage, the sheets sealed, then shown; one correction."""
    queries = ContestQueries(app.store)
    for order, (unit, name, _) in enumerate(VILLAGES, start=1):
        hour, minute = divmod(9 * 60 + order * 12, 60)
        at = moment(HELD, hour, minute)
        handle(app, OpenRound(CONTEST, unit, ORGANIZER, at))
        level = rng.uniform(84, 94)
        order_of_arrival = eligible(unit)
        rng.shuffle(order_of_arrival)
        for judge in order_of_arrival:
            marks = sheet(rng, scheme, level)
            if (name, judge) == (SWAPPED[0], "daze-judge-1"):
                swapped = (marks[1], marks[0], *marks[2:])
                wrong = tuple((m[0], s[1]) for m, s in zip(marks, swapped, strict=True))
                handle(app, SubmitScore(CONTEST, unit, wrong, judge, at))
                again = refused(app, SubmitScore(CONTEST, unit, marks, judge, at))
                console.print(f"重新提交被拒绝: {again}", soft_wrap=True)
                for line in handle(app, CorrectScore(CONTEST, unit, marks, SWAPPED[1], judge, at)):
                    console.print(f"  {line}", soft_wrap=True)
            else:
                handle(app, SubmitScore(CONTEST, unit, marks, judge, at))
        if unit == "tonghe":
            own = refused(
                app, SubmitScore(CONTEST, unit, sheet(rng, scheme, 99), "daze-judge-6", at)
            )
            console.print(f"评委回避: {own}", soft_wrap=True)
        if order == 1:
            shown = queries.marks(CONTEST, unit)
            console.print(
                f"亮分前: {name} 已收评分表 {len(queries.sheets(CONTEST, unit))} 份, 可见分数 {len(shown)} 项(密封)"
            )
        handle(app, CloseRound(CONTEST, unit, ORGANIZER, at))
        if order == 1:
            console.print(f"亮分后: {name} 可见分数 {len(queries.marks(CONTEST, unit))} 项")


def publish(app: Dangjian, console: Console) -> None:
    """The review, then the results as a notice of five working days."""
    review = RecordReview(
        CONTEST,
        "陈溢利",
        "区委组织部四级调研员",
        (
            "主题好: 以述职形式交流经验做法, 探索“双强双带”更优路径",
            "工作好: 主题鲜明、内容丰富, 比出了精气神",
            "组织好: 班子成员全员参与, 各村(社区)参与度高",
        ),
        ("进一步挖掘亮点特色, 汇报时抓重点讲特色", "调整好心态继续努力, 重在学习交流"),
        ORGANIZER,
        moment(HELD, 17),
    )
    for line in handle(app, review):
        console.print(line, soft_wrap=True)
    for line in handle(
        app, PublishResults(CONTEST, date(2022, 1, 13), 5, ORGANIZER, moment(date(2022, 1, 13), 9))
    ):
        console.print(line, soft_wrap=True)


def export(console: Console, posted: Any) -> None:
    """Write the board as XLSX and A4 HTML in a scratch folder, check them, and clean up."""
    with tempfile.TemporaryDirectory(dir=os.environ.get("DANGJIAN_EXAMPLE_DIR")) as scratch:
        xlsx, html = Path(scratch) / "daze-contest.xlsx", Path(scratch) / "daze-contest.html"
        write_xlsx(posted, xlsx)
        write_html(posted, html)
        sheets = load_workbook(xlsx, read_only=True).sheetnames
        printed = html.read_text(encoding="utf-8")
        assert "陈溢利" in printed
        assert "公示" in printed
    console.print(f"公示榜已导出 XLSX ({'、'.join(sheets)}) 和 A4 打印页")


def main() -> int:
    """Tell the contest day and print the published ranking."""
    url = f"sqlite:///{sys.argv[1]}" if len(sys.argv) > 1 else "memory://"
    rng = random.Random(SEED)
    console = Console(highlight=False)
    scheme = read_contest_scheme(SCHEME_FILE)
    with open_app(url) as app:
        for command in town(rng):
            app.handle(command)
        for command in sorted(field(scheme, rng), key=lambda c: c.at):
            app.handle(command)
        console.print(
            f"大泽镇 {len(VILLAGES)} 名村(社区)党组织书记上台述职, 评委 {JUDGES} 名 (现场述职 + 网络直播)",
            style="bold",
        )
        rounds(app, console, scheme, rng)
        publish(app, console)
        queries = ContestQueries(app.store)
        found = queries.standings(CONTEST)
        console.print(ranking_table(found))
        view = found.view
        placed = {str(e["unit_id"]): str(e["final"]) for e in view.entries}
        same = all(placed[r.score.unit_id] == f"{r.score.final:.2f}" for r in found.ranking)
        console.print(
            "公示名次与现场亮分重新计算的结果一致" if same else "公示名次与重新计算不一致!"
        )
        winner = found.ranking[0].score.unit_id
        explained = found.explained(winner)
        assert explained is not None
        console.print(f"第一名 {view.name(winner)} 的得分说明:", style="bold")
        for line in explained.lines(view.names):
            console.print(f"  {line}", soft_wrap=True)
        corrections = sum(int(r["corrections"] or 0) for r in queries.sheets(CONTEST))
        export(console, contests_board(found, date(2022, 1, 13), corrections=corrections))
    return 0


if __name__ == "__main__":
    sys.exit(main())
