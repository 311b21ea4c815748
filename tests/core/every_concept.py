"""Stories for every concept of the catalog, for the registry-driven properties.

A :class:`Story` is the world a concept's commands act in and one command of each of the
concept's kinds, in a plausible order, built with the seed stories' builders
(:mod:`tests.core.org` for 象珠镇, :mod:`tests.support` for 派溪吕村). A generated play takes
some of the steps in order (so plays reach deep states), then steps in any order, some by
another actor (so refusals come up too). :data:`STORIES` is keyed by concept name; a new
concept in the catalog fails ``test_every_concept`` until it has a story here.

Each story plays in a :class:`~tests.core.world.World`, as the application would.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any

from attrs import frozen

from dangjian_core.accounts.commands import (
    AcceptInvitation,
    CloseAccount,
    InviteAccount,
    IssueApiToken,
    RevokeApiToken,
)
from dangjian_core.accounts.events import Scope
from dangjian_core.commitments.commands import (
    ChangePledge,
    HideFeedback,
    ShowFeedback,
    WithdrawPledge,
)
from dangjian_core.commitments.values import AssessorBody, Fulfilment
from dangjian_core.contests.values import Aggregation
from dangjian_core.development.commands import DismissObjection
from dangjian_core.duties.commands import EndDuty, HandOverDuty, LogPatrol
from dangjian_core.grids.commands import (
    AddHousehold,
    AssignBlockPost,
    ExemptFromLinking,
    LayOutBlock,
    LinkHousehold,
    LogVisit,
    PairHousehold,
)
from dangjian_core.grids.events import BlockSize, GridPost
from dangjian_core.kernel.errors import DomainError, Unauthorized
from dangjian_core.kernel.ids import AdjustmentId, BranchId, PersonId, TaskId
from dangjian_core.people.commands import (
    ChangePartyStatus,
    ExtendProbation,
    RecordPersonDetails,
    RegisterPerson,
    RenamePerson,
    TransferMembership,
)
from dangjian_core.people.events import Gender, PartyStatus
from dangjian_core.points.commands import AdjustPoints
from dangjian_core.ratings.commands import ProposeRating, SetCommitmentCriterion, SetStarStandard
from dangjian_core.ratings.events import RatedKind
from dangjian_core.tasks.commands import (
    ApproveCompletion,
    CancelTask,
    ClaimTask,
    CloseDrawWindow,
    CloseTask,
    DrawSlots,
    IssueTask,
    RejectCompletion,
    RevokePoints,
    SubmitCompletion,
    WithdrawClaim,
)
from dangjian_core.tasks.events import Audience, SourceKind
from dangjian_core.tasks.state import SelfReview
from dangjian_core.units.commands import (
    AddRegionMember,
    AppointRole,
    DissolveUnit,
    EndRole,
    FoundBranch,
    FoundUnit,
    MergeUnit,
    MoveUnit,
    RemoveRegionMember,
    RenameUnit,
    SetLateEntryPolicy,
)
from dangjian_core.units.events import UnitKind
from dangjian_core.units.roles import Role
from dangjian_core.work.commands import CancelWorkItem, LinkTasks, ReviseWorkShare
from tests import support
from tests.core import campaigns_given as camp
from tests.core import commitments_given as pledges
from tests.core import contests_given as contest
from tests.core import coverage_given as register
from tests.core import development_given as dev
from tests.core import duties_given as duties
from tests.core import evaluation_given as ev
from tests.core import matters_given as matters
from tests.core import org
from tests.core.given import Village
from tests.core.org import CHEN, COUNTY, DING, GUANCHUAN, HU, LV, QINGWEIJIE, WANG, WU, later
from tests.core.test_calendar import MAKE_UP, NATIONAL_DAY, holidays, workdays
from tests.core.test_ratings import BRANCH, MEMBER, fix, lower, propose, remove, standard
from tests.core.test_work import QWJ_ITEM, W1, ZHAO, ZONGZHI_ITEM, accept, assign, issue, report
from tests.core.test_work import town as work_town
from tests.core.world import World, village_world


@frozen
class Story:
    """故事 — a concept's world, its steps in a plausible order, the actors who may take
    them instead, the refusals that mean "not entitled" (the live authority check), and
    the commands that record one more fact each time they are decided (a log, not a
    state: deciding them again decides the same events again; only a command id makes
    their retry safe, ADR 0007)."""

    world: Callable[[], World]
    steps: tuple[Any, ...]
    actors: tuple[str, ...]
    authority: tuple[type[DomainError], ...] = (Unauthorized,)
    appends: tuple[type[Any], ...] = ()
    refused_again: tuple[type[Any], ...] = ()


# --- 象珠镇 (tests.core.org): every concept but evaluation and development ---

TOWN_ACTORS = (COUNTY, WANG, DING, HU, LV, CHEN, "outsider")
NEW_UNIT, NEW_PERSON, PROBATIONER = BranchId("qwj-new"), PersonId("p-new"), PersonId("p-prob")
T2 = TaskId("T2")
SMALL2 = "qwj-x2"  # a second small block, laid out in the story


def _at(day: float) -> Any:
    return later(day)


UNITS = Story(
    village_world(org.town),
    (
        FoundUnit(NEW_UNIT, UnitKind.BRANCH, "新支部", org.ZONGZHI, 1, WANG, _at(5)),
        RenameUnit(NEW_UNIT, "新村党支部", WANG, _at(6)),
        AppointRole(QINGWEIJIE, CHEN, Role.ORGANIZING, WANG, _at(7)),
        EndRole(QINGWEIJIE, CHEN, Role.ORGANIZING, "换届", WANG, _at(8)),
        SetLateEntryPolicy(QINGWEIJIE, 14, (Role.SECRETARY,), "农忙", WANG, _at(8.5)),
        AddRegionMember(org.REGION, QINGWEIJIE, WANG, _at(9)),
        RemoveRegionMember(org.REGION, QINGWEIJIE, "调整", WANG, _at(10)),
        MoveUnit(org.GROUP, GUANCHUAN, "调整", WANG, _at(11)),
        MergeUnit(NEW_UNIT, GUANCHUAN, "合并", WANG, _at(12)),
        DissolveUnit(org.GROUP, "撤销", WANG, _at(13)),
        FoundBranch(BranchId("root-new"), "新的根支部", 10, COUNTY, _at(14)),
    ),
    TOWN_ACTORS,
)

PEOPLE = Story(
    village_world(org.town),
    (
        RegisterPerson(
            NEW_PERSON, QINGWEIJIE, "新人", PartyStatus.APPLICANT, date(2017, 3, 1), WANG, _at(5)
        ),
        ChangePartyStatus(
            NEW_PERSON, PartyStatus.ACTIVIST, date(2017, 9, 1), "支委会", WANG, _at(6)
        ),
        RecordPersonDetails(NEW_PERSON, Gender.FEMALE, 1990, "13800000000", "", WANG, _at(7)),
        RenamePerson(NEW_PERSON, "新人甲", "错字", WANG, _at(8)),
        RegisterPerson(
            PROBATIONER,
            QINGWEIJIE,
            "预备",
            PartyStatus.PROBATIONARY,
            date(2017, 6, 1),
            WANG,
            _at(9),
        ),
        ExtendProbation(PROBATIONER, date(2018, 12, 1), "表现欠佳", WANG, _at(10)),
        TransferMembership(CHEN, QINGWEIJIE, GUANCHUAN, "迁居", WANG, _at(11)),
    ),
    TOWN_ACTORS,
)

CALENDAR = Story(
    village_world(org.town),
    (
        holidays(*NATIONAL_DAY),
        workdays(*MAKE_UP),
        holidays(date(2024, 10, 12), name="调休取消"),
        workdays(date(2024, 10, 5), name="加班"),
    ),
    TOWN_ACTORS,
)

GRIDS = Story(
    village_world(org.task_town),
    (
        LayOutBlock(SMALL2, QINGWEIJIE, "第二小网格", BlockSize.SMALL, org.LARGE, LV, _at(5)),
        AssignBlockPost(SMALL2, GridPost.MEMBER, WU, LV, _at(6)),
        AddHousehold(SMALL2, "qwj-h2", "吴大妈", True, LV, _at(7)),
        LinkHousehold(SMALL2, "qwj-h2", WU, LV, _at(8)),
        PairHousehold(SMALL2, "qwj-h2", WU, LV, _at(9)),
        LogVisit(SMALL2, "qwj-h2", WU, _at(10).date(), "走访", WU, _at(10)),
        ExemptFromLinking(SMALL2, CHEN, "患病", LV, _at(11)),
    ),
    TOWN_ACTORS,
    # 走访: every visit is counted (the pairs row's ``visits``), so the grid's state keeps
    # no visits and a repeat logs another one.
    appends=(LogVisit,),
)

ACCOUNTS = Story(
    village_world(org.task_town),
    (
        InviteAccount(WU, "inv-1", LV, _at(5)),
        AcceptInvitation(WU, "inv-1", WU, _at(6)),
        IssueApiToken(WU, "tok-1", "群机器人", (Scope.READ,), WU, _at(7)),
        RevokeApiToken(WU, "tok-1", "泄露", LV, _at(8)),
        CloseAccount(WU, "离开本村", LV, _at(9)),
    ),
    (*TOWN_ACTORS, WU),
    # 接受邀请: an invitation sets a password once; a second use is refused (the identity
    # service asks this rule before it keeps a password hash), never answered with [].
    refused_again=(AcceptInvitation,),
)

_ISSUE_T2 = IssueTask(
    T2, QINGWEIJIE, "巡查", "日常工作巡查", 3, 2, _at(30), (Audience.MEMBERS,),
    SourceKind.VILLAGE, "", LV, _at(5),
)  # fmt: skip
T3 = TaskId("T3")
_ISSUE_T3 = IssueTask(
    T3, QINGWEIJIE, "宣传", "政策宣传", 2, 1, _at(40), (Audience.MEMBERS,),
    SourceKind.VILLAGE, "", LV, _at(15), draw_minutes=60,
)  # fmt: skip
TASKS = Story(
    village_world(org.task_town),
    (
        _ISSUE_T2,
        ClaimTask(T2, CHEN, _at(6)),
        ClaimTask(T2, WU, _at(6)),
        WithdrawClaim(T2, WU, _at(7)),
        SubmitCompletion(T2, "已完成", ("p.jpg",), CHEN, _at(8)),
        RejectCompletion(T2, CHEN, "照片不清", LV, _at(9)),
        SubmitCompletion(T2, "已补拍", ("p2.jpg",), CHEN, _at(10)),
        ApproveCompletion(T2, CHEN, None, "", LV, _at(11)),
        RevokePoints(T2, CHEN, "督查发现不实", LV, _at(12)),
        ApproveCompletion(org.T1, WU, 3, "部分完成", LV, _at(13)),
        CancelTask(org.T1, "上级通知取消", LV, _at(14)),
        # Fair claiming: a draw window, its draw, a withdrawal promoting the waitlist, and
        # the conclusion of T2 after its deadline.
        _ISSUE_T3,
        ClaimTask(T3, CHEN, _at(15.01)),
        ClaimTask(T3, WU, _at(15.02)),
        CloseDrawWindow(T3, CHEN, _at(15.5)),
        DrawSlots(T3, "ab" * 32, 1, "chain-entry-hash/v1", LV, _at(16)),
        WithdrawClaim(T3, CHEN, _at(17)),
        CloseTask(T2, LV, _at(31)),
    ),
    TOWN_ACTORS,
    (Unauthorized, SelfReview),
)

POINTS = Story(
    village_world(org.task_town),
    (
        AdjustPoints(AdjustmentId("A1"), QINGWEIJIE, CHEN, 2, "表彰", LV, _at(5)),
        AdjustPoints(AdjustmentId("A2"), QINGWEIJIE, WU, -1, "缺席", LV, _at(6)),
        AdjustPoints(AdjustmentId("A3"), GUANCHUAN, HU, 3, "奖励", HU, _at(7), category="奖励"),
    ),
    TOWN_ACTORS,
)


@cache
def _rated_world() -> World:
    """象珠镇, and 平山镇 with 程军's 2017 commitment assessed and concluded (100.00)."""
    world = World.of(org.town().log)
    for recorded in pledges.concluded_world().log:
        world.record(recorded.stream_id, recorded.actor_id, recorded.at, recorded.event)
    return world


