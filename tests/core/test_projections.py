"""Read models 读模型: the views after projecting a story, and the wall built from them."""

from __future__ import annotations

from typing import Any

import pytest

from dangjian_core.catalog import project_all, project_audit
from dangjian_core.kernel.ids import AdjustmentId, PersonId, TaskId
from dangjian_core.kernel.readmodel import MemoryViews
from dangjian_core.kernel.recorded import Recorded
from dangjian_core.kernel.trail import describe
from dangjian_core.people.commands import ChangePartyStatus
from dangjian_core.people.events import PartyStatus
from dangjian_core.points.commands import AdjustPoints
from dangjian_core.points.projections import project_points
from dangjian_core.points.queries import Standing, rank
from dangjian_core.tasks.commands import (
    ApproveCompletion,
    CancelTask,
    ClaimTask,
    RejectCompletion,
    RevokePoints,
    SubmitCompletion,
    WithdrawClaim,
)
from dangjian_core.tasks.projections import project_tasks
from dangjian_core.tasks.state import NoSlotsLeft
from dangjian_core.units.commands import EndRole
from dangjian_core.units.events import RoleAssigned
from dangjian_core.units.roles import Role
from tests import support
from tests.core.given import (
    NOTE,
    PHOTOS,
    Village,
    cancelled,
    claimed,
    issued,
    project,
    rejected,
    submitted,
)
from tests.support import (
    BRANCH,
    LANZHI,
    MEMBER,
    ORGANIZER,
    REVIEWER,
    SECRETARY,
    T0,
    TOWN,
    VOLUNTEER,
    XINGCAN,
    issue,
    later,
)

SETUP_EVENTS = 11  # founding, seven registrations, three appointments


def claim(village: Village, person: str, hours: float, task: str = "T1") -> None:
    village.handle(ClaimTask(TaskId(task), PersonId(person), later(hours)))


def complete(
    village: Village,
    person: str,
    hours: float,
    task: str = "T1",
    points: int | None = None,
    reviewer: str = REVIEWER,
) -> None:
    """Claim, submit and have a reviewer approve, an hour apart."""
    claim(village, person, hours, task)
    village.handle(SubmitCompletion(TaskId(task), NOTE, PHOTOS, PersonId(person), later(hours + 1)))
    reason = "" if points is None else "部分完成"
    village.handle(
        ApproveCompletion(
            TaskId(task), PersonId(person), points, reason, reviewer, later(hours + 2)
        )
    )


def story() -> Village:
    """Two tasks, a race for the last slot, a reduced award, adjustments and a revocation."""
    village = Village.seeded()
    village.handle(issue("T1", slots=2, points=5))
    complete(village, LANZHI, 1)
    claim(village, XINGCAN, 1.5)
    village.handle(WithdrawClaim(TaskId("T1"), XINGCAN, later(4)))
    complete(village, VOLUNTEER, 5, points=3, reviewer=SECRETARY)
    village.handle(issue("T2", slots=3, points=4, category="日常工作巡查"))
    complete(village, LANZHI, 10, task="T2")
    village.handle(
        AdjustPoints(AdjustmentId("A1"), BRANCH, VOLUNTEER, 2, "防汛值守", SECRETARY, later(20))
    )
    village.handle(
        AdjustPoints(AdjustmentId("A2"), BRANCH, LANZHI, -1, "会议缺席", SECRETARY, later(21))
    )
    village.handle(
        RevokePoints(TaskId("T1"), VOLUNTEER, "督查发现照片系摆拍", SECRETARY, later(30))
    )
    return village


def only(rows: list[dict[str, Any]], **columns: Any) -> list[tuple[Any, ...]]:
    """The named columns of each row, as tuples."""
    return [tuple(row[name] for name in columns) for row in rows]


# --- tasks and claims ---------------------------------------------------------------


def test_the_task_row_counts_the_slots_held_after_a_withdrawal() -> None:
    views = story().views()

    [task] = views.select("tasks", {"task_id": "T1"})

    assert (2, 2, "open") == (task["slots"], task["taken"], task["status"])


def test_the_task_row_records_who_issued_it_when_and_at_which_position() -> None:
    views = story().views()

    [task] = views.select("tasks", {"task_id": "T1"})

    expected = {
        "issued_by": ORGANIZER,
        "issued_at": T0.isoformat(),
        "position": SETUP_EVENTS + 1,
        "audiences": "activists,volunteers",
        "source_kind": "village",
        "deadline": later(7 * 24).isoformat(),
    }
    assert expected == {name: task[name] for name in expected}


