"""雅吕村十大民生实事 — the village's ten livelihood projects through 五议两公开 (seed 001,
象珠镇; DOMAIN.md §6).

From the seed article: 雅吕村 has 560-odd households, 1,500-odd people and 50-odd party
members; since the new committee took office every matter, large or small, is decided by
五议两公开, and the villagers' and members' representatives chose the ten livelihood
projects (十大民生实事) — 八份里大院 e-commerce town, 六十间头 old houses as homestays,
唐仁公祠 culture hall, a model beautiful village … — which the village then carried out.

Here (fixed seed; the members' and representatives' names generated): the village adopts
the 五议两公开 procedure from its TOML file (群众建议 before 提议); the suggestions are
gathered; 吕革新, secretary and village director (一肩挑), holds the proposal and the two
committees' discussion as one meeting; the members' meeting is refused for lack of quorum
(fewer than two thirds present) and held again; the representatives resolve; the
resolution is published with its period, a villager objects and is answered; publishing
the result before the implementation is refused; the implementation is recorded and its
result published. Both publications are printed as notices (A4 HTML).

Run: ``python examples/yalv_livelihood_projects.py [DB_PATH]`` (in memory without a path).
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

from rich.console import Console

from adapters.app import Dangjian, open_app
from adapters.boards.html import write_html
from adapters.boards.matters import matter_board
from adapters.cli.matters.views import steps_table
from adapters.cli.messages import sentence
from adapters.official_holidays import official_commands
from adapters.procedure_files import read_procedure
from adapters.views.matters import MatterQueries, step_names
from dangjian_core.kernel.errors import DomainError
from dangjian_core.matters.commands import (
    AdoptProcedure,
    AnswerMatterObjection,
    FileMatterObjection,
    GatherSuggestions,
    HoldMeeting,
    OpenMatter,
    PublishNotice,
    RecordImplementation,
    SetRoll,
)
from dangjian_core.matters.permissions import PUBLIC
from dangjian_core.matters.values import Ballot, Body, Choice, Origin
from dangjian_core.people.commands import RegisterPerson
from dangjian_core.people.events import PartyStatus
from dangjian_core.units.commands import AppointRole, FoundUnit
from dangjian_core.units.events import UnitKind
from dangjian_core.units.roles import Role

SEED = 2018
CST = timezone(timedelta(hours=8))
ROOT = Path(__file__).resolve().parent
COUNTY = "yongkang-shiwei"  # 永康市委
TOWN = "xiangzhu"  # 象珠镇党委
YALV = "yalv"  # 雅吕村党支部
LV = "lv-gexin"  # 吕革新, 支部书记、村委会主任 (一肩挑)
MATTER = "minsheng-2018"
MEMBERS = 52  # 党员 50 多人
REPRESENTATIVES = 37  # 村民代表, about one for fifteen households
PROJECTS = (
    "八份里大院创建电商小镇",
    "修葺六十间头老宅打造特色民宿",
    "唐仁公祠文化礼堂修建",
    "创建美丽乡村示范村",
    "村内主干道拓宽硬化",
    "生活污水治理管网改造",
    "垃圾分类集中处理站",
    "村口景观与停车场建设",
    "居家养老服务照料中心",
    "文化广场和健身设施",
)
SURNAMES = "吕吕吕吕吕胡应陈徐楼王"
GIVEN = "建国小芳伟明志强海燕丽华永康金成春生秋菊德明玉兰国庆红梅文斌美英"


def at(day: date, hour: int = 20) -> datetime:
    """``hour`` o'clock local time on ``day``."""
    return datetime.combine(day, time(hour), CST)