_PINGSHAN_MEMBERS = (pledges.TOWN, 2017, RatedKind.MEMBER)
RATINGS = Story(
    _rated_world,
    (
        standard(MEMBER),
        standard(BRANCH),
        propose(CHEN, 97),
        propose(QINGWEIJIE, 95, BRANCH, innovation=True),
        fix(CHEN),
        fix(QINGWEIJIE, kind=BRANCH),
        lower(CHEN, 3),
        remove(CHEN),
        # 平山镇: the county counts the commitment score as 40 of a member's 100 points.
        SetStarStandard(
            *_PINGSHAN_MEMBERS, 100, (60, 70, 80, 90, 96), pledges.COUNTY, pledges.at(370)
        ),
        SetCommitmentCriterion(*_PINGSHAN_MEMBERS, 40, pledges.COUNTY, pledges.at(370)),
        ProposeRating(*_PINGSHAN_MEMBERS, pledges.CHENG_JUN, 55, pledges.WANG, pledges.at(371)),
    ),
    (*TOWN_ACTORS, pledges.COUNTY, pledges.WANG),
)

_SISHAN = (pledges.DAWA, pledges.YEAR, pledges.SISHAN)
_CHENG_JUN = (pledges.DAWA, pledges.YEAR, pledges.CHENG_JUN)
_FULFILLED = {1: Fulfilment.FULFILLED}
COMMITMENTS = Story(
    pledges.pingshan_world,
    (
        pledges.rule(),
        pledges.draft(),
        pledges.draft(pledges.SISHAN),
        pledges.submit(),
        pledges.return_(),
        pledges.revise(),
        pledges.submit(day=9),
        pledges.approve(day=9),
        pledges.post(),
        ChangePledge(
            *_CHENG_JUN, 1, "党小组长", "义务维修组内路灯", "组内路灯每半月巡查一次",
            pledges.DUE, "群众建议加密巡查", pledges.CHEN, pledges.at(20),
        ),
        pledges.report(),
        pledges.feedback(),
        HideFeedback(*_CHENG_JUN[:2], "F1", "含他人电话", pledges.TAN, pledges.at(121)),
        ShowFeedback(*_CHENG_JUN[:2], "F1", pledges.TAN, pledges.at(122)),
        pledges.submit(pledges.SISHAN, day=130),
        pledges.approve(pledges.SISHAN, day=131),
        pledges.post(pledges.SISHAN, day=132),
        WithdrawPledge(*_SISHAN, 1, "县里统一修路", pledges.TAN, pledges.at(140)),
        *(pledges.assess(pledges.CHENG_JUN, body, _FULFILLED) for body in AssessorBody),
        pledges.conclude(),
    ),
    pledges.ACTORS,
)  # fmt: skip

