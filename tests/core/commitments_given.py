"""平山镇 for the commitment tests (seed 003): 怀宁县委 → 平山镇党委 → 大洼社区党支部 →
司山党小组, built through the real deciders in a :class:`~tests.core.world.World` (so that
read models — the concluded scores the star ratings read — are kept as in the application).

汪金生 is the town's secretary; 檀永福 and 陈德文 are 大洼社区's secretary and organizing
member (its committee); 程军 is 司山党小组's leader. 程军, 胡汪节 and 程秉奎 pledge as in the
seed; 汪玉兰 is a villager on the roll (not a member). Builders below spell each command
with the seed's words and plain defaults, so a test reads as the story it tells.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from dangjian_core.commitments.commands import (
    AdoptAssessmentRule,
    ApprovePledge,
    AssessCommitment,
    ConcludeAssessment,
    DraftPledge,
    LeaveFeedback,
    PostCommitment,
    ReportProgress,
    ReturnPledge,
    RevisePledge,
    SubmitCommitment,
)
from dangjian_core.commitments.permissions import PUBLIC
from dangjian_core.commitments.values import AssessorBody, Fulfilment, ReturnGround
from dangjian_core.kernel.ids import BranchId, PersonId
from dangjian_core.people.commands import RegisterPerson
from dangjian_core.people.events import PartyStatus
from dangjian_core.units.commands import AppointRole, FoundUnit
from dangjian_core.units.events import UnitKind
from dangjian_core.units.roles import Role
from tests.core.world import World
from tests.support import CST

DAY0 = datetime(2017, 1, 3, 9, 0, tzinfo=CST)
YEAR = 2017
COUNTY = "huaining-xianwei"  # 怀宁县委
TOWN = BranchId("pingshan")  # 平山镇党委
DAWA = BranchId("dawa")  # 大洼社区党支部
SISHAN = BranchId("sishan")  # 司山党小组
WANG = PersonId("wang-jinsheng")  # 汪金生, 镇党委书记
TAN = PersonId("tan-yongfu")  # 檀永福, 大洼社区党支部书记
CHEN = PersonId("chen-dewen")  # 陈德文, 大洼社区党支部组织委员
CHENG_JUN = PersonId("cheng-jun")  # 程军, 党小组长
HU = PersonId("hu-wangjie")  # 胡汪节, 理事长
CHENG_BK = PersonId("cheng-bingkui")  # 程秉奎
VILLAGER = PersonId("wang-yulan")  # 汪玉兰, 群众 on the roll
ACTORS = (COUNTY, WANG, TAN, CHEN, CHENG_JUN, HU, CHENG_BK, "outsider")

#: The seed's pledges: who, post, pledge, target.
SEED_PLEDGES: dict[str, list[tuple[str, str, str]]] = {
    CHENG_JUN: [
        ("党小组长", "义务维修组内路灯", "组内路灯每月巡查一次, 坏灯三日内修复"),
        ("党小组长", "定点帮扶一户低保户", "每月走访一次, 帮助落实低保政策"),
    ],
    HU: [
        ("村民理事会理事长", "处理好组内各项事务", "组内矛盾纠纷当月调处, 调处率百分之百"),
        ("村民理事会理事长", "关爱空巢老人", "每季度走访组内空巢老人至少一次"),
    ],
    CHENG_BK: [
        ("党员", "义务清扫组内道路卫生", "每周清扫组内主干道一次"),
        ("党员", "协调村民组矛盾", "发现矛盾三日内上门协调"),
    ],
}
#: 司山党小组's collective pledges for 2017: 修路、换路灯、绿化, each with an owner.
COLLECTIVE_PLEDGES = [
    ("党小组", "修路", "硬化组内道路 1.2 公里", date(2017, 10, 31), CHENG_JUN),
    ("党小组", "换路灯", "更换组内路灯 20 盏", date(2017, 8, 31), CHENG_BK),
    ("党小组", "绿化", "沿路植树 500 棵, 成活率九成以上", date(2017, 5, 31), HU),
]
DUE = date(YEAR, 12, 31)


def at(days: float) -> datetime:
    """``days`` after the town was set up (2017-01-03 09:00)."""
    return DAY0 + timedelta(days=days)


def setup_commands() -> list[Any]:
    """The commands that build the town, its branch, group, people and roles."""
    first = date(1990, 7, 1)

    def person(pid: str, unit: str, name: str, status: PartyStatus = PartyStatus.FULL) -> Any:
        return RegisterPerson(PersonId(pid), BranchId(unit), name, status, first, COUNTY, DAY0)

    def role(unit: str, pid: str, which: Role, actor: str) -> AppointRole:
        return AppointRole(BranchId(unit), PersonId(pid), which, actor, DAY0)

    return [
        FoundUnit(TOWN, UnitKind.TOWN_COMMITTEE, "平山镇党委", None, 1, COUNTY, DAY0),
        FoundUnit(DAWA, UnitKind.BRANCH, "大洼社区党支部", TOWN, 1, COUNTY, DAY0),
        FoundUnit(SISHAN, UnitKind.PARTY_GROUP, "司山党小组", DAWA, 1, COUNTY, DAY0),
        person(WANG, TOWN, "汪金生"),
        person(TAN, DAWA, "檀永福"),
        person(CHEN, DAWA, "陈德文"),
        person(CHENG_JUN, DAWA, "程军"),
        person(HU, DAWA, "胡汪节"),
        person(CHENG_BK, DAWA, "程秉奎"),
        person(VILLAGER, DAWA, "汪玉兰", PartyStatus.VILLAGER),
        role(TOWN, WANG, Role.SECRETARY, COUNTY),
        role(DAWA, TAN, Role.SECRETARY, COUNTY),
        role(DAWA, CHEN, Role.ORGANIZING, COUNTY),
        role(SISHAN, CHENG_JUN, Role.GROUP_LEADER, COUNTY),
    ]


def pingshan(*then: Any) -> World:
    """The town, then ``then`` handled in order (refusals propagate)."""
    world = World()
    for command in (*setup_commands(), *then):
        world.handle(command)
    return world


# --- commands, with the seed's words as defaults ----------------------------------


def rule(
    self_weight: int = 20,
    meeting: int = 40,
    representatives: int = 40,
    actor: str = TAN,
    day: float = 1,
    **options: Any,
) -> AdoptAssessmentRule:
    """大洼社区 adopts its 2017 assessment rule: 20/40/40 unless told."""
    return AdoptAssessmentRule(
        DAWA, YEAR, self_weight, meeting, representatives, actor, at(day), **options
    )


def draft(pledger: str = CHENG_JUN, no: int = 1, day: float = 5, **terms: Any) -> DraftPledge:
    """A pledge as the seed words it (a collective one: 修路, 换路灯, 绿化 with owners)."""
    if pledger == SISHAN:
        post, content, target, due, owner = COLLECTIVE_PLEDGES[no - 1]
        defaults: dict[str, Any] = {"post": post, "content": content, "target": target}
        defaults |= {"due": due, "owner_id": owner, "actor_id": CHENG_JUN}
    else:
        post, content, target = SEED_PLEDGES.get(pledger, SEED_PLEDGES[CHENG_BK])[no - 1]
        defaults = {"post": post, "content": content, "target": target, "due": DUE}
        defaults["actor_id"] = pledger
    fields = defaults | terms
    return DraftPledge(DAWA, YEAR, pledger, no, at=at(day), **fields)


def revise(pledger: str = CHENG_JUN, no: int = 1, day: float = 8, **terms: Any) -> RevisePledge:
    """The pledger revises a returned pledge (a sharper target unless told)."""
    drafted = draft(pledger, no)
    fields: dict[str, Any] = {
        "post": drafted.post,
        "content": drafted.content,
        "target": drafted.target + ", 全年修复率百分之百",
        "due": drafted.due,
        "owner_id": drafted.owner_id,
        "actor_id": drafted.actor_id,
    }
    return RevisePledge(DAWA, YEAR, pledger, no, at=at(day), **(fields | terms))


def submit(pledger: str = CHENG_JUN, day: float = 6, actor: str | None = None) -> SubmitCommitment:
    """The pledger (or their group's leader) submits the drafted pledges."""
    who = actor or (CHENG_JUN if pledger == SISHAN else pledger)
    return SubmitCommitment(DAWA, YEAR, pledger, who, at(day))


def approve(pledger: str = CHENG_JUN, no: int = 1, actor: str = TAN, day: float = 7) -> Any:
    """The branch committee approves a pledge."""
    return ApprovePledge(DAWA, YEAR, pledger, no, actor, at(day))


def return_(pledger: str = CHENG_JUN, no: int = 1, actor: str = TAN, day: float = 7) -> Any:
    """The branch committee returns a pledge as not measurable."""
    reason = "目标不可衡量: 请写明巡查频次和修复时限"
    return ReturnPledge(
        DAWA, YEAR, pledger, no, ReturnGround.NOT_MEASURABLE, reason, actor, at(day)
    )


def post(pledger: str = CHENG_JUN, actor: str = TAN, day: float = 10) -> PostCommitment:
    """The branch posts the commitment (亮诺)."""
    return PostCommitment(DAWA, YEAR, pledger, actor, at(day))


def report(
    pledger: str = CHENG_JUN, no: int = 1, day: float = 100, actor: str | None = None, **more: Any
) -> ReportProgress:
    """The owner reports progress with a photo."""
    more.setdefault("evidence", ("lights-0412.jpg",))
    who = actor or (CHENG_JUN if pledger == SISHAN else pledger)
    note = more.pop("note", "本月巡查路灯 12 盏, 修复 2 盏")
    return ReportProgress(DAWA, YEAR, pledger, no, note, who, at(day), **more)


def feedback(
    pledger: str = CHENG_JUN, no: int = 1, fid: str = "F1", day: float = 120, **more: Any
) -> LeaveFeedback:
    """A villager's feedback, as ``public`` with a name and a contact."""
    more.setdefault("actor_id", PUBLIC)
    text = more.pop("text", "村口那盏路灯修好了, 晚上走路放心多了")
    return LeaveFeedback(
        DAWA, YEAR, pledger, no, fid, text, "程大爷", "13905560000", at=at(day), **more
    )


def assess(
    pledger: str,
    body: AssessorBody,
    grades: dict[int, Fulfilment],
    actor: str | None = None,
    day: float = 363,
) -> AssessCommitment:
    """One body's grades (the pledger for SELF, 檀永福 for the others unless told)."""
    default = (CHENG_JUN if pledger == SISHAN else pledger) if body is AssessorBody.SELF else TAN
    pairs = tuple(sorted(grades.items()))
    return AssessCommitment(DAWA, YEAR, pledger, body, pairs, actor or default, at(day))


def conclude(pledger: str = CHENG_JUN, actor: str = TAN, day: float = 364) -> ConcludeAssessment:
    """The branch concludes the assessment."""
    return ConcludeAssessment(DAWA, YEAR, pledger, actor, at(day))


def pledged(pledger: str = CHENG_JUN, items: int = 2) -> list[Any]:
    """The commands that draft, submit, approve and post ``items`` seed pledges."""
    return [
        *(draft(pledger, no) for no in range(1, items + 1)),
        submit(pledger),
        *(approve(pledger, no) for no in range(1, items + 1)),
        post(pledger),
    ]


def graded(pledger: str, grades: dict[AssessorBody, dict[int, Fulfilment]]) -> list[Any]:
    """The commands that record each body's grades."""
    return [assess(pledger, body, by_item) for body, by_item in grades.items()]


ALL_FULFILLED = {body: {1: Fulfilment.FULFILLED, 2: Fulfilment.FULFILLED} for body in AssessorBody}


@cache
def pingshan_world() -> World:
    """The town as set up, built once (copy it before playing on it)."""
    return pingshan()


@cache
def concluded_world() -> World:
    """程军's commitment posted, graded fulfilled by every body and concluded (100.00)."""
    return pingshan(rule(), *pledged(), *graded(CHENG_JUN, ALL_FULFILLED), conclude())


def refused(world: World, command: Any, error: type[Exception]) -> Any:
    """The refusal ``command`` gets; asserts it is typed, bilingual and wrote nothing."""
    before = len(world.log)
    refusal = world.attempt(command)
    assert isinstance(refusal, error), refusal
    assert refusal.zh
    assert refusal.en
    assert len(world.log) == before
    return refusal


def book(world: World) -> Any:
    """大洼社区's 2017 book as folded."""
    return world.states[f"commitment-{DAWA}@{YEAR}"]