def names(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct generated names."""
    found: list[str] = []
    while len(found) < count:
        name = rng.choice(SURNAMES) + rng.choice(GIVEN[::2]) + rng.choice(GIVEN[1::2])
        if name not in found and name != "吕革新":
            found.append(name)
    return found


def setup(rng: random.Random) -> tuple[list[Any], list[str]]:
    """The town, the village branch, its 52 full members and 2 probationary, its committee,
    the official holidays of 2018; the members' ids."""
    day0, joined = at(date(2018, 1, 2), 9), date(2000, 7, 1)
    members = [LV, *(f"yalv-{i:02d}" for i in range(1, MEMBERS))]
    people = dict(zip(members, ["吕革新", *names(rng, MEMBERS - 1)], strict=True))
    commands: list[Any] = [
        FoundUnit(TOWN, UnitKind.TOWN_COMMITTEE, "象珠镇党委", None, 1, COUNTY, day0),
        FoundUnit(YALV, UnitKind.BRANCH, "雅吕村党支部", TOWN, 1, COUNTY, day0),
        *official_commands(2018, unit_id=TOWN, actor_id=COUNTY, at=day0),
    ]
    for pid, name in people.items():
        commands.append(RegisterPerson(pid, YALV, name, PartyStatus.FULL, joined, COUNTY, day0))
    for i in (1, 2):
        pid = f"yalv-yb{i}"
        commands.append(
            RegisterPerson(pid, YALV, f"预备{i}", PartyStatus.PROBATIONARY, joined, COUNTY, day0)
        )
    for pid, role in (
        (LV, Role.SECRETARY),
        ("yalv-01", Role.ORGANIZING),
        ("yalv-02", Role.PUBLICITY),
    ):
        commands.append(AppointRole(YALV, pid, role, COUNTY, day0))
    return commands, members


def rolls() -> list[SetRoll]:
    """The two committees (吕革新 the director), supervisors and representatives."""
    since, day0 = date(2018, 1, 1), at(date(2018, 1, 2), 10)
    committees = (LV, "yalv-01", "yalv-02", "yalv-03", "cunwei-1", "cunwei-2", "cunwei-3")
    supervisors = ("jianwei-1", "jianwei-2", "jianwei-3")
    representatives = tuple(f"daibiao-{i:02d}" for i in range(1, REPRESENTATIVES + 1))
    return [
        SetRoll(YALV, Body.TWO_COMMITTEES, since, committees, LV, day0, LV),
        SetRoll(YALV, Body.SUPERVISORS, since, supervisors, LV, day0),
        SetRoll(YALV, Body.REPRESENTATIVES, since, representatives, LV, day0),
    ]


def named(voters: tuple[str, ...]) -> tuple[Ballot, ...]:
    """Everyone present votes for, by name."""
    return tuple(Ballot(v, Choice.FOR) for v in voters)


def handle(app: Dangjian, console: Console, command: Any) -> None:
    """Handle one command and say what was recorded."""
    for recorded in app.handle(command).events:
        console.print(f"  {sentence(recorded.event)}", soft_wrap=True)


def refused(app: Dangjian, console: Console, command: Any) -> None:
    """Try a command the rules refuse, and show the refusal."""
    try:
        app.handle(command)
    except DomainError as error:
        console.print(f"  拒绝: {error.zh}", soft_wrap=True)
    else:
        raise AssertionError("the rules should have refused this")


def decide(app: Dangjian, console: Console, members: list[str]) -> None:
    """The ten projects through 五议 to the resolution."""
    procedure = read_procedure(ROOT / "procedures" / "wuyi-suggested.toml")
    handle(app, console, AdoptProcedure(YALV, procedure, LV, at(date(2018, 1, 2), 11)))
    opened = OpenMatter(
        YALV, MATTER, "2018年十大民生实事", Origin.MASSES, LV, at(date(2018, 1, 3)), PROJECTS
    )
    handle(app, console, opened)
    summary = "修路、治污、民宿、电商、礼堂、养老"
    gathered = GatherSuggestions(
        YALV, MATTER, "suggest", date(2018, 1, 5), 136, summary, LV, at(date(2018, 1, 5))
    )
    handle(app, console, gathered)
    committees = rolls()[0].members
    joint = HoldMeeting(
        YALV,
        MATTER,
        "propose",
        date(2018, 1, 8),
        committees,
        LV,
        at(date(2018, 1, 8)),
        ballots=named(committees),
        merged=True,
    )
    handle(app, console, joint)
    console.print("党员大会: 第一次到会不足三分之二", style="bold")
    thin = tuple(members[:33])
    first = HoldMeeting(
        YALV,
        MATTER,
        "review",
        date(2018, 1, 14),
        thin,
        LV,
        at(date(2018, 1, 14)),
        notice_sent_on=date(2018, 1, 10),
        votes=(33, 0, 0),
    )
    refused(app, console, first)
    full = tuple(members[:41])
    again = HoldMeeting(
        YALV,
        MATTER,
        "review",
        date(2018, 1, 20),
        full,
        LV,
        at(date(2018, 1, 20)),
        notice_sent_on=date(2018, 1, 16),
        votes=(39, 1, 1),
    )
    handle(app, console, again)
    present = rolls()[2].members[:33]
    resolve = HoldMeeting(
        YALV,
        MATTER,
        "resolve",
        date(2018, 1, 22),
        present,
        LV,
        at(date(2018, 1, 22)),
        votes=(31, 1, 1),
    )
    handle(app, console, resolve)


def publish(app: Dangjian, console: Console) -> None:
    """Both publications, with an objection answered between them."""
    text = "经村民代表会议表决通过, 2018年实施以下十大民生实事"
    resolution = PublishNotice(
        YALV, MATTER, "publish_resolution", date(2018, 1, 23), 5, text, LV, at(date(2018, 1, 23), 9)
    )
    handle(app, console, resolution)
    objection = FileMatterObjection(
        YALV,
        MATTER,
        "publish_resolution",
        "O1",
        "民宿改造占用了我家的老屋门口",
        "吕大伯",
        "13905791234",
        PUBLIC,
        at(date(2018, 1, 24), 10),
    )
    handle(app, console, objection)
    answer = "已上门协商, 门口通道保留 2 米"
    handle(
        app,
        console,
        AnswerMatterObjection(YALV, MATTER, "O1", answer, LV, at(date(2018, 1, 26), 10)),
    )
    result_text = "十大民生实事全部完成, 总投资一千余万元"
    early = PublishNotice(
        YALV,
        MATTER,
        "publish_result",
        date(2018, 2, 1),
        7,
        result_text,
        LV,
        at(date(2018, 2, 1), 9),
    )
    refused(app, console, early)
    done = "电商小镇开园, 民宿接待游客, 文化礼堂落成, 美丽乡村示范村通过验收"
    handle(
        app,
        console,
        RecordImplementation(YALV, MATTER, date(2018, 12, 20), done, LV, at(date(2018, 12, 20))),
    )
    result = PublishNotice(
        YALV,
        MATTER,
        "publish_result",
        date(2018, 12, 21),
        7,
        result_text,
        LV,
        at(date(2018, 12, 21), 9),
    )
    handle(app, console, result)


def print_boards(app: Dangjian, console: Console) -> None:
    """Both publications as A4 notices, written to a scratch folder and removed."""
    view = MatterQueries(app.store).matter(YALV, MATTER)
    scratch = os.environ.get("DANGJIAN_EXAMPLE_DIR") or None
    with tempfile.TemporaryDirectory(dir=scratch) as folder:
        for step in ("publish_resolution", "publish_result"):
            board = matter_board(view, "雅吕村党支部", step, step_names())
            path = Path(folder) / f"{step}.html"
            write_html(board, path)
            console.print(f"{board.title}: {board.period} — 打印页 {path.stat().st_size} 字节")


def main() -> int:
    """Tell the ten projects' year in 雅吕村."""
    url = f"sqlite:///{sys.argv[1]}" if len(sys.argv) > 1 else "memory://"
    console = Console(highlight=False)
    rng = random.Random(SEED)
    with open_app(url) as app:
        commands, members = setup(rng)
        for command in (*commands, *rolls()):
            app.handle(command)
        console.print(
            f"雅吕村: 党员 {MEMBERS} 名 (另有预备党员 2 名), 村民代表 {REPRESENTATIVES} 名; "
            "书记吕革新兼任村委会主任 (一肩挑)",
            style="bold",
        )
        console.print("五议: 群众建议、提议与商议 (合并召开)、审议、决议", style="bold")
        decide(app, console, members)
        console.print("两公开", style="bold")
        publish(app, console)
        view = MatterQueries(app.store).matter(YALV, MATTER)
        console.print(steps_table(view))
        print_boards(app, console)
    return 0


if __name__ == "__main__":
    sys.exit(main())