WORK = Story(
    village_world(work_town),
    (
        issue(),
        assign(W1, org.ZONGZHI, 600, WANG),
        accept(W1, org.ZONGZHI, ZHAO),
        assign(ZONGZHI_ITEM, QINGWEIJIE, 400, ZHAO),
        accept(ZONGZHI_ITEM, QINGWEIJIE, LV),
        LinkTasks(QWJ_ITEM, (org.T1,), LV, _at(13)),
        report(QWJ_ITEM, 50, LV),
        ReviseWorkShare(W1, org.ZONGZHI, 500, "调整", WANG, _at(21)),
        CancelWorkItem(ZONGZHI_ITEM, "上级取消", ZHAO, _at(22)),
    ),
    (*TOWN_ACTORS, ZHAO),
)

_DAY = duties.APRIL
DUTIES = Story(
    village_world(org.task_town),
    (
        duties.road(),
        duties.patrol(_DAY),
        duties.problem(actor=CHEN),
        duties.route(),
        HandOverDuty(duties.ROAD, LV, _DAY, WANG, duties.at(_DAY, 21)),
        EndDuty(duties.ROAD, _DAY, "道路移交", WANG, duties.at(_DAY, 22)),
    ),
    TOWN_ACTORS,
    # 巡查: every patrol is one more fact, counted by the compliance report.
    appends=(LogPatrol,),
)

