"""中心工作查询: the cascade report over the read models — per unit target, done, status —
as of any date, from the pure views and from the application on every backend."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from adapters.app import Dangjian
from adapters.views.work import WorkQueries, cascade, item, items, own_progress
from dangjian_core.kernel.ids import BranchId, PersonId, TaskId
from dangjian_core.people.commands import RegisterPerson
from dangjian_core.people.events import PartyStatus
from dangjian_core.tasks.commands import (
    ApproveCompletion,
    ClaimTask,
    RevokePoints,
    SubmitCompletion,
)
from dangjian_core.units.commands import AppointRole, FoundUnit, MoveUnit
from dangjian_core.units.events import UnitKind
from dangjian_core.units.roles import Role
from dangjian_core.work.commands import (
    CancelWorkItem,
    IssueWorkItem,
    LinkTasks,
    ReportWorkProgress,
    ReviseWorkShare,
)
from dangjian_core.work.events import WorkItemId, share_id
from dangjian_core.work.queries import UnitProgress, WorkStatus, tally, walk
from tests import support
from tests.core.org import CHEN, HU, LV, QINGWEIJIE, T1, WANG, later
from tests.core.test_work import (
    GC_ITEM,
    QWJ_ITEM,
    W1,
    ZHAO,
    ZONGZHI_ITEM,
    WorkTown,
    accept,
    assign,
    cascade_commands,
    report,
    town,
)


def reported() -> WorkTown:
    """The cascade with T1 linked to 清渭街村 at 2 户 per completion (陈天云's is approved),
    清渭街村 reporting 120 户 on day 20 and 官川村 200 on day 30."""
    return town(
        *cascade_commands(),
        LinkTasks(QWJ_ITEM, (T1,), LV, later(13), per_completion=2),
        report(QWJ_ITEM, 120, LV, "第一批", days=20),
        report(GC_ITEM, 200, HU, "已全部完成", days=30),
    )


def lines(progress: UnitProgress) -> list[tuple[str, int, int, WorkStatus]]:
    """(unit, target, done, status) for every line of the report."""
    return [(p.unit_id, p.target, p.done, p.status) for _, p in walk(progress)]


def test_progress_rolls_up_the_tree_with_each_units_status() -> None:
    views: Any = reported().views()

    progress = cascade(views, W1, later(31))

    assert [
        ("xiangzhu", 1000, 322, WorkStatus.IN_PROGRESS),
        ("xz-zongzhi", 600, 322, WorkStatus.IN_PROGRESS),
        ("guanchuan", 200, 200, WorkStatus.DONE),
        ("qingweijie", 400, 122, WorkStatus.IN_PROGRESS),
    ] == lines(progress)
    expected = {WorkStatus.DONE: 1, WorkStatus.IN_PROGRESS: 2, WorkStatus.OVERDUE: 0}
    assert {**expected, WorkStatus.CANCELLED: 0} == tally(progress)


def test_after_the_deadline_the_units_short_of_their_target_are_overdue() -> None:
    views: Any = reported().views()

    progress = cascade(views, W1, later(101))

    statuses = [p.status for _, p in walk(progress)]
    assert [WorkStatus.OVERDUE, WorkStatus.OVERDUE, WorkStatus.DONE, WorkStatus.OVERDUE] == statuses


def test_the_report_as_of_an_earlier_date_counts_only_what_was_recorded_by_then() -> None:
    views: Any = reported().views()

    assert 2 == own_progress(views, QWJ_ITEM, later(19))
    assert 122 == own_progress(views, QWJ_ITEM, later(21))
    assert [0, 0, 0, 0] == [p.done for _, p in walk(cascade(views, W1, later(12.5)))]


def test_a_share_not_yet_accepted_is_listed_with_nothing_done() -> None:
    village = town(*cascade_commands()[:6])
    views: Any = village.views()

    progress = cascade(views, W1, later(20))

    [zongzhi] = progress.children
    assert [(GC_ITEM, False), (QWJ_ITEM, True)] == [
        (c.item_id, c.accepted) for c in zongzhi.children
    ]
    assert 0 == zongzhi.children[0].done


def test_a_revoked_completion_stops_counting_from_its_revocation() -> None:
    village = reported()
    village.handle(RevokePoints(T1, CHEN, "督查发现未实际完成", LV, later(40)))
    views: Any = village.views()

    assert (122, 120) == (
        own_progress(views, QWJ_ITEM, later(39)),
        own_progress(views, QWJ_ITEM, later(41)),
    )


def test_an_items_details_and_a_units_items() -> None:
    views: Any = reported().views()

    found = item(views, QWJ_ITEM)

    assert ([T1], [120]) == (
        [t["task_id"] for t in found.tasks],
        [r["done"] for r in found.reports],
    )
    assert [ZONGZHI_ITEM] == [i["item_id"] for i in items(views, "xz-zongzhi")]


# --- on the application, every backend --------------------------------------------------

AT = support.FOUNDED
TOWN_UNIT, ZONGZHI_UNIT = BranchId("xz"), BranchId("xz-zz")
TOWN_SECRETARY, ZONGZHI_SECRETARY = PersonId("xz-wang"), PersonId("zz-zhao")
ITEM = WorkItemId("W-zz")
DEADLINE = support.later(24 * 30)


def _cascade_on(app: Dangjian) -> None:
    """派溪吕村 moved under a general branch of a town committee; 10 户 cascaded down to it
    (6 户 its share), its task T1 linked; 吕兰枝's completion approved; it reports 3 户."""
    superior = support.TOWN
    for command in (
        FoundUnit(TOWN_UNIT, UnitKind.TOWN_COMMITTEE, "象珠镇党委", None, 10, superior, AT),
        FoundUnit(ZONGZHI_UNIT, UnitKind.GENERAL_BRANCH, "第一党总支", TOWN_UNIT, 10, superior, AT),
        MoveUnit(support.BRANCH, ZONGZHI_UNIT, "划归第一党总支", superior, AT),
        *_leader(TOWN_SECRETARY, TOWN_UNIT, "汪书记"),
        *_leader(ZONGZHI_SECRETARY, ZONGZHI_UNIT, "赵总支"),
    ):
        app.handle(command)
    steps = [
        IssueWorkItem(
            ITEM, TOWN_UNIT, "人居环境整治", "户", 10, DEADLINE, TOWN_SECRETARY, support.T0
        ),
        assign(ITEM, ZONGZHI_UNIT, 10, TOWN_SECRETARY, at=support.later(1)),
        accept(ITEM, ZONGZHI_UNIT, ZONGZHI_SECRETARY, support.later(2)),
        assign(
            share_id(ITEM, ZONGZHI_UNIT), support.BRANCH, 6, ZONGZHI_SECRETARY, at=support.later(3)
        ),
        accept(share_id(ITEM, ZONGZHI_UNIT), support.BRANCH, support.SECRETARY, support.later(4)),
        support.issue("T1"),
        LinkTasks(_branch_item(), (TaskId("T1"),), support.ORGANIZER, support.later(5)),
        ClaimTask(TaskId("T1"), support.LANZHI, support.later(6)),
        SubmitCompletion(TaskId("T1"), "已完成", (), support.LANZHI, support.later(7)),
        ApproveCompletion(
            TaskId("T1"), support.LANZHI, None, "", support.REVIEWER, support.later(8)
        ),
        ReportWorkProgress(_branch_item(), 3, "已整治 3 户", support.SECRETARY, support.later(9)),
    ]
    for command in steps:
        app.handle(command)


def _leader(person: PersonId, unit: BranchId, name: str) -> list[Any]:
    status = PartyStatus.FULL
    return [
        RegisterPerson(person, unit, name, status, date(1990, 7, 1), support.TOWN, AT),
        AppointRole(unit, person, Role.SECRETARY, support.TOWN, AT),
    ]


def _branch_item() -> WorkItemId:
    return share_id(share_id(ITEM, ZONGZHI_UNIT), support.BRANCH)


def test_the_cascade_report_on_the_application(app: Dangjian) -> None:
    _cascade_on(app)

    progress = WorkQueries(app.store).cascade(ITEM, support.later(24 * 31))

    assert [
        ("xz", 10, 4, WorkStatus.OVERDUE),
        ("xz-zz", 10, 4, WorkStatus.OVERDUE),
        ("paixilv", 6, 4, WorkStatus.OVERDUE),
    ] == lines(progress)
    assert ["象珠镇党委", "第一党总支", "派溪吕村党支部"] == [p.name for _, p in walk(progress)]
    queries = WorkQueries(app.store)
    before_approval, before_report = support.later(8) - timedelta(minutes=1), support.later(8.5)
    assert [0, 1] == [queries.cascade(ITEM, at).done for at in (before_approval, before_report)]


# --- revised shares and cancelled items --------------------------------------------------


def test_the_report_gives_an_accepted_share_its_target_as_revised_by_then() -> None:
    village = reported()
    village.handle(
        ReviseWorkShare(ZONGZHI_ITEM, BranchId("qingweijie"), 300, "调减", ZHAO, later(40))
    )
    views: Any = village.views()

    before, after = cascade(views, W1, later(39)), cascade(views, W1, later(41))

    assert [400, 300] == [p.children[0].children[1].target for p in (before, after)]
    assert (300, 400) == (item(views, QWJ_ITEM).item["target"], village.item(QWJ_ITEM).target)
    assert [300] == [r["target"] for r in items(views, "qingweijie")]
    assert [(QINGWEIJIE, "调减")] == [
        (r["unit_id"], r["reason"]) for r in item(views, ZONGZHI_ITEM).revisions
    ]


def test_a_share_revised_before_acceptance_shows_as_revised_while_pending() -> None:
    village = town(*cascade_commands()[:5])
    village.handle(
        ReviseWorkShare(ZONGZHI_ITEM, BranchId("guanchuan"), 150, "调减", ZHAO, later(13))
    )
    views: Any = village.views()

    [zongzhi] = cascade(views, W1, later(14)).children

    assert [(GC_ITEM, 150, False)] == [
        (c.item_id, c.target, c.accepted) for c in zongzhi.children if c.item_id == GC_ITEM
    ]
    assert 200 == cascade(views, W1, later(12.5)).children[0].children[0].target


def test_a_cancelled_share_and_all_below_it_are_cancelled_and_left_out_of_the_done() -> None:
    village = reported()
    village.handle(CancelWorkItem(GC_ITEM, "并入清渭街村统一整治", HU, later(40)))
    views: Any = village.views()

    before, after = cascade(views, W1, later(39)), cascade(views, W1, later(41))

    assert WorkStatus.DONE == before.children[0].children[0].status
    assert [
        ("xiangzhu", 1000, 122, WorkStatus.IN_PROGRESS),
        ("xz-zongzhi", 600, 122, WorkStatus.IN_PROGRESS),
        ("guanchuan", 200, 200, WorkStatus.CANCELLED),
        ("qingweijie", 400, 122, WorkStatus.IN_PROGRESS),
    ] == lines(after)
    expected = {WorkStatus.DONE: 0, WorkStatus.IN_PROGRESS: 2, WorkStatus.OVERDUE: 0}
    assert {**expected, WorkStatus.CANCELLED: 1} == tally(after)
    assert 0 == tally(cascade(views, W1, later(101)))[WorkStatus.DONE]
    assert 1 == tally(cascade(views, W1, later(101)))[WorkStatus.CANCELLED]


def test_everything_below_a_cancelled_item_is_cancelled_even_reported_on_its_own() -> None:
    village = reported()
    village.handle(CancelWorkItem(W1, "上级统一安排", WANG, later(40)))
    views: Any = village.views()

    whole, branch = cascade(views, W1, later(101)), cascade(views, QWJ_ITEM, later(41))

    assert {WorkStatus.CANCELLED} == {p.status for _, p in walk(whole)}
    assert 322 == whole.done  # what was done before the cancellation still shows
    assert WorkStatus.CANCELLED == branch.status
    assert WorkStatus.IN_PROGRESS == cascade(views, QWJ_ITEM, later(39)).status
    assert "上级统一安排" == item(views, W1).item["cancel_reason"]


def test_revisions_and_cancellations_on_the_application(app: Dangjian) -> None:
    _cascade_on(app)
    zongzhi_item = share_id(ITEM, ZONGZHI_UNIT)
    revise = ReviseWorkShare(
        zongzhi_item, support.BRANCH, 8, "追加任务", ZONGZHI_SECRETARY, support.later(10)
    )
    app.handle(revise)
    app.handle(
        CancelWorkItem(_branch_item(), "改由总支统一组织", support.SECRETARY, support.later(11))
    )
    queries = WorkQueries(app.store)

    before, after = (queries.cascade(ITEM, support.later(at)) for at in (10.5, 11.5))

    assert [
        ("xz", 10, 4, WorkStatus.IN_PROGRESS),
        ("xz-zz", 10, 4, WorkStatus.IN_PROGRESS),
        ("paixilv", 8, 4, WorkStatus.IN_PROGRESS),
    ] == lines(before)
    assert [
        ("xz", 10, 0, WorkStatus.IN_PROGRESS),
        ("xz-zz", 10, 0, WorkStatus.IN_PROGRESS),
        ("paixilv", 8, 4, WorkStatus.CANCELLED),
    ] == lines(after)
    assert 8 == queries.item(_branch_item()).item["target"]