def test_each_claim_row_shows_its_status_attempts_and_award() -> None:
    views = story().views()

    rows = views.select("claims", {"task_id": "T1"}, order_by=("person_id",))

    assert [
        ("lv-lanzhi", "approved", 1, 5, "2021-10"),
        ("lv-xingcan", "withdrawn", 0, 0, None),
        ("lv-zhiyuan", "revoked", 1, 3, "2021-10"),
    ] == only(rows, person_id=1, status=1, attempts=1, awarded=1, cycle=1)


def test_the_loser_of_the_last_slot_leaves_no_trace_in_the_views() -> None:
    village = Village.seeded()
    village.handle(issue("T1", slots=1))
    claim(village, LANZHI, 1)

    with pytest.raises(NoSlotsLeft):
        claim(village, XINGCAN, 1)
    views = village.views()

    assert 1 == views.select("tasks", {"task_id": "T1"})[0]["taken"]
    assert [LANZHI] == [row["person_id"] for row in views.select("claims", {"task_id": "T1"})]


def test_a_final_rejection_frees_the_slot_in_the_task_row() -> None:
    village = Village.seeded()
    village.handle(issue("T1", slots=1))
    claim(village, LANZHI, 1)
    for attempt, hours in ((1, 2), (2, 4)):
        village.handle(
            SubmitCompletion(TaskId("T1"), f"第{attempt}次", PHOTOS, LANZHI, later(hours))
        )
        village.handle(RejectCompletion(TaskId("T1"), LANZHI, "不合格", REVIEWER, later(hours + 1)))
    views = village.views()

    [task] = views.select("tasks", {"task_id": "T1"})
    [row] = views.select("claims", {"task_id": "T1"})

    assert (0, "failed", 2, "不合格") == (
        task["taken"],
        row["status"],
        row["attempts"],
        row["reason"],
    )


def test_a_cancellation_releases_open_claims_and_keeps_approved_points() -> None:
    village = Village.seeded()
    village.handle(issue("T1", slots=3))
    complete(village, LANZHI, 1)
    claim(village, XINGCAN, 2)
    claim(village, VOLUNTEER, 2)
    village.handle(CancelTask(TaskId("T1"), "上级通知取消", ORGANIZER, later(5)))
    views = village.views()

    [task] = views.select("tasks", {"task_id": "T1"})
    claims = views.select("claims", {"task_id": "T1"}, order_by=("person_id",))
    [balance] = views.select("balances", {"person_id": LANZHI})

    assert ("cancelled", 1) == (task["status"], task["taken"])
    assert ["approved", "released", "released"] == [row["status"] for row in claims]
    assert 5 == balance["total"]


def test_a_claim_taken_again_after_a_rejection_and_withdrawal_keeps_its_used_attempts() -> None:
    village = Village.seeded()
    village.handle(issue("T1", slots=1))
    claim(village, LANZHI, 1)
    village.handle(SubmitCompletion(TaskId("T1"), "做完了", PHOTOS, LANZHI, later(2)))
    village.handle(RejectCompletion(TaskId("T1"), LANZHI, "照片看不清", REVIEWER, later(3)))
    village.handle(WithdrawClaim(TaskId("T1"), LANZHI, later(4)))
    claim(village, LANZHI, 5)
    views = village.views()

    [row] = views.select("claims", {"task_id": "T1"})

    expected = {"status": "claimed", "attempts": 1, "awarded": 0, "cycle": None, "reason": None}
    assert expected == {name: row[name] for name in expected}


# --- points -------------------------------------------------------------------------


def test_every_change_to_a_balance_is_one_ledger_row_naming_who_and_why() -> None:
    views = story().views()

    rows = views.select("ledger", {}, order_by=("position",))

    assert [
        (LANZHI, "credit", 5, "T1", REVIEWER, "环境卫生整治", ""),
        (VOLUNTEER, "credit", 3, "T1", SECRETARY, "环境卫生整治", "部分完成"),
        (LANZHI, "credit", 4, "T2", REVIEWER, "日常工作巡查", ""),
        (VOLUNTEER, "adjust", 2, "A1", SECRETARY, "加减分", "防汛值守"),
        (LANZHI, "adjust", -1, "A2", SECRETARY, "加减分", "会议缺席"),
        (VOLUNTEER, "revoke", -3, "T1", SECRETARY, "环境卫生整治", "督查发现照片系摆拍"),
    ] == only(rows, person_id=1, kind=1, delta=1, ref=1, actor_id=1, category=1, reason=1)
    assert {"2021-10"} == {row["cycle"] for row in rows}
    assert later(30).isoformat() == rows[-1]["at"]


