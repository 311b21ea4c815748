"""SQLite locks and files: a writer stopped inside ``writing()`` makes other writers wait
at most the lock timeout (then StoreBusy) and does not block queries: on current views they answer at once, on views behind the
log after the catch-up's patience, from the views and the log's tail;
new store files are created owner-only (0600)."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from adapters.app import Dangjian
from adapters.storage.errors import StoreBusy
from adapters.storage.sqlite import SqliteEventStore
from adapters.storage.store import NewEvent
from adapters.views import reading
from dangjian_core.tasks.commands import ClaimTask
from tests import support
from tests.support import LANZHI, issue, later

REPO = Path(__file__).resolve().parents[2]


@contextmanager
def _stopped_writer(path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process stopped (SIGSTOP) inside ``writing()`` on ``path`` until the block ends."""
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.adapters.stopped_writer_worker", str(path)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == "writing\n", child.stderr
        yield child
    finally:
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=30)


def _within(seconds: float, call: Callable[[], Any]) -> tuple[float, BaseException | None]:
    """Run ``call`` in a thread: how long it took and what it raised; fails if it still
    waits after ``seconds`` (the thread, a daemon, is left behind)."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            call()
        except BaseException as error:  # handed to the test
            outcome.append(error)
        else:
            outcome.append(None)

    started = time.monotonic()
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert outcome, f"still waiting after {seconds} s"
    return time.monotonic() - started, outcome[0]


def test_a_stopped_writer_makes_others_wait_at_most_the_lock_timeout(tmp_path: Path) -> None:
    # given a village on a SQLite store with a lock timeout of 1 s, its views current
    path = tmp_path / "dangjian.db"
    app = Dangjian(SqliteEventStore(str(path), lock_timeout=1))
    for command in support.setup_commands():
        app.handle(command)
    app.handle(issue("T-stop", slots=3))
    app.catch_up()
    before = app.store.max_position()
    claim = ClaimTask("T-stop", LANZHI, later(1))
    try:
        with _stopped_writer(path):
            # when another writer is stopped inside writing()
            # then a command waits about the timeout and is refused as busy
            waited, raised = _within(8, lambda: app.handle(claim))
            assert isinstance(raised, StoreBusy), raised
            assert (True, "busy") == (0.9 < waited < 5, raised.code)
            # and so does a write straight to the store
            event = NewEvent(1, "t", b"{}")
            waited, raised = _within(8, lambda: app.store.append_batch([("x-1", event)]))
            assert (True, True) == (isinstance(raised, StoreBusy), 0.9 < waited < 5), raised
            # and opening the store (which takes the write lock to create its tables)
            _, raised = _within(8, lambda: SqliteEventStore(str(path), lock_timeout=1))
            assert isinstance(raised, StoreBusy), raised
            # while queries on current views answer at once
            waited, raised = _within(8, lambda: app.queries.task("T-stop"))
            assert (None, True) == (raised, waited < 0.9)
        # once the stopped writer is gone, nothing was written and the claim goes through
        assert before == app.store.max_position()
        assert app.handle(claim).changed
    finally:
        app.store.close()


def test_a_query_behind_a_stopped_writer_answers_from_the_views_and_the_logs_tail(
    tmp_path: Path,
) -> None:
    # given views that lag behind the log (a claim recorded since they were caught up)
    path = tmp_path / "dangjian.db"
    app = Dangjian(SqliteEventStore(str(path)))  # the default lock timeout: 120 s
    for command in support.setup_commands():
        app.handle(command)
    app.handle(issue("T-lag", slots=3))
    app.catch_up()
    app.handle(ClaimTask("T-lag", LANZHI, later(1)))
    try:
        with _stopped_writer(path):
            # when a query needs the write lock to catch the views up, and a writer holds it
            answer: list[Any] = []
            waited, raised = _within(20, lambda: answer.append(app.queries.task("T-lag")))
            # then it answers after the catch-up's patience, not the lock timeout, and
            # the answer includes the claim the views had not applied
            assert (None, True) == (raised, waited < reading.CATCH_UP_PATIENCE + 3)
            assert [LANZHI] == [claim["person_id"] for claim in answer[0].claims]
        # and once the writer is gone the views catch up as before
        assert app.queries.task("T-lag").claims == answer[0].claims
        assert app.catch_up() == 0
    finally:
        app.store.close()


def _modes(path: Path) -> dict[str, int]:
    """The permission bits of the store file and its companions that exist."""
    found = sorted(path.parent.glob(f"{path.name}*"))
    return {p.name.removeprefix(path.name) or "db": stat.S_IMODE(p.stat().st_mode) for p in found}


@pytest.mark.parametrize("umask", [0o022, 0o002])
def test_new_store_files_are_created_owner_only(tmp_path: Path, umask: int) -> None:
    # given a permissive umask and no store yet
    path = tmp_path / "dangjian.db"
    previous = os.umask(umask)
    try:
        # when a store is opened and written (its WAL and lock files then exist)
        store = SqliteEventStore(str(path))
        try:
            store.append_batch([("x-1", NewEvent(1, "t", b"{}"))])
            modes = _modes(path)
        finally:
            store.close()
    finally:
        os.umask(previous)

    # then the database, its -wal, -shm and the writers' lock file are 0600
    assert {"db", "-wal", "-shm", "-writer.lock"} <= modes.keys()
    assert dict.fromkeys(modes, 0o600) == modes


def test_an_existing_store_file_keeps_its_mode(tmp_path: Path) -> None:
    # given a store file its operator made group-readable
    path = tmp_path / "dangjian.db"
    SqliteEventStore(str(path)).close()
    path.chmod(0o640)

    # when it is opened and written again
    store = SqliteEventStore(str(path))
    try:
        store.append_batch([("x-1", NewEvent(1, "t", b"{}"))])
    finally:
        store.close()

    # then its mode is unchanged
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
