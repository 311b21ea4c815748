"""中心工作层层抓 Cascading central work: the committee issues, each level splits and
accepts, a branch links tasks and reports progress (党委抓总支、总支抓支部、支部抓党员).

Given the town of :mod:`tests.core.org` (象珠镇党委 → 第一党总支 → 清渭街村、官川村),
when a work command is handled, then the events or the typed refusal; a refusal writes
nothing. The helpers here are imported by the other work tests.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs
import pytest

from dangjian_core.catalog import audit
from dangjian_core.kernel.errors import InvalidCommand, Unauthorized, UnknownSubject
from dangjian_core.kernel.ids import BranchId, PersonId, TaskId
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.tasks.commands import CancelTask, IssueTask
from dangjian_core.tasks.events import Audience, SourceKind
from dangjian_core.tasks.state import TaskState
from dangjian_core.units.roles import Role
from dangjian_core.work.commands import (
    AcceptWorkShare,
    AssignWorkShare,
    IssueWorkItem,
    LinkTasks,
    ReportWorkProgress,
)
from dangjian_core.work.events import (
    TasksLinked,
    WorkItemId,
    WorkItemIssued,
    WorkProgressReported,
    WorkShareAccepted,
    WorkShareAssigned,
    share_id,
)
from dangjian_core.work.state import WorkError, WorkItemState
from tests.core.given import Village
from tests.core.org import (
    CHEN,
    COUNTY,
    DING,
    GUANCHUAN,
    HU,
    LV,
    QINGWEIJIE,
    REGION,
    T1,
    TOWN,
    WANG,
    ZONGZHI,
    appoint,
    later,
    register,
    task_town,
)
from tests.facts import FixedFacts

W1 = WorkItemId("W2018-1")  # 象珠镇党委: 人居环境整治, 1000 户
TITLE = "人居环境整治"
MEASURE = "户"
DEADLINE = later(100)
ZHAO = PersonId("zhao-zz")  # 第一党总支书记
ZONGZHI_ITEM = share_id(W1, ZONGZHI)
QWJ_ITEM = share_id(ZONGZHI_ITEM, QINGWEIJIE)
GC_ITEM = share_id(ZONGZHI_ITEM, GUANCHUAN)


class WorkTown(Village):
    """The town whose directory also answers for work items and tasks."""

    def directory(self) -> FixedFacts:
        """Units, people and blocks as the village gives them, plus items and tasks."""
        states = self.states.values()
        items = {s.item_id: s for s in states if isinstance(s, WorkItemState)}
        tasks = {s.issued.task_id: s for s in states if isinstance(s, TaskState)}
        return attrs.evolve(super().directory(), work_items=items, tasks=tasks)

    def item(self, item_id: str) -> WorkItemState:
        """The folded state of a work item."""
        state: WorkItemState = self.states[f"work-{item_id}"]
        return state


def town(*commands: Any) -> WorkTown:
    """The task town (吕革新 清渭街村's secretary, T1 with 陈天云's completion approved), 赵总支
    as the general branch's secretary, then ``commands``."""
    base = task_town()
    village = WorkTown()
    village.states, village.versions, village.log = base.states, base.versions, base.log
    village.handle(register(ZHAO, ZONGZHI, "赵总支", WANG))
    village.handle(appoint(ZONGZHI, ZHAO, Role.SECRETARY, WANG))
    for command in commands:
        village.handle(command)
    return village


def issue(target: int = 1000, actor: str = WANG, **options: Any) -> IssueWorkItem:
    """The town's secretary issues 人居环境整治 on day 10, due on day 100."""
    options.setdefault("deadline", DEADLINE)
    options.setdefault("at", later(10))
    return IssueWorkItem(W1, TOWN, TITLE, MEASURE, target, actor_id=actor, **options)


def assign(item: str, unit: str, target: int, actor: str, **options: Any) -> AssignWorkShare:
    """Give ``unit`` a share of ``item`` on day 11."""
    options.setdefault("at", later(11))
    return AssignWorkShare(WorkItemId(item), BranchId(unit), target, actor, **options)


def accept(item: str, unit: str, actor: str, at: datetime | None = None) -> AcceptWorkShare:
    """``unit`` accepts its share of ``item`` on day 12."""
    return AcceptWorkShare(WorkItemId(item), BranchId(unit), actor, at or later(12))


def report(item: str, done: int, actor: str, note: str = "", days: float = 20) -> Any:
    """The item's unit reports its own running total."""
    return ReportWorkProgress(WorkItemId(item), done, note, actor, later(days))


def cascade_commands() -> list[Any]:
    """1000 户: 600 to the general branch, which gives 清渭街村 400 and 官川村 200; all
    accepted."""
    return [
        issue(),
        assign(W1, ZONGZHI, 600, WANG),
        accept(W1, ZONGZHI, ZHAO),
        assign(ZONGZHI_ITEM, QINGWEIJIE, 400, ZHAO),
        assign(ZONGZHI_ITEM, GUANCHUAN, 200, ZHAO),
        accept(ZONGZHI_ITEM, QINGWEIJIE, LV),
        accept(ZONGZHI_ITEM, GUANCHUAN, HU),
    ]