def test_a_balance_sums_its_ledger_rows_and_counts_approved_tasks() -> None:
    views = story().views()
    ledger = views.select("ledger", {}, order_by=("position",))

    balances = views.select("balances", {"branch_id": BRANCH, "cycle": "2021-10"}, ("person_id",))

    last = {row["person_id"]: row["position"] for row in ledger}
    assert [
        (LANZHI, 8, 2, last[LANZHI]),
        (VOLUNTEER, 2, 0, last[VOLUNTEER]),
    ] == only(balances, person_id=1, total=1, credits=1, last_position=1)


def test_category_totals_split_a_balance_by_kind_of_work() -> None:
    views = story().views()

    totals = views.select("category_totals", {"person_id": LANZHI}, order_by=("category",))

    assert [("加减分", -1), ("日常工作巡查", 4), ("环境卫生整治", 5)] == only(
        totals, category=1, total=1
    )


def test_points_land_in_the_cycle_of_the_submission() -> None:
    village = Village.seeded()
    late_september = later(24 * 355)  # 2022-09-28, three days before the new cycle
    village.handle(issue("T1", days=360))
    claim(village, LANZHI, 24 * 355)
    village.handle(SubmitCompletion(TaskId("T1"), NOTE, PHOTOS, LANZHI, late_september))
    village.handle(ApproveCompletion(TaskId("T1"), LANZHI, None, "", REVIEWER, later(24 * 358)))
    village.handle(
        AdjustPoints(AdjustmentId("A1"), BRANCH, LANZHI, 1, "加分", SECRETARY, later(24 * 358))
    )
    views = village.views()

    balances = views.select("balances", {"person_id": LANZHI}, order_by=("cycle",))

    assert [("2021-10", 5), ("2022-10", 1)] == only(balances, cycle=1, total=1)


def test_events_without_points_change_no_ledger_row() -> None:
    recorded = Recorded(1, "task-T1", 2, LANZHI, later(1), claimed(LANZHI))

    assert [] == project_points(recorded)


# --- the wall from the views --------------------------------------------------------


def wall_of(views: MemoryViews, cycle: str) -> list[tuple[int, str, int]]:
    balances = {row["person_id"]: row for row in views.select("balances", {"cycle": cycle})}
    standings = [
        Standing(
            str(person["person_id"]),
            str(person["name"]),
            str(person["status"]),
            int(balances.get(person["person_id"], {}).get("total") or 0),
            int(balances.get(person["person_id"], {}).get("credits") or 0),
            int(balances.get(person["person_id"], {}).get("last_position") or 0),
        )
        for person in views.select("people", {"branch_id": BRANCH})
        if person["status"] in ("activist", "villager")
    ]
    return [(e.rank, e.standing.person_id, e.standing.total) for e in rank(standings)]


def test_the_wall_built_from_the_views_ranks_lanzhi_first() -> None:
    views = story().views()

    assert [(1, LANZHI, 8), (2, VOLUNTEER, 2), (3, XINGCAN, 0)] == wall_of(views, "2021-10")


def test_a_tie_is_broken_by_whoever_reached_the_total_first() -> None:
    village = Village.seeded()
    village.handle(issue("T1", slots=3))
    complete(village, XINGCAN, 1)
    complete(village, LANZHI, 5)
    village.handle(issue("T2", slots=3))
    complete(village, LANZHI, 10, task="T2")
    complete(village, XINGCAN, 12, task="T2")

    assert [(1, LANZHI, 10), (2, XINGCAN, 10), (3, VOLUNTEER, 0)] == wall_of(
        village.views(), "2021-10"
    )


# --- branches, people and the audit trail -------------------------------------------


def test_the_seed_village_built_by_commands_is_the_fixed_directory() -> None:
    assert support.directory() == Village.seeded().directory()


def test_the_setup_story_fills_the_branch_roles_and_roll() -> None:
    views = Village.seeded().views()

    [branch] = views.select("units", {"unit_id": BRANCH})
    roles = views.select("roles", {"branch_id": BRANCH}, order_by=("person_id",))
    people = views.select("people", {"branch_id": BRANCH})

    assert ("派溪吕村党支部", "branch", 10, TOWN) == (
        branch["name"],
        branch["kind"],
        branch["cycle_start_month"],
        branch["superior_id"],
    )
    assert [
        (REVIEWER, "reviewer", None),
        (ORGANIZER, "organizing", None),
        (SECRETARY, "secretary", None),
    ] == only(roles, person_id=1, role=1, until=1)
    assert 7 == len(people)


