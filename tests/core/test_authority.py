"""Authority replay 权限重放: every recorded event re-checked against the role history.

For each event type: the entitled actor passes and someone else is flagged with the rule.
Then whole logs: an honest log has no flags; an event inserted by someone without the
role is flagged at its position.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from dangjian_core.accounts.events import (
    AccountClosed,
    AccountInvited,
    ApiTokenIssued,
    ApiTokenRevoked,
    InvitationAccepted,
    Scope,
)
from dangjian_core.calendar.events import HolidaysDeclared, WorkdaysDeclared
from dangjian_core.catalog import EVENT_TYPES, audit, violation
from dangjian_core.evaluation.events import (
    ActivistScored,
    CycleClosed,
    DeductionApplied,
    QuotaSet,
    SchemeAdopted,
    SnapshotPublished,
    VetoRecorded,
)
from dangjian_core.evaluation.state import FrozenStandings
from dangjian_core.grids.events import (
    BlockLaidOut,
    BlockPostAssigned,
    BlockSize,
    GridPost,
    HouseholdAdded,
    HouseholdLinked,
    HouseholdPaired,
    LinkExemptionRecorded,
    VisitLogged,
)
from dangjian_core.kernel.audit import Flag
from dangjian_core.kernel.ids import AdjustmentId, BranchId, PersonId, TaskId
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.people.events import (
    Gender,
    MembershipTransferred,
    PartyStatus,
    PartyStatusChanged,
    PersonDetailsRecorded,
    PersonRegistered,
    PersonRenamed,
    ProbationExtended,
)
from dangjian_core.points.events import PointsAdjusted
from dangjian_core.ratings.events import (
    RatedKind,
    RatingFixed,
    RatingLowered,
    RatingProposed,
    RatingRemoved,
    StarStandardSet,
)
from dangjian_core.tasks.events import (
    Audience,
    ClaimWaitlisted,
    ClaimWithdrawn,
    CompletionApproved,
    CompletionRejected,
    CompletionSubmitted,
    DrawEntered,
    DrawWindowClosed,
    PointsRevoked,
    SlotsDrawn,
    SourceKind,
    TaskCancelled,
    TaskClaimed,
    TaskConcluded,
    TaskIssued,
    WaitlistLeft,
    WaitlistPromoted,
)
from dangjian_core.units.events import (
    BranchFounded,
    LateEntryPolicySet,
    RegionMemberAdded,
    RegionMemberRemoved,
    RoleAssigned,
    RoleEnded,
    UnitDissolved,
    UnitFounded,
    UnitKind,
    UnitMerged,
    UnitMoved,
    UnitRenamed,
)
from dangjian_core.units.roles import Role
from dangjian_core.work.events import (
    TasksLinked,
    WorkItemCancelled,
    WorkItemId,
    WorkItemIssued,
    WorkProgressReported,
    WorkShareAccepted,
    WorkShareAssigned,
    WorkShareRevised,
)
from dangjian_core.work.state import WorkItemState
from tests.core.campaigns_examples import CAMPAIGN_EXAMPLES, CAMPAIGN_STATES
from tests.core.commitments_examples import COMMITMENT_EXAMPLES
from tests.core.contests_examples import CONTEST_EXAMPLES, CONTEST_STATES
from tests.core.coverage_examples import COVERAGE_EXAMPLES
from tests.core.development_examples import DEVELOPMENT_EXAMPLES
from tests.core.duties_examples import DUTY_EXAMPLES, DUTY_STATES
from tests.core.evaluation_given import PAIXILV
from tests.core.given import Village
from tests.core.matters_examples import MATTER_EXAMPLES
from tests.core.org import (
    CHEN,
    COUNTY,
    DAY0,
    DING,
    GUANCHUAN,
    HOUSEHOLD,
    HU,
    LV,
    QINGWEIJIE,
    REGION,
    SMALL,
    T1,
    TOWN,
    WANG,
    WU,
    ZONGZHI,
    appoint,
    later,
    task_town,
)

A1 = AdjustmentId("A1")
W1, W1_ZONGZHI = WorkItemId("W1"), WorkItemId("W1.xz-zongzhi")
#: Work items the examples below act on (the task town has none of its own).
WORK_ITEMS = {f"work-{W1}": WorkItemState(W1, TOWN, "人居环境整治", "户", 10, later(100))}
WORK_EXAMPLES: list[tuple[Any, str, str | None]] = [
    (WorkItemIssued(W1, TOWN, "人居环境整治", "户", 10, later(100)), WANG, LV),
    (WorkShareAssigned(W1, ZONGZHI, W1_ZONGZHI, 6, later(100)), DING, COUNTY),
    (WorkShareAccepted(W1_ZONGZHI, QINGWEIJIE, W1, "人居环境整治", "户", 6, later(99)), LV, WANG),
    (TasksLinked(W1, (T1,), 1), WANG, HU),
    (WorkProgressReported(W1, 3, ""), DING, LV),
    (WorkShareRevised(W1, ZONGZHI, 5, later(100), "调整"), WANG, LV),
    (WorkItemCancelled(W1, "上级统一安排"), DING, COUNTY),
]

#: Evaluation events of the town's cycle: its leaders, and the quota from above it.
EVALUATION_EXAMPLES: list[tuple[Any, str, str | None]] = [
    (SchemeAdopted(TOWN, "2018-01", 1, PAIXILV), WANG, HU),
    (QuotaSet(TOWN, "2018-01", 2, ""), COUNTY, WANG),
    (DeductionApplied(TOWN, "2018-01", "D1", WANG, "absent", "缺席", 5, "基础分", ""), DING, HU),
    (VetoRecorded(TOWN, "2018-01", DING, "discipline", "处分", ""), WANG, LV),
    (ActivistScored(TOWN, "2018-01", DING, (("群众评议", 90),)), DING, CHEN),
    (SnapshotPublished(TOWN, "2018-01", "2018Q1", FrozenStandings(later(10), ())), WANG, HU),
    (CycleClosed(TOWN, "2018-01", FrozenStandings(later(10), ())), COUNTY, LV),
]

AT = later(10)
U = BranchId
P = PersonId
#: One example of every event type: the event, an actor entitled to it then, one who is not.
EXAMPLES: list[tuple[Any, str, str | None]] = [
    (BranchFounded(U("paixilv"), "派溪吕村党支部", 10, "town-x"), "town-x", None),
    (UnitFounded(U("new"), UnitKind.BRANCH, "雅吕村党支部", ZONGZHI, None, 1, AT), DING, HU),
    (UnitFounded(U("root"), UnitKind.TOWN_COMMITTEE, "芝英镇党委", None, LV, 1, AT), LV, None),
    (UnitRenamed(GUANCHUAN, "官川社区党支部", AT), WANG, HU),
    (UnitMoved(GUANCHUAN, TOWN, AT, "调整"), WANG, HU),
    (UnitMerged(GUANCHUAN, QINGWEIJIE, AT, "合并"), DING, LV),
    (UnitDissolved(GUANCHUAN, ZONGZHI, AT, "撤销"), COUNTY, HU),
    (RegionMemberAdded(REGION, GUANCHUAN, AT), WANG, HU),
    (RegionMemberRemoved(REGION, QINGWEIJIE, later(4), AT, "调整"), DING, LV),
    (RoleAssigned(QINGWEIJIE, CHEN, Role.DEPUTY_SECRETARY, AT), WANG, LV),
    (RoleAssigned(QINGWEIJIE, CHEN, Role.REVIEWER, AT), LV, HU),
    (RoleEnded(GUANCHUAN, HU, Role.SECRETARY, DAY0, AT, "换届"), DING, HU),
    # the level above sets a unit's late-entry rule; its own secretary may not
    (LateEntryPolicySet(GUANCHUAN, 14, (Role.SECRETARY,), "农忙", AT), DING, HU),
    (
        PersonRegistered(P("new"), QINGWEIJIE, "新人", PartyStatus.APPLICANT, date(2018, 1, 1)),
        LV,
        HU,
    ),
    (PartyStatusChanged(WU, PartyStatus.SUSPENDED, date(2018, 2, 1), "处分"), LV, CHEN),
    (PersonDetailsRecorded(WU, Gender.MALE, 1970, "", ""), WANG, HU),
    (PersonRenamed(WU, "吴志远", "错字"), LV, WU),
    (ProbationExtended(WU, date(2019, 1, 1), "延长"), DING, CHEN),
    (
        TaskIssued(
            TaskId("T2"),
            QINGWEIJIE,
            "巡查",
            "日常工作巡查",
            3,
            2,
            later(30),
            (Audience.MEMBERS,),
            SourceKind.VILLAGE,
            "",
        ),
        LV,
        WANG,
    ),
    (TaskClaimed(T1, LV), LV, CHEN),
    (ClaimWithdrawn(T1, WU), WU, LV),
    (CompletionSubmitted(T1, WU, "完成", (), "2018-01", 1), WU, LV),
    (CompletionApproved(T1, WU, QINGWEIJIE, "2018-01", "环境卫生整治", 5, ""), LV, CHEN),
    (CompletionRejected(T1, WU, "照片不清", False), LV, WU),
    (TaskCancelled(T1, "上级通知", (WU,)), LV, WANG),
    # Fair claiming: the claimant's own entries; the draw by anyone registered; the
    # conclusion by the issuers; a promotion follows from the step that freed the slot.
    (DrawEntered(T1, WU), WU, LV),
    (ClaimWaitlisted(T1, WU, 1), WU, CHEN),
    (WaitlistLeft(T1, WU), WU, LV),
    (WaitlistPromoted(T1, WU), CHEN, None),
    (DrawWindowClosed(T1), WU, "stranger"),
    (
        SlotsDrawn(
            T1,
            "ab" * 32,
            3,
            "chain-entry-hash/v1",
            "sha256-rank/v1",
            "2018-01",
            (WU,),
            (0,),
            (WU,),
            (),
        ),
        CHEN,
        "stranger",
    ),
    (TaskConcluded(T1, QINGWEIJIE, "2018-01", (WU,), ()), LV, CHEN),
    (PointsRevoked(T1, CHEN, QINGWEIJIE, "2018-01", "环境卫生整治", 5, "督查"), LV, DING),
    (PointsAdjusted(A1, QINGWEIJIE, CHEN, "2018-01", "加减分", 2, "表彰"), LV, HU),
    (StarStandardSet(TOWN, 2017, RatedKind.MEMBER, (60, 70, 80, 90, 96), 100, False), COUNTY, WANG),
    (RatingProposed(TOWN, 2017, RatedKind.MEMBER, LV, 97, (), False, 5, later(15)), WANG, HU),
    (RatingFixed(TOWN, 2017, RatedKind.MEMBER, LV, 5), DING, LV),
    (RatingLowered(TOWN, 2017, RatedKind.MEMBER, LV, 3, "违纪"), WANG, CHEN),
    (RatingRemoved(TOWN, 2017, RatedKind.MEMBER, LV, "违纪"), COUNTY, HU),
    (BlockLaidOut("qwj-d2", QINGWEIJIE, "第二大网格", BlockSize.LARGE, None), LV, CHEN),
    (BlockPostAssigned(SMALL, GridPost.CADRE, WU), WANG, HU),
    (HouseholdAdded(SMALL, "qwj-h2", "吴大妈", False), LV, WU),
    (HouseholdLinked(SMALL, HOUSEHOLD, WU), DING, CHEN),
    (LinkExemptionRecorded(SMALL, WU, "患病"), LV, CHEN),
    (HouseholdPaired(SMALL, HOUSEHOLD, WU), LV, WU),
    (VisitLogged(SMALL, HOUSEHOLD, CHEN, date(2018, 1, 5), "走访"), CHEN, WU),
    (MembershipTransferred(CHEN, QINGWEIJIE, GUANCHUAN, AT, "迁居"), LV, HU),
    (HolidaysDeclared("default", "国庆节", (date(2018, 10, 1),), TOWN), DING, HU),
    (WorkdaysDeclared("default", "调休", (date(2018, 9, 29),), TOWN), COUNTY, LV),
    (AccountInvited(WU, "inv-1", later(17)), LV, CHEN),
    (InvitationAccepted(WU, "inv-1"), WU, LV),
    (AccountClosed(WU, "离开本村"), LV, CHEN),
    (ApiTokenIssued(WU, "tok-1", "群机器人", (Scope.READ,), later(100)), WU, LV),
    (ApiTokenRevoked(WU, "tok-1", "泄露"), WU, CHEN),
    *WORK_EXAMPLES,
    *DEVELOPMENT_EXAMPLES,
    *EVALUATION_EXAMPLES,
    *COMMITMENT_EXAMPLES,
    *CAMPAIGN_EXAMPLES,
    *CONTEST_EXAMPLES,
    *MATTER_EXAMPLES,
    *DUTY_EXAMPLES,
    *COVERAGE_EXAMPLES,
]


def check(village: Village, event: Any, actor: str, at: datetime = AT) -> Any:
    """Replay one event as if ``actor`` had recorded it at ``at`` into the village."""
    stream = _stream_of(event)
    before = village.states.get(stream) or WORK_ITEMS.get(stream) or DUTY_STATES.get(stream)
    before = before or CONTEST_STATES.get(stream)
    before = before or CAMPAIGN_STATES.get(stream)
    return violation(Recorded(999, stream, 1, actor, at, event), village.directory(), before)


def _stream_of(event: Any) -> str:
    for field, prefix in (
        ("task_id", "task"),
        ("adjustment_id", "adjustment"),
        ("block_id", "grid"),
        ("calendar_id", "calendar"),
        ("item_id", "work"),
        ("contest_id", "contest"),
        ("duty_id", "duty"),
        ("campaign_id", "campaign"),
    ):
        if hasattr(event, field):
            return f"{prefix}-{getattr(event, field)}"
    if type(event).__module__ == "dangjian_core.accounts.events":
        return f"account-{event.person_id}"
    if type(event).__module__ == "dangjian_core.coverage.events":
        return f"coverage-{event.unit_id}"
    if isinstance(
        event,
        PersonRegistered
        | PartyStatusChanged
        | PersonDetailsRecorded
        | PersonRenamed
        | ProbationExtended
        | MembershipTransferred,
    ):
        return f"person-{event.person_id}"
    unit = getattr(event, "unit_id", None) or event.branch_id
    return f"branch-{unit}"


def test_the_examples_cover_every_event_type_in_the_catalog() -> None:
    assert set(EVENT_TYPES.values()) == {type(event) for event, _, _ in EXAMPLES}


@pytest.mark.parametrize(
    ("event", "entitled", "other"), EXAMPLES, ids=[type(e).__name__ for e, _, _ in EXAMPLES]
)
def test_an_entitled_actor_passes_and_another_is_flagged_naming_the_rule(
    event: Any, entitled: str, other: str | None
) -> None:
    village = task_town()

    assert check(village, event, entitled) is None
    if other is not None:
        rule = check(village, event, other)
        assert rule is not None
        assert other in rule.zh or other in rule.en or rule.code in {"self_only", "self_review"}
        assert rule.zh
        assert rule.en


def test_a_role_counts_only_while_its_term_runs() -> None:
    village = task_town()
    village.handle(appoint(QINGWEIJIE, CHEN, Role.REVIEWER, LV, later(5)))
    approval = CompletionApproved(T1, WU, QINGWEIJIE, "2018-01", "环境卫生整治", 5, "")

    assert check(village, approval, CHEN, later(5)) is None
    assert check(village, approval, CHEN, later(4)) is not None


def test_nobody_reviews_their_own_claim_even_with_the_role() -> None:
    village = task_town()
    rejection = CompletionRejected(T1, LV, "x", False)

    rule = check(village, rejection, LV)

    assert rule is not None
    assert "self_review" == rule.code


def test_an_event_naming_a_unit_nobody_founded_is_flagged() -> None:
    rule = check(task_town(), UnitRenamed(U("ghost"), "幽灵", AT), COUNTY)

    assert rule is not None
    assert "unknown" == rule.code


def test_an_honest_log_has_no_flags() -> None:
    assert [] == audit(task_town().log)


def test_an_adjustment_inserted_by_someone_without_the_role_is_flagged_at_its_position() -> None:
    village = task_town()
    forged = PointsAdjusted(
        AdjustmentId("A9"), QINGWEIJIE, CHEN, "2018-01", "加减分", 50, "自己加的"
    )
    log = [*village.log, Recorded(len(village.log) + 1, "adjustment-A9", 1, CHEN, AT, forged)]

    [flag] = audit(log)

    assert Flag(len(log), "adjustment-A9", "PointsAdjusted", CHEN, flag.rule) == flag
    assert "调整积分" in flag.rule.zh


def test_a_secretary_appointed_by_the_branch_itself_is_flagged() -> None:
    village = task_town()
    forged = RoleAssigned(GUANCHUAN, P("hu-new"), Role.SECRETARY, AT)
    log = [*village.log, Recorded(len(village.log) + 1, f"branch-{GUANCHUAN}", 99, HU, AT, forged)]

    [flag] = audit(log)

    assert ("appoint", HU, len(log)) == (flag.rule.code, flag.actor_id, flag.position)
