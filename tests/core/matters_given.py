"""雅吕村 for the village-decision tests (seed 001, 五议两公开; seed 003, 四议两公开):
象珠镇党委 → 雅吕村党支部, built through the real deciders in a
:class:`~tests.core.world.World` (with the official holidays, so notice periods count).

吕革新 is the branch secretary and, on the two committees' roll, the village director
(一肩挑); 吕建国 and 吕小芳 are its organizing and publicity members. Twelve full members are
on the branch's roll (the three above among them), one probationary member who does not
count; the two committees are five, the supervisors three, the representatives fifteen.
Builders below spell each command with plain defaults, so a test reads as the story.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from dangjian_core.kernel.errors import DomainError
from dangjian_core.kernel.ids import BranchId, PersonId
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
from dangjian_core.matters.procedures import FIVE_SUGGESTED, FOUR
from dangjian_core.matters.values import Ballot, Body, Choice, Origin, Procedure
from dangjian_core.people.commands import RegisterPerson
from dangjian_core.people.events import PartyStatus
from dangjian_core.units.commands import AppointRole, FoundUnit
from dangjian_core.units.events import UnitKind
from dangjian_core.units.roles import Role
from tests.core.world import World
from tests.support import CST

DAY0 = datetime(2018, 1, 2, 9, 0, tzinfo=CST)
COUNTY = "yongkang-shiwei"  # 永康市委
TOWN = BranchId("xiangzhu")  # 象珠镇党委
YALV = BranchId("yalv")  # 雅吕村党支部
LV = PersonId("lv-gexin")  # 吕革新, 支部书记、村委会主任
JIANGUO = PersonId("lv-jianguo")  # 吕建国, 组织委员
XIAOFANG = PersonId("lv-xiaofang")  # 吕小芳, 宣传委员
PROBATIONER = PersonId("lv-xin")  # 吕鑫, 预备党员
MEMBERS = (LV, JIANGUO, XIAOFANG, *(PersonId(f"member-{i:02}") for i in range(1, 10)))
TWO_COMMITTEES = (LV, JIANGUO, XIAOFANG, "cun-wei-1", "cun-wei-2")
SUPERVISORS = ("jian-wei-1", "jian-wei-2", "jian-wei-3")
REPRESENTATIVES = tuple(f"daibiao-{i:02}" for i in range(1, 16))
COMMITTEE = (LV, JIANGUO, XIAOFANG)
MATTER = "minsheng-2018"
PROJECTS = (
    "八份里大院创建电商小镇",
    "修葺六十间头老宅打造特色民宿",
    "唐仁公祠文化礼堂修建",
    "创建美丽乡村示范村",
)
ACTORS = (COUNTY, LV, JIANGUO, "member-05", PUBLIC, "outsider")


def on(day: date, hour: int = 20) -> datetime:
    """The instant, at ``hour`` local time on ``day``."""
    return datetime.combine(day, time(hour), CST)


def setup_commands() -> list[Any]:
    """The town, the branch, its members and committee."""
    joined = date(2000, 7, 1)

    def person(pid: str, name: str, status: PartyStatus = PartyStatus.FULL) -> Any:
        return RegisterPerson(PersonId(pid), YALV, name, status, joined, COUNTY, DAY0)

    names = {LV: "吕革新", JIANGUO: "吕建国", XIAOFANG: "吕小芳"}
    return [
        FoundUnit(TOWN, UnitKind.TOWN_COMMITTEE, "象珠镇党委", None, 1, COUNTY, DAY0),
        FoundUnit(YALV, UnitKind.BRANCH, "雅吕村党支部", TOWN, 1, COUNTY, DAY0),
        *(person(m, names.get(m, f"党员{m[-2:]}")) for m in MEMBERS),
        person(PROBATIONER, "吕鑫", PartyStatus.PROBATIONARY),
        AppointRole(YALV, LV, Role.SECRETARY, COUNTY, DAY0),
        AppointRole(YALV, JIANGUO, Role.ORGANIZING, COUNTY, DAY0),
        AppointRole(YALV, XIAOFANG, Role.PUBLICITY, COUNTY, DAY0),
    ]


def rolls(director: str = LV) -> list[SetRoll]:
    """The two committees (with the director), supervisors and representatives from 1 January."""
    since = date(2018, 1, 1)
    return [
        SetRoll(YALV, Body.TWO_COMMITTEES, since, TWO_COMMITTEES, LV, DAY0, director),
        SetRoll(YALV, Body.SUPERVISORS, since, SUPERVISORS, LV, DAY0),
        SetRoll(YALV, Body.REPRESENTATIVES, since, REPRESENTATIVES, LV, DAY0),
    ]


def yalv(*then: Any, director: str = LV) -> World:
    """The village with its rolls, then ``then`` handled in order (refusals propagate)."""
    world = World()
    for command in (*setup_commands(), *rolls(director), *then):
        world.handle(command)
    return world


def adopt(procedure: Procedure = FOUR, actor: str = LV) -> AdoptProcedure:
    """The village adopts a procedure."""
    return AdoptProcedure(YALV, procedure, actor, DAY0)


def open_matter(origin: Origin = Origin.CADRES, actor: str = LV, **more: Any) -> OpenMatter:
    """十大民生实事 is opened (the cadres' proposal unless told)."""
    more.setdefault("items", PROJECTS)
    return OpenMatter(YALV, MATTER, "2018年十大民生实事", origin, actor, DAY0, **more)


def ballots(voters: tuple[str, ...], against: int = 0) -> tuple[Ballot, ...]:
    """Named ballots: the first ``against`` vote against, the rest for."""
    return tuple(
        Ballot(v, Choice.AGAINST if i < against else Choice.FOR) for i, v in enumerate(voters)
    )


#: Each meeting step: its day, the roll, and whether the vote is named.
STEPS: dict[str, tuple[date, tuple[str, ...], bool]] = {
    "propose": (date(2018, 1, 8), COMMITTEE, True),
    "discuss": (date(2018, 1, 10), TWO_COMMITTEES, True),
    "review": (date(2018, 1, 15), MEMBERS, False),
    "supervise": (date(2018, 1, 16), SUPERVISORS, True),
    "resolve": (date(2018, 1, 18), REPRESENTATIVES, False),
}


def meeting(
    step: str,
    present: tuple[str, ...] | None = None,
    against: int = 0,
    day: date | None = None,
    actor: str = LV,
    **more: Any,
) -> HoldMeeting:
    """A step's meeting with everyone on the roll present and for it, unless told."""
    held, roll, named = STEPS[step]
    held = day or held
    who = roll if present is None else present
    if named:
        more.setdefault("ballots", ballots(who, against))
    else:
        more.setdefault("votes", (len(who) - against, against, 0))
    if step == "review":
        more.setdefault("notice_sent_on", date(held.year, held.month, held.day - 4))
    return HoldMeeting(YALV, MATTER, step, held, who, actor, on(held), **more)


def four_meetings() -> list[HoldMeeting]:
    """The four meetings of 四议, each passing with everyone present."""
    return [meeting(s) for s in ("propose", "discuss", "review", "resolve")]


def publish(
    step: str = "publish_resolution",
    day: date = date(2018, 1, 19),
    days: int = 5,
    actor: str = LV,
) -> PublishNotice:
    """A publication for ``days`` working days."""
    return PublishNotice(YALV, MATTER, step, day, days, "十大民生实事决议", actor, on(day, 9))


def implement(day: date = date(2018, 11, 30), actor: str = LV) -> RecordImplementation:
    """The ten projects are implemented."""
    summary = "电商小镇开园, 民宿接待游客, 文化礼堂落成, 美丽乡村通过验收"
    return RecordImplementation(YALV, MATTER, day, summary, actor, on(day))


def objection(
    day: date = date(2018, 1, 22), step: str = "publish_resolution", oid: str = "O1"
) -> FileMatterObjection:
    """A villager objects to a publication."""
    return FileMatterObjection(
        YALV,
        MATTER,
        step,
        oid,
        "民宿选址占用了我家菜地",
        "吕大伯",
        "13905791234",
        PUBLIC,
        on(day, 10),
    )


def answer(day: date = date(2018, 1, 24), oid: str = "O1") -> AnswerMatterObjection:
    """The village answers the objection."""
    return AnswerMatterObjection(YALV, MATTER, oid, "已协商置换菜地", LV, on(day, 10))


def gather(day: date = date(2018, 1, 5)) -> GatherSuggestions:
    """Suggestions gathered from the villagers."""
    return GatherSuggestions(YALV, MATTER, "suggest", day, 136, "修路、民宿、礼堂", LV, on(day))


def resolved() -> list[Any]:
    """Opened and voted through 四议."""
    return [open_matter(), *four_meetings()]


def story_steps() -> tuple[Any, ...]:
    """One step per command, in order: 五议两公开 with the villagers' suggestions first."""
    later = date(2018, 1, 3)
    return (
        SetRoll(YALV, Body.SUPERVISORS, later, SUPERVISORS[:2], LV, DAY0),
        adopt(FIVE_SUGGESTED),
        open_matter(origin=Origin.MASSES),
        gather(),
        *four_meetings(),
        publish(),
        objection(),
        answer(),
        implement(),
        publish("publish_result", date(2018, 12, 3)),
    )


def refused(world: World, command: object, rule: str) -> DomainError:
    """Attempt ``command``: refused naming ``rule`` (or with that code), nothing written."""
    before = len(world.log)
    error = world.attempt(command)
    assert isinstance(error, DomainError), error
    assert f"规则 {rule}" in error.zh or rule == error.code, error.zh
    assert len(world.log) == before, "a refused command wrote nothing"
    return error
