"""The projector as its own process (``dangjian project run``), killed and stopped for real.

A county's worth of events sits in a SQLite file or a PostgreSQL schema. The projector is
SIGKILLed at random moments while it applies pages, restarted each time, and finally run
with ``--once``: the views must equal a fresh rebuild from the log (nothing counted twice,
nothing missed) and the tracked position must be the log's end. Started while commands
keep arriving, it catches up with them and stops cleanly on SIGTERM.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import psycopg
import pytest
from benchmarks.generate import YEAR_START, county

from adapters.app import open_app
from adapters.app.replay import replay_check
from adapters.storage.store import EventStore
from adapters.storage.urls import open_store
from dangjian_core.people.commands import RegisterPerson
from dangjian_core.people.events import PartyStatus
from tests import postgres
from tests.adapters.stores import backend_url

REPO = Path(__file__).resolve().parents[2]
KILLS = 5
STOPPED = "投影进程结束"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def file_or_schema(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh SQLite file, or a fresh PostgreSQL schema (dropped after)."""
    with backend_url(request.param, tmp_path) as url:
        yield url


def _load_county(url: str, branches: int, people: int, tasks_per_branch: int) -> int:
    """Bulk-load a small generated county (every event decided by the core); the count."""
    with open_app(url) as app:
        return app.load(county(7, 2, branches, people, tasks_per_branch), batch=1000)


def _project_run(url: str, *options: str) -> list[str]:
    return [sys.executable, "-m", "adapters.cli.main", "--store", url, "project", "run", *options]


def _projector(url: str, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        _project_run(url, "--page", "200", "--poll", "0.05"),
        cwd=REPO,
        env={**os.environ, "PYTHONUNBUFFERED": "1", **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _position(store: EventStore) -> int:
    with store.views() as views:
        return views.position()


def _wait_for(condition: Callable[[], bool], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.01)


def test_a_projector_killed_mid_batch_again_and_again_resumes_without_double_counting(
    file_or_schema: str,
) -> None:
    # given some 12,000 events and no views applied yet
    events = _load_county(file_or_schema, branches=8, people=400, tasks_per_branch=80)
    store = open_store(file_or_schema)
    rng = random.Random(5)
    positions, exits = [_position(store)], []

    # when the projector is SIGKILLed at a random moment while it applies pages, five times
    for _ in range(KILLS):
        projector = _projector(file_or_schema)
        _wait_for(lambda: _position(store) > positions[-1])
        time.sleep(rng.uniform(0, 0.1))
        projector.send_signal(signal.SIGKILL)
        exits.append(projector.wait(timeout=10))
        positions.append(_position(store))
    # and then run once to the end
    finished = subprocess.run(
        _project_run(file_or_schema, "--once", "--page", "200"),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )

    # then every kill landed before the end, with progress in between
    assert [-signal.SIGKILL] * KILLS == exits
    assert positions == sorted(set(positions)), positions
    assert positions[-1] < store.max_position()
    # and the last run finished the log: the views equal a fresh rebuild, nothing counted twice
    assert (0, "") == (finished.returncode, finished.stderr)
    assert store.max_position() == _position(store)
    report = replay_check(store)
    assert (True, events) == (report.ok, report.events), report.differences[:3]
    store.close()


def _newcomer(count: int) -> RegisterPerson:
    """The count-th new villager of branch t00-b000."""
    return RegisterPerson(
        f"t00-b000-new{count:04d}",
        "t00-b000",
        f"新村民{count}号",
        PartyStatus.VILLAGER,
        date(2023, 7, 1),
        "town-00",
        YEAR_START + timedelta(days=200, seconds=count),
    )


def _keep_registering(url: str, stop: threading.Event) -> int:
    """New villagers for branch t00-b000 until ``stop``; how many were registered."""
    count = 0
    with open_app(url) as app:
        while not stop.is_set():
            app.handle(_newcomer(count))
            count += 1
    return count


def test_a_projector_started_while_commands_arrive_catches_up_and_stops_on_sigterm(
    file_or_schema: str,
) -> None:
    # given a small county and a projector following the log
    _load_county(file_or_schema, branches=4, people=200, tasks_per_branch=40)
    store = open_store(file_or_schema)
    projector = _projector(file_or_schema)

    # when commands keep arriving for two seconds while it runs
    stop, registered = threading.Event(), []
    writer = threading.Thread(
        target=lambda: registered.append(_keep_registering(file_or_schema, stop))
    )
    writer.start()
    time.sleep(2)
    stop.set()
    writer.join(timeout=30)
    # and it is sent SIGTERM once it has caught up
    _wait_for(lambda: _position(store) == store.max_position())
    running = projector.poll() is None
    projector.send_signal(signal.SIGTERM)
    stdout, stderr = projector.communicate(timeout=30)

    # then it had applied every event, including the new ones, and exited cleanly
    assert running, stderr
    assert 0 < registered[0]
    assert (0, "") == (projector.returncode, stderr)
    assert STOPPED in stdout
    assert store.max_position() == _position(store)
    assert replay_check(store).ok
    store.close()


@pytest.mark.postgres
def test_a_projector_whose_connections_are_cut_reconnects_and_catches_up(
    tmp_path: Path,
) -> None:
    with backend_url("postgres", tmp_path) as url:
        _load_county(url, branches=2, people=40, tasks_per_branch=2)
        store = open_store(url)
        admin = psycopg.connect(postgres.server_url() or "", autocommit=True)
        name = f"projector-{os.getpid()}-{time.monotonic_ns()}"
        projector = _projector(url, PGAPPNAME=name)  # libpq names its connections so
        try:
            _wait_for(lambda: _position(store) == store.max_position())
            # the database drops every connection the projector holds, and no one else's
            cut = admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE application_name = %s",
                (name,),
            ).fetchall()
            assert cut, "the projector's connections were found"
            with open_app(url) as app:
                app.handle(_newcomer(1))
            _wait_for(lambda: _position(store) == store.max_position(), seconds=60)
        finally:
            projector.send_signal(signal.SIGTERM)
            _, stderr = projector.communicate(timeout=30)
            store.close()
            admin.close()

    assert 0 == projector.returncode, stderr
    assert "数据库暂时不可用" in stderr
