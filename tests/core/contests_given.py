"""大泽镇 for the contest tests (seed 002): 新会区委 → 大泽镇党委 → four of its villages
(大泽社区、同和村、莲塘村、李苑村), built through the real deciders in a
:class:`~tests.core.world.World`.

宁路庚 is the town's secretary and 李敏 its organizing member (they organise); each
village's secretary is its contestant; five judges (镇班子成员) score: 黄评委 lives in 同和村
(its home unit), 周评委 is 莲塘村's 党建指导员 (a post in it) — neither may score that
unit. The scheme: 陈述内容 40、语言表达 30、临场应变 20、举止仪态 10, the trimmed mean,
the field inspection 50%, ties broken by the on-site score.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

import attrs

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
from dangjian_core.contests.values import (
    Aggregation,
    ContestScheme,
    Criterion,
    TieRule,
)
from dangjian_core.kernel.errors import DomainError
from dangjian_core.kernel.ids import BranchId, PersonId
from dangjian_core.people.commands import RegisterPerson
from dangjian_core.people.events import PartyStatus
from dangjian_core.units.commands import AppointRole, FoundUnit
from dangjian_core.units.events import UnitKind
from dangjian_core.units.roles import Role
from tests.core.world import World
from tests.support import CST

DAY0 = datetime(2021, 12, 1, 9, 0, tzinfo=CST)
HELD = date(2022, 1, 12)
CONTEST = "daze-2021"
DISTRICT = "xinhui-quwei"  # 新会区委
TOWN = BranchId("daze")  # 大泽镇党委
NING = PersonId("ning-lugeng")  # 宁路庚, 镇党委书记
LI = PersonId("li-min")  # 李敏, 镇党委组织委员
#: The four villages: unit id, name, its secretary's id and name.
VILLAGES = (
    ("dazeshequ", "大泽社区", "wu-dz", "吴德泽"),
    ("tonghe", "同和村", "liang-th", "梁同和"),
    ("liantang", "莲塘村", "chen-lt", "陈莲塘"),
    ("liyuan", "李苑村", "li-ly", "李立远"),
)
DAZESHEQU, TONGHE, LIANTANG, LIYUAN = (BranchId(v[0]) for v in VILLAGES)
SECRETARY = {BranchId(v[0]): PersonId(v[2]) for v in VILLAGES}
#: The judges: id, name, home unit ("" for none).
JUDGES = (
    ("judge-zhang", "张评委", ""),
    ("judge-wang", "王评委", ""),
    ("judge-zhao", "赵评委", ""),
    ("judge-zhou", "周评委", ""),
    ("judge-huang", "黄评委", TONGHE),
)
ZHANG, WANG, ZHAO, ZHOU, HUANG = (PersonId(j[0]) for j in JUDGES)
ACTORS = (DISTRICT, NING, LI, SECRETARY[TONGHE], ZHANG, HUANG, "outsider")
CRITERIA = (("陈述内容", 40), ("语言表达", 30), ("临场应变", 20), ("举止仪态", 10))
SCHEME = ContestScheme(
    "大泽镇村(社区)党组织书记述职评分细则",
    tuple(Criterion(n, w) for n, w in CRITERIA),
    Aggregation.TRIMMED,
    50,
    TieRule.ON_SITE,
)


def at(days: float) -> datetime:
    """``days`` after the town was set up (2021-12-01 09:00)."""
    return DAY0 + timedelta(days=days)


def on(day: date, hour: int = 9) -> datetime:
    """A time on ``day`` in 北京时间."""
    return datetime(day.year, day.month, day.day, hour, tzinfo=CST)


def setup_commands() -> list[Any]:
    """The town, its villages, their secretaries, the judges and their posts."""
    first = date(1995, 7, 1)

    def person(pid: str, unit: str, name: str) -> RegisterPerson:
        return RegisterPerson(
            PersonId(pid), BranchId(unit), name, PartyStatus.FULL, first, DISTRICT, DAY0
        )

    commands: list[Any] = [
        FoundUnit(TOWN, UnitKind.TOWN_COMMITTEE, "大泽镇党委", None, 1, DISTRICT, DAY0),
        person(NING, TOWN, "宁路庚"),
        person(LI, TOWN, "李敏"),
        AppointRole(TOWN, NING, Role.SECRETARY, DISTRICT, DAY0),
        AppointRole(TOWN, LI, Role.ORGANIZING, DISTRICT, DAY0),
    ]
    for unit, name, pid, person_name in VILLAGES:
        commands += [
            FoundUnit(BranchId(unit), UnitKind.BRANCH, f"{name}党支部", TOWN, 1, NING, DAY0),
            person(pid, unit, person_name),
            AppointRole(BranchId(unit), PersonId(pid), Role.SECRETARY, NING, DAY0),
        ]
    for pid, name, home in JUDGES:
        commands.append(person(pid, home or TOWN, name))
    commands.append(AppointRole(LIANTANG, ZHOU, Role.INSTRUCTOR, NING, DAY0))
    return commands


def daze(*then: Any) -> World:
    """The town, then ``then`` handled in order (refusals propagate)."""
    world = World()
    for command in (*setup_commands(), *then):
        world.handle(command)
    return world


# --- commands, with the seed's words as defaults ----------------------------------


def open_contest(actor: str = NING, day: float = 1, **options: Any) -> OpenContest:
    """大泽镇 holds its 2021 contest on 2022-01-12, on site and live streamed."""
    title = options.pop("title", "2021年村(社区)党组织书记乡村振兴“打擂台”暨述职述廉现场考评会")
    return OpenContest(CONTEST, TOWN, title, HELD, actor, at(day), live_stream=True, **options)


def scheme(actor: str = LI, day: float = 2, **changes: Any) -> AdoptContestScheme:
    """The scheme (the seed's criteria) unless told."""
    return AdoptContestScheme.of(CONTEST, attrs.evolve(SCHEME, **changes), actor, at(day))


def enter(
    unit: str, order: int, person: str | None = None, actor: str = LI, day: float = 3
) -> EnterContestant:
    """``unit``'s secretary enters in ``order``."""
    who = person or SECRETARY[BranchId(unit)]
    return EnterContestant(CONTEST, BranchId(unit), who, order, actor, at(day))


def report(unit: str, actor: str | None = None, day: float = 10, **sections: Any) -> FileReport:
    """The contestant files the report in its five sections."""
    text = {
        "highlights": "以党建引领, 为群众办实事",
        "measures": "紧抓疫情防控、安全生产和维稳",
        "results": "完成年度目标",
        "shortcomings": "亮点特色挖掘不够",
        "next_steps": "继续打造一村一特色",
    } | sections
    who = actor or SECRETARY[BranchId(unit)]
    return FileReport(
        CONTEST, BranchId(unit), **text, actor_id=who, at=at(day), attachments=("述职PPT.pptx",)
    )


def judge(pid: str, home: str = "", actor: str = LI, day: float = 4) -> AppointJudge:
    """``pid`` joins the panel."""
    return AppointJudge(CONTEST, PersonId(pid), actor, at(day), home_unit_id=home)


def panel() -> list[AppointJudge]:
    """All five judges, each with their home unit."""
    return [judge(pid, home) for pid, _, home in JUDGES]


def field(units: tuple[str, ...] = (DAZESHEQU, TONGHE, LIANTANG, LIYUAN)) -> list[Any]:
    """The contest, its scheme, the contestants with reports and the panel."""
    entered = [enter(u, i) for i, u in enumerate(units, start=1)]
    return [open_contest(), scheme(), *entered, *panel(), *(report(u) for u in units)]


def marks(*values: str) -> tuple[tuple[str, str], ...]:
    """Marks for the seed's criteria, in order, as a command carries them."""
    return tuple((name, value) for (name, _), value in zip(CRITERIA, values, strict=True))


def open_round(unit: str, actor: str = LI, hour: int = 9) -> OpenRound:
    """``unit`` takes the stage on the contest's day."""
    return OpenRound(CONTEST, BranchId(unit), actor, on(HELD, hour))


def score(judge_id: str, unit: str, *values: str, hour: int = 9) -> SubmitScore:
    """``judge_id`` scores ``unit`` (four marks)."""
    return SubmitScore(CONTEST, BranchId(unit), marks(*values), judge_id, on(HELD, hour))


def correct(
    judge_id: str,
    unit: str,
    *values: str,
    reason: str = "误将语言表达与陈述内容填反",
    hour: int = 10,
) -> CorrectScore:
    """``judge_id`` corrects their sheet for ``unit``."""
    return CorrectScore(CONTEST, BranchId(unit), marks(*values), reason, judge_id, on(HELD, hour))


def close(unit: str, actor: str = LI, hour: int = 9) -> CloseRound:
    """现场亮分 for ``unit``."""
    return CloseRound(CONTEST, BranchId(unit), actor, on(HELD, hour))


def eligible(unit: str) -> list[str]:
    """The judges who may score ``unit`` (黄评委 not 同和村, 周评委 not 莲塘村)."""
    barred = {TONGHE: HUANG, LIANTANG: ZHOU}.get(BranchId(unit))
    return [pid for pid, _, _ in JUDGES if pid != barred]


def full_round(
    unit: str, sheets: dict[str, tuple[str, ...]] | None = None, hour: int = 9
) -> list[Any]:
    """Open ``unit``'s round, every eligible judge scores (90s unless told), close it."""
    given = sheets or {}
    scored = [
        score(j, unit, *given.get(j, ("90", "90", "90", "90")), hour=hour) for j in eligible(unit)
    ]
    return [open_round(unit, hour=hour), *scored, close(unit, hour=hour)]


def inspect(unit: str, value: str = "90", actor: str = LI) -> RecordInspection:
    """The field inspection's score for ``unit``."""
    return RecordInspection(
        CONTEST, BranchId(unit), value, actor, on(HELD, 17), note="2021年12月实地考察"
    )


def review(actor: str = LI) -> RecordReview:
    """陈溢利's 三个好、两个期望."""
    return RecordReview(
        CONTEST,
        "陈溢利",
        "区委组织部四级调研员",
        ("主题好", "工作好", "组织好"),
        ("进一步挖掘亮点特色", "调整好心态继续努力"),
        actor,
        on(HELD, 17),
    )


def publish(start: date = date(2022, 1, 13), days: int = 5, actor: str = LI) -> PublishResults:
    """The results posted from 2022-01-13 for five working days."""
    return PublishResults(CONTEST, start, days, actor, on(start, 10))


@cache
def scored_world() -> World:
    """The four villages' rounds closed (90s everywhere but where a test needs more)."""
    commands: list[Any] = list(field())
    for hour, unit in enumerate((DAZESHEQU, TONGHE, LIANTANG, LIYUAN), start=9):
        commands += full_round(unit, hour=hour)
    return daze(*commands)


@cache
def town_world() -> World:
    """The town as set up, built once (copy it before playing on it)."""
    return daze()


def refused(world: World, command: Any, kind: type[DomainError], *words: str) -> DomainError:
    """``command`` is refused with ``kind`` naming ``words``, and nothing is written."""
    before = len(world.log)
    refusal = world.attempt(command)
    assert isinstance(refusal, kind), refusal
    assert all(word in refusal.zh for word in words), refusal.zh
    assert len(world.log) == before
    return refusal