def test_ending_a_role_fills_in_its_until() -> None:
    village = Village.seeded()
    village.handle(EndRole(BRANCH, REVIEWER, Role.REVIEWER, "调离", SECRETARY, later(1)))

    [row] = village.views().select("roles", {"person_id": REVIEWER})

    assert later(1).isoformat() == row["until"]


def test_a_status_change_shows_on_the_roll() -> None:
    village = Village.seeded()
    since = T0.date()
    village.handle(
        ChangePartyStatus(LANZHI, PartyStatus.CANDIDATE, since, "列为发展对象", SECRETARY, later(1))
    )

    [row] = village.views().select("people", {"person_id": LANZHI})

    assert ("candidate", since.isoformat()) == (row["status"], row["status_since"])


def trail(village: Village, subject: str) -> list[Recorded[Any]]:
    """The recorded events the audit index lists for ``subject``, in order."""
    rows = village.views().select("audit", {"subject": subject}, order_by=("position",))
    return [village.log[int(row["position"]) - 1] for row in rows]


def test_the_audit_trail_of_a_task_lists_its_events_in_order() -> None:
    village = story()

    events = trail(village, "task:T1")

    assert [
        "TaskIssued",
        "TaskClaimed",
        "CompletionSubmitted",
        "CompletionApproved",
        "TaskClaimed",
        "ClaimWithdrawn",
        "TaskClaimed",
        "CompletionSubmitted",
        "CompletionApproved",
        "PointsRevoked",
    ] == [type(r.event).__name__ for r in events]
    assert list(range(1, 11)) == [r.version for r in events]
    assert {"task-T1"} == {r.stream_id for r in events}


def test_the_audit_trail_of_a_person_gathers_every_stream_they_appear_in() -> None:
    village = story()

    events = trail(village, f"person:{VOLUNTEER}")

    assert [
        ("person-lv-zhiyuan", "PersonRegistered"),
        ("task-T1", "TaskClaimed"),
        ("task-T1", "CompletionSubmitted"),
        ("task-T1", "CompletionApproved"),
        ("adjustment-A1", "PointsAdjusted"),
        ("task-T1", "PointsRevoked"),
    ] == [(r.stream_id, type(r.event).__name__) for r in events]


@pytest.mark.parametrize(
    ("event", "subjects"),
    [
        (issued(), ["branch:paixilv", "task:T1"]),
        (claimed(LANZHI), ["task:T1", "person:lv-lanzhi"]),
        (cancelled(LANZHI, XINGCAN), ["task:T1", "person:lv-lanzhi", "person:lv-xingcan"]),
        (RoleAssigned(BRANCH, REVIEWER, Role.REVIEWER, T0), ["branch:paixilv", "person:hu-wy"]),
    ],
    ids=["issued", "claimed", "cancelled", "role"],
)
def test_an_audit_row_is_written_for_every_subject_an_event_concerns(
    event: object, subjects: list[str]
) -> None:
    recorded = Recorded(7, "some-stream", 3, ORGANIZER, later(1), event)

    changes = project_audit(recorded)

    assert subjects == [change.key["subject"] for change in changes]
    assert {7} == {change.key["position"] for change in changes}


def test_an_event_is_described_by_its_chinese_name_and_its_fields() -> None:
    summary = describe(rejected(LANZHI, "照片看不清"))

    assert summary.startswith("审核未通过: ")
    assert "claimant_id=lv-lanzhi" in summary
    assert "reason=照片看不清" in summary


def test_project_all_changes_only_the_read_models_an_event_concerns() -> None:
    recorded = Recorded(3, "task-T1", 3, LANZHI, later(2), submitted(LANZHI))

    tables = {change.table for change in project_all(recorded)}

    assert {"claims", "audit"} == tables


def test_a_task_issued_by_hand_built_records_projects_like_the_village() -> None:
    log = [
        Recorded(1, "task-T1", 1, ORGANIZER, T0, issued(slots=2)),
        Recorded(2, "task-T1", 2, LANZHI, later(1), claimed(LANZHI)),
        Recorded(3, "task-T1", 3, MEMBER, later(1), claimed(MEMBER)),
    ]

    [task] = project(log).select("tasks", {"task_id": "T1"})

    assert (2, 1, ORGANIZER) == (task["taken"], task["position"], task["issued_by"])
    assert [] == [c for c in project_tasks(log[0]) if c.table != "tasks"]
