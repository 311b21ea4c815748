"""When an event was recorded, beside when it says it happened: the trail shows an
event entered after its time (补录) as such, from the envelope's server time; and a late
entry needs its authority also at the time of recording."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from adapters.app import Dangjian, open_app
from adapters.audit.verify import verify
from dangjian_core.kernel.errors import Unauthorized
from dangjian_core.kernel.ids import TaskId
from dangjian_core.points.commands import AdjustPoints
from dangjian_core.tasks.commands import ApproveCompletion, ClaimTask, SubmitCompletion
from dangjian_core.units.commands import EndRole, FoundBranch
from dangjian_core.units.roles import Role
from tests.support import BRANCH, LANZHI, REVIEWER, SECRETARY, TOWN, issue, later


def test_the_trail_marks_an_event_recorded_after_its_time_as_entered_late(app: Dangjian) -> None:
    app.handle(AdjustPoints("A1", BRANCH, LANZHI, 2, "当场加分", SECRETARY, datetime.now(UTC)))
    app.handle(AdjustPoints("A2", BRANCH, LANZHI, 3, "事后补记", SECRETARY, later(5)))

    rows = app.queries.trail(f"person:{LANZHI}")
    on_time = next(row for row in rows if "adjustment_id=A1" in str(row["summary"]))
    late = next(row for row in rows if "adjustment_id=A2" in str(row["summary"]))

    assert on_time["late"] is False
    assert late["late"] is True
    assert datetime.fromisoformat(late["recorded_at"]) > datetime.fromisoformat(late["at"])


def test_the_inspectors_report_counts_late_entries_per_actor(app: Dangjian) -> None:
    # the test village itself was set up with 2021 times, so it starts with late entries
    before = dict(verify(app.store, [], []).late)
    app.handle(AdjustPoints("A1", BRANCH, LANZHI, 2, "当场加分", SECRETARY, datetime.now(UTC)))
    app.handle(AdjustPoints("A2", BRANCH, LANZHI, 3, "事后补记", SECRETARY, later(5)))
    app.handle(AdjustPoints("A3", BRANCH, LANZHI, 1, "事后补记", SECRETARY, later(6)))

    report = verify(app.store, [], [])
    late = dict(report.late)
    entries = next(line for line in report.sections if line.check == "entries")

    assert before.get(SECRETARY, 0) + 2 == late[SECRETARY]
    assert "note" == entries.status
    assert f"{SECRETARY} × {late[SECRETARY]}" in entries.zh
    assert report.ok  # a late entry is shown, not a failure


def test_a_log_entered_on_time_reports_no_late_entries(store_url: str) -> None:
    with open_app(store_url) as app:
        now = datetime.now(UTC)
        app.handle(FoundBranch(BRANCH, "派溪吕村党支部", 10, TOWN, now))
        report = verify(app.store, [], [])

    entries = next(line for line in report.sections if line.check == "entries")
    assert () == report.late
    assert "ok" == entries.status


def _review_waiting(app: Dangjian) -> None:
    app.handle(issue("T1"))
    app.handle(ClaimTask(TaskId("T1"), LANZHI, later(1)))
    app.handle(SubmitCompletion(TaskId("T1"), "已完成", (), LANZHI, later(2)))


def test_an_ex_reviewer_cannot_date_an_approval_back_to_their_term(app: Dangjian) -> None:
    _review_waiting(app)
    app.handle(EndRole(BRANCH, REVIEWER, Role.REVIEWER, "换届", SECRETARY, datetime.now(UTC)))
    before = app.store.max_position()

    with pytest.raises(Unauthorized, match="补录"):
        app.handle(ApproveCompletion(TaskId("T1"), LANZHI, None, "", REVIEWER, later(3)))

    assert before == app.store.max_position()


def test_a_reviewer_still_in_office_may_enter_an_approval_late(app: Dangjian) -> None:
    _review_waiting(app)

    outcome = app.handle(ApproveCompletion(TaskId("T1"), LANZHI, None, "", REVIEWER, later(3)))

    assert outcome.changed
    row = app.queries.trail("task:T1")[-1]
    assert row["late"] is True