def refused(village: Village, command: Any, error: type[Exception]) -> Any:
    """The refusal ``command`` gets; asserts it is typed, bilingual and wrote nothing."""
    before = len(village.log)
    refusal = village.attempt(command)
    assert isinstance(refusal, error), refusal
    assert refusal.zh
    assert refusal.en
    assert before == len(village.log)
    return refusal


# --- issuing -----------------------------------------------------------------------


def test_the_committees_secretary_issues_a_work_item_with_a_measurable_target() -> None:
    village = town()

    events = village.handle(issue())

    assert [WorkItemIssued(W1, TOWN, TITLE, MEASURE, 1000, DEADLINE)] == events
    assert (TOWN, 1000, None) == (village.item(W1).unit_id, 1000, village.item(W1).parent_item_id)


def test_the_organizing_member_may_issue_too() -> None:
    assert 1 == len(town().handle(issue(actor=DING)))


@pytest.mark.parametrize("actor", [HU, COUNTY, LV])
def test_only_the_issuing_units_own_leaders_issue_its_work(actor: str) -> None:
    refusal = refused(town(), issue(actor=actor), Unauthorized)

    assert "部署、分解、调整、取消或推进中心工作" in refusal.zh


def test_a_deadline_before_the_issue_is_refused() -> None:
    refused(town(), issue(deadline=later(9)), InvalidCommand)


def test_issuing_the_same_item_again_changes_nothing() -> None:
    assert [] == town(issue()).handle(issue())


def test_an_item_id_already_used_for_other_work_is_refused() -> None:
    refusal = refused(town(issue()), issue(target=999), WorkError)

    assert "已被占用" in refusal.zh


def test_an_unknown_unit_is_refused() -> None:
    command = IssueWorkItem(W1, BranchId("nowhere"), TITLE, MEASURE, 1, DEADLINE, WANG, later(10))

    refused(town(), command, UnknownSubject)


# --- splitting ---------------------------------------------------------------------


def test_the_issuer_gives_a_unit_directly_below_a_share_under_a_derived_id() -> None:
    village = town(issue())

    events = village.handle(assign(W1, ZONGZHI, 600, WANG))

    assert [WorkShareAssigned(W1, ZONGZHI, ZONGZHI_ITEM, 600, DEADLINE)] == events
    assert "W2018-1.xz-zongzhi" == ZONGZHI_ITEM


def test_a_share_may_be_due_earlier_than_the_item() -> None:
    [event] = town(issue()).handle(assign(W1, ZONGZHI, 600, WANG, deadline=later(50)))

    assert later(50) == event.deadline


def test_a_share_due_after_the_item_is_refused() -> None:
    refused(town(issue()), assign(W1, ZONGZHI, 600, WANG, deadline=later(101)), WorkError)


def test_a_unit_two_levels_down_gets_its_share_from_the_level_between() -> None:
    refusal = refused(town(issue()), assign(W1, QINGWEIJIE, 100, WANG), WorkError)

    assert "不是 xiangzhu 的直接下级组织" in refusal.zh


def test_shares_together_may_reach_but_not_exceed_the_items_target() -> None:
    village = town(issue(target=600), assign(W1, ZONGZHI, 600, WANG))

    refusal = refused(village, assign(W1, REGION, 1, WANG), WorkError)

    assert 600 == village.item(W1).assigned
    assert "尚可分解 0" in refusal.zh


def test_assigning_the_same_share_again_changes_nothing_but_another_target_is_refused() -> None:
    village = town(issue(), assign(W1, ZONGZHI, 600, WANG))

    assert [] == village.handle(assign(W1, ZONGZHI, 600, WANG))
    refused(village, assign(W1, ZONGZHI, 500, WANG), WorkError)


def test_only_the_items_units_leaders_split_it() -> None:
    refused(town(issue()), assign(W1, ZONGZHI, 600, ZHAO), Unauthorized)


def test_splitting_an_unknown_item_is_refused() -> None:
    refused(town(), assign(W1, ZONGZHI, 600, WANG), UnknownSubject)


# --- accepting ---------------------------------------------------------------------


def test_the_receiving_units_secretary_accepts_its_share_as_its_own_item() -> None:
    village = town(issue(), assign(W1, ZONGZHI, 600, WANG))

    events = village.handle(accept(W1, ZONGZHI, ZHAO))

    accepted = WorkShareAccepted(ZONGZHI_ITEM, ZONGZHI, W1, TITLE, MEASURE, 600, DEADLINE)
    assert [accepted] == events
    assert (W1, 600) == (village.item(ZONGZHI_ITEM).parent_item_id, 600)


