"""Replay: the published figures follow from the log and nothing else, on every backend."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from adapters.app import Dangjian
from adapters.app.replay import Difference, replay_check
from adapters.storage import projector
from adapters.storage.sqlite import SqliteEventStore
from adapters.storage.store import StoredRow
from adapters.storage.views import Rows
from dangjian_core.catalog import ALL_TABLES
from dangjian_core.points.commands import AdjustPoints
from dangjian_core.tasks.commands import (
    ApproveCompletion,
    CancelTask,
    ClaimTask,
    RejectCompletion,
    RevokePoints,
    SubmitCompletion,
    WithdrawClaim,
)
from tests.adapters.stores import village_app
from tests.support import (
    BRANCH,
    LANZHI,
    MEMBER,
    REVIEWER,
    SECRETARY,
    VOLUNTEER,
    XINGCAN,
    issue,
    later,
)


def a_season(app: Dangjian) -> None:
    """A few weeks of 派溪吕村: tasks claimed, done, reviewed, revoked, adjusted."""
    app.handle(issue("T1", points=5, slots=3))
    app.handle(issue("T2", points=8, slots=1, category="日常工作巡查"))
    for person in (LANZHI, XINGCAN, VOLUNTEER):
        app.handle(ClaimTask("T1", person, later(1)))
    app.handle(ClaimTask("T2", XINGCAN, later(1)))
    app.handle(WithdrawClaim("T1", VOLUNTEER, later(2)))
    app.handle(SubmitCompletion("T1", "打扫村口", ("a.jpg",), LANZHI, later(3)))
    app.handle(SubmitCompletion("T1", "清理水沟", (), XINGCAN, later(3)))
    app.handle(ApproveCompletion("T1", LANZHI, None, "", REVIEWER, later(4)))
    app.handle(ApproveCompletion("T1", XINGCAN, 3, "只完成一半", REVIEWER, later(4)))
    app.handle(RevokePoints("T1", XINGCAN, "核查发现未完成", SECRETARY, later(30)))
    app.handle(SubmitCompletion("T2", "巡查三次", (), XINGCAN, later(5)))
    app.handle(RejectCompletion("T2", XINGCAN, "记录不全", REVIEWER, later(6)))
    app.handle(CancelTask("T2", "上级取消部署", SECRETARY, later(7)))
    app.handle(AdjustPoints("A1", BRANCH, LANZHI, 2, "带头捐款", SECRETARY, later(8)))
    app.handle(AdjustPoints("A2", BRANCH, MEMBER, -1, "缺席会议", SECRETARY, later(9)))


def _rebuild(source: Dangjian, path: Path) -> dict[str, Rows]:
    fresh = SqliteEventStore(str(path))
    try:
        projector.catch_up(fresh, source=source.store)
        with fresh.views() as views:
            return views.dump()
    finally:
        fresh.close()


def _sql(url: str, statement: str, *params: object) -> None:
    with sqlite3.connect(url.removeprefix("sqlite:///")) as db:
        db.execute(statement, params)


def test_replaying_a_healthy_store_finds_no_difference(app: Dangjian) -> None:
    a_season(app)

    report = replay_check(app.store)

    assert (True, (), app.store.max_position()) == (report.ok, report.differences, report.events)
    assert 3 == report.rows["balances"]


def test_replay_catches_the_live_views_up_first(app: Dangjian) -> None:
    a_season(app)

    report = replay_check(app.store)

    with app.store.views() as views:
        assert app.store.max_position() == views.position()
    assert report.ok


def test_two_replays_of_the_same_log_give_identical_views(app: Dangjian, tmp_path: Path) -> None:
    a_season(app)

    first = _rebuild(app, tmp_path / "first.db")
    second = _rebuild(app, tmp_path / "second.db")

    assert first == second
    assert first["ledger"]


def test_the_same_commands_give_the_same_views_on_every_backend(tmp_path: Path) -> None:
    # given the same season on an in-memory store and in an SQLite file
    with (
        village_app("memory://") as memory,
        village_app(f"sqlite:///{tmp_path / 'a.db'}") as sqlite,
    ):
        a_season(memory)
        a_season(sqlite)
        memory.catch_up()
        sqlite.catch_up()

        # then the views are equal row for row
        with memory.store.views() as a, sqlite.store.views() as b:
            assert a.dump() == b.dump()


def test_a_tampered_balance_is_reported_as_a_difference(sqlite_url: str) -> None:
    # given caught-up views in which someone then raises 吕兰枝's total by hand
    with village_app(sqlite_url) as app:
        a_season(app)
        app.catch_up()
        with app.store.views() as views:
            [honest] = views.select("balances", {"person_id": LANZHI})
    _sql(sqlite_url, "UPDATE view_balances SET total = total + 100 WHERE person_id = ?", LANZHI)

    # when the log is replayed
    with village_app(sqlite_url) as app:
        report = replay_check(app.store)

    # then exactly that row is reported, with the live and the rebuilt values
    tampered = {**honest, "total": int(honest["total"] or 0) + 100}
    expected = (Difference("balances", (BRANCH, "2021-10", LANZHI), tampered, honest),)
    assert (False, expected) == (report.ok, report.differences)


def test_a_deleted_ledger_line_and_an_invented_one_are_both_reported(sqlite_url: str) -> None:
    with village_app(sqlite_url) as app:
        a_season(app)
        app.catch_up()
        with app.store.views() as views:
            first_line = views.select("ledger", {}, order_by=("position",))[0]
    _sql(sqlite_url, "DELETE FROM view_ledger WHERE position = ?", first_line["position"])
    _sql(sqlite_url, "INSERT INTO view_ledger (position, delta) VALUES (9999, 50)")

    with village_app(sqlite_url) as app:
        report = replay_check(app.store)

    found = {(d.table, d.key, d.live is None, d.rebuilt is None) for d in report.differences}
    expected = {
        ("ledger", (first_line["position"],), True, False),
        ("ledger", (9999,), False, True),
    }
    assert expected == found


def test_a_tampered_tracking_position_does_not_fool_replay(sqlite_url: str) -> None:
    # given views whose tracking was wound back, so the next catch-up applies events twice
    with village_app(sqlite_url) as app:
        a_season(app)
        app.catch_up()
        position = app.store.max_position()
    _sql(sqlite_url, "UPDATE tracking SET notification_id = ? WHERE application_name = ?",
         position - 3, "dangjian_views")  # fmt: skip

    with village_app(sqlite_url) as app:
        report = replay_check(app.store)

    assert not report.ok


def test_a_command_recorded_while_replay_runs_is_not_reported_as_tampering(
    app: Dangjian, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a healthy, caught-up store
    a_season(app)
    app.catch_up()
    read_log = app.store.read_log
    written: list[bool] = []

    def read_log_while_someone_writes(after_position: int, limit: int) -> list[StoredRow]:
        if after_position == 0 and not written:  # the rebuild has started
            written.append(True)
            app.handle(ClaimTask("T1", VOLUNTEER, later(31)))
        return read_log(after_position, limit)

    monkeypatch.setattr(app.store, "read_log", read_log_while_someone_writes)

    # when a volunteer claims while the inspector replays
    report = replay_check(app.store)

    # then nothing is amiss
    assert written
    assert (True, ()) == (report.ok, report.differences)


def test_every_long_phase_of_a_replay_shows_its_progress(app: Dangjian) -> None:
    # given views that lag behind the log by a task and a claim
    app.handle(issue("T-stages", slots=2))
    app.handle(ClaimTask("T-stages", LANZHI, later(1)))
    end = app.store.max_position()
    with app.store.views() as views:
        behind = end - views.position()
    shown: list[tuple[str, int, int]] = []

    @contextmanager
    def stages(label: str, total: int) -> Iterator[Callable[[int], None]]:
        done = [0]
        yield lambda count: done.__setitem__(0, done[0] + count)
        shown.append((label.split(" / ")[1], total, done[0]))

    # when the replay runs with a bar for each phase
    report = replay_check(app.store, stages=stages)

    # then catching up, copying, replaying and comparing each showed a bar that filled up
    tables = len(ALL_TABLES)
    assert (True, True) == (report.ok, behind >= 2)
    assert [
        ("catching up the live views", behind, behind),
        ("copying the live views", tables, tables),
        ("replaying", end, end),
        ("comparing", tables, tables),
    ] == shown
