"""Faults: projections that die between applying events and recording progress, a full disk
and a read-only store. Each fails cleanly with a typed error and leaves nothing partial:
the events and the chain agree, and verification stays clean."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from eventsourcing.sqlite import SQLiteConnectionPool

from adapters.app import Dangjian, open_app
from adapters.app.replay import replay_check
from adapters.cli.main import cli
from adapters.storage.errors import StorageError
from adapters.storage.sql_views import SqlViewTransaction
from adapters.storage.views import MemoryViewTransaction
from dangjian_core.points.commands import AdjustPoints
from dangjian_core.tasks.commands import ClaimTask
from tests.adapters.audit_support import checked
from tests.adapters.stores import village_app
from tests.adapters.test_replay import a_season
from tests.support import BRANCH, LANZHI, SECRETARY, XINGCAN, later


def _balance(app: Dangjian, person: str) -> int:
    return app.queries.explain(person, "2021-10").total


def test_views_killed_after_applying_but_before_recording_progress_never_double_count(
    app: Dangjian, monkeypatch: pytest.MonkeyPatch
) -> None:
    a_season(app)
    for kind in (SqlViewTransaction, MemoryViewTransaction):
        original = kind.set_position

        def killed(self: Any, position: int, original: Callable[..., None] = original) -> None:
            raise RuntimeError(f"killed before recording position {position}")

        monkeypatch.setattr(kind, "set_position", killed)
    with pytest.raises(RuntimeError, match="killed"):
        app.catch_up()
    with pytest.raises(RuntimeError, match="killed"):
        app.catch_up()  # and again: the first attempt left nothing behind
    monkeypatch.undo()

    applied = app.catch_up()

    assert app.store.max_position() == applied  # everything applied exactly once, from 0
    assert (7, 0) == (_balance(app, LANZHI), _balance(app, XINGCAN))  # 5 + 2; 3 revoked
    assert replay_check(app.store).ok


def _page_limited(monkeypatch: pytest.MonkeyPatch, pages: int) -> None:
    """Every new SQLite connection may grow the file to ``pages`` pages only (SQLITE_FULL)."""
    original = SQLiteConnectionPool._create_connection

    def limited(self: SQLiteConnectionPool) -> Any:
        connection = original(self)
        connection._sqlite_conn.execute(f"PRAGMA max_page_count = {pages}")
        return connection

    monkeypatch.setattr(SQLiteConnectionPool, "_create_connection", limited)


def test_a_full_disk_fails_the_command_cleanly_and_writes_nothing(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with village_app(sqlite_url) as app:
        a_season(app)
        app.catch_up()
    path = sqlite_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        (pages,) = db.execute("PRAGMA page_count").fetchone()
    _page_limited(monkeypatch, pages)
    written, failure = 0, None
    with open_app(sqlite_url) as app:
        for n in range(2000):
            command = AdjustPoints(f"F{n}", BRANCH, LANZHI, 1, "满" * 400, SECRETARY, later(50))
            try:
                app.handle(command, command_id=f"full-{n}")
            except StorageError as error:
                failure = (n, error)
                break
            written += 1
        assert failure is not None, "the page limit was never reached"
        assert "full" in failure[1].en
        with app.store.writing("check") as tx:
            assert tx.recall(f"full-{failure[0]}") is None
    monkeypatch.undo()

    report = checked(sqlite_url, [])
    assert report.ok, report.findings
    with open_app(sqlite_url) as app:
        assert 28 + written == app.store.max_position()


@pytest.fixture
def read_only_copy(sqlite_url: str) -> Iterator[Path]:
    """The season's store copied into a directory other users may enter, then made
    read-only for whoever runs the command (root is made ``nobody`` for it)."""
    with village_app(sqlite_url) as app:
        a_season(app)
        app.catch_up()
    directory = Path(tempfile.mkdtemp(prefix="dangjian-ro-"))
    copy = directory / "ro.db"
    shutil.copy(sqlite_url.removeprefix("sqlite:///"), copy)
    copy.chmod(0o444)
    directory.chmod(0o555)
    yield copy
    directory.chmod(0o755)
    shutil.rmtree(directory)


def _as_a_reader(action: Callable[[], str]) -> str:
    """Run ``action`` in a child process that may read but not write the copy."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read)
        try:
            if os.geteuid() == 0:
                os.setgid(65534)
                os.setuid(65534)
            result = action()
        except BaseException as error:
            result = f"raised {type(error).__name__}: {error}"
        os.write(write, result.encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        result = pipe.read()
    os.waitpid(pid, 0)
    return result


def test_a_read_only_store_refuses_the_command_in_one_line_and_is_unchanged(
    read_only_copy: Path,
) -> None:
    before = read_only_copy.read_bytes()

    # The command line imports a command family when it runs: import it here, since the
    # child that runs it as nobody may not read root's Python installation.
    CliRunner().invoke(cli, ["task", "claim", "--help"])

    def claim() -> str:
        argv = [
            "--store",
            str(read_only_copy),
            "task",
            "claim",
            "T1",
            "--as",
            LANZHI,
            "--at",
            "2021-10-08T10:00",
        ]
        result = CliRunner().invoke(cli, argv, catch_exceptions=False)
        return f"{result.exit_code}|{result.stderr}"

    exit_code, stderr = _as_a_reader(claim).split("|", 1)

    assert "6" == exit_code, stderr
    assert stderr.startswith("错误: ")
    assert 1 == len(stderr.splitlines())
    assert before == read_only_copy.read_bytes()
    assert [] == [p.name for p in read_only_copy.parent.iterdir() if p.name != "ro.db"]


def test_a_store_opened_then_made_read_only_fails_the_write_cleanly(sqlite_url: str) -> None:
    with village_app(sqlite_url) as app:
        a_season(app)
        events = app.store.max_position()
        with app.store.writing("probe") as tx:
            tx.read_stream("task-T1")
        # the database refuses writes from here on, as a read-only mount would
        for connection in app.store.datastore.pool._pool:
            connection._sqlite_conn.execute("PRAGMA query_only = 1")
        with pytest.raises(StorageError) as refused:
            app.handle(ClaimTask("T1", XINGCAN, later(1)), command_id="ro-1")
        assert "readonly" in refused.value.en or "read-only" in refused.value.en
    assert checked(sqlite_url, []).ok
    with open_app(sqlite_url) as app:
        assert events == app.store.max_position()