def test_accepting_again_changes_nothing() -> None:
    village = town(issue(), assign(W1, ZONGZHI, 600, WANG), accept(W1, ZONGZHI, ZHAO))

    assert [] == village.handle(accept(W1, ZONGZHI, ZHAO, later(13)))


def test_the_issuer_may_not_accept_for_the_unit_below() -> None:
    village = town(issue(), assign(W1, ZONGZHI, 600, WANG))

    refusal = refused(village, accept(W1, ZONGZHI, WANG), Unauthorized)

    assert "承接中心工作" in refusal.zh


def test_a_unit_with_no_share_has_nothing_to_accept() -> None:
    refusal = refused(town(issue()), accept(W1, ZONGZHI, ZHAO), WorkError)

    assert "没有给 xz-zongzhi 分解工作" in refusal.zh


def test_a_share_of_an_unknown_item_is_refused() -> None:
    refused(town(), accept(W1, ZONGZHI, ZHAO), UnknownSubject)


def test_an_accepted_share_splits_further_to_the_branches() -> None:
    village = town(*cascade_commands())

    branch = village.item(QWJ_ITEM)
    assert (400, ZONGZHI_ITEM) == (branch.target, branch.parent_item_id)
    assert 600 == village.item(ZONGZHI_ITEM).assigned


def test_a_long_share_id_stays_a_valid_id_and_differs_per_unit() -> None:
    long = "W" * 60

    first, second = share_id(long, "qingweijie"), share_id(long, "guanchuan")

    assert 64 == len(first)
    assert first != second


# --- tasks and progress --------------------------------------------------------------


def test_a_branch_links_its_tasks_to_its_share() -> None:
    village = town(*cascade_commands())

    events = village.handle(LinkTasks(QWJ_ITEM, (T1,), LV, later(13), per_completion=2))

    assert [TasksLinked(QWJ_ITEM, (T1,), 2)] == events
    assert [] == village.handle(LinkTasks(QWJ_ITEM, (T1,), LV, later(14), per_completion=2))
    refused(village, LinkTasks(QWJ_ITEM, (T1,), LV, later(14)), WorkError)


def test_a_task_of_another_branch_is_not_linked() -> None:
    village = town(*cascade_commands())

    refusal = refused(village, LinkTasks(GC_ITEM, (T1,), HU, later(13)), WorkError)

    assert "不是 guanchuan 的任务" in refusal.zh


def test_an_unknown_or_cancelled_task_is_not_linked() -> None:
    village = town(*cascade_commands())
    village.handle(
        IssueTask(
            TaskId("T2"),
            QINGWEIJIE,
            "拆违",
            "人居环境整治",
            5,
            5,
            later(60),
            (Audience.MEMBERS,),
            SourceKind.UPPER,
            W1,
            LV,
            later(13),
        )
    )
    village.handle(CancelTask(TaskId("T2"), "上级调整", LV, later(14)))

    refused(village, LinkTasks(QWJ_ITEM, (TaskId("T9"),), LV, later(15)), UnknownSubject)
    refused(village, LinkTasks(QWJ_ITEM, (TaskId("T2"),), LV, later(15)), WorkError)


def test_a_unit_reports_its_running_total_and_a_repeat_changes_nothing() -> None:
    village = town(*cascade_commands())

    events = village.handle(report(QWJ_ITEM, 120, LV, "第一批已整治"))

    assert [WorkProgressReported(QWJ_ITEM, 120, "第一批已整治")] == events
    assert [] == village.handle(report(QWJ_ITEM, 120, LV, "", days=21))
    assert 120 == village.item(QWJ_ITEM).done


def test_lowering_a_reported_figure_needs_a_note() -> None:
    village = town(*cascade_commands(), report(QWJ_ITEM, 120, LV))

    refused(village, report(QWJ_ITEM, 100, LV, days=21), InvalidCommand)
    assert 1 == len(village.handle(report(QWJ_ITEM, 100, LV, "复核多报 20 户", days=21)))


def test_only_the_items_units_leaders_report_on_it() -> None:
    refused(town(*cascade_commands()), report(QWJ_ITEM, 10, CHEN), Unauthorized)


# --- the replay ----------------------------------------------------------------------


def test_the_replay_finds_every_work_event_authorised() -> None:
    village = town(
        *cascade_commands(), LinkTasks(QWJ_ITEM, (T1,), LV, later(13)), report(QWJ_ITEM, 5, LV)
    )

    assert [] == audit(village.log)


def test_the_replay_flags_progress_written_by_someone_without_the_role() -> None:
    village = town(*cascade_commands())
    forged = Recorded(
        len(village.log) + 1,
        f"work-{QWJ_ITEM}",
        2,
        CHEN,
        later(30),
        WorkProgressReported(QWJ_ITEM, 400, "伪造"),
    )

    [flag] = audit([*village.log, forged])

    assert ("lead_work", CHEN) == (flag.rule.code, flag.actor_id)