COVERAGE = Story(
    village_world(org.task_town),
    (
        register.listing(),
        register.founding(),
        register.delisting(register.JULY_9 + 60 * register.DAY),
    ),
    TOWN_ACTORS,
)

# --- 派溪吕村 (tests.support): evaluation and development ------------------------------

SEED_ACTORS = (support.TOWN, support.SECRETARY, support.ORGANIZER, support.REVIEWER, support.LANZHI)

EVALUATION = Story(
    village_world(Village.seeded),
    (
        ev.adopt(),
        ev.quota(),
        ev.deduct(),
        ev.veto(),
        ev.score_activist(),
        ev.snapshot(),
        ev.close(),
    ),
    SEED_ACTORS,
)

_TONGHE_SHEET = ("92", "90", "88", "95")
CONTESTS = Story(
    contest.town_world,
    (
        contest.open_contest(),
        contest.scheme(aggregation=Aggregation.MEAN),
        contest.enter(contest.TONGHE, 1),
        contest.report(contest.TONGHE),
        contest.judge(contest.ZHANG),
        contest.judge(contest.HUANG, contest.TONGHE),
        contest.open_round(contest.TONGHE),
        contest.score(contest.ZHANG, contest.TONGHE, *_TONGHE_SHEET),
        contest.correct(contest.ZHANG, contest.TONGHE, "90", "92", "88", "95"),
        contest.close(contest.TONGHE, hour=11),
        contest.inspect(contest.TONGHE),
        contest.review(),
        contest.publish(),
    ),
    contest.ACTORS,
)

DEVELOPMENT = Story(
    village_world(Village.seeded, ev.adopt(), ev.quota(2), ev.close()),
    (
        dev.propose(),
        dev.post(),
        dev.objection(),
        dev.objection("O2", support.XINGCAN, date(2022, 10, 12)),
        dev.uphold(),
        DismissObjection(
            dev.BRANCH, dev.CYCLE, "O2", "不属实", support.SECRETARY, dev.at(date(2022, 10, 13))
        ),
        dev.confirm(),
        dev.commend(),
        dev.flag(),
    ),
    SEED_ACTORS,
)

# --- 城西新区 (tests.core.campaigns_given): campaigns and task forces ------------------

CAMPAIGNS = Story(camp.story_world, camp.STORY_STEPS, camp.ACTORS)

#: Every concept's story, by concept name.
STORIES: dict[str, Story] = {
    "units": UNITS,
    "people": PEOPLE,
    "calendars": CALENDAR,
    "grids": GRIDS,
    "accounts": ACCOUNTS,
    "tasks": TASKS,
    "points": POINTS,
    "evaluation": EVALUATION,
    "commitments": COMMITMENTS,
    "ratings": RATINGS,
    "work": WORK,
    "development": DEVELOPMENT,
    "campaigns": CAMPAIGNS,
    "contests": CONTESTS,
    "duties": DUTIES,
    "coverage": COVERAGE,
    "matters": Story(matters.yalv, matters.story_steps(), matters.ACTORS),
}
